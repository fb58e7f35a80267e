"""A grade file for Moodle's CSV grade import, keyed by the identifier the teacher chooses.

Moodle's importer (``grade/import/csv``) finds each row's user by one column
mapped to e-mail address, username, ID number or Moodle user id, and stops the
whole import at the first row whose user it cannot find. So the identifier
comes from a roster the teacher exports from the same Moodle course (Grades >
Export > Plain text file, whose default columns are First name, Last name,
ID number, Institution, Department and Email address; or Participants >
Download), and only students found in it are written. Each lesson has a
points column and a feedback column; the total is scaled to the maximum the
teacher sets, because Moodle refuses any grade above 100 unless the site
allows unlimited grades.

>>> IDENTIFIERS["email"]
('Email address', 'Email')
>>> scaled(86.5, 173, 100)
'50'
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kit.errors import InputError
from kit.reports.gradebook import FORMULA_START, safe_cell
from kit.reports.roster import Matching, Person, Roster, column, match, read_rows

#: The identifier a teacher may choose, and the roster headers it may have (Moodle's English labels).
IDENTIFIERS = {
    "email": ("Email address", "Email"),
    "username": ("Username", "User name"),
    "idnumber": ("ID number", "Idnumber"),
}
#: Moodle's default largest grade ($CFG->gradepointmax when unlimited grades are off).
MOODLE_LIMIT = 100


def scaled(points: float, total_max: float, maximum: float) -> str:
    """A total on the teacher's scale, two decimals at most."""
    value = points / total_max * maximum if total_max else 0.0
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _name(cells: dict[str, str], header: list[str]) -> str:
    first = column(header, "First name")
    last = column(header, "Last name", "Surname")
    if first is not None or last is not None:
        return " ".join(cells[header[i]] for i in (first, last) if i is not None and cells[header[i]]).strip()
    full = column(header, "Full name", "Name", "Student")
    return cells[header[full]] if full is not None else ""


def read_roster(path: Path) -> Roster:
    """Read a Moodle grade export or participants download (any separator Moodle offers)."""
    rows = read_rows(path)
    header = [h.strip() for h in rows[0][1]]
    found = {choice: column(header, *labels) for choice, labels in IDENTIFIERS.items()}
    if all(index is None for index in found.values()):
        raise InputError(
            "not a Moodle roster: it needs an 'Email address', 'Username' or 'ID number' column "
            f"(found: {', '.join(header[:8])}); export one from Moodle: Grades > Export > Plain text file", path=path)
    people = []
    for number, row in rows[1:]:
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        ids = {choice: cells[header[i]] for choice, i in found.items() if i is not None}
        people.append(Person(row=number, name=_name(cells, header) or ids.get("email", ""), cells=cells,
                             logins=tuple(v for k, v in ids.items() if k in ("username", "idnumber", "email") and v),
                             emails=tuple(v for k, v in ids.items() if k == "email" and v)))
    return Roster(path=Path(path), header=header, people=people)


def feedback_text(result, lesson: str, lesson_result) -> str:
    """One line a student reads in Moodle: points, questions right, written answers still to mark."""
    questions = lesson_result.questions
    right = sum(q.score.status == "correct" for q in questions)
    waiting = sum(q.score.status == "pending" and q.value is not None for q in questions)
    text = (f"{_plain(lesson_result.points)} of {_plain(result.max_points(lesson))} points; "
            f"{right} of {len(questions)} questions fully right")
    if waiting:
        text += f"; {waiting} written answer(s) not marked yet"
    return text + "."


def _plain(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rows(result, roster: Roster, matching: Matching, identifier: str, maximum: float) -> tuple[list[list[str]], list[str]]:
    """The table, and the matched students left out because their roster row lacks the identifier."""
    index = column(roster.header, *IDENTIFIERS[identifier])
    if index is None:
        raise InputError(f"the roster has no {IDENTIFIERS[identifier][0]!r} column", path=roster.path)
    header = [IDENTIFIERS[identifier][0]]
    for lesson in result.lessons:
        title = f"medialit {lesson}: {result.banks[lesson].title}"
        header += [title, f"{title} (feedback)"]
    header.append(f"medialit total (out of {_plain(maximum)})")
    table, missing = [header], []
    for person, student in sorted(matching.pairs, key=lambda pair: pair[0].row):
        value = person.cells[roster.header[index]]
        if not value:
            missing.append(f"{student.name} (roster row {person.row}) has no {IDENTIFIERS[identifier][0]} in the roster")
            continue
        if value.startswith(FORMULA_START):  # neutralised, Moodle would not find the user and would stop the import
            missing.append(f"{student.name} (roster row {person.row}): the {IDENTIFIERS[identifier][0]} starts with "
                           f"{value[0]!r}, which a spreadsheet would run as a formula; enter this student's grades by hand")
            continue
        row = [value]
        for lesson in result.lessons:
            if lesson in student.lessons:
                row += [_plain(student.lessons[lesson].points), safe_cell(feedback_text(result, lesson, student.lessons[lesson]))]
            else:
                row += ["", ""]  # Moodle reads an empty grade (or "-") as "no grade" (load_data.php, update_grade_item)
        row.append(scaled(student.points, result.total_max, maximum))
        table.append(row)
    return table, missing


def write(result, out: Path, *, roster_path: Path, identifier: str = "email", maximum: float = 100.0
          ) -> tuple[Path, Matching, Roster, list[str]]:
    """Write ``OUT/gradebook-moodle.csv``; return it with the join and the warnings."""
    if identifier not in IDENTIFIERS:
        raise InputError(f"--moodle-id must be one of {', '.join(IDENTIFIERS)}, not {identifier!r}")
    if not maximum > 0:
        raise InputError(f"--max must be a number above 0, not {maximum:g}")
    roster = read_roster(roster_path)
    if column(roster.header, *IDENTIFIERS[identifier]) is None:
        raise InputError(f"the roster has no {IDENTIFIERS[identifier][0]!r} column for --moodle-id {identifier} "
                         f"(its columns: {', '.join(roster.header)})", path=roster_path)
    matching = match(result.students, roster)
    table, warnings = rows(result, roster, matching, identifier, maximum)
    if maximum > MOODLE_LIMIT:
        warnings.append(f"totals go up to {maximum:g}: Moodle refuses grades above {MOODLE_LIMIT} unless the site allows unlimited grades")
    too_big = [lesson for lesson in result.lessons if result.max_points(lesson) > MOODLE_LIMIT]
    if too_big:
        warnings.append(f"lessons worth more than {MOODLE_LIMIT} points ({', '.join(too_big)}) need unlimited grades in Moodle")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    Path(out).mkdir(parents=True, exist_ok=True)
    path = Path(out) / "gradebook-moodle.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path, matching, roster, warnings
