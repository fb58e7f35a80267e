"""Practice and graded questions: declared in the bank, the practice key ships, graded questions say the teacher marks them.

Everything runs on the kit's real banks and keys and a real release copy.
"""

from __future__ import annotations

import json

import pytest

from kit.grading import grade
from kit.lesson import Lesson
from kit.lessoncheck import validate_lessons
from kit.model import BankError
from kit.questions import lesson_ids, load_bank, load_key, parse_question
from kit.release import release
from kit.widgets.base import GRADED_NOTE
from tests.grading.synthetic import write_class


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return release(tmp_path_factory.mktemp("release") / "class-copy").folder


def test_use_defaults_to_practice_and_is_validated():
    raw = {"id": "L00.q01", "kind": "choice", "prompt": "?", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}
    assert parse_question(raw, "L00", "bank.json").use == "practice"
    assert parse_question({**raw, "use": "graded"}, "L00", "bank.json").graded
    with pytest.raises(BankError, match="use: Input should be 'practice' or 'graded'"):
        parse_question({**raw, "use": "secret"}, "L00", "bank.json")


def test_every_lesson_keeps_practice_items_for_its_activities():
    banks = {lesson: load_bank(lesson) for lesson in lesson_ids()}
    for lesson, bank in banks.items():
        practice = [q for q in bank if not q.graded]
        assert len(practice) >= 2, f"{lesson} has fewer than two practice questions"
        assert any(q.graded for q in bank), f"{lesson} grades nothing"
    # lesson 04's kappa reads every technique question's key
    assert all(not q.graded for q in banks["L04"] if q.kind == "technique")
    # lesson 06's own d' needs practice ratings of accurate and of inaccurate claims
    key06 = load_key("L06")
    truths = {key06[q.id].truth for q in banks["L06"] if q.kind == "rating" and not q.graded}
    assert truths == {True, False}
    # lesson 07's before/after needs practice pre and post items, accurate and not
    key00, key07 = load_key("L00"), load_key("L07")
    for phase, bank, key in (("pre", banks["L00"], key00), ("post", banks["L07"], key07)):
        practice = [q for q in bank if q.assessment == phase and not q.graded]
        assert {key[q.id].truth for q in practice} == {True, False}, phase


def test_the_copy_ships_a_practice_key_that_validates(copy):
    for lesson in lesson_ids():
        bank, full = load_bank(lesson), load_key(lesson)
        shipped = json.loads((copy / "practice-key" / f"{lesson}.json").read_text(encoding="utf-8"))
        assert shipped["practice_only"] is True
        assert set(shipped["answers"]) == {q.id for q in bank if not q.graded}
        assert set(shipped["answers"]) < set(full)
    assert validate_lessons(copy / "questions", copy / "practice-key") == []


def test_a_practice_key_holding_a_graded_answer_is_refused(copy, tmp_path):
    folder = tmp_path / "key"
    folder.mkdir()
    for lesson in lesson_ids():
        (folder / f"{lesson}.json").write_text((copy / "practice-key" / f"{lesson}.json").read_text(encoding="utf-8"), encoding="utf-8")
    shipped = json.loads((folder / "L06.json").read_text(encoding="utf-8"))
    full = json.loads((load_bank("L06").path.parent.parent.parent / "instructor-guide" / "answer-key" / "L06.json").read_text(encoding="utf-8"))
    shipped["answers"]["L06.q10"] = full["answers"]["L06.q10"]
    (folder / "L06.json").write_text(json.dumps(shipped), encoding="utf-8")
    problems = [str(p) for p in validate_lessons(copy / "questions", folder)]
    assert any("L06.q10" in p and "is graded but its answer is in a student copy's practice key" in p for p in problems)


def test_in_the_copy_check_works_on_practice_items_and_graded_items_say_the_teacher_marks_them(copy, tmp_path, monkeypatch):
    monkeypatch.chdir(copy)
    monkeypatch.delenv("MEDIALIT_KEY", raising=False)
    lesson = Lesson("L06", answers_folder=tmp_path / "answers")
    assert lesson.key is not None and "L06.q10" not in lesson.key
    practice = lesson.ask("q01")
    practice.value = {"choice": "accurate", "confidence": 80}
    feedback = practice.check()
    assert feedback is not None and "NATO" in feedback.html()
    graded = lesson.ask("q10")
    graded.value = {"choice": "accurate", "confidence": 90}
    assert graded.check() is None
    assert GRADED_NOTE in graded._feedback.value and GRADED_NOTE in str(graded.box.children)
    # lesson 06's own d' works on the practice ratings only
    for qid, value in (("q02", "exaggerated"), ("q04", "accurate"), ("q05", "accurate")):
        lesson.ask(qid).value = {"choice": value, "confidence": 70}
    mine = lesson.discernment()
    assert mine is not None and mine.n == 4  # q01, q02, q04, q05: the graded q10 is not counted here
    result = lesson.graded()
    assert result is not None and {q.question.id for q in result.questions} == {q.id for q in lesson.bank if not q.graded}


def test_grade_marks_practice_and_graded_items(tmp_path):
    banks = {lesson: load_bank(lesson) for lesson in ("L06", "L07")}
    keys = {lesson: load_key(lesson) for lesson in banks}
    write_class(tmp_path / "class", banks, keys, students=4, seed=3)
    result = grade([tmp_path / "class"], lessons=list(banks))
    scored = {q.question.id: q.question.graded for s in result.students for q in s.results()}
    assert set(scored) == {q.id for b in banks.values() for q in b}
    assert set(scored.values()) == {True, False}


def test_grading_with_a_practice_key_says_what_is_missing(copy, tmp_path):
    banks = {"L06": load_bank("L06")}
    write_class(tmp_path / "class", banks, {"L06": load_key("L06")}, students=2)
    with pytest.raises(BankError, match="has no entry for L06.q03"):
        grade([tmp_path / "class"], lessons=["L06"], key_folder=copy / "practice-key")


def test_in_the_copy_the_before_and_after_counts_the_practice_items(copy, tmp_path, monkeypatch):
    from kit.grading.forms import form_questions

    monkeypatch.chdir(copy)
    monkeypatch.delenv("MEDIALIT_KEY", raising=False)
    before = Lesson("L00", answers_folder=tmp_path)
    items = form_questions(before.bank, before.form("pre"), "pre")
    for question in items:  # every item of the student's form answered "credible" (source check left blank)
        if question.kind == "rating":
            before.ask(question.id).value = {"choice": "credible", "confidence": 70}
    after = Lesson("L07", answers_folder=tmp_path)
    correct, answered = after.assessment_share("pre")
    practice = [q for q in items if not q.graded]
    assert answered == len(practice) == 2 and correct == 1  # one accurate, one not: only the practice pair is scored here


def test_the_guide_shows_the_split_the_banks_declare():
    from kit.lessoncheck import use_table
    from tests.conftest import ROOT

    text = (ROOT / "instructor-guide" / "grading.md").read_text(encoding="utf-8")
    block = text.split("<!-- practice-graded -->\n", 1)[1].split("\n<!-- /practice-graded -->", 1)[0]
    assert block == use_table(), "regenerate with kit.lessoncheck.use_table()"
