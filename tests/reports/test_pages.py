"""Feedback pages from the Jinja2 template: hostile text is escaped, every question's result is shown."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from kit.feedback import HEADLINES
from kit.grading import grade
from kit.questions import load_bank, load_key
from kit.reports import pages
from tests.conftest import FIXTURES
from tests.grading.synthetic import answers_document
from tests.reports.htmlparse import parse

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'


def student_file(folder: Path, student: str, name: str, answers: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{student}-L90.json"
    path.write_text(json.dumps({"schema": 1, "lesson": "L90", "student": {"id": student, "name": name},
                                "updated": "2026-11-01T10:00:00Z",
                                "answers": {q: {"value": v} for q, v in answers.items()}}), encoding="utf-8")
    return path


def test_hostile_name_and_answers_are_shown_as_text(fixture_bank, tmp_path):
    written = f"{SCRIPT} {BREAKOUT} " + "because the source says so " * 10
    path = student_file(tmp_path / "in", "mallory", f"{SCRIPT}{BREAKOUT}", {"L90.q07": written, "L90.q01": "trace"})
    result = grade([path], lessons=["L90"])
    (page_path,) = pages.write_all(result, tmp_path / "feedback")
    page = page_path.read_text(encoding="utf-8")
    assert SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    tree = parse(page)
    assert tree.all("script") == [] and tree.all("img") == []
    (title,) = tree.all("title")
    assert title.plain() == f"Feedback for {SCRIPT}{BREAKOUT}"
    assert tree.all("h1")[0].plain() == f"Feedback for {SCRIPT}{BREAKOUT}"
    (quote,) = tree.all("blockquote")
    assert quote.plain() == " ".join(written.split())
    assert tree.all("html")[0].attrs == {"lang": "en"}


def test_every_question_shows_its_id_points_result_and_explanation(fixture_bank, tmp_path):
    bank, key = load_bank("L90"), load_key("L90")
    rng = random.Random(11)
    for n in range(12):
        document = answers_document(f"s{n}", f"Student {n}", bank, key, rng)
        (tmp_path / f"s{n}.json").write_text(json.dumps(document), encoding="utf-8")
    result = grade([tmp_path], lessons=["L90"])
    statuses = set()
    for student in result.students:
        tree = parse(pages.page(student, result))
        rows = tree.all("tbody")[0].all("tr")
        done = student.lessons["L90"]
        assert tree.all("h2")[-1].plain() == f"L90: {done.title} \u2014 {done.points:g} of {done.max_points:g} points"
        assert len(rows) == len(done.questions) == len(bank)
        for row, q in zip(rows, done.questions):
            question_cell, answer_cell, result_cell, why_cell = row.all("td")
            assert question_cell.plain() == f"{q.question.id} {q.question.prompt}"
            assert answer_cell.plain().startswith(" ".join(q.answer_text.split()))
            assert result_cell.plain() == f"{HEADLINES[q.score.status]} {q.score.points:g}/{q.score.max_points:g}"
            explanation = key[q.question.id].explanation
            assert (explanation in why_cell.plain()) == (q.score.status != "correct")
            statuses.add(q.score.status)
    assert {"correct", "wrong", "partial"} <= statuses  # the class covers the kinds of result


def test_sources_are_linked_citations_or_their_id_when_unknown(fixture_bank, tmp_path, monkeypatch):
    keys = tmp_path / "key"
    shutil.copytree(FIXTURES / "answer-key", keys)
    document = json.loads((keys / "L90.json").read_text(encoding="utf-8"))
    document["answers"]["L90.q02"]["sources"] = ["a1-cartalucci-2014", "no-such-source-<b>"]
    (keys / "L90.json").write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_KEY", str(keys))
    path = student_file(tmp_path / "in", "ada", "Ada", {"L90.q02": ["author"]})
    result = grade([path], lessons=["L90"])
    tree = parse(pages.page(result.students[0], result))
    row = next(r for r in tree.all("tr") if r.all("td") and r.all("td")[0].plain().startswith("L90.q02"))
    cited, unknown = row.all("li")
    (link,) = cited.all("a")
    assert link.attrs["href"].startswith("http") and link.attrs["rel"] == "noopener"
    assert cited.all("code")[0].plain() == "a1-cartalucci-2014"
    assert [c.plain() for c in unknown.all("code")] == ["no-such-source-<b>"] and unknown.all("b") == []


def test_a_rubric_mark_and_the_teachers_comment_are_shown(fixture_bank, tmp_path):
    from kit.grading import RubricMarks

    marks = RubricMarks(tmp_path / "marks.json")
    marks.set("model-answers", "L90.q07", level="emergent", comment=f"Name the source. {SCRIPT}")
    result = grade([FIXTURES / "answer-key" / "model-answers" / "L90.json"], lessons=["L90"], marks=marks)
    tree = parse(pages.page(result.students[0], result))
    row = next(r for r in tree.all("tr") if r.all("td") and r.all("td")[0].plain().startswith("L90.q07"))
    assert row.all("td")[2].plain() == "Rubric: emergent 1.5/3"
    assert f"Your teacher: Name the source. {SCRIPT}" in row.all("td")[3].plain() and tree.all("script") == []


def test_a_lesson_not_handed_in_says_so(fixture_bank, tmp_path):
    path = student_file(tmp_path / "in", "ada", "Ada", {"L90.q01": "stop"})
    result = grade([path], lessons=["L90"])
    student = result.students[0]
    student.lessons.clear()
    tree = parse(pages.page(student, result))
    assert [h.plain() for h in tree.all("h2")] == [f"L90: {result.banks['L90'].title}"]
    assert "Not handed in." in tree.plain() and tree.all("table") == []
