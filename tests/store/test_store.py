"""The answer store keeps every answer, and says clearly what it could not use."""

import json

import pytest

from kit import identity, submit
from kit.answers import SCHEMA_VERSION, AnswerFileError, AnswerStore, read_answers_file
from kit.lesson import Lesson


def lesson_store(folder, **options) -> Lesson:
    return Lesson("L90", answers_folder=folder, **options)


def test_answers_are_restored_in_a_new_session(fixture_bank, answers_dir):
    first = lesson_store(answers_dir)
    first.ask("q01").value = "stop"
    first.ask("q03").value = {"s09": "factual"}
    second = lesson_store(answers_dir)
    assert second.ask("q01").value == "stop"
    assert second.ask("q03").value == {"s09": "factual"}
    document = json.loads(second.store.path.read_text())
    assert document["schema"] == SCHEMA_VERSION and document["lesson"] == "L90"
    assert document["answers"]["L90.q01"]["revision"] == 1
    assert document["created"].endswith("Z") and document["kit_version"]


def test_a_corrupt_file_is_moved_aside_and_the_student_goes_on(fixture_bank, answers_dir):
    path = answers_dir / "anonymous" / "L90.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"schema": 1, "answers": {"L90.q01": {"val')
    lesson = lesson_store(answers_dir)
    assert len(lesson.store.notices) == 1
    notice = str(lesson.store.notices[0])
    assert "could not be read" in notice and "moved to L90.json.corrupt-" in notice
    kept = list(path.parent.glob("L90.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text().startswith('{"schema": 1')
    lesson.ask("q01").value = "find"
    assert json.loads(path.read_text())["answers"]["L90.q01"]["value"] == "find"
    assert "Note: L90.json: could not be read" in repr(lesson)


def test_hand_edited_wrong_types_and_unknown_ids_are_kept_and_reported(fixture_bank, answers_dir):
    path = answers_dir / "anonymous" / "L90.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "schema": 1, "lesson": "L90", "student": {"id": "anonymous"},
        "answers": {
            "L90.q01": {"value": 42},
            "L90.q99": {"value": "x"},
            "L90.q02": "not a record",
        },
    }))
    lesson = lesson_store(answers_dir)
    messages = "\n".join(str(n) for n in lesson.store.notices)
    assert "answer L90.q01: expected one option id (text), got int" in messages
    assert "L90.q99 is not a question of lesson L90" in messages
    assert "answer L90.q02 is not of the form" in messages
    widget = lesson.ask("q01")
    assert widget.value is None  # not shown...
    widget.value = "stop"
    document = json.loads(path.read_text())
    assert document["invalid"]["L90.q01"][0]["value"] == 42  # ...and not dropped
    assert document["answers"]["L90.q02"] == "not a record"  # untouched until answered again
    lesson.ask("q02").value = ["author"]
    document = json.loads(path.read_text())
    assert document["invalid"]["L90.q02"] == [{"value": "not a record"}]
    assert document["answers"]["L90.q99"] == {"value": "x"}
    assert document["answers"]["L90.q01"]["value"] == "stop"


def test_a_file_from_a_newer_kit_is_read_but_never_overwritten(fixture_bank, answers_dir):
    path = answers_dir / "anonymous" / "L90.json"
    path.parent.mkdir(parents=True)
    original = json.dumps({"schema": SCHEMA_VERSION + 1, "lesson": "L90", "answers": {"L90.q01": {"value": "stop"}}})
    path.write_text(original)
    lesson = lesson_store(answers_dir)
    assert lesson.store.read_only
    assert "written by a newer kit" in str(lesson.store.notices[0])
    widget = lesson.ask("q01")
    assert widget.value == "stop"
    widget.value = "find"  # the widget reports instead of saving
    assert "Not saved" in widget._status.value
    assert path.read_text() == original
    with pytest.raises(AnswerFileError, match="newer kit"):
        read_answers_file(path)


def test_store_refuses_unsanitised_ids(tmp_path):
    with pytest.raises(ValueError, match="not sanitised"):
        AnswerStore(student="../../etc", lesson="L90", folder=tmp_path)


@pytest.mark.parametrize("name, expected", [
    ("Ada Lovelace", "ada-lovelace"),
    ("  Ada   LOVELACE ", "ada-lovelace"),
    ("../../../etc/passwd", "etc-passwd"),
    ("..\\..\\windows\\system32", "windows-system32"),
    ("=HYPERLINK(\"http://evil\",\"x\")", "hyperlink-http-evil-x"),
    ("+cmd|' /C calc'!A0", "cmd-c-calc-a0"),
    ("@SUM(1+1)", "sum-1-1"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("李雷", "李雷"),
    ("con", None),
    ("...", None),
    ("a" * 300, "a" * 40),
])
def test_sanitise(name, expected):
    result = identity.sanitise(name)
    if expected is None:
        assert result.startswith("student-") and len(result) == 16
    else:
        assert result == expected
    assert "/" not in result and "\\" not in result and not result.startswith(("=", "+", "-", "@", "."))


def test_name_is_remembered_and_anonymous_answers_move_with_it(fixture_bank, answers_dir):
    lesson = lesson_store(answers_dir)
    lesson.ask("q01").value = "stop"
    assert (answers_dir / "anonymous" / "L90.json").exists()
    student = identity.set_student("Grace Hopper", answers_dir)
    lesson.switch_student(student)
    moved = json.loads((answers_dir / "grace-hopper" / "L90.json").read_text())
    assert moved["answers"]["L90.q01"]["value"] == "stop"
    assert moved["student"] == {"id": "grace-hopper", "name": "Grace Hopper"}
    assert not (answers_dir / "anonymous" / "L90.json").exists()
    later = lesson_store(answers_dir)  # a later lesson, a later day
    assert later.student.name == "Grace Hopper" and later.ask("q01").value == "stop"
    with pytest.raises(ValueError, match="type your name"):
        identity.set_student("   ", answers_dir)


def test_submit_bundles_every_lesson_and_reports_unreadable_files(fixture_bank, answers_dir, tmp_path):
    identity.set_student("Grace Hopper", answers_dir)
    lesson_store(answers_dir).ask("q01").value = "stop"
    (answers_dir / "grace-hopper" / "L91.json").write_text("{truncated")
    result = submit.bundle(answers_folder=answers_dir, out=tmp_path / "out.json")
    assert result.lessons == ["L90"]
    assert "L91.json: is not valid JSON" in result.skipped[0]
    document = json.loads((tmp_path / "out.json").read_text())
    assert document["format"] == "medialit-submission"
    assert document["lessons"]["L90"]["answers"]["L90.q01"]["value"] == "stop"
    with pytest.raises(ValueError, match="no answers found"):
        submit.bundle(student="Nobody", answers_folder=answers_dir)
