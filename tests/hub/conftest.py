"""A real JupyterHub per test module (see tests/hub/hubkit.py).

Without jupyterhub, nbgitpuller or configurable-http-proxy (``npm ci --prefix
tests/hub/node``) the hub tests are skipped with the reason, unless
MEDIALIT_REQUIRE_HUB=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

import pytest

from kit import settings
from tests.hub import hubkit


def require_hub() -> None:
    reason = hubkit.missing() or ("" if hubkit.have_git() else "git is not installed: nbgitpuller needs it")
    if not reason:
        return
    if settings.require_hub():
        pytest.fail(reason + " and MEDIALIT_REQUIRE_HUB=1 makes that a failure", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """JupyterHub with its proxy, on free ports of 127.0.0.1, in a temporary folder."""
    require_hub()
    server = hubkit.start_hub(tmp_path_factory.mktemp("hub"))
    yield server
    hubkit.stop_hub(server)


from tests.browser.conftest import page  # noqa: E402,F401  (the same headless Chromium as the browser tests)
