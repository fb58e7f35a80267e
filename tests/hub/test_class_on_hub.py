"""The classroom on a real JupyterHub, end to end.

A teacher publishes the student copy (``medialit release``) as a git repository;
three students log in, nbgitpuller pulls the copy into each home folder, each
answers lessons 00 and 02 through a kernel on the hub (one in Chromium through
the hub's proxy) without typing a name (the hub's user is the student); the
answers land in each user's ``MEDIALIT_ANSWERS`` folder; the teacher runs
``medialit collect`` and ``medialit grade`` and gets each student's score as
:mod:`kit.grading` computes it from what that student answered.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import urllib.parse

import pytest

from kit.grading import LessonAnswers, grade_lesson
from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.hub import hubkit

pytestmark = [pytest.mark.hub, pytest.mark.slow]
LESSONS = {"L00": "00-start-here.ipynb", "L02": "02-anatomy-of-an-argument.ipynb"}
KERNEL_STUDENTS = ("ada", "grace")
BROWSER_STUDENT = "katherine"


def planned_answers(student: str, lesson: str) -> dict:
    """What a student answers: ada the model answers, grace a mix of right, wrong and blank."""
    bank, key = load_bank(lesson), load_key(lesson)
    answers = {}
    for number, question in enumerate(bank):
        right = model_value(question, key[question.id])
        if student == "ada" or number % 3 == 0:
            answers[question.id] = right
        elif question.kind == "choice":
            answers[question.id] = next(o.id for o in question.options if o.id != right)
        # grace leaves the others blank
    return answers


def expected_points(student: str, lesson: str, answers: dict) -> float:
    record = LessonAnswers(path=hubkit.HERE, student_id=student, student_name=student, lesson=lesson,
                           answers={qid: {"value": value} for qid, value in answers.items()}, updated="")
    result, problems = grade_lesson(record, load_bank(lesson), load_key(lesson))
    assert problems == []
    return result.points


def log_in(page, hub, user: str) -> None:
    """Log in on the hub's login page (DummyAuthenticator takes any password)."""
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill("any password: DummyAuthenticator")
    page.locator("#login_submit").click()
    page.wait_for_url(f"**/user/{user}/**", timeout=60_000)


@pytest.fixture(scope="module")
def classroom(hub, tmp_path_factory):
    """The hub with the teacher's class copy published as a git repository, and a record of what was answered."""
    repo = hubkit.publish_class_copy(tmp_path_factory.mktemp("teacher"))
    return {"hub": hub, "repo": repo, "answered": {}}


@pytest.mark.parametrize("student", KERNEL_STUDENTS)
def test_a_student_pulls_the_copy_and_answers_through_a_kernel(classroom, student):
    hub = classroom["hub"]
    server = hub.spawn(student)
    server.git_pull(str(classroom["repo"]))
    assert (hub.homes / student / "class-copy" / "00-start-here.ipynb").exists()
    for lesson, notebook in LESSONS.items():
        answers = planned_answers(student, lesson)
        kernel = server.kernel(f"class-copy/{notebook}")
        try:
            printed = kernel.run(
                "import json, kit\n"
                f"lesson = kit.lesson.start({lesson!r})\n"
                f"for qid, value in json.loads({json.dumps(answers)!r}).items():\n"
                "    lesson.ask(qid).value = value\n"
                "print(json.dumps({'student': lesson.student.id, 'path': str(lesson.store.path), 'feedback': lesson.feedback,"
                " 'header': lesson.text(), 'keyed': sorted(lesson.key or {})}))\n")
        finally:
            kernel.close()
        seen = json.loads(printed)
        # identity from the hub (no name typed), answers in the user's own MEDIALIT_ANSWERS folder, and only the
        # practice questions' key in the copy: Check works on practice items, graded ones wait for the teacher
        assert seen["student"] == student and "Working as " + student in seen["header"]
        path = hub.answers / student / student / f"{lesson}.json"
        assert seen["path"] == str(path) and seen["feedback"] is True
        bank = load_bank(lesson)
        assert seen["keyed"] == sorted(q.id for q in bank if not q.graded) != sorted(bank.questions)
        saved = {qid: entry["value"] for qid, entry in json.loads(path.read_text())["answers"].items()}
        assert saved == json.loads(json.dumps(answers))
        classroom["answered"][(student, lesson)] = answers


def test_a_student_in_chromium_logs_in_follows_the_nbgitpuller_link_and_hands_in(classroom, page, tmp_path):
    from tests.browser import jlab

    hub = classroom["hub"]
    hub.spawn(BROWSER_STUDENT)  # the teacher starts the servers before the class
    log_in(page, hub, BROWSER_STUDENT)
    # the link a teacher hands out (the same form as in instructor-guide/deployment.md)
    query = urllib.parse.urlencode({"repo": str(classroom["repo"]), "branch": "main",
                                    "urlpath": f"lab/tree/class-copy/{LESSONS['L00']}"})
    page.goto(f"{hub.url}/hub/user-redirect/git-pull?{query}")
    page.wait_for_url(f"**/user/{BROWSER_STUDENT}/lab/tree/class-copy/**", timeout=90_000)
    assert (hub.homes / BROWSER_STUDENT / "class-copy" / "02-anatomy-of-an-argument.ipynb").exists()

    lab = type("HubLab", (), {"notebook_url": lambda self, name: f"{hub.url}/user/{BROWSER_STUDENT}/lab/tree/class-copy/{name}?reset"})()
    for lesson, notebook in LESSONS.items():
        bank, key = load_bank(lesson), load_key(lesson)
        jlab.open_notebook(page, lab, notebook)
        jlab.run_all(page)
        assert jlab.error_outputs(page) == []
        page.get_by_text(f"Working as {BROWSER_STUDENT}").first.wait_for()
        answers = {}
        for qid in jlab.question_cells(hubkit.HERE.parents[1] / "lessons" / notebook)[:3]:
            question = bank[qid]
            answers[question.id] = model_value(question, key[question.id])
            jlab.fill(page, question, answers[question.id])
        path = hub.answers / BROWSER_STUDENT / BROWSER_STUDENT / f"{lesson}.json"
        assert jlab.wait_for_saved(path, answers) == json.loads(json.dumps(answers))
        classroom["answered"][(BROWSER_STUDENT, lesson)] = answers

    # hand in without a terminal: the button, then the download link, with the keyboard alone
    page.get_by_role("button", name="Hand in my answers").first.focus()
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name=f"Download {BROWSER_STUDENT}.medialit-submission.json")
    link.wait_for()
    with page.expect_download() as download:
        link.focus()
        page.keyboard.press("Enter")
    target = tmp_path / "handed-in.json"
    download.value.save_as(target)
    handed_in = json.loads(target.read_text())
    assert handed_in["student"]["id"] == BROWSER_STUDENT and sorted(handed_in["lessons"]) == ["L00", "L02"]
    assert page.get_by_role("status").filter(has_text="Download it and give it to your teacher").count() >= 1


def test_the_teacher_collects_and_grades_every_student(classroom, tmp_path):
    hub = classroom["hub"]
    students = sorted({student for student, _ in classroom["answered"]})
    assert students == sorted([*KERNEL_STUDENTS, BROWSER_STUDENT]), "the students' tests ran first"
    submissions, grading = tmp_path / "submissions", tmp_path / "grading"
    medialit = [sys.executable, "-m", "kit"]
    collected = subprocess.run([*medialit, "collect", str(hub.answers), "--out", str(submissions)], capture_output=True, text=True)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert f"of {len(students)} student(s)" in collected.stdout
    graded = subprocess.run([*medialit, "grade", str(submissions), "--lessons", "L00,L02", "--out", str(grading),
                             "--no-analytics", "--quiet"], capture_output=True, text=True)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    with open(grading / "gradebook.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, table = rows[0], {row[1]: row for row in rows[1:]}
    assert sorted(table) == students
    for student in students:
        for lesson in LESSONS:
            column = next(i for i, name in enumerate(header) if name.startswith(f"{lesson} ("))
            expected = expected_points(student, lesson, classroom["answered"][(student, lesson)])
            assert float(table[student][column]) == pytest.approx(expected), (student, lesson)
    # the three scores differ: the test would notice answers swapped between students
    totals = {student: float(table[student][header.index(next(h for h in header if h.startswith("Total")))]) for student in students}
    assert len(set(totals.values())) == len(students), totals


def test_the_voila_student_view_shows_no_code_saves_answers_and_speaks_of_buttons(classroom, page):
    from tests.browser import jlab

    hub = classroom["hub"]
    log_in(page, hub, BROWSER_STUDENT)
    notebook = LESSONS["L00"]
    page.goto(f"{hub.url}/user/{BROWSER_STUDENT}/voila/render/class-copy/{notebook}")
    asked = jlab.question_cells(hubkit.HERE.parents[1] / "lessons" / notebook)
    page.locator(".medialit-progress").wait_for(timeout=120_000)
    page.locator(".medialit-question").nth(len(asked) - 1).wait_for(timeout=120_000)
    text = page.locator("body").inner_text()
    # no code, and no instruction that needs the notebook interface
    assert "kit.lesson.start" not in text and page.locator(".jp-InputArea-editor").count() == 0
    assert "run all" not in text.lower() and "terminal" not in text.lower()
    assert "This page saves your answers as you choose them" in text
    assert f"Working as {BROWSER_STUDENT}" in text  # per hub user, never shared
    assert page.get_by_role("button", name="Hand in my answers").count() == 1
    # answer a question the student had not answered in JupyterLab
    bank, key = load_bank("L00"), load_key("L00")
    question = bank[asked[len(classroom["answered"].get((BROWSER_STUDENT, "L00"), {}))]]
    value = model_value(question, key[question.id])
    jlab.fill(page, question, value)
    path = hub.answers / BROWSER_STUDENT / BROWSER_STUDENT / "L00.json"
    assert jlab.wait_for_saved(path, {question.id: value})[question.id] == json.loads(json.dumps(value))
