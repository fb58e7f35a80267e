"""The pre/post forms: parallel, counterbalanced by a stable hash of the student id, about nothing the lessons use,
and a class gain read through the counterbalancing, with each form's difficulty."""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import nbformat
import pytest

from kit import citations, identity, settings
from kit.errors import InputError
from kit.grading import grade
from kit.grading.forms import FORMS, counterbalanced, form_for, form_questions, pre_form, read_overrides
from kit.lesson import Lesson
from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.grading.synthetic import wrong_value

ROOT = Path(__file__).resolve().parents[2]
PHASES = {"pre": "L00", "post": "L07"}


def test_the_split_is_stable_about_half_and_can_be_overridden(tmp_path):
    ids = [f"student-{n:04d}" for n in range(400)]
    firsts = [pre_form(i) for i in ids]
    assert firsts == [pre_form(i) for i in ids]  # the same on every call (and machine: SHA-256)
    assert 160 <= firsts.count("A") <= 240
    assert all(form_for(i, "post") != form_for(i, "pre") for i in ids)
    path = tmp_path / "forms.csv"
    path.write_text("student_id,pre_form\nstudent-0001,b\n", encoding="utf-8")
    assert pre_form("student-0001", read_overrides(path)) == "B"
    path.write_text("student_id,pre_form\nstudent-0001,C\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: needs student_id and pre_form A or B"):
        read_overrides(path)


def test_the_two_forms_are_parallel_and_the_same_in_both_lessons():
    for phase, lesson in PHASES.items():
        bank, key = load_bank(lesson), load_key(lesson)
        shapes = {}
        for form in FORMS:
            items = form_questions(bank, form, phase)
            shapes[form] = [(q.kind, q.points, q.use, key[q.id].truth) for q in items]
            assert {key[q.id].truth for q in items if q.kind == "rating"} == {True, False}
            assert any(q.kind == "source-check" for q in items)
        assert shapes["A"] == shapes["B"], "forms A and B must match in kind, points, use and accurate/inaccurate"
    for form in FORMS:
        before = [q.prompt for q in form_questions(load_bank("L00"), form, "pre")]
        after = [q.prompt for q in form_questions(load_bank("L07"), form, "post")]
        assert before == after and len(before) == 5


def lesson_subjects() -> list[str]:
    """Names a pre/post item must not mention: claim ids and quotes, outlets, and the sources cited in lessons 01-06."""
    with (settings.datasets_dir() / "sources.csv").open(encoding="utf-8") as handle:
        sources = {row["source_id"]: row for row in csv.DictReader(handle)}
    with (settings.datasets_dir() / "outlets.csv").open(encoding="utf-8") as handle:
        outlets = [row["name"].split(" (")[0] for row in csv.DictReader(handle)]
    with (settings.datasets_dir() / "claims.csv").open(encoding="utf-8") as handle:
        claims = {row["claim_id"]: row["quote"] for row in csv.DictReader(handle)}
    used_ids, used_claims = [], set()
    for path in sorted((ROOT / "lessons").glob("0[1-6]-*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        used_ids += citations.cited_ids(text)
        used_claims |= set(re.findall(r"\bA[12]-\d{2}\b", text))
    for lesson in ("L01", "L02", "L03", "L04", "L05", "L06"):
        used_claims |= set(re.findall(r"\bA[12]-\d{2}\b", (ROOT / "lessons" / "questions" / f"{lesson}.json").read_text(encoding="utf-8")))
    names = set(outlets) | {sources[i]["publisher"].split(" (")[0] for i in used_ids if i in sources}
    names |= {sources[i]["title"] for i in used_ids if i in sources and len(sources[i]["title"]) > 15}
    names |= {claims[c][:40] for c in used_claims if c in claims and len(claims[c]) > 20}
    return sorted({n.strip() for n in names if len(n.strip()) > 3}) + sorted(used_claims)


def test_no_form_item_is_about_a_claim_source_or_outlet_of_lessons_01_to_06():
    subjects = lesson_subjects()
    assert "Global Research" in subjects and "Deutsche Welle" in subjects and "A1-01" in subjects
    for phase, lesson in PHASES.items():
        for question in load_bank(lesson):
            if question.assessment != phase:
                continue
            text = " ".join([question.prompt, question.context] + [o.label for o in question.options]).lower()
            hits = [s for s in subjects if re.search(rf"\b{re.escape(s.lower())}\b", text)]
            assert hits == [], f"{question.id} mentions {hits}"


def write_form_class(folder: Path, *, students: int, pre: float, post: float, b_harder: float, seed: int = 5) -> None:
    """Answers to L00 and L07 where a student is right with probability ``pre`` or ``post``, less ``b_harder`` on form B."""
    rng = random.Random(seed)
    for number in range(students):
        student = f"student-{number:04d}"
        for phase, lesson in PHASES.items():
            bank, key = load_bank(lesson), load_key(lesson)
            form = form_for(student, phase)
            chance = (pre if phase == "pre" else post) - (b_harder if form == "B" else 0)
            answers = {}
            for q in form_questions(bank, form, phase):
                value = model_value(q, key[q.id]) if rng.random() < chance else wrong_value(q, key[q.id], rng)
                answers[q.id] = {"value": value}
            path = folder / student / f"{lesson}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"schema": 1, "lesson": lesson, "student": {"id": student}, "answers": answers}),
                            encoding="utf-8")


def test_grade_reports_the_counterbalanced_gain_and_each_forms_difficulty(tmp_path):
    write_form_class(tmp_path / "class", students=200, pre=0.45, post=0.85, b_harder=0.3)
    result = grade([tmp_path / "class"], lessons=["L00", "L07"])
    assert result.problems == []
    for student in result.students[:10]:  # each student is graded on their own form only
        for phase, lesson in PHASES.items():
            taken = {q.question.spec.get("form") for q in student.lessons[lesson].questions if q.question.assessment == phase}
            assert taken == {form_for(student.id, phase)}
    report = counterbalanced(result)
    assert report.form_difficulty("A") > report.form_difficulty("B") + 0.15  # B was planted harder
    gains = [report.group_gain(form) for form in FORMS]
    # taken alone, the group that ends on the harder form seems to gain much less than the other
    assert abs(gains[0] - gains[1]) > 0.3
    assert report.gain == pytest.approx(sum(gains) / 2)
    assert 0.25 < report.gain < 0.55  # the planted gain is 0.4 on the graded items
    rows = {row["pre_form"]: row for row in report.rows()}
    assert rows["A"]["students"] + rows["B"]["students"] == 200
    assert "form A" in report.summary() and "form B" in report.summary()
    from kit.reports.summary import summary

    assert report.summary() in summary(result, {})


def test_a_teacher_override_changes_what_is_graded(tmp_path):
    write_form_class(tmp_path / "class", students=4, pre=1.0, post=1.0, b_harder=0.0)
    student = "student-0000"
    flipped = {student: "B" if pre_form(student) == "A" else "A"}
    result = grade([tmp_path / "class"], lessons=["L00"], forms=flipped)
    mine = next(s for s in result.students if s.id == student)
    forms_graded = {q.question.spec.get("form") for q in mine.lessons["L00"].questions if q.question.assessment == "pre"}
    assert forms_graded == {flipped[student]}
    assert all(q.score.status == "unanswered" for q in mine.lessons["L00"].questions if q.question.assessment == "pre")


def test_the_lesson_shows_the_students_own_form(tmp_path):
    lesson = Lesson("L00", answers_folder=tmp_path)
    view = lesson.ask_form("pre")
    assert [w.question.form for w in view.widgets] == [lesson.form("pre")] * 5
    assert lesson.form("pre") == pre_form(lesson.student.id)
    # the student types a name whose form is the other one: the same box now shows that form
    other = next(n for n in (f"student {i}" for i in range(50)) if pre_form(identity.sanitise(n)) != lesson.form("pre"))
    lesson.switch_student(identity.set_student(other, folder=tmp_path))
    assert {w.question.form for w in view.widgets} == {lesson.form("pre")} != {pre_form("anonymous")}
    assert [child for child in view.box.children[1:]] == [w.box for w in view.widgets]
    assert lesson.progress.total == len(lesson.questions()) == len(lesson.bank) - 5


def test_feedback_pages_link_the_sources_kept_in_the_key(tmp_path):
    from kit.reports import pages

    write_form_class(tmp_path / "class", students=6, pre=0.0, post=0.0, b_harder=0.0)
    result = grade([tmp_path / "class"], lessons=["L00"])
    pages.write_all(result, tmp_path / "feedback")
    student = result.students[0]
    page = (tmp_path / "feedback" / f"{student.id}.html").read_text(encoding="utf-8")
    refs = [r.url for q in form_questions(load_bank("L00"), pre_form(student.id), "pre") for r in load_key("L00")[q.id].references]
    assert refs and all(url.replace("&", "&amp;") in page for url in refs)


def test_a_forms_file_beside_the_lessons_sets_the_form_in_the_notebook(tmp_path, monkeypatch):
    lessons = tmp_path / "copy"
    (lessons / "questions").mkdir(parents=True)
    for lesson in ("L00", "L07"):
        (lessons / "questions" / f"{lesson}.json").write_text(
            (ROOT / "lessons" / "questions" / f"{lesson}.json").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_LESSONS", str(lessons))
    lesson = Lesson("L00", answers_folder=tmp_path / "answers")
    hashed = pre_form(lesson.student.id)
    (lessons / "forms.csv").write_text(f"student_id,pre_form\n{lesson.student.id},{'B' if hashed == 'A' else 'A'}\n",
                                       encoding="utf-8")
    assert lesson.form("pre") != hashed and lesson.form("post") == hashed
    assert {w.question.form for w in lesson.ask_form("pre").widgets} == {lesson.form("pre")}
