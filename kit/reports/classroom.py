"""Google Classroom: no CSV grade import exists, so a sheet in roster order to type grades from.

Classroom lets a teacher download grades as CSV or copy them to Google
Sheets, but it has no way to upload a grade file: each grade is typed into
the Grades page (or returned with an assignment). This sheet lists the
students in the order of the teacher's roster (a Classroom grade download, or
any CSV with name and e-mail columns), one column per lesson with its points,
so typing the grades down a column goes row by row. Without a roster the kit's
students are listed by last name.

>>> surname_order("Ada Lovelace") < surname_order("Grace Hopper")
False
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kit.errors import InputError
from kit.reports.gradebook import safe_cell
from kit.grading.results import StudentResult
from kit.reports.roster import Matching, Person, Roster, column, fold, match, read_rows

NAME_COLUMNS = (("First Name", "First name", "Given name"), ("Last Name", "Last name", "Surname", "Family name"))
EMAIL_COLUMNS = ("Email Address", "Email address", "Email", "E-mail")


def surname_order(name: str) -> tuple[str, str]:
    words = fold(name).split("-")
    return (words[-1], " ".join(words[:-1]))


def read_roster(path: Path) -> Roster:
    """Read a roster with an e-mail column, or first and last name columns, or a Name column."""
    rows = read_rows(path)
    for start, (_, header) in enumerate(rows[:5]):
        header = [h.strip() for h in header]
        email = column(header, *EMAIL_COLUMNS)
        first, last = (column(header, *names) for names in NAME_COLUMNS)
        full = column(header, "Name", "Student", "Full name")
        if email is not None or (first is not None and last is not None) or full is not None:
            break
    else:
        raise InputError("no e-mail or name columns found in the first five rows (expected e.g. 'First Name', 'Last Name', "
                         "'Email Address')", path=path)
    people = []
    for number, row in rows[start + 1:]:
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        address = cells[header[email]] if email is not None else ""
        if first is not None and last is not None:
            name = f"{cells[header[first]]} {cells[header[last]]}".strip()
        else:
            name = cells[header[full]] if full is not None else ""
        if email is not None and "@" not in address:
            continue  # Classroom's rows of dates, points or class averages carry no address
        if not (name or address):
            continue
        people.append(Person(row=number, name=name or address, cells=cells, logins=(address,) if address else (),
                             emails=(address,) if address else ()))
    return Roster(path=Path(path), header=header, people=people)


def _plain(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rows(result, roster: Roster | None, matching: Matching | None) -> list[list[str]]:
    header = ["Student", "Email"]
    header += [f"{lesson}: {result.banks[lesson].title} (out of {_plain(result.max_points(lesson))})" for lesson in result.lessons]
    header.append(f"Total (out of {_plain(result.total_max)})")
    table = [header]
    order: list[tuple[Person | None, StudentResult | None]]
    if roster is None or matching is None:
        order = [(None, s) for s in sorted(result.students, key=lambda s: surname_order(s.name))]
    else:
        graded = {id(person): student for person, student in matching.pairs}
        order = [(person, graded.get(id(person))) for person in roster.people]
    for person, student in order:
        name = person.name if person else (student.name if student else "")
        row = [safe_cell(name), safe_cell(person.emails[0] if person and person.emails else "")]
        for lesson in result.lessons:
            row.append(_plain(student.lessons[lesson].points) if student and lesson in student.lessons else "")
        row.append(_plain(student.points) if student else "")
        table.append(row)
    return table


def write(result, out: Path, *, roster_path: Path | None = None) -> tuple[Path, Matching | None, Roster | None]:
    """Write ``OUT/gradebook-classroom.csv`` (a sheet to type from, not an import file)."""
    roster = read_roster(roster_path) if roster_path else None
    matching = match(result.students, roster) if roster else None
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows(result, roster, matching))
    Path(out).mkdir(parents=True, exist_ok=True)
    path = Path(out) / "gradebook-classroom.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")  # opened in Sheets or Excel: the mark keeps accents
    return path, matching, roster
