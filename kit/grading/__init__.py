"""Grading: a pure function of answers files and the answer key.

No student code runs and nothing is unpickled: answers are JSON data, the key
is JSON data, and :func:`kit.scoring.score` turns them into points. The
same scoring drives the widgets' Check button, so a student's self-check and
the teacher's grade always agree.

>>> from kit.grading import grade
>>> result = grade([], lessons=["L00"])
>>> result.students, result.exit_status
([], 0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from kit.grading.collect import LessonAnswers, Rejected, collect
from kit.grading.marks import RubricMarks
from kit.metrics import Discernment, Judgement, discernment, paired_effect_size
from kit.questions import Bank, BankError, KeyEntry, Question, check_value, describe_value, lesson_ids, load_bank, load_key
from kit.scoring import Score, score
from kit.text.segment import words

__all__ = [
    "grade", "grade_lesson", "ClassResult", "StudentResult", "LessonResult", "QuestionResult",
    "Problem", "Rejected", "collect", "RubricMarks",
]


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    value: Any
    score: Score
    mark_comment: str = ""

    @property
    def answer_text(self) -> str:
        return describe_value(self.question, self.value)


@dataclass
class LessonResult:
    lesson: str
    title: str
    source: Path
    questions: list[QuestionResult]

    @property
    def points(self) -> float:
        return round(sum(q.score.points for q in self.questions), 2)

    @property
    def max_points(self) -> float:
        return round(sum(q.score.max_points for q in self.questions), 2)


@dataclass
class StudentResult:
    id: str
    name: str
    lessons: dict[str, LessonResult] = field(default_factory=dict)
    judgements: dict[str, list[Judgement]] = field(default_factory=dict)

    @property
    def points(self) -> float:
        return round(sum(lesson.points for lesson in self.lessons.values()), 2)

    def discernment(self, lessons: Iterable[str] | None = None) -> Discernment:
        chosen = self.judgements if lessons is None else {k: v for k, v in self.judgements.items() if k in lessons}
        return discernment([j for js in chosen.values() for j in js])

    def pending(self) -> list[QuestionResult]:
        return [q for lesson in self.lessons.values() for q in lesson.questions if q.score.status == "pending"]


@dataclass(frozen=True)
class Problem:
    """A file that was refused, or a part of a file that could not be graded."""

    path: Path
    reason: str
    graded: bool  # True when the rest of the file was still graded

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ClassResult:
    lessons: list[str]
    banks: dict[str, Bank]
    keys: dict[str, dict[str, KeyEntry]]
    students: list[StudentResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_chosen: int = 0  # answers to lessons left out with ``lessons=`` (not a problem)

    @property
    def exit_status(self) -> int:
        """0 when every file was graded in full; 1 when some could not be."""
        return 1 if self.problems else 0

    def max_points(self, lesson: str) -> float:
        return round(self.banks[lesson].total_points, 2)

    @property
    def total_max(self) -> float:
        return round(sum(self.max_points(lesson) for lesson in self.lessons), 2)

    def pre_post(self) -> tuple[list[tuple[str, float, float]], float]:
        """Each student's share correct on the pre- and post-assessment items, and the class effect size d_z."""
        pairs = []
        for student in self.students:
            shares = {}
            for phase in ("pre", "post"):
                results = [q for lesson in student.lessons.values() for q in lesson.questions
                           if q.question.spec.get("assessment") == phase]
                if results:
                    shares[phase] = sum(q.score.status == "correct" for q in results) / len(results)
            if len(shares) == 2:
                pairs.append((student.id, shares["pre"], shares["post"]))
        if len(pairs) < 2:
            return pairs, math.nan
        return pairs, paired_effect_size([p[1] for p in pairs], [p[2] for p in pairs])


def _load_lessons(lessons: Iterable[str] | None, key_folder: Path | None, questions_folder: Path | None):
    chosen = list(lessons) if lessons else lesson_ids() if questions_folder is None else sorted(
        p.stem for p in Path(questions_folder).glob("*.json"))
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


def grade_lesson(record: LessonAnswers, bank: Bank, key: dict[str, KeyEntry], marks: RubricMarks | None = None
                 ) -> tuple[LessonResult, list[Judgement], list[str]]:
    """Score one student's answers to one lesson; return the result, credibility judgements and problems."""
    results, judgements, problems = [], [], []
    unknown = sorted(qid for qid in record.answers if qid not in bank.questions)
    if unknown:
        shown = ", ".join(str(q)[:30] for q in unknown[:5])
        problems.append(f"answers to unknown questions were ignored: {shown}{' ...' if len(unknown) > 5 else ''}")
    for question in bank:
        entry = record.answers.get(question.id)
        value = entry.get("value") if isinstance(entry, dict) else None
        if entry is not None and not isinstance(entry, dict):
            problems.append(f"{question.id}: the answer is not of the form {{'value': ...}}")
        elif value is not None and (problem := check_value(question, value)) is not None:
            problems.append(f"{question.id}: {problem}")
        result = score(question, key[question.id], value)
        comment = ""
        if result.status == "pending" and marks is not None:
            mark = marks.get(record.student_id, question.id)
            if mark is not None:
                fraction = mark.fraction
                points = round(question.points * fraction, 2)
                status = "correct" if fraction == 1 else "wrong" if fraction == 0 else "partial"
                result, comment = Score(points, result.max_points, status, {"rubric": mark.level}), mark.comment
        results.append(QuestionResult(question=question, value=value, score=result, mark_comment=comment))
        judgement = _judgement(question, key[question.id], value, result)
        if judgement is not None:
            judgements.append(judgement)
    lesson = LessonResult(lesson=bank.lesson, title=bank.title, source=record.path, questions=results)
    return lesson, judgements, problems


def _judgement(question: Question, key: KeyEntry, value: Any, result: Score) -> Judgement | None:
    if question.kind != "rating" or key.truth is None or result.status in ("unanswered", "invalid"):
        return None
    option = next(o for o in question.options if o.id == value["choice"])
    return Judgement(credible=bool(key.truth), said_credible=bool(option.credible), confidence=int(value["confidence"]))


def grade(
    paths: Iterable[Path | str],
    *,
    lessons: Iterable[str] | None = None,
    key_folder: Path | None = None,
    questions_folder: Path | None = None,
    marks: RubricMarks | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ClassResult:
    """Grade every submission under ``paths`` against the key.

    ``lessons`` limits grading to some lessons (default: every lesson with a
    question bank); ``progress(done, total)`` is called as files are graded.
    """
    chosen, banks, keys = _load_lessons(lessons, key_folder, questions_folder)
    result = ClassResult(lessons=chosen, banks=banks, keys=keys)
    known = set(lesson_ids()) | ({p.stem for p in Path(questions_folder).glob("*.json")} if questions_folder else set())
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
        lesson_result, judgements, problems = grade_lesson(record, banks[lesson], keys[lesson], marks)
        student.lessons[lesson] = lesson_result
        student.judgements[lesson] = judgements
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
