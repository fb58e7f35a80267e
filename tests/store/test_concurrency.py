"""Two real processes writing at once lose nothing: rubric marks, and answers moved when a name is typed."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit import identity
from kit.grading.marks import RubricMarks

HERE = Path(__file__).parent
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
MARKS_EACH = 100


@pytest.mark.slow
def test_two_teachers_marking_at_once_lose_no_mark(tmp_path):
    path = tmp_path / "grading" / "rubric-marks.json"
    teachers = [
        subprocess.Popen([sys.executable, str(HERE / "mark_writer.py"), str(path), student, str(MARKS_EACH)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
        for student in ("ada", "grace")
    ]
    for teacher in teachers:  # both opened the (empty) marks file before either saves
        assert teacher.stdout.readline().strip() == "ready", teacher.stderr.read()
    for teacher in teachers:
        teacher.stdin.write("go\n")
        teacher.stdin.flush()
    for teacher in teachers:
        _, errors = teacher.communicate(timeout=120)
        assert teacher.returncode == 0, errors
    marks = RubricMarks(path)
    assert len(marks) == 2 * MARKS_EACH
    for student in ("ada", "grace"):
        for k in range(1, MARKS_EACH + 1):
            mark = marks.get(student, f"L07.q{k:03d}")
            assert mark is not None and mark.comment == f"{student} {k}", (student, k)
            assert mark.level == ("proficient", "emergent", "basic")[k % 3]
    assert sorted(p.name for p in path.parent.iterdir()) == ["rubric-marks.json", "rubric-marks.json.lock"]


def test_a_mark_saved_elsewhere_meanwhile_is_kept_and_a_bad_file_is_named(tmp_path):
    path = tmp_path / "rubric-marks.json"
    mine, theirs = RubricMarks(path), RubricMarks(path)
    mine.set("ada", "L07.q01", level="proficient")
    theirs.set("grace", "L07.q01", level="basic")  # opened before my mark was saved
    mine.set("ada", "L07.q02", level="emergent")
    assert len(RubricMarks(path)) == 3 and len(mine) == 3
    assert mine.get("grace", "L07.q01").level == "basic"
    path.write_text('{"marks": [1]}', encoding="utf-8")
    with pytest.raises(ValueError, match="rubric-marks.json: is not a rubric marks file"):
        mine.set("ada", "L07.q03", level="basic")
    assert path.read_text(encoding="utf-8") == '{"marks": [1]}'  # never overwritten


@pytest.mark.slow
def test_typing_a_name_while_another_kernel_saves_loses_no_answer(tmp_path):
    """Another kernel keeps saving anonymous answers while the name is changed again and again."""
    count = 400
    writer = subprocess.Popen(
        [sys.executable, str(HERE / "writer.py"), str(tmp_path), identity.ANONYMOUS, "L90", "ids", "1", str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )
    moves = 0
    while writer.poll() is None:
        identity.set_student(f"Student {moves}", tmp_path)
        moves += 1
        time.sleep(0.01)
    assert writer.returncode == 0, writer.stderr.read()
    saved = {}
    for path in tmp_path.glob("*/L90.json"):
        for qid, entry in json.loads(path.read_text(encoding="utf-8"))["answers"].items():
            saved[qid] = entry["value"]
    expected = {f"L90.q{k:04d}": k for k in range(1, count + 1)}
    missing = sorted(set(expected) - set(saved))
    assert moves >= 5, moves  # the moves really overlapped the saves
    assert not missing, f"{len(missing)} answers lost in {moves} moves, e.g. {missing[:5]}"
    assert saved == expected
