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


def wrong_value(question: Question, key: KeyEntry, rng: random.Random):
    """A valid answer that does not earn full credit (falls back to an empty answer)."""
    right = model_value(question, key)
    if not kinds.get(question.kind).auto_scored:
        return kinds.get(question.kind).random_value(question, rng)
    for _ in range(20):
        value = kinds.get(question.kind).random_value(question, rng)
        if value is not None and value != right and kinds.get(question.kind).fraction(question, key, value)[0] < 1:
            return value
    return None


def write_able_class(folder: Path, banks: dict[str, Bank], keys: dict[str, dict], *, students: int, seed: int = 7,
                     reversed_items: tuple[str, ...] = ()) -> dict[str, float]:
    """A class whose students differ in ability: student ``i`` answers each question right with probability
    ``ability``, except ``reversed_items``, answered right with probability ``1 - ability`` (an item planted to
    discriminate negatively). Returns each student's ability."""
    rng = random.Random(seed)
    abilities = {}
    for number in range(1, students + 1):
        student = f"student-{number:04d}"
        ability = abilities[student] = 0.05 + 0.9 * (number - 1) / max(students - 1, 1)
        for lesson, bank in banks.items():
            answers = {}
            for question in bank:
                key = keys[lesson][question.id]
                chance = 1 - ability if question.id in reversed_items else ability
                value = model_value(question, key) if rng.random() < chance else wrong_value(question, key, rng)
                if value is not None:
                    answers[question.id] = {"value": value, "saved": "2026-11-01T10:00:00Z", "revision": 1}
            document = {
                "schema": SCHEMA_VERSION, "kit_version": "0.1.0", "lesson": lesson, "lesson_version": "",
                "student": {"id": student, "name": f"Student {number}"}, "created": "2026-11-01T09:00:00Z",
                "updated": "2026-11-01T10:00:00Z", "answers": answers,
            }
            path = Path(folder) / student / f"{lesson}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(document), encoding="utf-8")
    return abilities
