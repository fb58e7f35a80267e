"""Quote diffs on the real cases: Treasury/Washington Post, Hersh, DW, and the Post's RAND figures."""

from __future__ import annotations

import pytest

from kit import articles, data
from kit.text import quote_diff

COHEN_QUOTE = "probably the best-funded terrorist organization we have confronted"
COHEN_CLAUSE = "With the important exception of some state-sponsored terrorist organizations, ISIL is"


@pytest.fixture(scope="module")
def texts():
    return data.texts()


def kinds(diff):
    return [s.kind for s in diff.segments]


def test_cohen_quote_drops_the_opening_clause(texts):
    assert articles.load("A2").find(COHEN_QUOTE) is not None  # the Post's words, as A2 quotes them
    treasury = texts["cohen-2014-10-23"]
    sentence = next(s for s in treasury.sentences if "best-funded" in s.text)
    diff = quote_diff(COHEN_QUOTE, sentence.text, quote_label="Washington Post", source_label="Treasury")
    assert kinds(diff) == ["cut", "equal"]
    assert diff.segments[0].source == COHEN_CLAUSE
    assert diff.segments[1].quote == COHEN_QUOTE
    assert diff.counts() == {"cut": 11, "added": 0, "changed": 0}
    assert not diff.faithful and not diff.paraphrase
    assert diff.text() == f"[cut: {COHEN_CLAUSE}] {COHEN_QUOTE}"
    assert diff.summary() == "11 words cut, 0 words added, 0 words changed"


def test_cohen_against_his_whole_paragraph_keeps_other_sentences_as_context(texts):
    treasury = texts["cohen-2014-10-23"]
    sentence = next(s for s in treasury.sentences if "best-funded" in s.text)
    paragraph = treasury.paragraph_at(sentence.start)
    diff = quote_diff(COHEN_QUOTE, paragraph.text)
    assert kinds(diff) == ["context", "cut", "equal", "context"]
    assert diff.segments[1].source == COHEN_CLAUSE
    assert diff.text() == f"\u2026 [cut: {COHEN_CLAUSE}] {COHEN_QUOTE} \u2026"


def test_hersh_block_quote_is_faithful_with_emphasis_added(texts):
    a1 = articles.load("A1")
    block = a1.paragraphs[13]  # paragraphs 14-15 of the source file, joined: one quotation
    assert block.index == 14 and block.text.startswith("To undermine Iran")
    diff = quote_diff(block.text, texts["hersh-2007-03-05-redirection"].body, source_is_excerpt=True,
                      quote_label="article", source_label="New Yorker")
    assert kinds(diff) == ["unchecked", "equal"]
    assert diff.faithful
    assert diff.segments[1].quote.startswith("A by-product of these activities") and diff.segments[1].quote.endswith("Al Qaeda.")
    assert len(diff.segments[0].quote.split()) == 68
    assert diff.emphasis == (
        "The U.S. has also taken part in clandestine operations aimed at Iran and its ally Syria. "
        "A by-product of these activities has been the bolstering of Sunni extremist groups",
        "that espouse a militant vision of Islam and are hostile to America and sympathetic to Al Qaeda.",
    )
    assert diff.summary().startswith(
        "the article matches the New Yorker word for word; 68 words of the article lie beyond the excerpt "
        "and were not checked; emphasis (bold) in the article: \u201cThe U.S. has also")


def test_hersh_subtitle_spelling_shows_as_a_change():
    quoted = "The Redirection: Is the Administration's new policy benefiting our enemies in the war on terrorism?"
    assert articles.load("A1").find(quoted) is not None
    copy = "The Redirection: Is the Administration\u2019s new policy benefitting our enemies in the war on terrorism?"
    diff = quote_diff(quoted, copy)
    assert [(s.kind, s.source, s.quote) for s in diff.segments if s.kind != "equal"] == [("changed", "benefitting", "benefiting")]
    assert diff.text() == ("The Redirection: Is the Administration's new policy [changed: benefitting \u2192 benefiting] "
                           "our enemies in the war on terrorism?")


def test_a2_quotes_dw_word_for_word_and_runs_past_the_excerpt(texts):
    a2 = articles.load("A2")
    block = next(p for p in a2.paragraphs if p.text.startswith("Every day, trucks"))
    diff = quote_diff(block.text, texts["dw-2014-11-27-supply-channels"].body, source_is_excerpt=True)
    assert kinds(diff) == ["equal", "unchecked"]
    assert diff.faithful
    assert diff.segments[1].quote == ("Oil, weapons, and soldiers are also being smuggled over the border, and Kurdish "
                                      "volunteers are now patrolling the area in a bid to stem the supplies.")


def test_a1_renders_dw_as_a_paraphrase(texts):
    rendering = ("hundreds of trucks a day carrying billions of dollars in supplies, flowing into Syria and directly "
                 "into the hands of the so-called \"Islamic State\" (ISIS)")
    assert articles.load("A1").find(rendering) is not None
    diff = quote_diff(rendering, texts["dw-2014-11-27-supply-channels"].body, quote_label="article", source_label="DW text")
    assert diff.paraphrase
    assert [(s.kind, s.quote) for s in diff.segments] == [
        ("changed", "hundreds of trucks a"),
        ("equal", "day"),
        ("changed", "carrying billions of dollars in supplies, flowing into Syria and directly into the hands of the so-called"),
        ("equal", "\"Islamic State\""),
        ("changed", "(ISIS)"),
    ]
    assert "It is unclear who is picking up the goods." in diff.segments[2].source
    assert diff.summary().endswith("most words differ: a paraphrase of the DW text, not a quotation")


def test_markdown_escapes_are_not_changes(texts):
    a2 = articles.load("A2")
    paragraph = next(p for p in a2.paragraphs if "Rand Corporation" in p.text)
    assert "\\$1 million" in paragraph.text
    diff = quote_diff(paragraph.text, texts["wapo-2015-11-isis-money"].body, source_is_excerpt=True)
    assert kinds(diff) == ["unchecked", "equal"] and diff.faithful


def test_ellipsis_added_words_and_renderings():
    hersh = ("A by-product of these activities has been the bolstering of Sunni extremist groups that espouse a "
             "militant vision of Islam and are hostile to America and sympathetic to Al Qaeda.")
    diff = quote_diff("A by-product ... has been the bolstering of Sunni extremist groups \u2026 sympathetic to Al Qaeda.", hersh)
    assert [(s.kind, s.source) for s in diff.segments if s.kind == "cut"] == [
        ("cut", "of these activities"),
        ("cut", "that espouse a militant vision of Islam and are hostile to America and"),
    ]
    added = quote_diff("He said the plan will surely work", "He said the plan will work.")
    assert added.text() == "He said the plan will {added: surely} work"
    page = quote_diff("the plan failed badly", "the plan partly failed").html()
    assert '<del title="cut from the source">[cut: partly]</del>' in page
    assert '<ins title="added by the quotation">{added: badly}</ins>' in page
    assert "Key:" in page and "color" not in page
    assert list(added.frame().columns) == ["kind", "source", "quote"]


def test_empty_sides_are_refused():
    with pytest.raises(ValueError, match="quotation to compare is empty"):
        quote_diff("  ", "words")
    with pytest.raises(ValueError, match="source to compare is empty"):
        quote_diff("words", "**  **")


def test_dash_variants_and_the_sources_own_gap_marks_are_not_changes():
    from kit.text import quote_diff

    diff = quote_diff("the war \u2013 and the peace", "the war - [\u2026] and the peace")
    assert [s.kind for s in diff.segments] == ["equal"]
