"""Citations say what each link is: the original with an archived copy, a labelled copy, or no original found."""

import re
from pathlib import Path

import pytest

from kit import citations, data
from kit.feedback import feedback_for
from tests.conftest import ROOT


def all_citations():
    return [citations.cite(source_id) for source_id in data.load("sources")["source_id"]]


def test_an_original_renders_with_its_archived_copy():
    c = citations.cite("nato-2012-turkey-60-years")
    assert c.url and c.archive_url
    assert c.markdown().startswith("[NATO, 18 Feb 2012](" + c.url)
    assert f'<a href="{c.archive_url}"' in c.html() and "(archived)</a>" in c.html()
    assert f"(archived: {c.archive_url})" in c.text()
    assert f"([archived]({c.archive_url}))" in citations.sources_section([c.source_id])


def test_a_copy_is_never_shown_under_the_outlets_name_alone():
    c = citations.cite("hersh-2007-redirection")
    assert not c.url and c.copy_url
    host = "docslib.org"
    assert c.copy_host == host
    assert f"read in a copy at {host}]({c.copy_url}" in c.markdown()
    assert f"read in a copy at <a href=\"{c.copy_url}\"" in c.html()
    assert f"read in a copy at {host}: {c.copy_url}" in c.text()
    assert "Original address not found; read in a copy at [docslib.org]" in citations.sources_section([c.source_id])


def test_a_source_without_any_address_says_so():
    c = citations.cite("a2-cartalucci-2017")
    assert not c.url and not c.copy_url
    assert c.markdown().endswith("(original address not found; `a2-cartalucci-2017`)")
    assert citations.cited_ids(c.markdown()) == ["a2-cartalucci-2017"]
    assert "original address not found" in c.html() and "original address not found" in c.text()


def test_the_copy_check_catches_a_copy_under_an_outlets_name():
    c = citations.cite("wapo-2015-how-islamic-state-makes-money")
    assert citations.unlabelled_copies(f"[The Washington Post]({c.copy_url})")
    assert citations.unlabelled_copies(f'<a href="{c.copy_url}">The Washington Post</a>')
    assert not citations.unlabelled_copies(c.markdown())


@pytest.mark.parametrize("form", ["markdown", "html", "text"])
def test_no_rendered_citation_links_a_copy_without_saying_so(form):
    for c in all_citations():
        rendered = getattr(c, form)()
        assert citations.unlabelled_copies(rendered) == [], rendered
        shown = re.sub(r"<[^>]+>", "", rendered)
        if c.copy_url and c.copy_url != c.url and (form != "markdown" or not c.url):
            assert f"copy at {c.copy_host}" in shown, rendered
        if not c.url and (form != "markdown" or not c.copy_url):
            # the inline form of a copy says "read in a copy at HOST"; the full forms also say no original was found
            assert "original address not found" in shown, rendered
    section = citations.sources_section([c.source_id for c in all_citations()])
    assert citations.unlabelled_copies(section) == []


def test_feedback_pages_label_copies():
    """Feedback shows each key entry's sources through Citation.html/text: none links a copy unlabelled."""
    from kit.questions import lesson_ids, load_bank, load_key

    shown = copies = 0
    for lesson in lesson_ids():
        bank, key = load_bank(lesson), load_key(lesson)
        for question_id, entry in (key or {}).items():
            item = feedback_for(bank.questions[question_id], entry, entry.answer)
            shown += len(item.citations)
            copies += sum(1 for c in item.citations if c.copy_url)
            assert citations.unlabelled_copies(item.html()) == []
            assert citations.unlabelled_copies(item.text()) == []
    assert shown > 0 and copies > 0


@pytest.mark.parametrize("page", sorted((ROOT / "instructor-guide").glob("*.md")), ids=lambda p: p.name)
def test_the_guide_links_no_copy_without_saying_so(page: Path):
    assert citations.unlabelled_copies(page.read_text(encoding="utf-8")) == []
