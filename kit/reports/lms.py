"""``medialit grade --lms ...``: the grade file for one LMS, and an account of the roster join.

Canvas and Moodle need the teacher's roster export (``--roster``), so each
row carries an identifier the LMS knows; Google Classroom has no grade import
and gets a sheet to type from. Every run also writes ``roster-matching.txt``:
which graded students and which roster rows found no partner.

>>> parse_assignments(['L02=Lesson 2 (12345)', 'L03 = 678'])
{'L02': 'Lesson 2 (12345)', 'L03': '678'}
>>> LmsOptions(system="canvas", roster=None).check()
Traceback (most recent call last):
kit.errors.InputError: --lms canvas needs --roster: the gradebook CSV you export from Canvas
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import InputError
from kit.reports.roster import Matching, Roster

SYSTEMS = ("canvas", "moodle", "classroom")
NEEDS_ROSTER = {"canvas": "the gradebook CSV you export from Canvas", "moodle": "a grade export from your Moodle course"}


@dataclass
class LmsOptions:
    system: str
    roster: Path | None
    assignments: dict[str, str] = field(default_factory=dict)  # Canvas: lesson -> assignment column
    identifier: str = "email"  # Moodle: email, username or idnumber
    maximum: float = 100.0  # Moodle: the total is scaled to this

    def check(self) -> "LmsOptions":
        if self.system not in SYSTEMS:
            raise InputError(f"--lms must be one of {', '.join(SYSTEMS)}, not {self.system!r}")
        if self.system in NEEDS_ROSTER and self.roster is None:
            raise InputError(f"--lms {self.system} needs --roster: {NEEDS_ROSTER[self.system]}")
        if self.roster is not None and not Path(self.roster).is_file():
            raise InputError("roster file not found", path=self.roster)
        if self.assignments and self.system != "canvas":
            raise InputError("--assignment is for --lms canvas (Moodle and Classroom columns are named after the lessons)")
        return self


def parse_assignments(values: list[str] | None) -> dict[str, str]:
    """``["L02=Lesson 2 (12345)"]`` -> ``{"L02": "Lesson 2 (12345)"}``."""
    found = {}
    for value in values or []:
        lesson, sign, title = value.partition("=")
        if not sign or not lesson.strip() or not title.strip():
            raise InputError(f"--assignment {value!r}: write LESSON=ASSIGNMENT, e.g. L02=\"Lesson 2 (12345)\"")
        found[lesson.strip()] = title.strip()
    return found


def write(result, out: Path, options: LmsOptions) -> dict[str, Path]:
    """Write the LMS file and ``roster-matching.txt``; return them by label for the summary."""
    options.check()
    out = Path(out)
    warnings: list[str] = []
    matching: Matching | None
    roster: Roster | None
    if options.system == "canvas":
        from kit.reports import canvas

        assert options.roster is not None  # check() requires it
        path, matching, roster, warnings = canvas.write(result, out, roster_path=options.roster, assignments=options.assignments)
        label = "Canvas import file (Grades > Import; analytics stay in gradebook.csv)"
    elif options.system == "moodle":
        from kit.reports import moodle

        assert options.roster is not None  # check() requires it
        path, matching, roster, warnings = moodle.write(result, out, roster_path=options.roster,
                                                       identifier=options.identifier, maximum=options.maximum)
        label = "Moodle import file (Grades > Import > CSV file)"
    else:
        from kit.reports import classroom

        path, matching, roster = classroom.write(result, out, roster_path=options.roster)
        label = "Google Classroom has no CSV grade import: a sheet to type grades from"
    written = {label: path}
    if roster is not None and matching is not None:
        report = matching.report(roster)
        if warnings:
            report += "\n" + "\n".join(f"Warning: {w}" for w in warnings)
        (out / "roster-matching.txt").write_text(report + "\n", encoding="utf-8")
        left = len(matching.unmatched_students) + len(matching.unmatched_people) + len(warnings)
        written[f"Roster matching ({left} to check)" if left else "Roster matching (everyone matched)"] = out / "roster-matching.txt"
    return written
