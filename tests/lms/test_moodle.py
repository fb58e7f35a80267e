"""The Moodle file passes Moodle's own CSV grade import rules (ported in tests/lms/importers.py, with their sources).

Sources: grade/import/csv/classes/load_data.php in github.com/moodle/moodle
(a row whose user is not found, or a grade above gradepointmax = 100 by
default, stops the whole import; "" and "-" mean no grade), the defaults in
admin/settings/grades.php, and grade/export/txt/grade_export_txt.php, whose
columns the roster fixture has; https://docs.moodle.org/en/Grade_import.
"""

import csv

import pytest

from kit.errors import InputError
from kit.reports import gradebook, moodle
from tests.lms.conftest import ROSTERS
from tests.lms.importers import Refused, moodle_import, moodle_users_from_export

EXPORT = ROSTERS / "moodle-grade-export.csv"
USERS = moodle_users_from_export(EXPORT)


def build(graded, tmp_path, **options):
    path, matching, _, warnings = moodle.write(graded, tmp_path, roster_path=options.pop("roster", EXPORT), **options)
    header = next(csv.reader(path.open(encoding="utf-8")))
    return path, header, matching, warnings


def imported(path, header, map_to):
    lessons = [h for h in header[1:] if not h.endswith("(feedback)")]
    return moodle_import(path, USERS, map_from=header[0], map_to=map_to, grade_columns=lessons,
                         feedback_columns=[h for h in header if h.endswith("(feedback)")])


def test_moodle_imports_every_row_by_email_with_grades_and_feedback(graded, tmp_path):
    path, header, matching, _ = build(graded, tmp_path)
    assert header == ["Email address", "medialit L00: Start here", "medialit L00: Start here (feedback)",
                      "medialit L01: Who is behind it", "medialit L01: Who is behind it (feedback)", "medialit total (out of 100)"]
    result = imported(path, header, "email")
    students = {s.id: s for s in graded.students}
    ada = result.grades["ada.lovelace@northfield.example"]
    assert ada["medialit L01: Who is behind it"] == students["ada-lovelace"].lessons["L01"].points
    assert result.grades["jose.nunez@northfield.example"]["medialit L01: Who is behind it"] is None  # not handed in
    feedback = result.feedback["ghopper@northfield.example"]["medialit L00: Start here (feedback)"]
    assert feedback.startswith(f"{students['ghopper'].lessons['L00'].points:g} of {graded.max_points('L00'):g} points")
    assert set(result.grades) == {"ada.lovelace@northfield.example", "jose.nunez@northfield.example", "ghopper@northfield.example"}


def test_totals_are_scaled_to_the_teachers_maximum(graded, tmp_path):
    path, header, _, _ = build(graded, tmp_path, maximum=20)
    assert header[-1] == "medialit total (out of 20)"
    result = moodle_import(path, USERS, map_from=header[0], map_to="email", grade_columns=[header[-1]], feedback_columns=[])
    for student in graded.students:
        if student.id == "alan-turing":
            continue
        email = next(u["email"] for u in USERS if u["firstname"][0].lower() == student.name[0].lower())
        assert result.grades[email][header[-1]] == pytest.approx(student.points / graded.total_max * 20, abs=0.005)


def test_the_generic_gradebook_is_refused_and_the_moodle_file_is_not(graded, tmp_path):
    generic = gradebook.write(graded, tmp_path / "gradebook.csv")
    with pytest.raises(Refused, match="usermappingerror"):  # the kit's slug ids are no Moodle identifier
        moodle_import(generic, USERS, map_from="ID", map_to="email", grade_columns=[], feedback_columns=[])
    path, header, _, _ = build(graded, tmp_path / "moodle")
    imported(path, header, "email")


def test_a_grade_above_moodles_limit_would_stop_the_import_and_the_teacher_is_warned(graded, tmp_path):
    path, header, _, warnings = build(graded, tmp_path, maximum=1000)
    assert any("refuses grades above 100" in w for w in warnings)
    top = max(s.points for s in graded.students if s.id != "alan-turing")
    if top / graded.total_max * 1000 > 100:
        with pytest.raises(Refused, match="gradevaluetoobig"):
            imported(path, header, "email")


def test_idnumber_rows_without_an_id_number_are_left_out_and_reported(graded, tmp_path):
    path, header, _, warnings = build(graded, tmp_path, identifier="idnumber")
    assert header[0] == "ID number"
    result = imported(path, header, "idnumber")
    assert set(result.grades) == {"20261001", "20261002"}
    assert warnings == ["Grace Hopper (roster row 4) has no ID number in the roster"]


def test_the_identifier_column_must_be_in_the_roster(graded, tmp_path):
    with pytest.raises(InputError, match="moodle-grade-export.csv: the roster has no 'Username' column"):
        build(graded, tmp_path, identifier="username")
    with pytest.raises(InputError, match="--max must be a number above 0"):
        build(graded, tmp_path, maximum=0)
    with pytest.raises(InputError, match="canvas-gradebook-export.csv: not a Moodle roster"):
        build(graded, tmp_path, roster=ROSTERS / "canvas-gradebook-export.csv")


def test_an_identifier_a_spreadsheet_would_run_is_left_out_not_altered(graded, tmp_path):
    roster = tmp_path / "hostile.csv"
    roster.write_text(EXPORT.read_text(encoding="utf-8").replace("20261001", "=1+1"), encoding="utf-8")
    path, header, _, warnings = build(graded, tmp_path / "out", roster=roster, identifier="idnumber")
    assert all(not row[0].startswith(("=", "'")) for row in csv.reader(path.open(encoding="utf-8")))
    assert any("Ada Lovelace" in w and "formula" in w for w in warnings)
