"""How a text persuades, measured: rates of certainty markers, hedges, attribution and loaded terms.

:func:`rhetoric` counts the terms of each lexicon in a text and reports them
per 1,000 words, with the number of words ``n`` beside every rate. Every hit
comes back with its sentence, so a student can see *why* a text scores high
and argue with the count. For an :class:`~kit.articles.Article` only the
article proper is measured (:attr:`~kit.articles.Article.main_span`: no
navigation, byline or footer).

Two warnings travel with the numbers, in ``notes``:

* a text under :data:`SHORT_SAMPLE_WORDS` words is a *short sample*: one more
  or one fewer hit moves its rate a lot;
* a text that does not look English (see :mod:`kit.text.language`) gets rates
  all the same, with a note that the English lexicons cannot measure it.

>>> from kit.text.lexicons import Lexicon
>>> certainty = Lexicon("certainty", "Certainty markers", "", ("clearly", "it is clear"))
>>> profile = rhetoric("Clearly it rained. It is clear that it did rain.", lexicons=[certainty])
>>> profile.summary[["lexicon", "hits", "words", "per_1000"]].to_dict("records")
[{'lexicon': 'certainty', 'hits': 2, 'words': 10, 'per_1000': 200.0}]
>>> profile.hits[["term", "sentence", "sentence_text"]].to_dict("records")[1]
{'term': 'it is clear', 'sentence': 2, 'sentence_text': 'It is clear that it did rain.'}
>>> profile.notes
('short sample (n=10 words, under 300): rates unreliable',)
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from kit.text import language, segment
from kit.text.lexicons import Matcher, load_lexicons

#: Texts with fewer words than this are flagged: their rates are unreliable.
SHORT_SAMPLE_WORDS = 300

HIT_COLUMNS = ["lexicon", "term", "matched", "sentence", "sentence_text", "start", "end"]
SUMMARY_COLUMNS = ["lexicon", "title", "hits", "words", "per_1000", "note"]


@dataclass(frozen=True)
class Sample:
    """What is measured: ``text[start:end]`` and its sentences ``(index, start, end)``."""

    name: str
    title: str
    text: str
    start: int
    end: int
    sentences: tuple[tuple[int, int, int], ...]
    kind: str = "text"


def sample_of(source: Any, name: str | None = None) -> Sample:
    """Turn a document (a :class:`kit.articles.Article`, or anything with its ``body``, ``main_span`` and
    ``main_sentences()``) or a Markdown string into a :class:`Sample`."""
    if isinstance(source, Path):
        raise TypeError(f"{source}: read the file first (kit.articles.from_file), then measure the article")
    if all(hasattr(source, name) for name in ("body", "main_span", "main_sentences")):
        start, end = source.main_span
        sentences = tuple((s.index, s.start, s.end) for s in source.main_sentences())
        kind = source.meta.get("kind") or "article"
        return Sample(name or source.id, source.title, source.body, start, end, sentences, kind)
    if isinstance(source, str):
        spans = segment.sentence_spans(source)
        sentences = tuple((n, s, e) for n, (s, e) in enumerate(spans, start=1))
        return Sample(name or "text", "", source, 0, len(source), sentences)
    raise TypeError(f"expected an Article, a Markdown string or a Path, got {type(source).__name__}")


@dataclass(frozen=True)
class Profile:
    """The rhetoric profile of one text: ``summary`` (a row per lexicon) and ``hits`` (a row per hit)."""

    name: str
    title: str
    words: int
    sentences: int
    hits: Any = field(repr=False, compare=False)
    summary: Any = field(repr=False, compare=False)
    notes: tuple[str, ...] = ()
    english: bool | None = None

    @property
    def short_sample(self) -> bool:
        return self.words < SHORT_SAMPLE_WORDS

    def rate(self, lexicon: str) -> float:
        """Hits of ``lexicon`` per 1,000 words."""
        return float(self.summary.set_index("lexicon").loc[lexicon, "per_1000"])

    def by_sentence(self):
        """One row per sentence with hits: its number, its text, hits per lexicon and in total."""
        import pandas as pd

        lexicons = list(self.summary["lexicon"])
        if self.hits.empty:
            return pd.DataFrame(columns=["sentence", "text", *lexicons, "total"])
        table = pd.crosstab(self.hits["sentence"], self.hits["lexicon"]).reindex(columns=lexicons, fill_value=0)
        table["total"] = table.sum(axis=1)
        texts = self.hits.drop_duplicates("sentence").set_index("sentence")["sentence_text"]
        table.insert(0, "text", texts.reindex(table.index))
        table.columns.name = None
        return table.reset_index()

    def text(self) -> str:
        """A plain-text table of the rates (also the ``repr``)."""
        lines = [f"Rhetoric profile of {self.name} (n={self.words} words, {self.sentences} sentences)"]
        width = max([len(t) for t in self.summary["title"]] + [7])
        lines.append(f"{'lexicon':<{width}}  hits  per 1,000 words")
        for row in self.summary.itertuples():
            lines.append(f"{row.title:<{width}}  {row.hits:>4}  {_number(row.per_1000)}")
        lines += [f"Note: {note}" for note in self.notes]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th scope='row'>{html.escape(row.title)}</th><td>{row.hits}</td><td>{_number(row.per_1000)}</td></tr>"
            for row in self.summary.itertuples()
        )
        notes = "".join(f"<p><strong>Note:</strong> {html.escape(n)}</p>" for n in self.notes)
        return (
            f"<table><caption>Rhetoric profile of {html.escape(self.name)} "
            f"(n={self.words} words, {self.sentences} sentences)</caption>"
            f"<thead><tr><th scope='col'>lexicon</th><th scope='col'>hits</th>"
            f"<th scope='col'>per 1,000 words</th></tr></thead><tbody>{rows}</tbody></table>{notes}"
        )


def _number(value: float) -> str:
    return "n/a" if value != value else f"{value:.1f}"


def rhetoric(source: Any, *, lexicons: Iterable | None = None, name: str | None = None) -> Profile:
    """Measure ``source`` (an Article or Markdown text) against ``lexicons``.

    ``lexicons`` defaults to the kit's four lists in ``datasets/lexicons/``.
    """
    lexicons = list(lexicons) if lexicons is not None else load_lexicons()
    return measure(sample_of(source, name), lexicons=lexicons, matcher=Matcher(lexicons))


def measure(sample: Sample, *, lexicons: list, matcher: Matcher) -> Profile:
    """The profile of a :class:`Sample` (``matcher`` compiled from ``lexicons`` once, for many texts)."""
    import pandas as pd

    masked = segment.mask(sample.text)
    tokens = segment.WORD.findall(masked, sample.start, sample.end)
    n = len(tokens)
    rows = []
    plain_cache: dict[int, str] = {}
    for index, start, end in sample.sentences:
        for match in matcher.find(masked, start, end):
            if index not in plain_cache:
                plain_cache[index] = segment.plain(sample.text[start:end])
            rows.append((match.lexicon, match.term, match.matched, index, plain_cache[index], match.start, match.end))
    hits = pd.DataFrame(rows, columns=HIT_COLUMNS).astype({"sentence": "int64", "start": "int64", "end": "int64"})
    notes = []
    if n == 0:
        notes.append("no words found: rates cannot be computed")
    elif n < SHORT_SAMPLE_WORDS:
        notes.append(f"short sample (n={n} words, under {SHORT_SAMPLE_WORDS}): rates unreliable")
    english = language.looks_english(tokens)
    if english is False:
        notes.append(language.NON_ENGLISH_NOTE)
    counts = hits["lexicon"].value_counts()
    summary = pd.DataFrame(
        [
            (
                lexicon.name, lexicon.title, int(counts.get(lexicon.name, 0)), n,
                round(counts.get(lexicon.name, 0) * 1000 / n, 2) if n else float("nan"), "; ".join(notes),
            )
            for lexicon in lexicons
        ],
        columns=SUMMARY_COLUMNS,
    )
    return Profile(
        name=sample.name, title=sample.title, words=n, sentences=len(sample.sentences),
        hits=hits, summary=summary, notes=tuple(notes), english=english,
    )
