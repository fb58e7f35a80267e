"""The lessons as a whole: complete, clean, sourced, and their model answers score full marks."""

import re

import nbformat
import pytest

from kit import citations, data
from kit.grading import grade
from kit.grading.keycheck import model_answers_path
from kit.notebooks import problems
from kit.lessoncheck import validate_lessons
from kit.questions import lesson_ids, load_bank
from tests.conftest import ROOT

LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))
EXPECTED = ["00-start-here", "01-who-is-behind-it", "02-anatomy-of-an-argument", "03-trace-the-citations",
            "04-the-language-of-certainty", "05-find-better-coverage", "06-weigh-the-evidence", "07-final-evaluation"]


def notebook(path):
    return nbformat.read(path, as_version=4)


def lesson_id(nb) -> str:
    for cell in nb.cells:
        found = re.search(r'kit\.lesson\.start\(\s*"([^"]+)"', cell.source) if cell.cell_type == "code" else None
        if found:
            return found.group(1)
    raise AssertionError("no kit.lesson.start(...) cell")


def test_the_eight_lessons_exist_with_banks_and_keys():
    assert [p.stem for p in LESSONS] == EXPECTED
    assert lesson_ids() == [f"L{n:02d}" for n in range(8)]
    assert [lesson_id(notebook(p)) for p in LESSONS] == lesson_ids()
    assert validate_lessons() == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_is_committed_clean_and_asks_every_question(path):
    nb = notebook(path)
    assert problems(nb) == []
    lesson = lesson_id(nb)
    asked = [q for c in nb.cells if c.cell_type == "code" for q in re.findall(r'lesson\.ask\("([^"]+)"\)', c.source)]
    bank = load_bank(lesson)
    for phase in re.findall(r'lesson\.ask_form\("(pre|post)"\)', "\n".join(c.source for c in nb.cells if c.cell_type == "code")):
        asked += [q.id for q in bank if q.assessment == phase and q.spec.get("form")]  # both forms: each student sees one
    assert sorted(bank.qualify(q) for q in asked) == sorted(bank.questions), "every question asked exactly once"
    for cell in nb.cells:
        if cell.cell_type == "code" and "lesson.ask(" in cell.source:
            assert "nbval-check-output" in cell.metadata.get("tags", []), cell.source


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_objectives_time_recap_and_sources(path):
    nb = notebook(path)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    first = markdown[0]
    assert first.startswith("# Lesson 0")
    assert re.search(r"objective|you will", first, re.I) and re.search(r"\d+\s*min", first)
    minutes = sum(int(m) for m in re.findall(r"(\d+)\s*min", first))
    assert any("recap" in m.lower() for m in markdown)
    assert markdown[-1].startswith(citations.SOURCES_HEADING)
    assert minutes <= 2 * 45  # the parts listed add up to a lesson (sum of parts, maybe listed twice)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_citation_resolves_and_the_sources_list_matches(path):
    nb = notebook(path)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    body = "\n".join(markdown[:-1])
    ids = citations.cited_ids(body)
    assert ids, "a lesson cites its sources"
    sources = data.load("sources").set_index("source_id")
    for match in citations.CITATION_LINK.finditer(body):
        label, url, source_id = match.groups()
        assert source_id in sources.index, f"unknown source {source_id}"
        row = sources.loc[source_id]
        original = row["url"] if isinstance(row["url"], str) else None
        # the original when there is one; otherwise the copy, labelled as a copy at its host
        assert url == (original or row["copy_url"]), f"{source_id}: link {url} is neither the original nor the copy read"
        if original is None:
            assert f"read in a copy at {citations.cite(source_id).copy_host}" in label, f"{source_id}: a copy shown as {label!r}"
        assert match.group(0) == citations.cite(source_id).markdown(), f"{source_id}: not rendered by kit.citations"
    assert markdown[-1] == citations.sources_section(ids)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_link_opens_a_copy_without_saying_so(path):
    nb = notebook(path)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert citations.unlabelled_copies(cell.source) == [], cell.source[:120]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_factual_passages_carry_a_citation(path):
    """A passage that states dates or figures must cite a dataset source or a claim id."""
    nb = notebook(path)
    for cell in nb.cells[1:-1]:
        if cell.cell_type != "markdown":
            continue
        for paragraph in re.split(r"\n\s*\n", cell.source):
            plain = re.sub(r"\[[^\]]*\]\([^)]*\)", "", paragraph)
            # not facts: the studied articles named by year, and confidence levels ("100% sure")
            plain = re.sub(r"\b(2014|2017) article\b|\b(0|50|60|70|80|90|100)\s*%", "", plain)
            if re.search(r"\b(19|20)\d{2}\b|\b\d[\d,.]*\s*(%|per ?cent|percent|billion|million)", plain):
                cited = citations.cited_ids(paragraph) or re.search(r"\b(A[12]-\d{2}|E\d{3})\b", paragraph)
                assert cited, f"uncited figures or dates: {paragraph[:160]!r}"


@pytest.mark.parametrize("lesson", [f"L{n:02d}" for n in range(8)])
def test_model_answers_score_full_marks(lesson):
    result = grade([model_answers_path(lesson)], lessons=[lesson])
    assert result.problems == []
    (student,) = result.students
    wrong = [(q.question.id, q.score.status) for q in student.lessons[lesson].questions if q.score.status not in ("correct", "pending")]
    assert wrong == []


def test_model_answers_are_what_the_widgets_write(tmp_path):
    """The committed model answers equal what entering the key through every widget saves."""
    import json

    from kit.model_answers import write_model_answers

    for lesson in lesson_ids():
        fresh = json.loads(write_model_answers(lesson, tmp_path).read_text())
        committed = json.loads(model_answers_path(lesson).read_text())
        for document in (fresh, committed):
            document.pop("kit_version", None)
        assert fresh == committed, f"{lesson}: run medialit key-notebooks"


def test_key_notebooks_match_the_key():
    from kit.grading.notebooks import build

    for lesson in lesson_ids():
        built = build(lesson)
        committed = notebook(ROOT / "instructor-guide" / "answer-key" / f"{lesson}-key.ipynb")
        assert [c.source for c in built.cells] == [c.source for c in committed.cells], lesson
        assert [c.get("outputs") for c in built.cells] == [c.get("outputs") for c in committed.cells], lesson
