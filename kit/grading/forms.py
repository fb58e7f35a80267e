"""Two parallel pre/post forms, A and B, counterbalanced by a stable hash of the student id.

Half the class takes form A before the unit and form B after; the other half the
reverse, so a gain is not confounded with one form being easier. Which half a
student is in comes from a SHA-256 of the (sanitised) student id, the same on
every machine and in every run; a teacher can override it per student with a
CSV file ``student_id,pre_form``.

A question belongs to a form when its bank gives ``"form": "A"`` (or ``"B"``)
beside ``"assessment": "pre"`` or ``"post"``; a student is graded only on the
items of the form they take in that phase.

>>> pre_form("student-0001") in FORMS, form_for("student-0001", "post") != pre_form("student-0001")
(True, True)
>>> pre_form("student-0001", {"student-0001": "B"})
'B'
"""

from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Iterable

from kit.errors import InputError
from kit.grading.results import ClassResult, assessment_share
from kit.model import Question

FORMS = ("A", "B")
OVERRIDES_FILE = "forms.csv"  # a teacher's choices, put beside the lessons of a class copy and given to medialit grade --forms
PHASES = ("pre", "post")


def pre_form(student_id: str, overrides: dict[str, str] | None = None) -> str:
    """The form a student takes before the unit: the teacher's choice, else the parity of a hash of the id."""
    if overrides and student_id in overrides:
        return overrides[student_id]
    return FORMS[hashlib.sha256(student_id.encode("utf-8")).digest()[0] % 2]


def form_for(student_id: str, phase: str, overrides: dict[str, str] | None = None) -> str:
    """The form a student takes in ``phase`` (``"pre"`` or ``"post"``): the other form after the unit."""
    first = pre_form(student_id, overrides)
    return first if phase == "pre" else FORMS[1 - FORMS.index(first)]


def takes(question: Question, student_id: str, overrides: dict[str, str] | None = None) -> bool:
    """True unless ``question`` is a pre/post item of the form this student does not take in its phase."""
    form = question.form
    if not form or question.assessment not in PHASES:
        return True
    return form == form_for(student_id, question.assessment, overrides)


def read_overrides(path: Path) -> dict[str, str]:
    """A teacher's CSV ``student_id,pre_form`` (form A or B per student); a bad row is refused naming the file and row."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("the forms file is missing", path=path) from None
    overrides: dict[str, str] = {}
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        student, form = (row.get("student_id") or "").strip(), (row.get("pre_form") or "").strip().upper()
        if not student or form not in FORMS:
            raise InputError(f"row {number}: needs student_id and pre_form A or B (got {student!r}, {form!r})", path=path)
        overrides[student] = form
    return overrides


@dataclass
class FormsReport:
    """The pre/post result read through the counterbalancing."""

    groups: dict[str, list[tuple[str, float, float]]] = field(default_factory=dict)  # pre form -> (student, pre, post)

    def form_difficulty(self, form: str) -> float:
        """Mean share correct on ``form``, over both phases (before for one group, after for the other)."""
        shares = [pre for _, pre, _ in self.groups.get(form, [])]
        shares += [post for other, rows in self.groups.items() if other != form for _, _, post in rows]
        return mean(shares) if shares else math.nan

    def group_gain(self, form: str) -> float:
        rows = self.groups.get(form, [])
        return mean(post - pre for _, pre, post in rows) if rows else math.nan

    @property
    def gain(self) -> float:
        """The class gain: the mean of the two groups' gains, so each form counts once before and once after."""
        gains = [self.group_gain(form) for form in FORMS if self.groups.get(form)]
        return mean(gains) if len(gains) == 2 else math.nan

    def rows(self) -> list[dict[str, object]]:
        def number(value: float) -> object:
            return "" if math.isnan(value) else round(value, 3)

        result = []
        for form in FORMS:
            members = self.groups.get(form, [])
            result.append({"pre_form": form, "post_form": FORMS[1 - FORMS.index(form)], "students": len(members),
                           "pre_mean": number(mean(r[1] for r in members) if members else math.nan),
                           "post_mean": number(mean(r[2] for r in members) if members else math.nan),
                           "gain": number(self.group_gain(form)), "form_difficulty": number(self.form_difficulty(form))})
        return result

    def summary(self) -> str:
        if math.isnan(self.gain):
            return "Pre/post forms: the counterbalanced gain needs students in both groups (A then B, B then A)."
        return (f"Pre/post forms: class gain {100 * self.gain:+.0f} points (mean of the two groups' gains); "
                f"form A {100 * self.form_difficulty('A'):.0f}% correct, form B {100 * self.form_difficulty('B'):.0f}% correct.")


def counterbalanced(result: ClassResult, overrides: dict[str, str] | None = None) -> FormsReport:
    """Each student's share correct before and after on the graded items, grouped by the form they took first.

    Practice items are left out: their key ships in the student copy, so a student may have read the
    other form's practice answers before taking it."""
    report = FormsReport()
    overrides = result.forms if overrides is None else overrides
    for student in result.students:
        shares = {}
        graded = [q for q in student.results() if q.question.graded]
        for phase in PHASES:
            correct, _, items = assessment_share(graded, phase)
            if items:
                shares[phase] = correct / items
        if len(shares) == 2:
            report.groups.setdefault(pre_form(student.id, overrides), []).append((student.id, shares["pre"], shares["post"]))
    return report


def write_csv(report: FormsReport, path: Path) -> Path:
    """``pre-post-forms.csv``: one row per group (the form taken first), with its gain and the form's difficulty."""
    rows = report.rows()
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Path(path)


def form_questions(questions: Iterable[Question], form: str, phase: str) -> list[Question]:
    """The items of ``form`` in ``phase``, in bank order."""
    return [q for q in questions if q.form == form and q.assessment == phase]
