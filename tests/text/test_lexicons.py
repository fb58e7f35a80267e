"""Lexicon matching rules, each checked on a sentence small enough to count by hand."""

from __future__ import annotations

from kit.text.lexicons import Lexicon
from kit.text import find_terms, load_lexicons, mask
from kit.schema import LEXICONS


def lex(name, *terms):
    return Lexicon(name=name, title=name.title(), rule="", terms=tuple(terms))


def found(text, *lexicons):
    return [(m.lexicon, m.term, m.matched, text[m.start:m.end]) for m in find_terms(text, lexicons)]


def test_case_insensitive_whole_words_only():
    hits = found("They Claim it. He claimed it. Claims vary. Reclaim.", lex("a", "claim"))
    assert hits == [("a", "claim", "Claim", "Claim")]


def test_trailing_star_matches_any_ending_and_the_stem_itself():
    hits = found("Alleged, allegedly, alleg, and tallegedly.", lex("h", "alleg*"))
    assert [h[2] for h in hits] == ["Alleged", "allegedly", "alleg"]


def test_phrases_match_across_spaces_and_line_breaks_but_not_punctuation():
    hits = found("It is\nclear. It is, clear. it  is   CLEAR", lex("c", "it is clear"))
    assert [h[2] for h in hits] == ["It is clear", "it is CLEAR"]
    assert hits[0][3] == "It is\nclear"


def test_curly_and_straight_apostrophes_are_the_same():
    hits = found("It isn\u2019t so. It isn't so.", lex("h", "isn't"), lex("x", "isn\u2019t"))
    assert [(h[0], h[2]) for h in hits] == [("h", "isn\u2019t"), ("x", "isn\u2019t"), ("h", "isn't"), ("x", "isn't")]


def test_hyphenated_words_are_one_word():
    hits = found("The so-called plan was called off by US-backed groups.", lex("h", "so-called", "called", "backed"))
    assert [h[2] for h in hits] == ["so-called", "called"]


def test_longest_match_wins_within_a_lexicon_and_lexicons_are_independent():
    certainty = lex("certainty", "it is clear", "clear", "it is clear that")
    loaded = lex("loaded", "clear")
    hits = found("It is clear that it is clear. Clear.", certainty, loaded)
    assert hits == [
        ("certainty", "it is clear that", "It is clear that", "It is clear that"),
        ("loaded", "clear", "clear", "clear"),  # inside the longer certainty phrase: lists are independent
        ("certainty", "it is clear", "it is clear", "it is clear"),
        ("loaded", "clear", "clear", "clear"),
        ("certainty", "clear", "Clear", "Clear"),
        ("loaded", "clear", "Clear", "Clear"),
    ]


def test_overlapping_terms_never_double_count():
    hits = found("according to estimates", lex("a", "according to", "according to estimates", "to estimates"))
    assert hits == [("a", "according to estimates", "according to estimates", "according to estimates")]


def test_markup_between_words_is_masked_not_a_break():
    text = "It **is clear** that [the fact](#) that matters"
    assert found(text, lex("c", "it is clear", "the fact that")) == []
    masked = mask(text)
    hits = [(m.matched, text[m.start:m.end]) for m in find_terms(masked, [lex("c", "it is clear", "the fact that")])]
    assert hits == [("It is clear", "It **is clear"), ("the fact that", "the fact](#) that")]


def test_the_kits_lexicons_load_with_their_rules():
    lexicons = load_lexicons()
    assert [x.name for x in lexicons] == list(LEXICONS)
    for lexicon in lexicons:
        assert lexicon.rule and lexicon.terms
        assert all(t == t.strip().lower() for t in lexicon.terms)
