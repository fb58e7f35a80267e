"""One settings module: every MEDIALIT_* variable is declared there, documented in the README,
and a student copy is recognised from any folder inside it."""

from __future__ import annotations

import re
import subprocess
import sys

from kit import settings
from tests.conftest import ROOT


def test_readme_table_is_generated_from_settings():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- settings -->\n(.*?)\n<!-- /settings -->", readme, re.S).group(1)
    assert table == settings.markdown_table()


def test_every_medialit_variable_in_the_code_is_a_setting():
    used = set()
    for path in [*(ROOT / "kit").rglob("*.py"), *(ROOT / "tests").rglob("*.py"), ROOT / "conftest.py", ROOT / ".ci" / "run"]:
        used |= set(re.findall(r"\bMEDIALIT_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    used.discard("MEDIALIT_NOT_A_SETTING")  # the doctest of settings.get
    assert used <= settings.NAMES, f"undeclared: {sorted(used - settings.NAMES)}"
    # and only kit/settings.py reads the environment for them
    for path in (ROOT / "kit").rglob("*.py"):
        if path.name != "settings.py":
            assert not re.search(r"environ(\.get)?\(\s*[\"']MEDIALIT_|environ\[[\"']MEDIALIT_", path.read_text(encoding="utf-8")), path


def _key_dir_seen_from(cwd, env):
    code = "from kit import settings; print(settings.answer_key_dir()); print(settings.release_folder())"
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.split("\n")[:2]


def test_student_copy_is_recognised_from_a_subfolder_and_from_the_notebook_path(tmp_path, monkeypatch):
    copy = tmp_path / "class-copy"
    (copy / "extra" / "deeper").mkdir(parents=True)
    (copy / settings.RELEASE_MARKER).write_text("{}", encoding="utf-8")
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("MEDIALIT_KEY", "JPY_SESSION_NAME")}
    env["PYTHONPATH"] = str(ROOT)
    key, release = _key_dir_seen_from(copy / "extra" / "deeper", env)
    assert key == "None" and release == str(copy)
    # a kernel whose working folder is elsewhere, but whose notebook is inside the copy
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    key, release = _key_dir_seen_from(outside, {**env, "JPY_SESSION_NAME": str(copy / "extra" / "L00.ipynb")})
    assert key == "None" and release == str(copy)
    # and outside any copy, the kit's own key is used
    key, release = _key_dir_seen_from(outside, env)
    assert key.endswith("answer-key") and release == "None"

