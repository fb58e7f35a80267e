"""Paths shared by the text, plot and scaffold tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
LEXICON_FOLDER = Path(__file__).resolve().parent / "data"


def fixture_lexicons():
    """The four small test lexicons in tests/text/data/lexicons (hits can be counted by hand)."""
    from kit.text import load_lexicons

    return load_lexicons(folder=LEXICON_FOLDER)


def fixture_article(name: str):
    from kit.articles import from_file

    return from_file(ARTICLES / name)
