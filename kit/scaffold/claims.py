"""Choosing what a new lesson asks about: the sentences to tag, their draft claim type, the most marked sentence.

The draft key tags each sentence by a simple rule, applied in this order:

1. an attribution phrase (*said*, *according to* ...) → ``quotation``;
2. *will*, *would*, *won't* or *'ll* → ``prediction``;
3. *should*, *must* or *ought* → ``opinion`` (``interpretive`` also accepted);
4. a hedge, a certainty marker or a loaded term → ``interpretive``
   (``opinion`` also accepted);
5. anything else → ``factual``.

The rule cannot see causes (*because*, *led to*), so every suggestion says it is one.

>>> suggest_claim_type({"hedges": 1}, "Officials should act, critics say.")
'opinion'
"""

from __future__ import annotations

import re

from kit.articles import Article

#: The claim-type table lists at most this many sentences.
MAX_TAG_ROWS = 40

#: Sentences shorter than this (in words) are left out of the claim-type table.
MIN_TAG_WORDS = 3

FUTURE = re.compile(r"\b(?:will|would|won['\u2019]t|wouldn['\u2019]t)\b|\w['\u2019]ll\b", re.I)
NORMATIVE = re.compile(r"\b(?:should|shouldn['\u2019]t|must|mustn['\u2019]t|ought)\b", re.I)

#: Which technique a lexicon hit suggests (see datasets/techniques.csv).
TECHNIQUE_FOR_LEXICON = {"certainty": "thought-terminating-cliche", "loaded": "loaded-language"}

#: The rule above, in words, as the draft key explains it to the teacher.
RULE = ("DRAFT, made by a simple rule and not by a person: check every row before you rely on it. "
        "Rule, in order: an attribution phrase (said, according to ...) gives quotation; will or would gives "
        "prediction; should, must or ought gives opinion (interpretive also accepted); a hedge, certainty "
        "marker or loaded term gives interpretive (opinion also accepted); "
        "anything else gives factual. The rule cannot see causes: retag sentences with because, led to or "
        "caused as causal.")


def tag_rows(article: Article) -> tuple[list, int]:
    """The sentences of the claim-type table (at most :data:`MAX_TAG_ROWS`) and how many were long enough."""
    from kit.text import words

    candidates = [s for s in article.main_sentences() if len(words(s.plain)) >= MIN_TAG_WORDS]
    return candidates[:MAX_TAG_ROWS], len(candidates)


def suggest_claim_type(counts: dict[str, int], sentence: str) -> str:
    """The draft key's rule for one sentence (see the module docstring).

    >>> suggest_claim_type({"attribution": 1, "loaded": 2}, "He said it was a scandal.")
    'quotation'
    >>> suggest_claim_type({}, "Prices will rise.")
    'prediction'
    """
    if counts.get("attribution"):
        return "quotation"
    if FUTURE.search(sentence):
        return "prediction"
    if NORMATIVE.search(sentence):
        return "opinion"
    if counts.get("hedges") or counts.get("certainty") or counts.get("loaded"):
        return "interpretive"
    return "factual"


def counts_by_sentence(profile) -> dict[int, dict[str, int]]:
    """Hits per lexicon for each sentence with hits: ``{sentence: {lexicon: count}}``."""
    return {
        int(row["sentence"]): {k: int(v) for k, v in row.items() if k not in ("sentence", "text", "total")}
        for row in profile.by_sentence().to_dict("records")
    }


def marked_sentence(article: Article, counts_of: dict[int, dict[str, int]]):
    """The sentence with the most certainty and loaded hits (then most hits of any kind; else the longest)."""

    def rank(sentence) -> tuple:
        counts = counts_of.get(sentence.index, {})
        return (counts.get("certainty", 0) + counts.get("loaded", 0), sum(counts.values()), len(sentence.plain), -sentence.index)

    return max(article.main_sentences(), key=rank)


def suggested_techniques(counts: dict[str, int]) -> list[str]:
    """The techniques a sentence's lexicon hits suggest, sorted.

    >>> suggested_techniques({"certainty": 1, "loaded": 0, "hedges": 2})
    ['thought-terminating-cliche']
    """
    return sorted({TECHNIQUE_FOR_LEXICON[k] for k, v in counts.items() if v and k in TECHNIQUE_FOR_LEXICON})
