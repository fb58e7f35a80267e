"""The two grading paths agree question by question on a synthetic class.

Path 1: ``kit.grading.grade`` (what ``medialit grade`` runs).
Path 2: ``pytest --nbval-lax`` on the answer-key notebook, once per student,
with ``MEDIALIT_STUDENT_ANSWERS`` naming the student's file.
A question passes nbval exactly when grading gives it full credit (or, for a
written answer, when it reaches the minimum length and waits for the rubric).
"""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import nbformat
import pytest

from kit.grading import grade
from kit.grading.notebooks import question_of_cell
from kit.questions import load_bank, load_key
from kit import kinds
from tests.conftest import FIXTURES, ROOT
from tests.grading.synthetic import write_class

STUDENTS = 30


@pytest.mark.slow
@pytest.mark.notebook
def test_grade_and_nbval_agree_for_every_student_and_question(fixture_bank, tmp_path):
    bank, key = load_bank("L90"), load_key("L90")
    paths = write_class(tmp_path / "answers", {"L90": bank}, {"L90": key}, students=STUDENTS, seed=11)
    notebook_path = FIXTURES / "answer-key" / "L90-key.ipynb"
    cells = question_of_cell(nbformat.read(notebook_path, as_version=4))

    # path 1
    result = grade([tmp_path / "answers"], lessons=["L90"])
    expected = {}
    for student in result.students:
        for q in student.lessons["L90"].questions:
            passes = q.score.status == "correct" or (q.score.status == "pending" and kinds.get(q.question.kind).is_complete(q.question, q.value))
            expected[(student.id, q.question.id)] = passes

    # path 2: one copy of the key notebook per student, beside the student's file
    runs = tmp_path / "nbval"
    for path in paths:
        folder = runs / path.parent.name
        folder.mkdir(parents=True)
        shutil.copy(notebook_path, folder / "L90-key.ipynb")
        shutil.copy(path, folder / "answers.json")
    report = tmp_path / "junit.xml"
    env = {**os.environ, "MEDIALIT_STUDENT_ANSWERS": "answers.json"}
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--nbval-lax", "-p", "no:cacheprovider", "-p", "no:xdist",
         "--nbval-kernel-startup-timeout", "120", f"--junitxml={report}", "--rootdir", str(runs), str(runs)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    observed = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        student = case.get("classname").split(".")[0]  # "student-0001.L90-key.ipynb"
        cell = int(case.get("name").split("Cell ")[-1])
        if cell not in cells:
            problem = case.find("failure") if case.find("failure") is not None else case.find("error")
            assert problem is None, f"set-up cell failed for {student}: {problem.get('message') if problem is not None else ''}"
            continue
        observed[(student, cells[cell])] = case.find("failure") is None and case.find("error") is None
    assert len(observed) == STUDENTS * len(bank) == len(expected)
    disagreements = {k: (expected[k], observed.get(k)) for k in expected if expected[k] != observed.get(k)}
    assert disagreements == {}
    # the class is varied: every question has students who pass and students who fail
    for question in bank:
        outcomes = {expected[(s.id, question.id)] for s in result.students}
        assert outcomes == {True, False}, question.id
