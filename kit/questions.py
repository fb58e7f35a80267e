"""The question bank and the answer key of each lesson: data, not code.

Each lesson has a bank ``lessons/questions/L02.json`` (ids, kinds, prompts,
options, points) and, for instructors and self-study, a key
``instructor-guide/answer-key/L02.json`` (answers, accepted alternatives,
partial-credit rule, explanation, source ids). Without a key the widgets only
record; with it they can give feedback. What each kind of question needs is
checked by its class in :mod:`kit.kinds`.

>>> bank = load_bank("L00")
>>> question = bank["L00.q01"]
>>> question.kind in kinds.names()
True
>>> check_value(question, 12345)  # a number is never a valid answer to a choice
'expected one option id (text), got int'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kit import cache, kinds, settings
from kit.model import (
    QUESTION_ID, Bank, BankError, BankFile, Key, KeyEntry, KeyFile, Question, QuestionSpec, describe_validation,
)

__all__ = [
    "Bank", "BankError", "Key", "KeyEntry", "Question", "lesson_ids", "load_bank", "load_key", "parse_question",
    "check_value", "is_complete", "describe_value",
]


def lesson_ids(folder: Path | None = None) -> list[str]:
    """Lessons that have a question bank, in order (``['L00', 'L01', ...]``)."""
    return sorted(p.stem for p in (folder or settings.questions_dir()).glob("*.json"))


def read_json(path: Path) -> Any:
    """The JSON document at ``path``; a missing or malformed file raises :class:`BankError` naming it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BankError("file is missing", path=path) from None
    except json.JSONDecodeError as error:
        raise BankError(f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})", path=path) from None


def parse_question(raw: Any, lesson: str, where: str) -> Question:
    """Build a :class:`Question` from its JSON form; its kind checks what it needs."""
    qid = raw.get("id", "") if isinstance(raw, dict) else ""
    where = f"{where}: question {qid or '(no id)'}"
    if not isinstance(raw, dict):
        raise BankError(f"{where}: a question must be a JSON object")
    if not QUESTION_ID.match(str(qid)) or not str(qid).startswith(lesson + "."):
        raise BankError(f"{where}: id must look like {lesson}.q01")
    kind = kinds.get(raw.get("kind", "")) if raw.get("kind") in kinds.names() else None
    if kind is None:
        raise BankError(f"{where}: kind {raw.get('kind')!r} is not one of {', '.join(kinds.names())}")
    try:
        spec = QuestionSpec.model_validate(raw)
    except ValidationError as error:
        raise BankError(f"{where}: {describe_validation(error)}") from None
    if spec.form is not None and spec.assessment is None:
        raise BankError(f"{where}: form {spec.form} is only for pre/post items (give assessment: pre or post)")
    parts = kind.parts(spec, where)
    return Question(
        id=spec.id, lesson=lesson, kind=spec.kind, kind_label=kind.label, prompt=spec.prompt, points=float(spec.points),
        options=parts.options, items=parts.items, labels=parts.labels, min_words=spec.min_words, frames=tuple(spec.frames),
        passage=parts.passage, context=spec.context, assessment=spec.assessment, use=spec.use, spec=raw,
    )


def _parse_bank(path: Path, lesson: str) -> Bank:
    try:
        raw = BankFile.model_validate(read_json(path))
    except ValidationError as error:
        raise BankError(f"must be an object with lesson {lesson!r} and a list of questions ({describe_validation(error)})",
                        path=path) from None
    if raw.lesson != lesson:
        raise BankError(f"must be an object with lesson {lesson!r} and a list of questions (it says {raw.lesson!r})", path=path)
    questions: dict[str, Question] = {}
    for entry in raw.questions:
        question = parse_question(entry, lesson, str(path))
        if question.id in questions:
            raise BankError(f"question {question.id} appears twice", path=path)
        questions[question.id] = question
    return Bank(lesson=lesson, title=raw.title or lesson, questions=questions, path=path)


def load_bank(lesson: str, folder: Path | None = None) -> Bank:
    """The question bank of ``lesson`` (``"L02"``), from the kit's banks or ``folder``."""
    folder = Path(folder) if folder else settings.questions_dir()
    path = folder / f"{lesson}.json"
    if not path.exists():
        raise BankError(f"no question bank for lesson {lesson} (lessons with banks: {', '.join(lesson_ids(folder)) or 'none'})",
                        path=path)
    return cache.by_file(path, lambda: _parse_bank(path, lesson))


def _parse_key(path: Path) -> Key:
    try:
        raw = KeyFile.model_validate(read_json(path))
    except ValidationError as error:
        raise BankError(f"not a valid answer key: {describe_validation(error)}", path=path) from None
    return {qid: KeyEntry.from_spec(qid, entry) for qid, entry in raw.answers.items()}


def load_key(lesson: str, folder: Path | None = None) -> Key | None:
    """The answer key of ``lesson``, or None when there is no key (a student copy)."""
    folder = Path(folder) if folder else settings.answer_key_dir()
    if folder is None:
        return None
    path = folder / f"{lesson}.json"
    if not path.exists():
        return None
    return cache.by_file(path, lambda: _parse_key(path))


# --------------------------------------------------------------------------- answers, through the kinds


def check_value(question: Question, value: Any) -> str | None:
    """Why ``value`` is not a valid answer to ``question`` (None if it is)."""
    return kinds.get(question.kind).validate(question, value)


def is_complete(question: Question, value: Any) -> bool:
    """True when ``value`` answers the whole question (every row tagged, etc.)."""
    if value is None or check_value(question, value) is not None:
        return False
    return kinds.get(question.kind).is_complete(question, value)


def describe_value(question: Question, value: Any) -> str:
    """A plain-text rendering of an answer (the widgets' text equivalent)."""
    return "(not answered)" if value is None else kinds.get(question.kind).describe(question, value)
