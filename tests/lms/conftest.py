"""A small class graded for real: four students, two lessons, answers of every quality."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from kit.grading import grade
from kit.questions import load_bank, load_key
from tests.conftest import FIXTURES
from tests.grading.synthetic import answers_document

ROSTERS = FIXTURES / "rosters"
#: (id, name as the student typed it, lessons handed in). José typed no accents; Grace used her hub user name as id;
#: Alan is in no roster; Chidi (in every roster) handed nothing in.
CLASS = [
    ("ada-lovelace", "Ada Lovelace", ["L00", "L01"]),
    ("jose-nunez", "jose NUNEZ", ["L00"]),
    ("ghopper", "Grace Hopper", ["L00", "L01"]),
    ("alan-turing", "Alan Turing", ["L00", "L01"]),
]


@pytest.fixture(scope="session")
def submissions(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("submissions")
    rng = random.Random(11)
    for student, name, lessons in CLASS:
        for lesson in lessons:
            document = answers_document(student, name, load_bank(lesson), load_key(lesson), rng)
            path = folder / student / f"{lesson}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(document), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def graded(submissions):
    return grade([submissions], lessons=["L00", "L01"])


@pytest.fixture
def roster(tmp_path):
    """A private copy of a roster fixture, by file name."""
    def copy(name: str) -> Path:
        return Path(shutil.copy(ROSTERS / name, tmp_path / name))
    return copy
