"""What a text cites: links, web addresses, quoted titles and headlines, and quotations.

Tracing a claim starts with what the article itself points to. This module
lists, in reading order:

* ``link`` — a Markdown link ``[words](target)``; a target of ``#`` means the
  copy lost the address (the lesson should say so: the reader cannot follow it);
* ``address`` — a bare ``http(s)://`` address in the text;
* ``quoted title`` — words in quotation marks that name a headline, article or
  report: the quoted words are a link, or are introduced by a word such as
  *titled*, *headline* or *report*, or are written in Title Case;
* ``quotation`` — other quoted words, five words or more (someone's words
  that can be traced).

>>> table = find_references('Its report, "[How the Money Flows](#)," said the "goods went to unknown buyers in Syria."')
>>> table[["kind", "text", "target"]].values.tolist()
[['quoted title', 'How the Money Flows', '#'], ['quotation', 'goods went to unknown buyers in Syria.', '']]
"""

from __future__ import annotations

import re
from typing import Any

from kit.text import segment
from kit.text.rates import sample_of

_QUOTED = re.compile(r"\u201c([^\u201d\n]{3,600}?)\u201d|(?<![\w])\"([^\"\n]{3,600}?)\"")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_ADDRESS = re.compile(r"(?<![(\w])https?://[^\s)\]>\"\u201d]+")
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|headlined|headlines?|article|report|book|paper|study|essay|op-ed|column|story|piece)\b"
    r"[^.\n\"\u201c\u201d]{0,40}$",
    re.I,
)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs via".split())
COLUMNS = ["kind", "text", "target", "sentence", "start", "end"]
MIN_QUOTATION_WORDS = 5


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return len(content) >= 2 and sum(w[:1].isupper() for w in content) / len(content) >= 0.75


def find_references(source: Any):
    """A DataFrame of the references in ``source`` (an Article or Markdown text), in reading order.

    Columns: kind, text (plain words), target (link address, ``#`` when the copy
    lost it, empty when there is none), sentence (number, as in
    :func:`kit.text.rhetoric`), start and end (offsets into the text).
    """
    import pandas as pd

    sample = sample_of(source)
    text, start, end = sample.text, sample.start, sample.end
    rows: list[tuple] = []
    inside_quotes: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(text, start, end):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        words = segment.words(segment.plain(inner))
        links = list(_LINK.finditer(inner))
        target = links[0].group(2).strip() if links else ""
        before = text[max(start, match.start() - 60):match.start()]
        if links or _TITLE_CUE.search(before) or (len(words) >= 3 and _title_case(words)):
            kind = "quoted title"
        elif len(words) >= MIN_QUOTATION_WORDS:
            kind = "quotation"
        else:
            continue
        shown = segment.plain(inner).strip(" ,;:")
        rows.append((kind, shown, target, match.start(group), match.end(group)))
        inside_quotes.append((match.start(), match.end()))
    for match in _LINK.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in inside_quotes):
            continue
        rows.append(("link", segment.plain(match.group(1)), match.group(2).strip(), match.start(), match.end()))
    masked_links = _LINK.sub(lambda m: " " * (m.end() - m.start()), text[start:end])
    for match in _ADDRESS.finditer(masked_links):
        address = match.group().rstrip(".,;:")
        rows.append(("address", address, address, start + match.start(), start + match.start() + len(address)))
    rows.sort(key=lambda r: r[3])
    result = [(kind, shown, target, _sentence_at(sample.sentences, s), s, e) for kind, shown, target, s, e in rows]
    return pd.DataFrame(result, columns=COLUMNS)


def _sentence_at(sentences, offset: int) -> int:
    for index, start, end in sentences:
        if offset < end:
            return index
    return sentences[-1][0] if sentences else 0
