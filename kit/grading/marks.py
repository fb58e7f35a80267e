"""Rubric marks for written answers, saved by the marking notebook and read by ``medialit grade``.

Levels follow Civic Online Reasoning's three-level rubrics:
Proficient (full credit), Emergent (half), Basic (none).

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

from kit.errors import InputError
from kit.answers import now, write_json_atomic

LEVELS = {"proficient": 1.0, "emergent": 0.5, "basic": 0.0}
LEVEL_LABELS = {
    "proficient": "Proficient: full credit",
    "emergent": "Emergent: half credit",
    "basic": "Basic: no credit yet",
}
DEFAULT_FILE = "rubric-marks.json"


@dataclass(frozen=True)
class Mark:
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
        self._marks: dict[str, dict[str, dict]] = {}
        if self.path.exists():
            try:
                document = json.loads(self.path.read_text(encoding="utf-8"))
                marks = document["marks"]
                if not isinstance(marks, dict):
                    raise TypeError("'marks' is not a mapping")
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"{self.path}: is not a rubric marks file ({error})") from None
            self._marks = marks

    def get(self, student: str, question_id: str) -> Mark | None:
        entry = self._marks.get(student, {}).get(question_id)
        if not isinstance(entry, dict) or entry.get("level") not in LEVELS:
            return None
        return Mark(level=entry["level"], comment=str(entry.get("comment", "")), marked=str(entry.get("marked", "")))

    def set(self, student: str, question_id: str, *, level: str, comment: str = "") -> None:
        """Record a mark and save the file at once."""
        if level not in LEVELS:
            raise InputError(f"level must be one of {', '.join(LEVELS)}")
        self._marks.setdefault(student, {})[question_id] = {"level": level, "comment": comment, "marked": now()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(self.path, {"schema": 1, "marks": self._marks})

    def __len__(self) -> int:
        return sum(len(v) for v in self._marks.values())
