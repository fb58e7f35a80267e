"""The comparison table: one row per text, with n, rates, hits and flags."""

from __future__ import annotations

from kit import articles
from kit.data import texts as kit_texts
from kit.text import compare
from kit.text.language import NON_ENGLISH_NOTE
from tests.text.helpers import fixture_article, fixture_lexicons


def test_one_row_per_text_with_word_counts_rates_and_flags():
    table = compare(
        {"harbour": fixture_article("harbour-bridge.md"), "phones": fixture_article("school-phones.txt"),
         "de": fixture_article("windpark-de.md"), "A1": articles.load("A1")},
        lexicons=fixture_lexicons(),
    )
    assert list(table.index) == ["harbour", "phones", "de", "A1"]
    assert list(table.columns) == [
        "title", "kind", "words", "sentences",
        "certainty_hits", "certainty_per_1000", "hedges_hits", "hedges_per_1000",
        "attribution_hits", "attribution_per_1000", "loaded_hits", "loaded_per_1000",
        "hits", "short_sample", "note",
    ]
    assert table[["words", "sentences", "hits", "short_sample"]].values.tolist() == [
        [189, 20, 13, True], [94, 8, 5, True], [107, 7, 0, True], [819, 25, 19, False],
    ]
    assert table.loc["harbour", "attribution_per_1000"] == 26.46
    assert table.loc["A1", "loaded_per_1000"] == 9.77
    assert table.loc["de", "note"] == f"short sample (n=107 words, under 300): rates unreliable; {NON_ENGLISH_NOTE}"
    assert table.loc["A1", "note"] == "" and table.loc["A1", "kind"] == "article"


def test_a_list_of_articles_and_strings_uses_their_own_names():
    table = compare([articles.load("A2"), "Clearly a sentence."], lexicons=fixture_lexicons())
    assert list(table.index) == ["A2", "text"]
    assert table.loc["text", "certainty_hits"] == 1


def test_the_default_set_is_the_articles_beside_the_comparison_texts():
    texts = kit_texts(with_articles=True)
    assert list(texts)[:2] == ["A1", "A2"] and len(texts) > 2
    table = compare(texts, lexicons=fixture_lexicons())
    assert list(table.index) == list(texts)
    assert (table["short_sample"] == (table["words"] < 300)).all()
    assert set(table["kind"]) >= {"article"}
