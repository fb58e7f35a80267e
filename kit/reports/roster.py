"""Rosters exported from an LMS, and joining them to the graded students.

A roster is the CSV a teacher downloads from the LMS: Canvas's gradebook
export, Moodle's grade export (or participants list), or any sheet with name
and e-mail columns (Google Classroom). Each row becomes a :class:`Person`
with the identifiers the LMS knows; :func:`match` pairs them with the
students the kit graded by login or user name, e-mail, or the name written in
either order, ignoring case and accents. Every student and every roster row
left without a partner is reported, never silently dropped.

>>> fold("José NÚÑEZ-Pérez")
'jose-nunez-perez'
>>> name_key("Núñez, José") == name_key("jose nunez")
True
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kit.text.segment import hyphen_join
from kit.grading.results import StudentResult
from kit.errors import InputError


def fold(text: str) -> str:
    """Lower-case, accent-free letters and digits joined by hyphens: how the kit's student ids look."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return hyphen_join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name in a fixed order, so "Last, First" and "First Last" agree."""
    return tuple(sorted(w for w in fold(name).split("-") if w))


@dataclass
class Person:
    """One roster row: where it is, what it shows, and the identifiers it carries."""

    row: int  # 1-based line number in the roster file
    name: str
    cells: dict[str, str]
    logins: tuple[str, ...] = ()  # SIS login, user name, e-mail: anything a student might have used as a name
    emails: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        """Folded identifiers: logins and e-mail addresses, and the part of an address before the @."""
        found = {fold(x) for x in self.logins if x.strip()}
        for email in self.emails:
            if "@" in email:
                found |= {fold(email), fold(email.split("@", 1)[0])}
        return found - {""}


@dataclass
class Roster:
    path: Path
    header: list[str]
    people: list[Person]
    skipped: list[str] = field(default_factory=list)  # rows read but deliberately not people (e.g. Canvas's test student)


@dataclass
class Matching:
    """Students paired with roster rows, and everyone left over with the reason."""

    pairs: list[tuple[Person, StudentResult]]
    unmatched_students: list[tuple[StudentResult, str]]
    unmatched_people: list[Person]

    def report(self, roster: Roster) -> str:
        """Plain-text account of the join, for the terminal and ``roster-matching.txt``."""
        lines = [f"Roster {roster.path}: {len(roster.people)} row(s); {len(self.pairs)} matched to graded students."]
        if self.unmatched_students:
            lines.append(f"{len(self.unmatched_students)} graded student(s) are not in the roster; their grades are NOT in the LMS file:")
            lines += [f"  - {s.name} (id {s.id}): {why}" for s, why in self.unmatched_students]
        if self.unmatched_people:
            lines.append(f"{len(self.unmatched_people)} roster row(s) have no graded work:")
            lines += [f"  - row {p.row}: {p.name}" for p in self.unmatched_people]
        lines += [f"Skipped: {note}" for note in roster.skipped]
        return "\n".join(lines)


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Read a CSV export: UTF-8 with or without a byte-order mark, separated by , ; or tab (whichever is consistent).

    Returns the non-blank rows, each with the line it starts on, so a report can name it.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("roster file not found", path=path) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text: save the roster from your LMS as CSV (UTF-8)", path=path) from None
    lines = [line for line in text.splitlines() if line.strip()][:3]
    if not lines:
        raise InputError("the roster is empty", path=path)
    best, best_width = ",", 0
    for separator in (",", ";", "\t"):
        widths = {len(next(csv.reader([line], delimiter=separator))) for line in lines}
        if len(widths) == 1 and (width := widths.pop()) > best_width:
            best, best_width = separator, width
    reader = csv.reader(io.StringIO(text), delimiter=best)
    rows, line = [], 1
    for row in reader:
        if any(cell.strip() for cell in row):
            rows.append((line, row))
        line = reader.line_num + 1
    return rows


def column(header: list[str], *names: str) -> int | None:
    """Index of the first header equal (ignoring case and spaces) to one of ``names``."""
    wanted = [n.casefold().replace(" ", "") for n in names]
    for want in wanted:
        for index, title in enumerate(header):
            if title.strip().casefold().replace(" ", "") == want:
                return index
    return None


def _candidates(student) -> tuple[set[str], tuple[str, ...]]:
    ids = {fold(student.id), fold(student.name)} - {""}
    return ids, name_key(student.name)


def match(students: list[StudentResult], roster: Roster) -> Matching:
    """Pair each graded student with one roster row: first by identifier, then by name.

    A key shared by two roster rows (two students called Lee Kim) matches
    nobody; the student is reported with the reason, so the teacher decides.
    """
    free = list(roster.people)
    pairs: list[tuple[Person, StudentResult]] = []
    left: list[StudentResult] = []
    why: dict[int, str] = {}
    by_key: dict[str, list[Person]] = {}
    for person in roster.people:
        for key in person.keys():
            by_key.setdefault(key, []).append(person)
    pending = list(students)
    for student in pending:  # identifiers first: they are unique where names may not be
        ids, _ = _candidates(student)
        found = {id(p): p for key in ids for p in by_key.get(key, [])}
        if len(found) == 1:
            person = next(iter(found.values()))
            if person in free:
                free.remove(person)
                pairs.append((person, student))
                continue
        elif len(found) > 1:
            why[id(student)] = "its id matches several roster rows"
        left.append(student)
    by_name: dict[tuple[str, ...], list[Person]] = {}
    for person in free:
        by_name.setdefault(name_key(person.name), []).append(person)
    names_left: dict[tuple[str, ...], int] = {}
    for student in left:
        names_left[name_key(student.name)] = names_left.get(name_key(student.name), 0) + 1
    unmatched = []
    for student in left:
        name = name_key(student.name)
        rows = by_name.get(name, []) if name else []
        if len(rows) == 1 and names_left[name] == 1:
            free.remove(rows[0])
            pairs.append((rows[0], student))
        elif len(rows) > 1 or names_left.get(name, 0) > 1:
            unmatched.append((student, why.get(id(student), "the name is shared by several students or roster rows")))
        else:
            unmatched.append((student, why.get(id(student), "no roster row has this login, e-mail or name")))
    return Matching(pairs=pairs, unmatched_students=unmatched, unmatched_people=free)
