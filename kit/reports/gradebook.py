"""The gradebook: one row per student, a column per lesson and a total, for any LMS.

Text cells that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe, so a
student named ``=HYPERLINK(...)`` stays text.

>>> safe_cell("+1 555"), safe_cell("Ada")
("'+1 555", 'Ada')
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Neutralise a text cell a spreadsheet would otherwise run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _number(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def rows(result) -> list[list[str]]:
    """Header and one row per student."""
    header = ["Student", "ID"]
    header += [f"{lesson} ({result.max_points(lesson):g} pts)" for lesson in result.lessons]
    header += [f"Total ({result.total_max:g} pts)", "Percent", "Discernment d'", "Bias c", "Brier score", "Written answers to mark"]
    table = [header]
    for student in result.students:
        row = [safe_cell(student.name), safe_cell(student.id)]
        for lesson in result.lessons:
            row.append(_number(student.lessons[lesson].points) if lesson in student.lessons else "")
        metrics = student.discernment()
        percent = 100 * student.points / result.total_max if result.total_max else math.nan
        row += [
            _number(student.points), _number(round(percent, 1)),
            _number(round(metrics.d_prime, 2)) if metrics.n else "",
            _number(round(metrics.bias_c, 2)) if metrics.n else "",
            _number(round(metrics.brier, 3)) if metrics.n else "",
            str(len([q for q in student.pending() if q.value is not None])),
        ]
        table.append(row)
    return table


def write(result, path: Path) -> Path:
    """Write the gradebook CSV (UTF-8 with a byte-order mark, which Excel needs for accents)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows(result))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path
