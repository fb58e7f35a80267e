"""Support for weaker readers and English learners (issue 13, item 10): a glossary every lesson links, and sentence
frames for every written answer."""

from __future__ import annotations

import re
import unicodedata

import nbformat
import pytest

from kit import settings
from kit.lab import prepare_folder
from kit.model import BankError
from kit.questions import lesson_ids, load_bank, parse_question
from kit.release import release
from tests.conftest import ROOT

LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
GLOSSARY = ROOT / "lessons" / settings.GLOSSARY
LINK_SENTENCE = "Words in bold are explained in the [glossary](glossary.md)."
HEADING = re.compile(r"^## (.+)$", re.M)
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def sort_key(term: str) -> str:
    """Alphabetical order as a reader looks a word up: letters and digits only, accents and case ignored."""
    plain = unicodedata.normalize("NFKD", term).casefold()
    return "".join(ch for ch in plain if ch.isalnum())


def entries() -> dict[str, str]:
    """The glossary's terms (its ``## `` headings) and the definition under each."""
    text = GLOSSARY.read_text(encoding="utf-8")
    parts = HEADING.split(text)
    return {term.strip(): body.strip() for term, body in zip(parts[1::2], parts[2::2])}


def test_the_glossary_exists_with_one_titled_file_of_terms():
    text = GLOSSARY.read_text(encoding="utf-8")
    assert text.startswith("# Glossary\n")
    found = entries()
    assert len(found) >= 40, "the glossary should cover the words the lessons put in bold"
    assert len(set(map(sort_key, found))) == len(found), "a term appears twice"


def test_the_glossary_is_alphabetical_and_each_definition_is_short_and_plain():
    terms = list(entries())
    assert terms == sorted(terms, key=sort_key), "terms must be in alphabetical order"
    for term, body in entries().items():
        assert body, f"{term}: no definition"
        sentences = len(SENTENCE_END.findall(body))
        assert 1 <= sentences <= 3, f"{term}: say it in one or two sentences (found {sentences})"
        assert "<" not in body, f"{term}: plain Markdown, no HTML"


@pytest.mark.parametrize("term", ["Lateral reading", "Click restraint", "Stop", "Investigate the source",
                                  "Find better coverage", "Trace claims, quotes and media to the original context",
                                  "Primary source", "Copy", "Mirror", "Archive, archived copy", "Accurate",
                                  "Contradicted by evidence", "Conspiratorial thinking (conspiratorial reasoning)", "Sponsored content",
                                  "Loaded language", "Name calling or labelling", "Extension", "Aggregator",
                                  "Reputation check", "Official record", "Nefarious intent", "Overriding suspicion",
                                  "Re-interpreting randomness"])
def test_the_glossary_explains_the_words_the_unit_teaches(term):
    assert term in entries()


def test_the_glossary_names_the_publisher_of_civic_online_reasoning_as_it_is_now():
    definition = entries()["Civic Online Reasoning"]
    assert "Digital Inquiry Group" in definition and "Stanford History Education Group" not in definition


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lessons_first_markdown_cell_links_the_glossary(path):
    first = next(cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown")
    assert LINK_SENTENCE in first.source, f"{path.name}: add {LINK_SENTENCE!r} to the first Markdown cell"


@pytest.mark.parametrize("lesson", lesson_ids())
def test_every_written_answer_has_at_least_two_sentence_frames(lesson):
    for question in load_bank(lesson).questions.values():
        if question.kind == "free-text":
            assert len(question.frames) >= 2, f"{question.id}: give 2 or 3 sentence frames ('frames' in the bank)"


def test_a_frame_must_be_text():
    entry = {"id": "L90.q07", "kind": "free-text", "prompt": "Why?", "frames": ["I think ___.", ""]}
    with pytest.raises(BankError, match="frames"):
        parse_question(entry, "L90", "L90.json")


def test_the_student_copy_ships_the_glossary(tmp_path):
    copy = release(tmp_path / "class-copy").folder
    assert (copy / settings.GLOSSARY).read_text(encoding="utf-8") == GLOSSARY.read_text(encoding="utf-8")
    assert "glossary.md" in (copy / "README.md").read_text(encoding="utf-8")


def test_the_lessons_folder_medialit_lab_prepares_holds_the_glossary(tmp_path):
    copied, kept = prepare_folder(tmp_path / "medialit-lessons")
    assert settings.GLOSSARY in copied and kept == []
    assert (tmp_path / "medialit-lessons" / settings.GLOSSARY).exists()


def test_the_glossary_is_bundled_with_an_installed_kit():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lessons" = "kit/_bundled/lessons"' in pyproject  # the whole folder, glossary.md included
