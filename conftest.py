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
