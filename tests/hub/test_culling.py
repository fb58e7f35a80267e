"""Idle servers are stopped by jupyterhub-idle-culler, configured as instructor-guide/deployment.md says
(a hub-managed service with the four scopes its README lists); here with an 8-second timeout."""

from __future__ import annotations

import sys
import time

import pytest

from tests.hub import hubkit
from tests.hub.conftest import require_hub

pytestmark = [pytest.mark.hub, pytest.mark.slow]

CULLER = "jupyterhub-idle-culler-service"
CULLER_ROLE = {"name": "jupyterhub-idle-culler-role", "services": [CULLER],
               "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}


@pytest.fixture(scope="module")
def culling_hub(tmp_path_factory):
    require_hub()
    culler = {"name": CULLER, "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=8", "--cull-every=2"]}
    server = hubkit.start_hub(tmp_path_factory.mktemp("culling-hub"), services=[culler], roles=[CULLER_ROLE])
    yield server
    hubkit.stop_hub(server)


def test_an_idle_server_is_stopped_and_its_answers_stay(culling_hub):
    server = culling_hub.spawn("dreamer")
    kernel = server.kernel("lesson.ipynb")
    try:
        kernel.run("import kit\nlesson = kit.lesson.start('L00')\nlesson.ask('q01').value = 'stop'")
    finally:
        kernel.close()
    deadline = time.monotonic() + 60
    while culling_hub.server_running("dreamer") and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not culling_hub.server_running("dreamer"), culling_hub.log()[-2000:]
    assert "Culling server dreamer" in culling_hub.log() or "culling server dreamer" in culling_hub.log().lower()
    assert (culling_hub.answers / "dreamer" / "dreamer" / "L00.json").exists()  # stopping a server loses no answer
