"""Item analysis: how hard each question was, and whether it separates stronger students from weaker ones.

For each question, over the students who handed in its lesson and whose answer is marked
(written answers count once a teacher has marked them):

- ``n``: how many students;
- ``difficulty``: the share of the points the class earned on it (for a one-point question,
  the share answering correctly); 0.9 is an easy item, 0.2 a hard one;
- ``discrimination``: the corrected item-total point-biserial correlation, that is the Pearson
  correlation between the item's score and each student's total on every *other* marked item
  of the lessons graded; near 0 the item does not separate stronger from weaker students;
  below 0 stronger students do worse on it, which usually means a wrong or arguable key, a
  trick in the wording, or a distractor that rewards knowing more;
- ``flag``: ``"stronger students do worse"`` when the discrimination is below
  :data:`FLAG_BELOW`; empty otherwise.

>>> round(point_biserial([1, 1, 0, 0], [9, 8, 3, 2]), 2)
0.99
>>> math.isnan(point_biserial([1, 1, 1], [3, 5, 9]))  # everyone right: no variation to correlate
True
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from kit.grading.results import ClassResult

FLAG_BELOW = 0.0
FLAG = "stronger students do worse"
MIN_STUDENTS = 5  # below this, item statistics are not computed
COLUMNS = ("question", "lesson", "kind", "use", "n", "difficulty", "discrimination", "flag")


def point_biserial(item: list[float], rest: list[float]) -> float:
    """Pearson correlation of item scores and rest scores (NaN when either does not vary)."""
    if len(item) < 2:
        return math.nan
    mi, mr = mean(item), mean(rest)
    si = math.fsum((x - mi) ** 2 for x in item)
    sr = math.fsum((y - mr) ** 2 for y in rest)
    if si == 0 or sr == 0:
        return math.nan
    return math.fsum((x - mi) * (y - mr) for x, y in zip(item, rest)) / math.sqrt(si * sr)


@dataclass(frozen=True)
class ItemStats:
    question: str
    lesson: str
    kind: str
    use: str
    n: int
    difficulty: float
    discrimination: float

    @property
    def flag(self) -> str:
        return FLAG if not math.isnan(self.discrimination) and self.discrimination < FLAG_BELOW else ""

    def row(self) -> dict[str, object]:
        def number(value: float) -> object:
            return "" if math.isnan(value) else round(value, 3)

        return {"question": self.question, "lesson": self.lesson, "kind": self.kind, "use": self.use, "n": self.n,
                "difficulty": number(self.difficulty), "discrimination": number(self.discrimination), "flag": self.flag}


def item_analysis(result: ClassResult) -> list[ItemStats]:
    """Difficulty and discrimination of every question of the graded lessons, in lesson order."""
    # each student's marked score fraction per question, and total marked points
    scores: dict[str, dict[str, tuple[float, float]]] = {}
    for student in result.students:
        mine = scores.setdefault(student.id, {})
        for q in student.results():
            if q.score.status != "pending" and q.score.max_points > 0:
                mine[q.question.id] = (q.score.points, q.score.max_points)
    totals = {sid: math.fsum(points for points, _ in marked.values()) for sid, marked in scores.items()}
    stats = []
    for lesson in result.lessons:
        for question in result.banks[lesson]:
            marked = [(marked[question.id], totals[sid]) for sid, marked in scores.items() if question.id in marked]
            item = [points / maximum for (points, maximum), _ in marked]
            rest = [total - points for (points, _), total in marked]
            enough = len(marked) >= MIN_STUDENTS
            stats.append(ItemStats(
                question=question.id, lesson=lesson, kind=question.kind, use=question.use, n=len(marked),
                difficulty=mean(item) if item else math.nan,
                discrimination=point_biserial(item, rest) if enough else math.nan,
            ))
    return stats


def write_csv(stats: list[ItemStats], path: Path) -> Path:
    """``item-analysis.csv``: one row per question (empty numbers where they cannot be computed)."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for item in stats:
            writer.writerow(item.row())
    return path
