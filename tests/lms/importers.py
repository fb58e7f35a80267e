"""What Canvas's and Moodle's grade importers do with a CSV file, ported rule by rule from their code.

These are test oracles: each function reads a file the way the LMS does and
returns what the LMS would import, or the reason it would refuse the file.
They hold only the rules that decide acceptance and matching; the LMS's own
database is stood in for by the course data the roster fixture describes.

Canvas: ``app/models/gradebook_importer.rb`` in github.com/instructure/canvas-lms
(``header?``, ``row_has_student_headers?``, ``update_column_count``,
``strip_non_assignment_columns`` with ``NON_ASSIGNMENT_COLUMN_HEADERS``,
``parse_assignments``, ``check_for_non_student_row``, ``process_pp``,
``process_student``, ``identify_delimiter``), ``Assignment.title_and_id`` in
``app/models/assignment.rb``, and the export format of
``lib/gradebook_exporter.rb`` (the roster fixture). Canvas's guide to the
same: https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807

Moodle: ``grade/import/csv/classes/load_data.php`` in github.com/moodle/moodle
(``prepare_import_grade_data``, ``map_user_data_with_value``,
``check_user_exists``, ``update_grade_item``, ``insert_grade_record``: a grade
above ``gradepointmax``, 100 by default, aborts the import, as does a row whose
user is not found), defaults from ``admin/settings/grades.php``
(``grade_export_userprofilefields`` = firstname, lastname, idnumber,
institution, department, email) and ``grade/export/txt/grade_export_txt.php``
(the roster fixture's columns). Moodle's guide: https://docs.moodle.org/en/Grade_import
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

NON_ASSIGNMENT = ("Current Score", "Current Points", "Current Grade", "Final Score", "Final Points", "Final Grade",
                  "Override Score", "Override Grade", "Override Status")


class Refused(Exception):
    """The LMS would refuse the whole file (Canvas: "Invalid header row"; Moodle: the import is cleaned up)."""


@dataclass
class CanvasCourse:
    users: list[dict]  # id, sis_user_id, login, name, sortable_name
    assignments: dict[int, str]  # id -> title


@dataclass
class CanvasImport:
    assignments: list[tuple[str, int | None, str]] = field(default_factory=list)  # header, existing id (None: created), title
    students: list[tuple[dict | None, str, dict[str, str]]] = field(default_factory=list)  # user (None: unknown), name, grades
    points: dict[str, str] = field(default_factory=dict)


def canvas_course_from_export(path: Path) -> CanvasCourse:
    """The course a Canvas export describes: its users and its assignments."""
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    header = rows[0]
    assignments = {}
    for title in header[5:]:
        found = re.match(r"\A(.*)\s\((\d+)\)\Z", title)
        if found:
            assignments[int(found.group(2))] = found.group(1)
    users = []
    for row in rows[1:]:
        if "Points Possible" in row[0]:
            continue
        last, _, first = row[0].partition(", ")
        users.append({"id": int(row[1]), "sis_user_id": row[2], "login": row[3], "name": f"{first} {last}", "sortable_name": row[0]})
    return CanvasCourse(users=users, assignments=assignments)


def canvas_import(path: Path, course: CanvasCourse) -> CanvasImport:
    text = Path(path).read_text(encoding="utf-8")
    first = text.splitlines()[:3]
    counts = {}
    for separator in (";", ","):
        widths = {len(next(csv.reader([line], delimiter=separator))) for line in first}
        counts[separator] = widths.pop() if len(widths) == 1 else 0
    separator = ";" if counts[";"] > counts[","] else ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=separator) if not re.fullmatch(r"[;, ]+", separator.join(r))]
    header = rows[0]
    if not (len(header) > 3 and "Student" in header[0] and "ID" in header[1]):
        raise Refused("Invalid header row: the first columns must be Student and ID")
    student_columns, sis_user, sis_login = 3, None, None
    if re.search(r"SIS\s+Login\s+ID", header[2]):
        sis_login, student_columns = 2, 4
    elif re.search(r"SIS\s+User\s+ID", header[2]) and re.search(r"SIS\s+Login\s+ID", header[3]):
        extra = 1 if len(header) > 4 and re.search(r"Integration\s+ID", header[4]) else 0
        sis_user, sis_login, student_columns = 2, 3, 5 + extra
    if "Section" not in header[student_columns - 1]:
        raise Refused(f"Invalid header row: column {student_columns} must be Section, is {header[student_columns - 1]!r}")
    result = CanvasImport()
    non_assignment = re.compile("|".join(NON_ASSIGNMENT))
    by_title = {title: number for number, title in course.assignments.items()}
    for name in [h for h in header[student_columns:] if not non_assignment.search(h)]:
        found = re.match(r"\A(.*)\s\((\d+)\)\Z", name)
        title, number = (found.group(1), int(found.group(2))) if found else (name, None)
        if number in course.assignments:
            result.assignments.append((name, number, course.assignments[number]))
        elif name in by_title:
            result.assignments.append((name, by_title[name], name))
        else:
            result.assignments.append((name, None, title))  # Canvas creates a new assignment
    index = {name: header.index(name) for name, _, _ in result.assignments}
    for row in rows[1:]:
        if "Points Possible" in row[0]:
            result.points = {name: row[i] for name, i in index.items() if i < len(row) and row[i]}
            continue
        if all(re.fullmatch(r"\s*(Muted|Manual Posting.*)?\s*", c, re.I) for c in row):
            continue
        user = next((u for u in course.users if row[1].strip().isdigit() and u["id"] == int(row[1])), None)
        if user is None and sis_user is not None and row[sis_user]:
            user = next((u for u in course.users if u["sis_user_id"] == row[sis_user]), None)
        if user is None and sis_login is not None and row[sis_login]:
            user = next((u for u in course.users if u["login"] == row[sis_login]), None)
        if user is None:
            user = next((u for u in course.users if row[0] in (u["name"], u["sortable_name"])), None)
        result.students.append((user, row[0], {name: row[i].strip() for name, i in index.items()}))
    return result


@dataclass
class MoodleImport:
    grades: dict[str, dict[str, float | None]]  # user key -> column -> grade
    feedback: dict[str, dict[str, str]]


def moodle_import(path: Path, users: list[dict], *, map_from: str, map_to: str, grade_columns: list[str],
                  feedback_columns: list[str], gradepointmax: float = 100) -> MoodleImport:
    """``map_to`` is the user field (email, username, idnumber); a row whose user is missing refuses the file."""
    text = Path(path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = [h.strip() for h in rows[0]]
    key = header.index(map_from)
    grades, feedback = {}, {}
    student = None
    for line in rows[1:]:
        if len(line) <= 1:
            continue
        value = line[key].strip()
        if value:
            found = [u for u in users if u.get(map_to) == value]
            if not found:
                raise Refused(f"usermappingerror: no user with {map_to} {value!r}")
            student = found[0][map_to]
        if student is None:
            raise Refused("usermappingerrorusernotfound")
        grades[student], feedback[student] = {}, {}
        for column in grade_columns:
            raw = line[header.index(column)].strip()
            if raw in ("", "-"):
                grades[student][column] = None
                continue
            try:
                number = float(raw)
            except ValueError:
                raise Refused(f"badgrade: {raw!r} in {column!r}") from None
            if number > gradepointmax:
                raise Refused(f"gradevaluetoobig: {number} in {column!r} is above {gradepointmax}")
            grades[student][column] = number
        for column in feedback_columns:
            feedback[student][column] = line[header.index(column)].strip()
    return MoodleImport(grades=grades, feedback=feedback)


def moodle_users_from_export(path: Path) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    return [{"email": r["Email address"], "idnumber": r["ID number"], "firstname": r["First name"],
             "lastname": r["Last name"]} for r in rows]
