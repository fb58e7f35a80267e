"""Measure how a text persuades: segmentation, lexicon rates, quote diffs, comparisons.

Everything here works on an :class:`~kit.articles.Article` (only the article
proper is measured) or on any Markdown string. Importing this package loads
neither pandas nor matplotlib; functions that return tables import pandas
when called.

=======================  ==========================================================
:func:`sentence_spans`   sentence offsets in Markdown (abbreviations, quotes, lists)
:func:`paragraph_spans`  paragraph offsets
:func:`plain`            Markdown as plain text; :func:`mask` blanks markup, keeping offsets
:func:`words`            the words counted everywhere in the kit
:func:`find_terms`       lexicon hits with offsets (:func:`load_lexicons` reads the lists)
:func:`rhetoric`         rates per 1,000 words with every hit and its sentence
:func:`compare`          one row per text: words, sentences, rates, flags
:func:`quote_diff`       what a quotation cut, added or changed from its source
:func:`find_references`  links, addresses, quoted titles and quotations in a text
:func:`language_note`    a warning when a text does not look English
=======================  ==========================================================

>>> from kit.text import sentence_spans
>>> len(sentence_spans("The U.S. said no. Dr. Lee agreed."))
2
"""

from kit.text.comparison import compare
from kit.text.language import english_share, language_note, looks_english
from kit.text.lexicons import Lexicon, Match, find_terms, load_lexicons
from kit.text.quotes import QuoteDiff, Segment, quote_diff
from kit.text.rates import SHORT_SAMPLE_WORDS, Profile, rhetoric
from kit.text.references import find_references
from kit.text.segment import mask, paragraph_spans, plain, sentence_spans, words

__all__ = [
    "SHORT_SAMPLE_WORDS", "Match", "Profile", "QuoteDiff", "Segment", "compare", "Lexicon",
    "english_share", "find_references", "find_terms", "language_note", "load_lexicons", "looks_english",
    "mask", "paragraph_spans", "plain", "quote_diff", "rhetoric", "sentence_spans", "words",
]
