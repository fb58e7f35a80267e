"""Without the proxy (or JupyterHub) the hub tests skip with the reason; under CI's setting they fail."""

import os
import subprocess
import sys

from tests.conftest import ROOT

TEST = "tests/hub/test_class_on_hub.py::test_the_teacher_collects_and_grades_every_student"


def run(**env):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-o", "addopts=-p no:cacheprovider -rs", TEST],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "MEDIALIT_PROXY": "/nonexistent/chp", **env})


def test_a_developer_without_the_proxy_sees_a_skip_with_the_reason():
    done = run(MEDIALIT_REQUIRE_HUB="0")
    assert done.returncode == 0 and "1 skipped" in done.stdout, done.stdout
    assert "configurable-http-proxy is not installed (npm ci --prefix tests/hub/node)" in done.stdout


def test_ci_turns_a_missing_proxy_into_a_failure():
    done = run(MEDIALIT_REQUIRE_HUB="1")
    assert done.returncode != 0
    assert "MEDIALIT_REQUIRE_HUB=1 makes that a failure" in done.stdout
