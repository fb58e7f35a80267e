"""A cheap guess at whether a text is English, so lexicon rates are not misread.

The kit's lexicons are English word lists: on a German or French article they
find almost nothing, and a rate of zero would wrongly suggest a sober text. In
running English about a third of all words are a few dozen function words
(*the*, *of*, *and*, *that* ...); other languages use them rarely. Words that
are also common in German, French or Spanish (*in*, *a*, *an*, *was*, *will*,
*die*, *on*) are left out of the list.

>>> english_share("The river and the sea".split())
0.6
>>> language_note("Die Regierung hat am Montag neue Regeln für den Verkehr in der Stadt beschlossen, "
...               "die ab dem ersten Januar gelten sollen und viele Pendler betreffen werden.".split())
'language looks non-English: lexicon rates are not meaningful'
"""

from __future__ import annotations

from typing import Sequence

FUNCTION_WORDS = frozenset(
    """
    the of and to that is it for with as by this are be from at have has not or
    which were they their he his her its but been would there we you than these
    those who what when into about had them our such can could should
    """.split()
)

#: Below this share of function words a text is taken to be in another language.
ENGLISH_THRESHOLD = 0.12

#: Fewer words than this are too few to judge.
MIN_WORDS = 25

NON_ENGLISH_NOTE = "language looks non-English: lexicon rates are not meaningful"


def english_share(words: Sequence[str]) -> float:
    """The share of ``words`` that are common English function words (0 when empty)."""
    if not words:
        return 0.0
    hits = sum(1 for word in words if word.lower() in FUNCTION_WORDS)
    return round(hits / len(words), 3)


def looks_english(words: Sequence[str]) -> bool | None:
    """True or False, or None when there are too few words to tell."""
    if len(words) < MIN_WORDS:
        return None
    return english_share(words) >= ENGLISH_THRESHOLD


def language_note(words: Sequence[str]) -> str | None:
    """:data:`NON_ENGLISH_NOTE` when the words look non-English, else None."""
    return NON_ENGLISH_NOTE if looks_english(words) is False else None
