"""Grading: a pure function of answers files and the answer key, and the one scoring path of the kit.

No student code runs and nothing is unpickled: answers are JSON data, the key
is JSON data, and :func:`grade_lesson` turns them into points. The lessons' live
feedback, discernment and before/after figures call the same function
(:mod:`kit.lesson`), so a student's self-check and the teacher's grade always agree.

>>> from kit.grading import grade
>>> result = grade([], lessons=["L00"])
>>> result.students, result.exit_status
([], 0)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from kit import kinds
from kit.grading.collect import LessonAnswers, Rejected, collect
from kit.grading.forms import takes
from kit.grading.marks import RubricMarks
from kit.grading.results import (
    ClassResult, LessonResult, Problem, QuestionResult, StudentResult, assessment_share,
)
from kit.model import Bank, BankError, Key, Question
from kit.questions import lesson_ids, load_bank, load_key
from kit.scoring import Score, assess
from kit.text.segment import words

__all__ = [
    "grade", "grade_lesson", "grade_question", "load_lessons", "LessonAnswers", "ClassResult", "StudentResult", "LessonResult",
    "QuestionResult", "Problem", "Rejected", "collect", "RubricMarks", "assessment_share", "free_text_queue",
]


def load_lessons(lessons: Iterable[str] | None = None, *, key_folder: Path | None = None,
                 questions_folder: Path | None = None) -> tuple[list[str], dict[str, Bank], dict[str, Key]]:
    """The chosen lessons (default: every lesson with a bank), their banks and their complete keys."""
    chosen = list(lessons) if lessons else lesson_ids(Path(questions_folder) if questions_folder else None)
    banks, keys = {}, {}
    for lesson in chosen:
        banks[lesson] = load_bank(lesson, questions_folder)
        key = load_key(lesson, key_folder)
        if key is None:
            raise BankError(f"no answer key for lesson {lesson}: grading needs instructor-guide/answer-key/{lesson}.json (or --key)")
        missing = [q.id for q in banks[lesson] if q.id not in key]
        if missing:
            raise BankError(f"the answer key of {lesson} has no entry for {', '.join(missing)}")
        keys[lesson] = key
    return chosen, banks, keys


def grade_question(question: Question, key: Key, value: Any, *, student: str = "",
                   marks: RubricMarks | None = None) -> QuestionResult:
    """Score one answer, with a teacher's rubric mark for a written answer when there is one."""
    entry = key[question.id]
    result, problem = assess(question, entry, value)
    comment = ""
    if result.status == "pending" and marks is not None:
        mark = marks.get(student, question.id)
        if mark is not None:
            result = Score.from_fraction(mark.fraction, result.max_points, {"rubric": mark.level})
            comment = mark.comment
    judgement = None
    if result.status not in ("unanswered", "invalid"):
        judgement = kinds.get(question.kind).judgement(question, entry, value)
    return QuestionResult(question=question, value=value, score=result, mark_comment=comment, judgement=judgement,
                          problem=problem or "")


def grade_lesson(record: LessonAnswers, bank: Bank, key: Key, marks: RubricMarks | None = None,
                 forms: dict[str, str] | None = None) -> tuple[LessonResult, list[str]]:
    """Score one student's answers to one lesson; return the result and the problems found in the answers.

    Pre/post items of the form the student does not take are left out (``forms``: a teacher's overrides,
    see :mod:`kit.grading.forms`)."""

    results, problems = [], []
    unknown = sorted(qid for qid in record.answers if qid not in bank.questions)
    if unknown:
        shown = ", ".join(str(q)[:30] for q in unknown[:5])
        problems.append(f"answers to unknown questions were ignored: {shown}{' ...' if len(unknown) > 5 else ''}")
    for question in bank:
        if question.id not in key:  # a graded question in a student copy's practice key: the teacher marks it
            continue
        if not takes(question, record.student_id, forms):
            continue
        entry = record.answers.get(question.id)
        value = entry.get("value") if isinstance(entry, dict) else None
        if entry is not None and not isinstance(entry, dict):
            problems.append(f"{question.id}: the answer is not of the form {{'value': ...}}")
        result = grade_question(question, key, value, student=record.student_id, marks=marks)
        if result.problem:
            problems.append(f"{question.id}: {result.problem}")
        results.append(result)
    return LessonResult(lesson=bank.lesson, title=bank.title, source=record.path, questions=results), problems


def grade(
    paths: Iterable[Path | str],
    *,
    lessons: Iterable[str] | None = None,
    key_folder: Path | None = None,
    questions_folder: Path | None = None,
    marks: RubricMarks | None = None,
    progress: Callable[[int, int], None] | None = None,
    forms: dict[str, str] | None = None,
) -> ClassResult:
    """Grade every submission under ``paths`` against the key.

    ``lessons`` limits grading to some lessons (default: every lesson with a
    question bank); ``progress(done, total)`` is called as files are graded; ``forms`` overrides the
    pre/post form of some students (:func:`kit.grading.forms.read_overrides`).
    """
    chosen, banks, keys = load_lessons(lessons, key_folder=key_folder, questions_folder=questions_folder)
    result = ClassResult(lessons=chosen, banks=banks, keys=keys, forms=dict(forms or {}))
    known = set(lesson_ids()) | (set(lesson_ids(Path(questions_folder))) if questions_folder else set())
    records, rejected = collect(paths)
    result.problems += [Problem(r.path, r.reason, graded=False) for r in rejected]
    newest: dict[tuple[str, str], LessonAnswers] = {}
    for record in records:
        if record.lesson not in banks:
            if record.lesson in known:
                result.not_chosen += 1
            else:
                result.problems.append(Problem(record.path, f"lesson {record.lesson[:40]!r} is unknown (lessons: {', '.join(sorted(known))})", graded=False))
            continue
        slot = (record.student_id, record.lesson)
        if slot in newest:
            kept, dropped = sorted([newest[slot], record], key=lambda r: (r.updated, str(r.path)), reverse=True)
            result.warnings.append(
                f"{record.student_id} handed in {record.lesson} twice ({dropped.path} and {kept.path}); graded the newer, {kept.path}"
            )
            newest[slot] = kept
        else:
            newest[slot] = record
    students: dict[str, StudentResult] = {}
    total = len(newest)
    for done, ((student_id, lesson), record) in enumerate(sorted(newest.items()), start=1):
        student = students.setdefault(student_id, StudentResult(id=student_id, name=record.student_name or student_id))
        if record.student_name and student.name == student_id:
            student.name = record.student_name
        student.lessons[lesson], problems = grade_lesson(record, banks[lesson], keys[lesson], marks, forms)
        result.problems += [Problem(record.path, p, graded=True) for p in problems]
        if progress:
            progress(done, total)
    result.students = sorted(students.values(), key=lambda s: s.id)
    return result


def free_text_queue(result: ClassResult) -> list[dict]:
    """Written answers waiting for rubric marking, one dict per answer."""
    queue = []
    for student in result.students:
        for q in student.pending():
            if q.value is None:
                continue
            queue.append({
                "student": student.id, "name": student.name, "lesson": q.question.lesson,
                "question": q.question.id, "prompt": q.question.prompt, "answer": q.value,
                "words": len(words(q.value)), "min_words": q.question.min_words,
            })
    return queue
