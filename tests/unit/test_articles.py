"""Articles load verbatim, split into paragraphs and sentences, and locate quotes."""

import hashlib

import pytest

from kit import articles
from kit.articles import DocumentError, QuoteNotFound


@pytest.mark.parametrize("article_id", ["A1", "A2"])
def test_body_is_the_verbatim_seed(article_id):
    article = articles.load(article_id)
    assert hashlib.sha256(article.body.encode("utf-8")).hexdigest() == article.meta["seed_sha256"]


def test_front_matter_of_both_articles():
    a1, a2 = articles.load("A1"), articles.load("A2")
    assert (a1.date.isoformat(), a2.date.isoformat()) == ("2014-12-18", "2017-08-11")
    assert a1.meta["original_publisher"] == a2.meta["original_publisher"] == "New Eastern Outlook"
    assert a1.meta["byline"] == "By Tony Cartalucci"
    assert "republication" in a1.meta["permission"]


def test_main_text_excludes_navigation_and_footer():
    a1 = articles.load("A1")
    assert a1.main_text.startswith("*[It was reported recently](#)")
    assert a1.main_text.endswith("may finally be brought to an end.")
    assert "Disclaimer" not in a1.main_text and "Disclaimer" in a1.body


def test_sentences_and_paragraphs_of_a1():
    a1 = articles.load("A1")
    main = a1.main_sentences()
    assert len(main) == 25
    assert main[0].plain.startswith("It was reported recently that Germany's broadcaster Deutsche Welle (DW)")
    # "C.I.A." does not end a sentence; the four headlines stay in one sentence
    headlines = next(s for s in main if s.plain.startswith("Headlines over the past"))
    assert "C.I.A. Said to Aid in Steering Arms" in headlines.plain
    # Hersh's quotation, broken by a blank line mid-sentence in the copy, is one paragraph
    hersh = a1.locate("A by-product of these activities has been the bolstering of Sunni extremist groups")
    assert a1.paragraphs[hersh.paragraph - 1].plain.endswith("sympathetic to Al Qaeda.")


def test_locate_returns_offsets_paragraph_and_sentences():
    a2 = articles.load("A2")
    quote = "it is the only explanation"
    span = a2.locate(quote)
    assert a2.body[span.start:span.end] == quote
    assert a2.sentences[span.sentences[0] - 1].plain.startswith("ISIS doing all of this")
    with pytest.raises(QuoteNotFound, match="article A2"):
        a2.locate("ISIS is a peaceful organisation")


def test_unknown_article_and_bad_files_give_clear_errors(tmp_path):
    with pytest.raises(DocumentError, match="bundled ids: A1, A2"):
        articles.load("A9")
    empty = tmp_path / "empty.md"
    empty.write_text("")
    with pytest.raises(DocumentError, match="empty.md: is empty"):
        articles.from_file(empty)
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(DocumentError, match="binary"):
        articles.from_file(binary)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café".encode("latin-1"))
    with pytest.raises(DocumentError, match="not UTF-8 .*byte 3 is 0xe9"):
        articles.from_file(latin1)
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: x\n")
    with pytest.raises(DocumentError, match="no closing '---'"):
        articles.from_file(unclosed)
