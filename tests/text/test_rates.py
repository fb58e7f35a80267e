"""Rates per 1,000 words, with every hit and its sentence: counted by hand on small texts."""

from __future__ import annotations

import math

from kit import articles
from kit.text import SHORT_SAMPLE_WORDS, rhetoric
from kit.text.language import NON_ENGLISH_NOTE
from tests.text.helpers import fixture_article, fixture_lexicons


def test_harbour_bridge_counted_by_hand():
    profile = rhetoric(fixture_article("harbour-bridge.md"), lexicons=fixture_lexicons())
    assert (profile.name, profile.words, profile.sentences) == ("harbour-bridge", 189, 20)
    assert profile.summary[["lexicon", "hits", "words", "per_1000"]].values.tolist() == [
        ["certainty", 2, 189, 10.58],
        ["hedges", 4, 189, 21.16],
        ["attribution", 5, 189, 26.46],
        ["loaded", 2, 189, 10.58],
    ]
    assert profile.hits[["lexicon", "term", "matched", "sentence"]].values.tolist() == [
        ["attribution", "according to", "According to", 3],
        ["hedges", "may", "may", 3],
        ["loaded", "reckless", "reckless", 4],
        ["attribution", "said", "said", 5],
        ["certainty", "it is clear", "It is clear", 6],
        ["loaded", "disaster", "disaster", 6],
        ["attribution", "told", "told", 6],
        ["hedges", "it is unclear", "It is unclear", 8],
        ["hedges", "seem*", "seem", 17],
        ["attribution", "said", "said", 18],
        ["hedges", "so-called", "so-called", 18],
        ["certainty", "obvious*", "obviously", 20],
        ["attribution", "said", "said", 20],
    ]
    assert profile.short_sample and profile.notes == ("short sample (n=189 words, under 300): rates unreliable",)


def test_each_hit_carries_its_sentence_and_offsets_into_the_body():
    article = fixture_article("harbour-bridge.md")
    profile = rhetoric(article, lexicons=fixture_lexicons())
    bold = profile.hits[profile.hits["matched"] == "so-called"].iloc[0]
    assert bold["sentence_text"] == "A shop owner on Main St. said the so-called repair was \u201cpolitical theatre.\u201d"
    assert article.body[bold["start"]:bold["end"]] == "so-called"
    quoted = profile.hits[profile.hits["term"] == "it is unclear"].iloc[0]
    assert quoted["sentence_text"] == "It is unclear how fast it is spreading."
    for hit in profile.hits.itertuples():
        sentence = article.sentences[hit.sentence - 1]
        assert sentence.start <= hit.start < hit.end <= sentence.end


def test_by_sentence_counts_hits_per_lexicon():
    table = rhetoric(fixture_article("harbour-bridge.md"), lexicons=fixture_lexicons()).by_sentence()
    row = table[table["sentence"] == 6].iloc[0]
    assert (row["certainty"], row["hedges"], row["attribution"], row["loaded"], row["total"]) == (1, 0, 1, 1, 3)
    assert list(table["sentence"]) == [3, 4, 5, 6, 8, 17, 18, 20]


def test_plain_text_opinion_piece():
    profile = rhetoric(fixture_article("school-phones.txt"), lexicons=fixture_lexicons())
    assert profile.words == 94
    assert dict(zip(profile.summary["lexicon"], profile.summary["per_1000"])) == {
        "certainty": 10.64, "hedges": 21.28, "attribution": 21.28, "loaded": 0.0,
    }
    assert profile.short_sample


def test_seed_articles_measure_the_article_proper_only():
    lexicons = fixture_lexicons()
    a1 = rhetoric(articles.load("A1"), lexicons=lexicons)
    assert (a1.words, a1.sentences) == (819, 25)
    assert dict(zip(a1.summary["lexicon"], a1.summary["hits"])) == {"certainty": 5, "hedges": 3, "attribution": 3, "loaded": 8}
    assert a1.rate("loaded") == 9.77 and not a1.short_sample and a1.notes == ()
    certain = a1.hits[a1.hits["lexicon"] == "certainty"]
    assert list(zip(certain["matched"], certain["sentence"])) == [
        ("the fact that", 15), ("Clearly", 22), ("It is clear", 25), ("Clearly", 27), ("clearly", 30),
    ]
    a2 = rhetoric(articles.load("A2"), lexicons=lexicons)
    assert (a2.words, a2.sentences) == (1868, 69)
    assert dict(zip(a2.summary["lexicon"], a2.summary["hits"])) == {"certainty": 5, "hedges": 17, "attribution": 9, "loaded": 10}
    # the footer's "Disclaimer" and the byline are outside the article proper
    assert a2.hits["sentence"].between(5, 73).all()


def test_german_and_french_get_rates_and_a_language_note():
    for name in ("windpark-de.md", "marche-fr.txt"):
        profile = rhetoric(fixture_article(name), lexicons=fixture_lexicons())
        assert profile.english is False
        assert NON_ENGLISH_NOTE in profile.notes
        assert profile.summary["per_1000"].tolist() == [0.0, 0.0, 0.0, 0.0]
        assert NON_ENGLISH_NOTE in profile.text()


def test_markdown_string_and_empty_text():
    profile = rhetoric("**Clearly** it is clear. Perhaps.", lexicons=fixture_lexicons(), name="snippet")
    assert (profile.name, profile.words, len(profile.hits)) == ("snippet", 5, 3)
    empty = rhetoric("  ", lexicons=fixture_lexicons())
    assert empty.words == 0 and empty.notes == ("no words found: rates cannot be computed",)
    assert all(math.isnan(v) for v in empty.summary["per_1000"])
    assert "n/a" in empty.text()


def test_long_text_is_not_a_short_sample_and_text_repr_is_stable():
    text = "Clearly the plan may work. " * 100
    profile = rhetoric(text, lexicons=fixture_lexicons())
    assert profile.words == 500 > SHORT_SAMPLE_WORDS and not profile.short_sample
    assert profile.text().splitlines()[:3] == [
        "Rhetoric profile of text (n=500 words, 100 sentences)",
        "lexicon                             hits  per 1,000 words",
        "Certainty markers (test fixture)     100  200.0",
    ]
    assert "<caption>Rhetoric profile of text (n=500 words, 100 sentences)</caption>" in profile._repr_html_()


def test_the_kits_own_lexicons_on_a1():
    profile = rhetoric(articles.load("A1"))
    assert list(profile.summary["lexicon"]) == ["certainty", "hedges", "attribution", "loaded"]
    assert profile.words == 819 and len(profile.hits) > 0
    a1 = articles.load("A1")
    masked_words = [a1.body[h.start:h.end] for h in profile.hits.itertuples()]
    assert all(w.replace("*", "").split() == h.split() for w, h in zip(masked_words, profile.hits["matched"]))
