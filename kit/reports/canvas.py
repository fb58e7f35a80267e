"""A grade file Canvas's gradebook importer accepts, built on the teacher's own Canvas export.

The roster is the CSV that Canvas's Grades page exports ("Export entire
gradebook"): ``Student`` ("Last, First"), ``ID`` (Canvas's user id),
``SIS User ID``, ``SIS Login ID``, ``Section``, then one column per
assignment titled ``Title (id)``. The file written keeps those five student
columns from the roster row of each matched student (Canvas finds a student
by ``ID`` first, then the SIS ids, then the exact name), has one column per
lesson, titled as the teacher's assignment where one is named or has the
same title, and a ``Points Possible`` row. Nothing else goes in it: a column
Canvas does not know becomes a new assignment, so the kit's analytics stay
in ``gradebook.csv``.

>>> default_title("L02", "Anatomy of an argument")
'medialit L02: Anatomy of an argument'
>>> title_and_id("Lesson 2 (12345)"), title_and_id("Lesson 2")
(('Lesson 2', '12345'), ('Lesson 2', None))
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import InputError
from kit.reports.gradebook import safe_cell
from kit.reports.roster import Matching, Person, Roster, column, match, read_rows

STUDENT_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
#: Canvas ignores these on import (GradebookImporter::NON_ASSIGNMENT_COLUMN_HEADERS, matched anywhere in a title).
NON_ASSIGNMENT = ("Current Score", "Current Points", "Current Grade", "Final Score", "Final Points", "Final Grade",
                  "Override Score", "Override Grade", "Override Status")
TEST_STUDENT = ("Student, Test", "Test Student")
_TITLE_ID = re.compile(r"\A(.*)\s\((\d+)\)\Z", re.S)


def title_and_id(header: str) -> tuple[str, str | None]:
    """Split ``"Title (12345)"`` as Canvas does (``Assignment.title_and_id``)."""
    found = _TITLE_ID.match(header)
    return (found.group(1), found.group(2)) if found else (header, None)


def default_title(lesson: str, title: str) -> str:
    return f"medialit {lesson}: {title}"


@dataclass
class CanvasRoster(Roster):
    assignments: tuple[str, ...] = ()  # assignment headers, as exported: "Title (id)"
    points: dict[str, str] = field(default_factory=dict)  # assignment header -> the roster's Points Possible


def read_roster(path: Path) -> CanvasRoster:
    """Read a Canvas gradebook export; refuse anything Canvas would not have written."""
    rows = read_rows(path)
    header = [h.strip() for h in rows[0][1]]
    if len(header) < 4 or "Student" not in header[0] or "ID" not in header[1]:
        raise InputError(
            f"not a Canvas gradebook export: its first columns must be Student, ID, ... Section (found: {', '.join(header[:5])}); "
            "export it from Canvas: Grades > Export > Export Entire Gradebook", path=path)
    section = column(header, "Section")
    if section is None:
        raise InputError("not a Canvas gradebook export: no Section column", path=path)
    where = {name: column(header, name) for name in STUDENT_COLUMNS}
    assignments = tuple(h for h in header[section + 1:] if h and not any(word in h for word in NON_ASSIGNMENT))
    people, skipped, points = [], [], {}
    for number, row in rows[1:]:
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        first = cells[header[0]]
        if "Points Possible" in first:
            points = {h: cells[h] for h in assignments}
            continue
        if all(re.fullmatch(r"\s*(Muted|Manual Posting.*)?\s*", c or "", re.I) for c in row):
            continue
        if first in TEST_STUDENT:
            skipped.append(f"row {number}: Canvas's test student ({first})")
            continue
        login = cells.get(header[where["SIS Login ID"]], "") if where["SIS Login ID"] is not None else ""
        sis = cells.get(header[where["SIS User ID"]], "") if where["SIS User ID"] is not None else ""
        people.append(Person(row=number, name=first, cells=cells, logins=tuple(x for x in (login, sis) if x),
                             emails=tuple(x for x in (login,) if "@" in x)))
    return CanvasRoster(path=Path(path), header=header, people=people, skipped=skipped, assignments=assignments,
                        points=points)


def lesson_columns(result, roster: CanvasRoster, named: dict[str, str]) -> dict[str, str]:
    """The header of each lesson's column: the assignment the teacher named, else one with the kit's title, else the kit's title."""
    unknown = sorted(set(named) - set(result.lessons))
    if unknown:
        raise InputError(f"--assignment names lesson(s) not graded here: {', '.join(unknown)} (graded: {', '.join(result.lessons)})")
    columns = {}
    for lesson in result.lessons:
        wanted = named.get(lesson, default_title(lesson, result.banks[lesson].title))
        title, number = title_and_id(wanted)
        if wanted.strip().isdigit():
            title, number = "", wanted.strip()
        found = [h for h in roster.assignments if (number and title_and_id(h)[1] == number) or (not number and title_and_id(h)[0] == title)]
        if found:
            columns[lesson] = found[0]
        elif lesson in named:
            shown = "; ".join(roster.assignments) or "none"
            raise InputError(f"--assignment {lesson}={wanted!r}: the roster has no such assignment column (its assignments: {shown})",
                             path=roster.path)
        else:
            columns[lesson] = wanted
    headers = list(columns.values())
    repeated = sorted({h for h in headers if headers.count(h) > 1})
    if repeated:
        raise InputError(f"two lessons would fill the same Canvas column: {', '.join(repeated)}")
    return columns


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _kept(value: str) -> str:
    """A roster grade copied unchanged for a lesson the student did not hand in (blank would erase it)."""
    text = value.strip()
    return text if re.fullmatch(r"-?\d+([.,]\d+)?|EX", text) else ""


def rows(result, roster: CanvasRoster, matching: Matching, columns: dict[str, str]) -> list[list[str]]:
    header = [*STUDENT_COLUMNS, *columns.values()]
    table = [header, ["Points Possible", "", "", "", "", *(_points(result.max_points(lesson)) for lesson in result.lessons)]]
    for person, student in sorted(matching.pairs, key=lambda pair: pair[0].row):
        row = [safe_cell(person.cells.get(name, "")) for name in STUDENT_COLUMNS]
        for lesson in result.lessons:
            if lesson in student.lessons:
                row.append(_points(student.lessons[lesson].points))
            else:
                row.append(_kept(person.cells.get(columns[lesson], "")))
        table.append(row)
    return table


def point_warnings(result, roster: CanvasRoster, columns: dict[str, str]) -> list[str]:
    """Assignments whose points in Canvas differ from the lesson's: the import's Points Possible row may change them."""
    warnings = []
    for lesson, header in columns.items():
        text = roster.points.get(header, "").replace(",", ".").strip()
        try:
            canvas_points = float(text)
        except ValueError:
            continue
        if abs(canvas_points - result.max_points(lesson)) > 0.005:
            warnings.append(f"{header!r} is worth {canvas_points:g} points in Canvas but {lesson} is worth "
                            f"{result.max_points(lesson):g}: the import's Points Possible row asks Canvas to change it; "
                            "set the assignment to the lesson's points, or check it after the import")
    return warnings


def write(result, out: Path, *, roster_path: Path, assignments: dict[str, str] | None = None
          ) -> tuple[Path, Matching, CanvasRoster, list[str]]:
    """Write ``OUT/gradebook-canvas.csv``; return it with the join and the warnings, for the report."""
    roster = read_roster(roster_path)
    columns = lesson_columns(result, roster, assignments or {})
    matching = match(result.students, roster)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows(result, roster, matching, columns))
    Path(out).mkdir(parents=True, exist_ok=True)
    path = Path(out) / "gradebook-canvas.csv"
    # a byte-order mark lets Excel show accents; Canvas's header check ("Student" somewhere in the first cell) is unaffected
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path, matching, roster, point_warnings(result, roster, columns)
