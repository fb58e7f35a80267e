"""The Windows set-up lines say what the POSIX ones say, in Windows's layout (py launcher, .venv\\Scripts)."""

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DEPLOYMENT = (ROOT / "instructor-guide" / "deployment.md").read_text(encoding="utf-8")


def blocks(text: str, language: str) -> list[list[str]]:
    return [block.strip().splitlines() for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)]


def windows(posix: str) -> list[str]:
    """A POSIX set-up command as Windows lines: python3 -> py, .venv/bin/X -> .venv\\Scripts\\X, one per line."""
    return [part.strip().replace("python3 ", "py ").replace(".venv/bin/", ".venv\\Scripts\\") for part in posix.split("&&")]


def test_the_readme_gives_each_posix_command_as_windows_lines():
    posix = [line[2:] for block in blocks(README, "console") for line in block if line.startswith("$ ")]
    assert len(posix) == 2
    assert blocks(README, "bat") == [windows(command) for command in posix]


def test_the_deployment_guide_opens_the_lessons_the_same_way():
    assert blocks(DEPLOYMENT, "bat")[0] == windows("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/medialit lab")
    assert all(".venv/bin" not in line for block in blocks(DEPLOYMENT, "bat") for line in block)
