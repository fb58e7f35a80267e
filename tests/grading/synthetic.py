"""A synthetic class: varied, reproducible answers to any lesson, written as real answers files."""

from __future__ import annotations

import json
import random
from pathlib import Path

from kit.answers import SCHEMA_VERSION
from kit import kinds
from kit.model import Bank, KeyEntry, Question
from kit.scoring import model_value

def varied_value(question: Question, key: KeyEntry, rng: random.Random):
    """An answer that is right, partly right, wrong, empty or too short, chosen at random."""
    roll = rng.random()
    if roll < 0.1:
        return None
    if roll < 0.45:
        return model_value(question, key)
    return kinds.get(question.kind).random_value(question, rng)


def answers_document(student: str, name: str, bank: Bank, key: dict, rng: random.Random) -> dict:
    answers = {}
    for question in bank:
        value = varied_value(question, key[question.id], rng)
        if value is not None:
            answers[question.id] = {"value": value, "saved": "2026-11-01T10:00:00Z", "revision": 1}
    return {
        "schema": SCHEMA_VERSION, "kit_version": "0.1.0", "lesson": bank.lesson, "lesson_version": "",
        "student": {"id": student, "name": name}, "created": "2026-11-01T09:00:00Z",
        "updated": "2026-11-01T10:00:00Z", "answers": answers,
    }


def write_class(folder: Path, banks: dict[str, Bank], keys: dict[str, dict], *, students: int, seed: int = 7) -> list[Path]:
    """Write ``students`` x lessons answers files under ``folder/<student>/<lesson>.json``."""
    rng = random.Random(seed)
    paths = []
    for number in range(1, students + 1):
        student = f"student-{number:04d}"
        for lesson, bank in banks.items():
            path = Path(folder) / student / f"{lesson}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            document = answers_document(student, f"Student {number}", bank, keys[lesson], rng)
            path.write_text(json.dumps(document), encoding="utf-8")
            paths.append(path)
    return paths
