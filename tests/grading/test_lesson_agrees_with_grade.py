"""One grading path: what a lesson shows a student equals what ``medialit grade`` gives the teacher.

On a synthetic class, every student's per-question score, d', c and Brier from
:class:`kit.lesson.Lesson` equal those from :func:`kit.grading.grade`: for the
test lesson that has every kind, for lessons 00 and 07 (the pre- and
post-assessment), and for a lesson made with ``medialit new-lesson`` that lives
in its own folders.
"""

from __future__ import annotations

import math
import random

import pytest

from kit import identity
from kit.grading.forms import takes
from kit.grading import grade
from kit.lesson import Lesson
from kit.questions import load_bank, load_key
from kit.scaffold import new_lesson
from tests.grading.synthetic import write_class
from tests.text.helpers import ARTICLES

STUDENTS = 30


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, abs_tol=1e-12)


def _compare(result, answers, lessons, *, questions_folder=None, key_folder=None, assessment_lessons=()):
    assert result.exit_status == 0 and len(result.students) == STUDENTS
    rated = 0
    for student in result.students:
        for lesson_id in lessons:
            lesson = Lesson(lesson_id, answers_folder=answers, questions_folder=questions_folder, key_folder=key_folder)
            lesson.switch_student(identity.Student(name=student.name, id=student.id))
            mine = lesson.graded()
            assert [(q.question.id, q.score) for q in mine.questions] == \
                   [(q.question.id, q.score) for q in student.lessons[lesson_id].questions], (student.id, lesson_id)
            theirs = student.discernment([lesson_id])
            ours = lesson.discernment()
            if theirs.n == 0:
                assert ours is None
                continue
            rated += 1
            assert (ours.n, ours.hits, ours.false_alarms) == (theirs.n, theirs.hits, theirs.false_alarms)
            assert _same(ours.d_prime, theirs.d_prime) and _same(ours.bias_c, theirs.bias_c) and _same(ours.brier, theirs.brier)
        for phase, lesson_id in assessment_lessons:
            lesson = Lesson(lesson_id, answers_folder=answers)
            lesson.switch_student(identity.Student(name=student.name, id=student.id))
            ours = lesson.discernment((lesson_id,), assessment=phase)
            theirs = student.discernment([lesson_id], assessment=phase)
            assert (ours is None) == (theirs.n == 0)
            if ours is not None:
                assert _same(ours.d_prime, theirs.d_prime) and _same(ours.brier, theirs.brier)
    return rated


@pytest.mark.slow
def test_lesson_and_grade_agree_on_every_kind(fixture_bank, tmp_path):
    bank, key = load_bank("L90"), load_key("L90")
    write_class(tmp_path / "answers", {"L90": bank}, {"L90": key}, students=STUDENTS, seed=3)
    result = grade([tmp_path / "answers"], lessons=["L90"])
    assert _compare(result, tmp_path / "answers", ["L90"]) > STUDENTS // 2


@pytest.mark.slow
def test_lesson_and_grade_agree_on_the_pre_and_post_assessment(tmp_path):
    banks = {lesson: load_bank(lesson) for lesson in ("L00", "L07")}
    keys = {lesson: load_key(lesson) for lesson in ("L00", "L07")}
    write_class(tmp_path / "answers", banks, keys, students=STUDENTS, seed=5)
    result = grade([tmp_path / "answers"], lessons=["L00", "L07"])
    _compare(result, tmp_path / "answers", ["L00", "L07"], assessment_lessons=(("pre", "L00"), ("post", "L07")))
    # the class figure and each student's own before/after count the same items
    pairs, _ = result.pre_post()
    assert len(pairs) > STUDENTS // 2
    for student_id, before, _after in pairs:
        lesson = Lesson("L07", answers_folder=tmp_path / "answers")
        lesson.switch_student(identity.Student(name=student_id, id=student_id))
        correct, answered = lesson.assessment_share("pre")
        taken = [q for q in banks["L00"] if q.assessment == "pre" and takes(q, student_id)]
        assert answered <= len(taken) == 5 and math.isclose(before, correct / len(taken))


@pytest.mark.slow
def test_lesson_and_grade_agree_for_a_lesson_made_with_new_lesson(tmp_path):
    made = new_lesson(ARTICLES / "library-hours.md", out=tmp_path / "lesson")
    folders = {"questions_folder": made.questions.parent, "key_folder": made.key.parent}
    bank, key = load_bank(made.lesson_id, folders["questions_folder"]), load_key(made.lesson_id, folders["key_folder"])
    write_class(tmp_path / "answers", {made.lesson_id: bank}, {made.lesson_id: key}, students=STUDENTS, seed=random.Random(9).randint(0, 99))
    result = grade([tmp_path / "answers"], lessons=[made.lesson_id], **folders)
    _compare(result, tmp_path / "answers", [made.lesson_id], **folders)
