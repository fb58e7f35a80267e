"""Find and read submissions: answers files, ``medialit submit`` bundles, or folders of them.

Reading is data only: JSON is parsed, shapes are checked, nothing is
executed or unpickled. Symbolic links are refused (a link could point
anywhere on the grader's machine), and so are files over 5 MB. Every file
that cannot be used comes back as a :class:`Rejected` with its reason.

>>> import json, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "junk.txt").write_text("hello")
>>> found, rejected = collect([folder])
>>> found, [r.reason for r in rejected]
([], ['not a .json answers file or bundle'])
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from kit.answers import SCHEMA_VERSION, AnswerFileError, checked_answers_document, load_json_file
from kit.identity import sanitise
from kit.model import AnswersRecord, Bundle, describe_validation
from kit.submit import BUNDLE_FORMAT

MAX_FILES = 200_000
T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class LessonAnswers:
    """One student's answers to one lesson, as read from ``path``."""

    path: Path
    student_id: str
    student_name: str
    lesson: str
    answers: dict
    updated: str


@dataclass(frozen=True)
class Rejected:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _files(paths: Iterable[Path | str]) -> Iterable[Path | Rejected]:
    for raw in paths:
        path = Path(raw)
        if path.is_symlink():
            yield Rejected(path, "is a symbolic link; copy the real file instead")
        elif path.is_dir():
            for folder, subfolders, names in os.walk(path, followlinks=False):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                base = Path(folder)
                for name in sorted(names):
                    if name.startswith(".") or name in ("student.json",) or ".corrupt-" in name or name.endswith(".lock"):
                        continue
                    yield base / name  # a symbolic link is refused when the file is read (kit.answers.load_json_file)
        elif path.exists():
            yield path
        else:
            yield Rejected(path, "no such file or folder")


def _typed(model: type[T], document: dict, path: Path) -> T:
    try:
        return model.model_validate(document)
    except ValidationError as error:
        raise AnswerFileError(f"{path}: {describe_validation(error)}") from None


def _lesson_answers(document: dict, path: Path) -> LessonAnswers:
    student = document.get("student")
    if not isinstance(student, dict) or not isinstance(student.get("id"), str) or not student["id"].strip():
        raise AnswerFileError(f"{path}: the student id is missing")
    lesson = document.get("lesson")
    if not isinstance(lesson, str) or not lesson or len(lesson) > 40:
        raise AnswerFileError(f"{path}: the lesson id {str(lesson)[:40]!r} is not valid")
    record = _typed(AnswersRecord, {**document, "student": {**student, "name": _text(student.get("name"))[:200]},
                                    "updated": _text(document.get("updated"))}, path)
    return LessonAnswers(path=path, student_id=sanitise(record.student.id), student_name=record.student.name,
                         lesson=record.lesson, answers=record.answers, updated=record.updated)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def read_submission(path: Path) -> list[LessonAnswers]:
    """Read one file: a bundle (several lessons) or an answers file (one lesson)."""
    if path.suffix.lower() != ".json":
        raise AnswerFileError(f"{path}: not a .json answers file or bundle")
    document = load_json_file(path, what="a submission")
    if isinstance(document, dict) and document.get("format") == BUNDLE_FORMAT:
        version = document.get("schema")
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise AnswerFileError(f"{path}: bundle schema {version!r} is not one this kit reads (up to {SCHEMA_VERSION})")
        lessons = document.get("lessons")
        if not isinstance(lessons, dict) or not lessons:
            raise AnswerFileError(f"{path}: the bundle holds no lessons")
        student = document.get("student")
        if not isinstance(student, dict) or not isinstance(student.get("id"), str) or not student["id"].strip():
            raise AnswerFileError(f"{path}: the student id is missing")
        bundle = _typed(Bundle, document, path)
        bundle_student = sanitise(bundle.student.id)
        result = []
        for lesson, inner in bundle.lessons.items():
            _check_answers_shape(inner, path)
            answers = _lesson_answers(inner, path)
            if answers.student_id != bundle_student or answers.lesson != lesson:
                raise AnswerFileError(f"{path}: lesson {lesson} belongs to {answers.student_id}, not {bundle_student}")
            result.append(answers)
        return result
    return [_lesson_answers(checked_answers_document(document, path), path)]


def _check_answers_shape(document: dict, path: Path) -> None:
    version = document.get("schema")
    if not isinstance(version, int) or version < 1 or version > SCHEMA_VERSION:
        raise AnswerFileError(f"{path}: answers schema {version!r} is not one this kit reads")
    if not isinstance(document.get("answers"), dict):
        raise AnswerFileError(f"{path}: 'answers' is missing or not a mapping")
    if not isinstance(document.get("lesson"), str):
        raise AnswerFileError(f"{path}: the lesson id is missing")


def collect(paths: Iterable[Path | str]) -> tuple[list[LessonAnswers], list[Rejected]]:
    """Read every submission under ``paths``; return what was read and what was refused, with reasons."""
    found: list[LessonAnswers] = []
    rejected: list[Rejected] = []
    paths = list(paths)
    for count, item in enumerate(_files(paths)):
        if count >= MAX_FILES:
            rejected.append(Rejected(Path(paths[0]) if paths else Path("."), f"more than {MAX_FILES} files; grade in smaller batches"))
            break
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        try:
            found.extend(read_submission(item))
        except AnswerFileError as error:
            reason = str(error)
            prefix = f"{item}: "
            rejected.append(Rejected(item, reason[len(prefix):] if reason.startswith(prefix) else reason))
        except OSError as error:
            rejected.append(Rejected(item, f"cannot be read ({error.strerror or error})"))
    return found, rejected
