"""Google Classroom has no grade import: the kit writes a roster-ordered sheet to type from."""

import csv

from kit.reports import classroom
from tests.lms.conftest import ROSTERS


def read(path):
    return list(csv.reader(path.open(encoding="utf-8-sig")))


def test_the_sheet_follows_the_roster_order_and_lists_everyone(graded, tmp_path):
    path, matching, _ = classroom.write(graded, tmp_path, roster_path=ROSTERS / "classroom-grades.csv")
    rows = read(path)
    assert rows[0][-1] == f"Total (out of {graded.total_max:g})"
    assert [r[0] for r in rows[1:]] == ["Grace Hopper", "Ada Lovelace", "José Núñez", "Chidi Okafor"]
    students = {s.id: s for s in graded.students}
    assert float(rows[2][2]) == students["ada-lovelace"].lessons["L00"].points
    assert rows[3][3] == "" and rows[4][2:] == ["", "", ""]  # José skipped L01; Chidi handed in nothing
    assert [s.id for s, _ in matching.unmatched_students] == ["alan-turing"]


def test_without_a_roster_students_are_listed_by_last_name(graded, tmp_path):
    path, matching, roster = classroom.write(graded, tmp_path)
    assert matching is None and roster is None
    assert [r[0] for r in read(path)[1:]] == ["Grace Hopper", "Ada Lovelace", "jose NUNEZ", "Alan Turing"]
