"""What grading produces: results per question, lesson, student and class.

>>> from kit.model import Question
>>> from kit.scoring import Score
>>> q = Question(id="L00.q01", lesson="L00", kind="choice", kind_label="single choice", prompt="?")
>>> lesson = LessonResult(lesson="L00", title="Start", source=Path("a.json"),
...                       questions=[QuestionResult(question=q, value="a", score=Score(1.0, 1.0, "correct"))])
>>> lesson.points, lesson.max_points, assessment_share(lesson.questions, "pre")
(1.0, 1.0, (0, 0, 0))
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from kit.metrics import Discernment, Judgement, discernment, paired_effect_size
from kit.model import Bank, Key, Question
from kit.questions import describe_value
from kit.scoring import Score


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    value: Any
    score: Score
    mark_comment: str = ""
    judgement: Judgement | None = None
    problem: str = ""  # why the answer cannot be read, when it cannot

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

    def marked(self) -> tuple[float, float, int]:
        """Points so far, points possible on the questions marked so far, and written answers awaiting a teacher."""
        done = [q for q in self.questions if q.score.status != "pending"]
        return (round(sum(q.score.points for q in done), 2), round(sum(q.score.max_points for q in done), 2),
                len(self.questions) - len(done))

    def judgements(self, assessment: str | None = None) -> list[Judgement]:
        """The credibility judgements of this lesson (only the pre- or post-assessment's with ``assessment``)."""
        return [q.judgement for q in self.questions
                if q.judgement is not None and (assessment is None or q.question.assessment == assessment)]


def assessment_share(results: Iterable[QuestionResult], phase: str) -> tuple[int, int, int]:
    """(correct, answered, items) on the ``pre`` or ``post`` assessment items among ``results``."""
    chosen = [q for q in results if q.question.assessment == phase]
    answered = [q for q in chosen if q.score.status not in ("unanswered", "invalid")]
    return sum(q.score.status == "correct" for q in chosen), len(answered), len(chosen)


@dataclass
class StudentResult:
    id: str
    name: str
    lessons: dict[str, LessonResult] = field(default_factory=dict)

    @property
    def points(self) -> float:
        return round(sum(lesson.points for lesson in self.lessons.values()), 2)

    @property
    def judgements(self) -> dict[str, list[Judgement]]:
        return {name: lesson.judgements() for name, lesson in self.lessons.items()}

    def discernment(self, lessons: Iterable[str] | None = None, *, assessment: str | None = None) -> Discernment:
        chosen = [lesson for name, lesson in self.lessons.items() if lessons is None or name in lessons]
        return discernment([j for lesson in chosen for j in lesson.judgements(assessment)])

    def pending(self) -> list[QuestionResult]:
        return [q for lesson in self.lessons.values() for q in lesson.questions if q.score.status == "pending"]

    def results(self) -> list[QuestionResult]:
        return [q for lesson in self.lessons.values() for q in lesson.questions]


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
    keys: dict[str, Key]
    students: list[StudentResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_chosen: int = 0  # answers to lessons left out with ``lessons=`` (not a problem)
    forms: dict[str, str] = field(default_factory=dict)  # the teacher's pre/post form overrides (kit.grading.forms)

    @property
    def exit_status(self) -> int:
        """0 when every file was graded in full; 1 when some could not be."""
        return 1 if self.problems else 0

    def max_points(self, lesson: str) -> float:
        return round(self.banks[lesson].points_per_student, 2)

    @property
    def total_max(self) -> float:
        return round(sum(self.max_points(lesson) for lesson in self.lessons), 2)

    def pre_post(self) -> tuple[list[tuple[str, float, float]], float]:
        """Each student's share correct of the pre- and post-assessment items, and the class effect size d_z."""
        pairs = []
        for student in self.students:
            shares = {}
            for phase in ("pre", "post"):
                correct, _, items = assessment_share(student.results(), phase)
                if items:
                    shares[phase] = correct / items
            if len(shares) == 2:
                pairs.append((student.id, shares["pre"], shares["post"]))
        if len(pairs) < 2:
            return pairs, math.nan
        return pairs, paired_effect_size([p[1] for p in pairs], [p[2] for p in pairs])
