"""Segmentation of real Markdown: the two seed articles and the kit's own test articles."""

from __future__ import annotations

import pytest

from kit import articles
from kit.text import mask, paragraph_spans, plain, sentence_spans, words
from tests.text.helpers import fixture_article


def test_a1_paragraphs_and_sentences():
    a1 = articles.load("A1")
    assert (len(a1.paragraphs), len(a1.sentences)) == (29, 46)
    main = a1.main_sentences()
    assert (len(main), main[0].index, main[-1].index, len(a1.main_paragraphs())) == (25, 8, 32, 14)
    assert a1.word_count == 819


def test_a1_boundaries_survive_abbreviations_bold_and_broken_paragraphs():
    a1 = articles.load("A1")
    s = {x.index: x for x in a1.sentences}
    # "U.S." inside a bold block quote does not end the sentence
    assert s[20].plain == "The U.S. has also taken part in clandestine operations aimed at Iran and its ally Syria."
    # the quotation broken by a blank line (and bold markers) is one sentence in one paragraph
    assert s[21].paragraph == s[20].paragraph == 14
    assert s[21].plain.startswith("A by-product of these activities")
    assert s[21].plain.endswith("hostile to America and sympathetic to Al Qaeda.")
    # four quoted headlines, with C.I.A. twice, stay inside one sentence
    assert s[24].plain.startswith('Headlines over the past 3-4 years including, "C.I.A. Said to Aid')
    assert s[24].plain.endswith("flowing to ISIS via NATO territory.")
    # a quoted title ending in "?" inside a sentence does not end it
    assert s[17].plain.endswith("it was stated explicitly that (emphasis added):")


def test_a2_paragraphs_and_sentences():
    a2 = articles.load("A2")
    assert (len(a2.paragraphs), len(a2.sentences)) == (55, 87)
    main = a2.main_sentences()
    assert (len(main), main[0].index, main[-1].index, len(a2.main_paragraphs())) == (69, 5, 73, 43)
    assert a2.word_count == 1868


def test_a2_boundaries_curly_quotes_escapes_and_headings():
    s = {x.index: x for x in articles.load("A2").sentences}
    assert s[15].plain.endswith("roughly the size of the U.K. and home to millions of people to develop "
                                "diversified revenue channels that make it more resilient to U.S. offensives.")
    assert "from a little less than $1 million per month" in s[18].plain  # "\$" unescaped
    assert s[51].plain.endswith("where is it getting it?")
    assert s[67].plain == "The purpose of creating this terrorist organization was to \u201cisolate the Syrian regime.\u201d"
    assert (s[21].plain, s[37].plain) == ("ISIS Enjoys Global Reach Many Nation-States Lack", "ISIS is State Sponsored")


def test_markdown_test_article_sentence_by_sentence():
    article = fixture_article("harbour-bridge.md")
    assert [(s.paragraph, s.plain) for s in article.sentences] == [
        (1, "Council Votes to Repair the Old Harbour Bridge"),
        (2, "The city council voted 7 to 2 on Jan. 12 to spend $4.5 million on the Old Harbour Bridge."),
        (2, "According to the city engineer, Dr. Lena Ortiz, the steel deck \u201cmay need replacing within 10 years.\u201d"),
        (3, "Critics called the plan reckless."),
        (3, "Councillor J. P. Adams said the money should go to buses instead."),
        (3, "\u201cIt is clear that the bridge is a disaster waiting to happen,\u201d he told reporters."),
        (4, "The inspection found corrosion on 14 of the 36 main girders."),
        (4, "It is unclear how fast it is spreading."),
        (5, "The full inspection report runs to 212 pages."),
        (5, "A 2019 federal review, \u201cBridges at Risk in the U.S. Midwest,\u201d rated the bridge \u201cfair.\u201d"),
        (5, "The U.S. average repair bill is about $3.1 million per bridge."),
        (6, "Work starts in Sept. and will take 18 months:"),
        (6, "Close one lane from Sept. 4."),
        (6, "Replace the expansion joints."),
        (6, "Repaint the girders."),
        (7, "What residents say"),
        (8, "Residents seem divided."),
        (8, "A shop owner on Main St. said the so-called repair was \u201cpolitical theatre.\u201d"),
        (8, "Others welcomed it."),
        (8, "\u201cThe bridge is obviously safer with the work done,\u201d said Ada Moreno, who crosses it daily."),
    ]
    assert article.word_count == 189


def test_plain_text_article_without_front_matter():
    article = fixture_article("school-phones.txt")
    assert article.meta == {"id": "school-phones"}
    assert [s.plain for s in article.sentences][5:] == [
        "But the fact that a rule has exceptions is no argument against the rule.",
        "Mr. Hale, the head teacher, told the board on Feb. 2 that a trial would start after the spring break.",
        "It will probably last six weeks.",
    ]
    assert (len(article.paragraphs), len(article.sentences), article.word_count) == (4, 8, 94)


@pytest.mark.parametrize("text, expected", [
    ("He paused\u2026 Then he left.", ["He paused\u2026", "Then he left."]),
    ("Apple Inc. The company grew. It sold 3.5 m units.", ["Apple Inc.", "The company grew.", "It sold 3.5 m units."]),
    ("See Fig. 3 and No. 5. No. It was not.", ["See Fig. 3 and No. 5.", "No.", "It was not."]),
    ("They met at 5 p.m. The talks failed.", ["They met at 5 p.m.", "The talks failed."]),
    ("Gen. Mills and Prof. Lee spoke.", ["Gen. Mills and Prof. Lee spoke."]),
    ("She said, \u201cWait!\u201d Nobody did.", ["She said, \u201cWait!\u201d", "Nobody did."]),
    ("> One. Two.\n> Three.", ["> One.", "Two.", "> Three."]),
    ("- apples\n- pears", ["- apples", "- pears"]),
    ("# Title\nFirst line. Second.", ["# Title", "First line.", "Second."]),
    ("In 1952. Then 12. The end.", ["In 1952.", "Then 12.", "The end."]),
    ("**Bold ends.** Next one.", ["**Bold ends.**", "Next one."]),
])
def test_sentence_rules(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_a_heading_is_never_continued_by_a_lowercase_block():
    text = "## Background\n\nmost readers skip this."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["## Background", "most readers skip this."]


def test_mask_keeps_offsets_and_blanks_markup():
    text = "**Bold** [link](http://a.b/c) \\(x\\) > not a marker\n> quoted _it_"
    masked = mask(text)
    assert len(masked) == len(text)
    assert masked.split() == ["Bold", "link", "(x", ")", ">", "not", "a", "marker", "quoted", "it"]
    assert masked[2:6] == text[2:6] == "Bold"


def test_plain_and_words():
    assert plain("> 1. **Rose** from \\$1 to [\\$3](#)") == "Rose from $1 to $3"
    assert words("Isn\u2019t 1,200 U.S.-backed so-called \u00e9t\u00e9") == ["Isn\u2019t", "1,200", "U.S.-backed", "so-called", "\u00e9t\u00e9"]
