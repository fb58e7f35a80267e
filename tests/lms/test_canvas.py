"""The Canvas file passes Canvas's own import rules (ported in tests/lms/importers.py, with their sources).

Sources: app/models/gradebook_importer.rb and app/models/assignment.rb
(Assignment.title_and_id) in github.com/instructure/canvas-lms; the roster
fixture has the columns lib/gradebook_exporter.rb writes (Student, ID,
SIS User ID, SIS Login ID, Section, "Title (id)" assignments, a
"    Points Possible" row, read-only score columns).
"""

import csv

import pytest

from kit.errors import InputError
from kit.reports import canvas, gradebook
from tests.lms.conftest import ROSTERS
from tests.lms.importers import Refused, canvas_course_from_export, canvas_import

EXPORT = ROSTERS / "canvas-gradebook-export.csv"
NAMED = {"L00": "Lesson 0: Start here (12340)", "L01": "Lesson 1: Who is behind it (12341)"}


def build(graded, tmp_path, roster=EXPORT, assignments=NAMED):
    path, matching, _, warnings = canvas.write(graded, tmp_path, roster_path=roster, assignments=assignments)
    return path, matching, warnings


def test_canvas_accepts_the_header_and_finds_every_student_by_id(graded, tmp_path):
    path, matching, _ = build(graded, tmp_path)
    course = canvas_course_from_export(EXPORT)
    imported = canvas_import(path, course)
    users = {name: user for user, name, _ in imported.students}
    assert all(user is not None for user in users.values()), "Canvas would add unknown students"
    assert {user["id"] for user in users.values()} == {4101, 4102, 4103}
    by_id = {user["id"]: grades for user, _, grades in imported.students}
    students = {s.id: s for s in graded.students}
    assert float(by_id[4101][NAMED["L01"]]) == students["ada-lovelace"].lessons["L01"].points
    assert float(by_id[4103][NAMED["L00"]]) == students["ghopper"].lessons["L00"].points
    assert float(by_id[4102][NAMED["L00"]]) == students["jose-nunez"].lessons["L00"].points


def test_each_lesson_fills_the_named_assignment_and_nothing_else_becomes_one(graded, tmp_path):
    path, _, _ = build(graded, tmp_path)
    imported = canvas_import(path, canvas_course_from_export(EXPORT))
    assert [(number, title) for _, number, title in imported.assignments] == [
        (12340, "Lesson 0: Start here"), (12341, "Lesson 1: Who is behind it")]
    # the generic gradebook, by contrast, is refused outright (no Section column)
    generic = gradebook.write(graded, tmp_path / "gradebook.csv")
    with pytest.raises(Refused, match="Section"):
        canvas_import(generic, canvas_course_from_export(EXPORT))


def test_points_possible_row_is_read_as_points(graded, tmp_path):
    path, _, warnings = build(graded, tmp_path)
    imported = canvas_import(path, canvas_course_from_export(EXPORT))
    assert {k: float(v) for k, v in imported.points.items()} == {NAMED["L00"]: graded.max_points("L00"),
                                                                 NAMED["L01"]: graded.max_points("L01")}
    # the fixture's Canvas assignments are worth 10 and 20: the teacher is told the import would change them
    assert len(warnings) == 2 and "worth 10 points in Canvas" in warnings[0]


def test_a_lesson_not_handed_in_keeps_the_grade_canvas_has(graded, tmp_path):
    path, _, _ = build(graded, tmp_path)
    imported = canvas_import(path, canvas_course_from_export(EXPORT))
    jose = next(grades for user, _, grades in imported.students if user["id"] == 4102)
    assert jose[NAMED["L01"]] == "12.00"  # José handed in L00 only; his L01 grade in Canvas is left as it is


def test_unnamed_lessons_get_the_kits_title_and_match_it_after_a_first_import(graded, tmp_path):
    path, _, _ = build(graded, tmp_path, assignments={})
    header = next(csv.reader(path.open(encoding="utf-8")))
    assert header[5:] == ["medialit L00: Start here", "medialit L01: Who is behind it"]
    imported = canvas_import(path, canvas_course_from_export(EXPORT))
    assert [number for _, number, _ in imported.assignments] == [None, None]  # Canvas creates them on the first import
    # the next export lists them with their new ids; the next file fills those same assignments
    second = tmp_path / "second-export.csv"
    text = EXPORT.read_text(encoding="utf-8").replace("Reading quiz 1 (12001)", "medialit L01: Who is behind it (12399)")
    second.write_text(text, encoding="utf-8")
    again, _, _ = build(graded, tmp_path / "again", roster=second, assignments={})
    assert [number for _, number, _ in canvas_import(again, canvas_course_from_export(second)).assignments] == [None, 12399]


def test_every_unmatched_student_and_row_is_reported(graded, tmp_path):
    _, matching, _ = build(graded, tmp_path)
    assert [s.id for s, _ in matching.unmatched_students] == ["alan-turing"]
    assert [p.name for p in matching.unmatched_people] == ["Okafor, Chidi"]
    report = matching.report(canvas.read_roster(EXPORT))
    assert "Alan Turing" in report and "row 6: Okafor, Chidi" in report and "test student" in report


def test_rows_are_reported_by_their_line_in_the_file(graded, tmp_path):
    roster = tmp_path / "with-blank-lines.csv"
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    roster.write_text("\n".join(lines[:2] + ["", ""] + lines[2:]) + "\n", encoding="utf-8")
    _, matching, _ = build(graded, tmp_path / "out", roster=roster)
    assert [p.row for p in matching.unmatched_people] == [8]  # Chidi, two blank lines further down


def test_semicolon_exports_with_a_byte_order_mark_are_read(graded, tmp_path):
    rows = list(csv.reader(EXPORT.open(encoding="utf-8")))
    roster = tmp_path / "semicolons.csv"
    with roster.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    path, matching, _ = build(graded, tmp_path / "out", roster=roster)
    assert len(matching.pairs) == 3
    assert all(user is not None for user, _, _ in canvas_import(path, canvas_course_from_export(EXPORT)).students)


def test_a_named_assignment_missing_from_the_roster_is_an_error_naming_the_file(graded, tmp_path):
    with pytest.raises(InputError, match="canvas-gradebook-export.csv.*L01='Essay 9 \\(1\\)'.*Reading quiz 1"):
        build(graded, tmp_path, assignments={"L01": "Essay 9 (1)"})
    with pytest.raises(InputError, match="L05"):
        build(graded, tmp_path, assignments={"L05": "12340"})


def test_a_file_that_is_not_a_canvas_export_is_refused_with_the_reason(graded, tmp_path):
    with pytest.raises(InputError, match="moodle-grade-export.csv: not a Canvas gradebook export"):
        build(graded, tmp_path, roster=ROSTERS / "moodle-grade-export.csv")


def test_formula_cells_from_the_roster_are_neutralised(graded, tmp_path):
    roster = tmp_path / "hostile.csv"
    roster.write_text(EXPORT.read_text(encoding="utf-8").replace("Period 3", "=HYPERLINK(\"http://x\")"), encoding="utf-8")
    path, _, _ = build(graded, tmp_path / "out", roster=roster)
    sections = [row[4] for row in csv.reader(path.open(encoding="utf-8"))][2:]
    assert sections and all(not s.startswith("=") for s in sections)
