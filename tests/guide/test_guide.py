"""The instructor guide stays true: every link resolves and every command in it is run here."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

GUIDE = ROOT / "instructor-guide"
PAGES = sorted(GUIDE.glob("*.md")) + [ROOT / "README.md", ROOT / "datasets" / "README.md", ROOT / "LICENSE-CONTENT.md"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    result = set()
    for heading in re.findall(r"(?m)^#+\s+(.*)$", path.read_text(encoding="utf-8")):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        result.add(slug)
    return result


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"^(https?|mailto):", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        assert resolved.exists(), f"{page.name}: broken link {target}"
        if anchor and resolved.suffix == ".md":
            assert anchor in anchors(resolved), f"{page.name}: no heading #{anchor} in {resolved.name}"


def guide_commands() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                if line.startswith("$ "):
                    found.append((page.name, line[2:]))
    return found


#: Commands run elsewhere in the suite, or by .ci/run itself (the README's own two commands).
RUN_ELSEWHERE = {
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/medialit lab":
        "installs like tests/unit/test_install.py and serves like tests/unit/test_lab.py",
    'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest':
        "the README's test command: .ci/run runs it (tests/unit/test_readme.py checks they are identical)",
}


REAL_SERVER = "console real-server"  # commands that need a hub or server of one's own: shown, not run


def fenced_commands(page: Path) -> list[tuple[str, str]]:
    """(fence info, command) for every ``$ `` line in every fenced block of a page."""
    found = []
    for info, block in re.findall(r"```([^\n]*)\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        found += [(info.strip(), line[2:]) for line in block.splitlines() if line.startswith("$ ")]
    return found


def test_every_command_is_run_here_or_marked_as_needing_a_real_server():
    for page in PAGES:
        for info, command in fenced_commands(page):
            assert info in ("console", REAL_SERVER), f"{page.name}: `{command}` is in a ```{info} block: use console or {REAL_SERVER}"
            if info == REAL_SERVER:
                # the marker is for what cannot run here, never for a kit command the tests could run as written
                assert re.search(r"\b(sudo|git|curl)\b", command), f"{page.name}: `{command}` could run here: put it in a console block"
    real = [command for info, command in fenced_commands(GUIDE / "deployment.md") if info == REAL_SERVER]
    assert any("tljh.jupyter.org/bootstrap.py" in command for command in real)


def test_the_guide_has_commands_and_each_is_covered():
    commands = guide_commands()
    assert len(commands) >= 8
    for page, command in commands:
        assert command in RUN_ELSEWHERE or command.startswith(("medialit ", "MEDIALIT_")), f"{page}: {command}"


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A folder like a teacher's: submissions from two students, an article of their own."""
    from kit.model_answers import write_model_answers
    from kit.questions import lesson_ids

    room = tmp_path_factory.mktemp("classroom")
    answers = room / "answers" / "ada-lovelace"
    for lesson in lesson_ids():
        path = write_model_answers(lesson, answers)
        document = json.loads(path.read_text())
        document["student"] = {"id": "ada-lovelace", "name": "Ada Lovelace"}
        path.write_text(json.dumps(document))
    subprocess.run([sys.executable, "-m", "kit", "submit", "--answers", str(room / "answers"), "--student", "ada-lovelace",
                    "--out", str(room / "submissions" / "ada-lovelace.medialit-submission.json")], check=True, capture_output=True)
    # the name Ada typed in lesson 00, remembered in the answers folder, as in a student's lessons folder
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from kit.identity import set_student; "
                    "set_student('Ada Lovelace', folder=Path(sys.argv[1]))", str(room / "answers")], check=True, capture_output=True)
    shutil.copy(FIXTURES / "articles" / "harbour-bridge.md", room / "my-article.md")
    for roster in (FIXTURES / "rosters").glob("*.csv"):  # the LMS exports the grading guide's commands read
        shutil.copy(roster, room / roster.name)
    return room


@pytest.mark.slow
@pytest.mark.parametrize("page, command", [c for c in guide_commands() if c[1] not in RUN_ELSEWHERE],
                         ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None)
def test_guide_command_runs_as_written(classroom, page, command):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "PWD": str(classroom)}
    env.pop("MEDIALIT_ANSWERS")  # as in a teacher's or student's shell: answers/ in the folder they run in
    cwd = classroom
    if "instructor-guide/answer-key/" in command:
        cwd = ROOT  # the autograding command is run from the kit's folder
        command = command.replace("$PWD", str(classroom))
    if command.startswith("medialit lab"):
        pytest.skip("covered by tests/unit/test_lab.py")
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{page}: {command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    if command == "medialit submit":  # run in the classroom folder, whose answers/ holds Ada's name and answers
        bundle = json.loads((classroom / "ada-lovelace.medialit-submission.json").read_text(encoding="utf-8"))
        assert bundle["student"]["id"] == "ada-lovelace" and len(bundle["lessons"]) == 8


def test_the_answer_tables_match_the_keys():
    from kit.answer_summary import markdown
    from kit.questions import lesson_ids

    text = (GUIDE / "lessons.md").read_text(encoding="utf-8")
    for lesson in lesson_ids():
        block = text.split(f"<!-- answers:{lesson} -->\n")[1].split(f"<!-- /answers:{lesson} -->")[0]
        assert block.strip() == markdown(lesson), f"{lesson}: regenerate with kit.answer_summary.markdown"
