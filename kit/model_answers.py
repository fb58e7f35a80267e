"""Model answers, entered through the widgets' own API and saved like a student's.

The answer-key notebooks check these files by default, and a test grades them
to prove every lesson's key gives full marks to its own model answers.

>>> import tempfile
>>> path = write_model_answers("L00", Path(tempfile.mkdtemp()))
>>> path.name
'L00.json'
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from kit.atomicfile import write_json_atomic
from kit.errors import InputError
from kit.lesson import Lesson
from kit.scoring import model_value

STUDENT = "Model Answers"


def enter_model_answers(lesson: Lesson) -> None:
    """Set every question of ``lesson`` to the key's model answer through its widget."""
    if lesson.key is None:
        raise InputError(f"lesson {lesson.id} has no answer key")
    for question in lesson.bank:
        lesson.ask(question.id).value = model_value(question, lesson.key[question.id])


def write_model_answers(lesson_id: str, folder: Path, **lesson_options) -> Path:
    """Write ``folder/<lesson>.json`` holding the model answers (timestamps fixed for stable files)."""
    with tempfile.TemporaryDirectory() as scratch:
        student_folder = Path(scratch)
        write_json_atomic(student_folder / "student.json", {"name": STUDENT})
        lesson = Lesson(lesson_id, answers_folder=student_folder, feedback=False, **lesson_options)
        enter_model_answers(lesson)
        document = json.loads(lesson.store.path.read_text(encoding="utf-8"))
    document["created"] = document["updated"] = "2026-01-01T00:00:00Z"
    for entry in document["answers"].values():
        entry["saved"] = "2026-01-01T00:00:00Z"
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{lesson_id}.json"
    write_json_atomic(target, document)
    return target
