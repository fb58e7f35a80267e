"""Rubric marks for written answers, saved by the marking notebook and read by ``medialit grade``.

Levels follow Civic Online Reasoning's three-level rubrics:
Proficient (full credit), Emergent (half), Basic (none).

Two teachers may mark the same class at once (two notebooks, one marks file):
every :meth:`RubricMarks.set` takes the file's lock, re-reads the file, adds
its one mark to what is there and writes the whole file atomically, so no mark
saved by the other is lost. A file that is not a marks file is never
overwritten.

>>> import tempfile
>>> marks = RubricMarks(Path(tempfile.mkdtemp()) / "marks.json")
>>> marks.set("ada", "L07.q04", level="emergent", comment="Names a source but not why it matters.")
>>> RubricMarks(marks.path).get("ada", "L07.q04").fraction
0.5
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kit import atomicfile
from kit.answers import now
from kit.errors import InputError

LEVELS = {"proficient": 1.0, "emergent": 0.5, "basic": 0.0}
LEVEL_LABELS = {
    "proficient": "Proficient: full credit",
    "emergent": "Emergent: half credit",
    "basic": "Basic: no credit yet",
}
DEFAULT_FILE = "rubric-marks.json"


@dataclass(frozen=True)
class Mark:
    """One rubric mark: the level, the teacher's comment and when it was given."""

    level: str
    comment: str = ""
    marked: str = ""

    @property
    def fraction(self) -> float:
        return LEVELS[self.level]


class RubricMarks:
    """Marks by student id and question id, stored as JSON at ``path``."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._marks: dict[str, dict[str, dict]] = self._read()

    def _read(self) -> dict[str, dict[str, dict]]:
        """The marks in the file (none if there is no file); InputError naming the file if it is not one."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            marks = document["marks"]
            if not isinstance(marks, dict) or not all(isinstance(v, dict) for v in marks.values()):
                raise TypeError("'marks' is not a mapping of students")
        except FileNotFoundError:
            return {}
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"is not a rubric marks file ({error})", path=self.path) from None
        return marks

    def get(self, student: str, question_id: str) -> Mark | None:
        """The mark of ``student``'s answer to ``question_id``, or None if it is not marked yet."""
        entry = self._marks.get(student, {}).get(question_id)
        if not isinstance(entry, dict) or entry.get("level") not in LEVELS:
            return None
        return Mark(level=entry["level"], comment=str(entry.get("comment", "")), marked=str(entry.get("marked", "")))

    def set(self, student: str, question_id: str, *, level: str, comment: str = "") -> None:
        """Record a mark and save the file at once, keeping marks saved meanwhile by another teacher."""
        if level not in LEVELS:
            raise InputError(f"level must be one of {', '.join(LEVELS)}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomicfile.locked(self.path):
            atomicfile.remove_leftovers(self.path)
            marks = self._read()
            marks.setdefault(student, {})[question_id] = {"level": level, "comment": comment, "marked": now()}
            atomicfile.write_json_atomic(self.path, {"schema": 1, "marks": marks})
        self._marks = marks

    def __len__(self) -> int:
        return sum(len(v) for v in self._marks.values())
