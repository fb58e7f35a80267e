"""Compare the rhetoric of several texts in one table: a row per text.

Put the articles beside official documents and mainstream excerpts
(``datasets/texts/``) and the rates mean something: is the article more
certain, less hedged, more loaded than the documents it cites? The word count
sits beside every row, and short samples are flagged, because a 120-word
excerpt with one loaded word has a high rate that means little.

>>> from kit.text.lexicons import Lexicon
>>> loaded = Lexicon("loaded", "Loaded terms", "", ("regime",))
>>> table = compare({"a": "The regime fell.", "b": "The government fell."}, lexicons=[loaded])
>>> table[["words", "loaded_hits", "loaded_per_1000", "short_sample"]].values.tolist()
[[3, 1, 333.33, True], [3, 0, 0.0, True]]
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from kit.text.lexicons import Matcher, load_lexicons
from kit.text.rates import SHORT_SAMPLE_WORDS, measure, sample_of


def compare(sources: Mapping[str, Any] | Iterable[Any], *, lexicons: Iterable | None = None):
    """One row per text: title, kind, words, sentences, hits and rate per lexicon, total hits, flags.

    ``sources`` maps names to Articles or Markdown strings (or is a list of
    Articles), e.g. ``kit.data.texts(with_articles=True)`` for the articles and
    ``datasets/texts/``. Columns per
    lexicon ``L``: ``L_hits`` and ``L_per_1000``. ``short_sample`` is True under
    :data:`~kit.text.rates.SHORT_SAMPLE_WORDS` words; ``note`` carries the
    profile's notes (short sample, language).
    """
    import pandas as pd

    lexicons = list(lexicons) if lexicons is not None else load_lexicons()
    matcher = Matcher(lexicons)
    items = sources.items() if isinstance(sources, Mapping) else ((None, s) for s in sources)
    rows = []
    for name, source in items:
        sample = sample_of(source, name)
        profile = measure(sample, lexicons=lexicons, matcher=matcher)
        row: dict[str, Any] = {
            "text": profile.name, "title": profile.title, "kind": sample.kind,
            "words": profile.words, "sentences": profile.sentences,
        }
        for record in profile.summary.itertuples():
            row[f"{record.lexicon}_hits"] = record.hits
            row[f"{record.lexicon}_per_1000"] = record.per_1000
        row["hits"] = len(profile.hits)
        row["short_sample"] = profile.words < SHORT_SAMPLE_WORDS
        row["note"] = "; ".join(profile.notes)
        rows.append(row)
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    return table.set_index("text")
