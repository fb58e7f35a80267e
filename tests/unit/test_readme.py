"""The README gives exactly two set-up commands, and CI runs the second one verbatim."""

import re

from kit.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    return [line[2:] for block in re.findall(r"```console\n(.*?)```", README, re.S) for line in block.splitlines() if line.startswith("$ ")]


def test_exactly_two_commands_open_the_lessons_and_run_the_tests():
    open_lessons, run_tests = commands()
    assert open_lessons.endswith("medialit lab") and "pip install ." in open_lessons
    assert run_tests.endswith("python -m pytest") and '".[test]"' in run_tests


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    run_tests = commands()[1]
    assert run_tests in ci.splitlines()
    assert "apt-get install -y -qq chromium" in ci and "MEDIALIT_REQUIRE_BROWSER=1" in ci


def test_every_command_named_in_the_readme_exists():
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices
    for name in re.findall(r"`(lab|submit|release|grade|validate|new-lesson|key-notebooks|refresh-lesson|collect)`", README):
        assert name in subcommands
    assert set(subcommands) == {"lab", "submit", "release", "grade", "validate", "new-lesson", "key-notebooks", "refresh-lesson", "collect"}
