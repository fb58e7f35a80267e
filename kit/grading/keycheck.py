"""The nbval path of grading: one deterministic verdict line per question.

Each answer-key notebook in ``instructor-guide/answer-key/`` opens an answers
file (the model answers by default; a student's file, bundle or folder when
``MEDIALIT_STUDENT_ANSWERS`` names one) and prints one line per question in a
cell tagged ``nbval-check-output``. The stored outputs are the model answers'
lines, so ``pytest --nbval-lax instructor-guide/answer-key/`` passes for the
model answers and, for a student, fails exactly the questions they got wrong.

>>> check = for_lesson("L00")
>>> check.line("L00.q01").startswith("L00.q01: ")
True
"""

from __future__ import annotations

from pathlib import Path

from kit import kinds, settings
from kit.grading.collect import LessonAnswers, read_submission
from kit.questions import BankError, load_bank, load_key
from kit.scoring import score

MODEL_FOLDER = "model-answers"


def model_answers_path(lesson: str) -> Path:
    """The model answers file of ``lesson`` (written through the widgets by ``medialit model-answers``)."""
    folder = settings.answer_key_dir()
    if folder is None:
        raise BankError("there is no answer key in this copy of the kit (MEDIALIT_KEY=none or a student release)")
    return folder / MODEL_FOLDER / f"{lesson}.json"


def _find(path: Path, lesson: str) -> LessonAnswers:
    if path.is_dir():
        candidate = path / f"{lesson}.json"
        if not candidate.exists():
            raise BankError(f"{path}: has no {lesson}.json")
        path = candidate
    for record in read_submission(path):
        if record.lesson == lesson:
            return record
    raise BankError(f"{path}: holds no answers to lesson {lesson}")


class KeyCheck:
    """Verdict lines for one lesson's answers."""

    def __init__(self, lesson: str, answers: Path | str | None = None):
        chosen = answers or settings.student_answers_file() or model_answers_path(lesson)
        self.lesson = lesson
        self.path = Path(chosen)
        self.record = _find(self.path, lesson)
        self.bank = load_bank(lesson)
        key = load_key(lesson)
        if key is None:
            raise BankError(f"no answer key for {lesson}")
        self.key = key

    def line(self, question_id: str) -> str:
        """One deterministic line: the verdict for ``question_id``."""
        question = self.bank[question_id]
        entry = self.record.answers.get(question.id)
        value = entry.get("value") if isinstance(entry, dict) else None
        result = score(question, self.key[question.id], value)
        points = f"({result.points:g}/{result.max_points:g})"
        if result.status == "pending":
            if kinds.get(question.kind).is_complete(question, value):
                return f"{question.id}: written answer of at least {question.min_words} words, for rubric marking"
            return f"{question.id}: written answer too short for rubric marking"
        words = {"correct": "correct", "partial": "partly right", "wrong": "wrong",
                 "unanswered": "not answered", "invalid": "answer cannot be read"}[result.status]
        return f"{question.id}: {words} {points}"

    def __call__(self, question_id: str) -> None:
        print(self.line(question_id))

    def describe(self) -> str:
        who = self.record.student_name or self.record.student_id
        return f"Checking {who}'s answers to {self.lesson} from {self.path.name}"


def for_lesson(lesson: str, answers: Path | str | None = None) -> KeyCheck:
    """A :class:`KeyCheck` for ``lesson``."""
    return KeyCheck(lesson, answers)
