"""Session set-up for the whole suite, including the notebooks nbval runs.

Kernels inherit this process's environment, so every lesson and answer-key
notebook run by nbval saves answers into a throw-away folder, never into a
real student's answers.
"""

import os
import tempfile

collect_ignore_glob = ["tests/fixtures/*", "tests/browser/screenshots/*", "medialit-lessons/*", ".venv/*"]


def pytest_configure(config):
    os.environ["MEDIALIT_ANSWERS"] = tempfile.mkdtemp(prefix="medialit-test-answers-")
    for variable in ("MEDIALIT_LESSONS", "MEDIALIT_DATASETS", "MEDIALIT_KEY", "MEDIALIT_STUDENT_ANSWERS"):
        os.environ.pop(variable, None)


def pytest_terminal_summary(terminalreporter):
    """Print the browser suite's wall time (issue: keep it visible in every CI log)."""
    reports = [r for key in ("passed", "failed", "error", "skipped") for r in terminalreporter.stats.get(key, [])
               if getattr(r, "nodeid", "").startswith("tests/browser/") and getattr(r, "when", "") in ("setup", "call", "teardown")]
    if not reports:
        return
    start, stop = min(r.start for r in reports), max(r.stop for r in reports)
    tests = {r.nodeid for r in reports}
    outcome = "failed" if any(r.failed for r in reports) else "skipped" if all(r.skipped for r in reports if r.when == "call") else "passed"
    terminalreporter.write_line(f"browser tests (JupyterLab in Chromium): {len(tests)} tests {outcome}, wall time {stop - start:.0f} s")
