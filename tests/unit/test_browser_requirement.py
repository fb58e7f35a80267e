"""Without a browser the browser tests skip with a clear message; under CI's setting they fail."""

import os
import subprocess
import sys

from tests.conftest import ROOT

TEST = "tests/browser/test_widgets_in_browser.py::test_one_question_with_the_keyboard_alone"


def run(**env):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-o", "addopts=-p no:cacheprovider -rs", TEST],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "MEDIALIT_CHROMIUM": "/nonexistent/chromium", **env})


def test_a_developer_without_chromium_sees_a_skip_with_the_reason():
    done = run(MEDIALIT_REQUIRE_BROWSER="0")
    assert done.returncode == 0 and "1 skipped" in done.stdout
    assert "Debian's Chromium is not installed (apt-get install chromium)" in done.stdout


def test_ci_turns_a_missing_browser_into_a_failure():
    done = run(MEDIALIT_REQUIRE_BROWSER="1")
    assert done.returncode != 0
    assert "MEDIALIT_REQUIRE_BROWSER=1 makes that a failure" in done.stdout
