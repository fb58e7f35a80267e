"""Idle servers are stopped by jupyterhub-idle-culler, configured by the snippet in instructor-guide/deployment.md
(a hub-managed service with the four scopes its README lists), here with an 8-second timeout."""

from __future__ import annotations

import time

import pytest

from tests.hub import hubkit
from tests.hub.conftest import require_hub

pytestmark = [pytest.mark.hub, pytest.mark.slow]

@pytest.fixture(scope="module")
def culling_hub(tmp_path_factory):
    require_hub()
    server = hubkit.start_hub(tmp_path_factory.mktemp("culling-hub"), cull_after=8)
    yield server
    hubkit.stop_hub(server)


def test_an_idle_server_is_stopped_and_its_answers_stay(culling_hub):
    server = culling_hub.spawn("dreamer")
    kernel = server.kernel("lesson.ipynb")
    try:
        kernel.run("import kit\nlesson = kit.lesson.start('L00')\nlesson.ask('q01').value = 'stop'")
        kernel.socket.close()  # the connection drops (a proxy restart, a flaky network): the client opens a new one
        assert kernel.run("print(lesson.ask('q01').value)").strip() == "stop"
        assert kernel.reconnects == 1
    finally:
        kernel.close()
    deadline = time.monotonic() + 60
    while culling_hub.server_running("dreamer") and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not culling_hub.server_running("dreamer"), culling_hub.log()[-2000:]
    assert "Culling server dreamer" in culling_hub.log() or "culling server dreamer" in culling_hub.log().lower()
    assert (culling_hub.answers / "dreamer" / "dreamer" / "L00.json").exists()  # stopping a server loses no answer
