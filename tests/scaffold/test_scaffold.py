"""``new_lesson``: the files it writes, the draft key, lesson ids, overwriting, other languages."""

from __future__ import annotations

import json

import nbformat
import pytest

from kit.questions import load_bank, load_key
from kit.scaffold import MAX_TAG_ROWS, check_lesson_id, lesson_id_for, new_lesson
from kit.text.language import NON_ENGLISH_NOTE
from tests.text.helpers import ARTICLES, fixture_lexicons


@pytest.fixture
def bridge(tmp_path):
    return new_lesson(ARTICLES / "harbour-bridge.md", out=tmp_path / "out", lexicons=fixture_lexicons())


def test_writes_notebook_article_bank_and_key(bridge, tmp_path):
    out = tmp_path / "out"
    assert bridge.lesson_id == "HARBOUR-BRIDGE"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "HARBOUR-BRIDGE.ipynb", "answer-key/HARBOUR-BRIDGE.json", "articles/HARBOUR-BRIDGE.md", "questions/HARBOUR-BRIDGE.json",
    ]
    assert (out / "articles" / "HARBOUR-BRIDGE.md").read_text(encoding="utf-8") == (ARTICLES / "harbour-bridge.md").read_text(encoding="utf-8")
    summary = bridge.summary().splitlines()
    assert summary[0] == "Made lesson HARBOUR-BRIDGE from harbour-bridge.md (189 words, 20 sentences)."
    assert summary[1] == "Wrote:" and summary[5].endswith("a DRAFT answer key: review it before use")
    assert "Next steps:" in summary and any("pytest --nbval-lax" in line for line in summary)


def test_notebook_is_clean_and_runs_the_lesson_from_its_folder(bridge):
    notebook = nbformat.read(bridge.notebook, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert [c["id"] for c in notebook.cells][:3] == ["cell-00", "cell-01", "cell-02"]
    assert code[0].source.splitlines()[3:5] == [
        'article = from_file("articles/HARBOUR-BRIDGE.md")',
        'lesson = kit.lesson.start("HARBOUR-BRIDGE", questions_folder="questions", key_folder="answer-key")',
    ]
    asked = [c.source for c in code if c.source.startswith("lesson.ask")]
    assert asked == ['lesson.ask("q01")', 'lesson.ask("q02")', 'lesson.ask("q03")', 'lesson.ask("q04")']
    sources = "\n".join(c.source for c in notebook.cells)
    for expected in ("kit.text.rhetoric(article)", "kit.plots.rhetoric(table)", "kit.text.find_references(article)",
                     "| **Publisher** | The Riverside Ledger |", "> The city council voted 7 to 2 on Jan. 12 to spend \\$4.5 million"):
        assert expected in sources
    assert notebook.metadata["medialit"]["lesson"] == "HARBOUR-BRIDGE"


def test_bank_and_draft_key_load_like_built_in_lessons(bridge):
    bank = load_bank("HARBOUR-BRIDGE", bridge.questions.parent)
    key = load_key("HARBOUR-BRIDGE", bridge.key.parent)
    assert [(q.id, q.kind, q.points) for q in bank] == [
        ("HARBOUR-BRIDGE.q01", "tag-table", 5.0), ("HARBOUR-BRIDGE.q02", "source-card", 3.0),
        ("HARBOUR-BRIDGE.q03", "technique", 2.0), ("HARBOUR-BRIDGE.q04", "free-text", 4.0),
    ]
    table = bank["q01"]
    assert len(table.items) == 20 and [label.id for label in table.labels][:2] == ["factual", "causal"]
    assert table.items[5].text == "\u201cIt is clear that the bridge is a disaster waiting to happen,\u201d he told reporters."
    assert key["HARBOUR-BRIDGE.q01"].answer == {
        "s001": "factual", "s002": "factual", "s003": "quotation", "s004": "interpretive", "s005": "quotation",
        "s006": "quotation", "s007": "factual", "s008": "interpretive", "s009": "factual", "s010": "factual",
        "s011": "factual", "s012": "prediction", "s013": "factual", "s014": "factual", "s015": "factual",
        "s016": "factual", "s017": "interpretive", "s018": "quotation", "s019": "factual", "s020": "quotation",
    }
    assert key["HARBOUR-BRIDGE.q01"].accept == {"s004": ["opinion"], "s008": ["opinion"], "s017": ["opinion"]}
    assert key["HARBOUR-BRIDGE.q01"].explanation.startswith("DRAFT, made by a simple rule and not by a person")
    assert "The Riverside Ledger" in bank["q02"].prompt
    assert bank["q03"].passage == table.items[5].text and bank["q03"].context == "Sentence 6 of the article."
    assert key["HARBOUR-BRIDGE.q03"].answer == ["loaded-language", "thought-terminating-cliche"]
    assert bank["q04"].min_words == 40
    assert set(key["HARBOUR-BRIDGE.q04"].rubric) == {"proficient", "emergent", "basic"}
    raw = json.loads(bridge.key.read_text(encoding="utf-8"))
    assert raw["status"].startswith("draft")


def test_refuses_to_overwrite_unless_forced(bridge, tmp_path):
    with pytest.raises(FileExistsError, match="HARBOUR-BRIDGE.ipynb already exists; use --force to overwrite it"):
        new_lesson(ARTICLES / "harbour-bridge.md", out=tmp_path / "out")
    again = new_lesson(ARTICLES / "harbour-bridge.md", out=tmp_path / "out", force=True, lexicons=fixture_lexicons())
    assert again.notebook == bridge.notebook
    bridge.questions.unlink()
    with pytest.raises(FileExistsError, match="already exists"):  # any one existing file stops it
        new_lesson(ARTICLES / "harbour-bridge.md", out=tmp_path / "out")


def test_lesson_ids():
    assert lesson_id_for("my article.md") == "MY-ARTICLE"
    assert lesson_id_for("Über die Grenze!.txt") == "UBER-DIE-GRENZE"
    assert lesson_id_for("L02.md") == "L02-ARTICLE"
    assert lesson_id_for("___.md") == "ARTICLE"
    assert check_lesson_id("OPED-7") == "OPED-7"
    with pytest.raises(ValueError, match="letters, digits or hyphens"):
        check_lesson_id("my lesson")
    with pytest.raises(ValueError, match="built-in lesson"):
        check_lesson_id("L03")


def test_long_article_is_truncated_and_says_so(tmp_path):
    article = tmp_path / "council-minutes.md"
    article.write_text("\n\n".join(f"Item {n} was approved by the council on Monday." for n in range(1, 61)), encoding="utf-8")
    result = new_lesson(article, out=tmp_path / "out", lexicons=fixture_lexicons())
    bank = load_bank("COUNCIL-MINUTES", result.questions.parent)
    assert len(bank["q01"].items) == MAX_TAG_ROWS == 40
    assert "the first 40 of its 60 sentences" in bank["q01"].prompt
    assert result.notes[0] == "the claim-type table lists the first 40 of the article's 60 sentences"
    assert "Notes:" in result.summary()


def test_german_article_gets_a_lesson_and_a_language_note(tmp_path):
    result = new_lesson(ARTICLES / "windpark-de.md", out=tmp_path, lesson_id="WIND-DE", lexicons=fixture_lexicons())
    assert NON_ENGLISH_NOTE in result.notes
    notebook = nbformat.read(result.notebook, as_version=4)
    assert any(NON_ENGLISH_NOTE in c.source for c in notebook.cells if c.cell_type == "markdown")
    assert load_key("WIND-DE", result.key.parent)["WIND-DE.q03"].answer == []


def test_out_must_be_a_folder(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="is a file; --out must be a folder"):
        new_lesson(ARTICLES / "school-phones.txt", out=target)
