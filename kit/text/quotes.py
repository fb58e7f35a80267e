"""Quote diff: line up an article's quotation with the source's words and show what changed.

Both sides are compared word by word (:mod:`difflib`), ignoring case,
Markdown markup, punctuation around words, and curly versus straight quotes
and apostrophes, so only changes of wording show. Each stretch of words is
tagged, with the source as the reference:

* ``equal`` — the same words in both;
* ``cut`` — words of the source the quotation leaves out;
* ``added`` — words in the quotation that are not in the source;
* ``changed`` — source words replaced by other words;
* ``context`` — source sentences outside the quoted passage (the source text
  may be longer than what was quoted; only a cut *within* a quoted sentence
  counts as a cut);
* ``unchecked`` — with ``source_is_excerpt=True``, words at either end of the
  quotation that the excerpt does not reach (the kit stores at most 40 words
  of a source, so a long quotation can run past the excerpt).

The renderings do not rely on colour: :meth:`QuoteDiff.text` writes
``[cut: …]``, ``{added: …}`` and ``[changed: source → quotation]``;
:meth:`QuoteDiff.html` uses struck-through and underlined text *with* the same
words as labels.

>>> d = quote_diff("probably the best-funded group",
...                "With one exception, ISIL is probably the best-funded group.")
>>> d.text()
'[cut: With one exception, ISIL is] probably the best-funded group'
>>> d.counts()
{'cut': 5, 'added': 0, 'changed': 0}
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from kit.text import segment
from kit.text.language import FUNCTION_WORDS

KINDS = ("equal", "cut", "added", "changed", "context", "unchecked")

#: Words too common to anchor an alignment between two changes.
WEAK_WORDS = FUNCTION_WORDS | frozenset("a an in on to".split())

#: Below this share of the quotation's words found unchanged, it reads as a paraphrase.
PARAPHRASE_SHARE = 0.5

_ELLIPSIS = re.compile(r"[\[(]?(?:\u2026|\.\.\.)[\])]?")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_EMPHASIS_SPAN = re.compile(r"(\*\*|__)(.+?)\1", re.S)
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@dataclass(frozen=True)
class Segment:
    """A stretch of the alignment: ``source`` words and ``quote`` words (either may be empty)."""

    kind: str
    source: str
    quote: str


@dataclass(frozen=True)
class QuoteDiff:
    """The aligned quotation. ``segments`` are in reading order."""

    segments: tuple[Segment, ...]
    emphasis: tuple[str, ...] = field(default=())
    quote_label: str = "quotation"
    source_label: str = "source"

    @property
    def faithful(self) -> bool:
        """True when nothing was cut, added or changed (context and unchecked words aside)."""
        return all(s.kind in ("equal", "context", "unchecked") for s in self.segments)

    def counts(self) -> dict[str, int]:
        """Words cut, added and changed (changed counts the source's words)."""
        result = {"cut": 0, "added": 0, "changed": 0}
        for s in self.segments:
            if s.kind == "cut":
                result["cut"] += len(s.source.split())
            elif s.kind == "added":
                result["added"] += len(s.quote.split())
            elif s.kind == "changed":
                result["changed"] += len(s.source.split())
        return result

    @property
    def paraphrase(self) -> bool:
        """True when under half of the quotation's checked words match the source: a paraphrase."""
        checked = [s for s in self.segments if s.kind in ("equal", "added", "changed")]
        total = sum(len(s.quote.split()) for s in checked)
        same = sum(len(s.quote.split()) for s in checked if s.kind == "equal")
        return bool(total) and same / total < PARAPHRASE_SHARE

    def summary(self) -> str:
        """One sentence: what the quotation did to the source."""
        c = self.counts()
        if self.faithful:
            said = f"the {self.quote_label} matches the {self.source_label} word for word"
        else:
            said = f"{_words(c['cut'])} cut, {_words(c['added'])} added, {_words(c['changed'])} changed"
        if self.paraphrase:
            said += f"; most words differ: a paraphrase of the {self.source_label}, not a quotation"
        unchecked = sum(len(s.quote.split()) for s in self.segments if s.kind == "unchecked")
        if unchecked:
            said += f"; {_words(unchecked)} of the {self.quote_label} lie beyond the excerpt and were not checked"
        if self.emphasis:
            said += f"; emphasis (bold) in the {self.quote_label}: " + "; ".join(f"\u201c{e}\u201d" for e in self.emphasis)
        return said

    def text(self) -> str:
        """Plain text with the changes in brackets (no colour needed)."""
        parts = []
        for s in self.segments:
            if s.kind == "equal":
                parts.append(s.quote)
            elif s.kind == "cut":
                parts.append(f"[cut: {s.source}]")
            elif s.kind == "added":
                parts.append(f"{{added: {s.quote}}}")
            elif s.kind == "changed":
                parts.append(f"[changed: {s.source} \u2192 {s.quote}]")
            elif s.kind == "unchecked":
                parts.append(f"(beyond the excerpt: {s.quote})")
            elif not parts or parts[-1] != "\u2026":
                parts.append("\u2026")
        return " ".join(parts)

    def html(self) -> str:
        """HTML with <del>/<ins> and visible labels, and a key to the marks."""
        parts = []
        for s in self.segments:
            quote, source = html.escape(s.quote), html.escape(s.source)
            if s.kind == "equal":
                parts.append(quote)
            elif s.kind == "cut":
                parts.append(f'<del title="cut from the {self.source_label}">[cut: {source}]</del>')
            elif s.kind == "added":
                parts.append(f'<ins title="added by the {self.quote_label}">{{added: {quote}}}</ins>')
            elif s.kind == "changed":
                parts.append(f'[changed: <del>{source}</del> \u2192 <ins>{quote}</ins>]')
            elif s.kind == "unchecked":
                parts.append(f"<em>(beyond the excerpt: {quote})</em>")
            else:
                parts.append('<span title="not quoted">\u2026</span>')
        legend = (
            "<p><small>Key: <del>[cut: struck-through words]</del> are in the "
            f"{html.escape(self.source_label)} but not in the {html.escape(self.quote_label)}; "
            "<ins>{added: underlined words}</ins> are in the "
            f"{html.escape(self.quote_label)} only; [changed: <del>old</del> \u2192 <ins>new</ins>] "
            "replaces words; \u2026 marks source text that was not quoted.</small></p>"
        )
        return f'<div class="medialit-quote-diff"><p>{" ".join(parts)}</p><p>{html.escape(self.summary())}</p>{legend}</div>'

    def frame(self):
        """The segments as a DataFrame (kind, source, quote)."""
        import pandas as pd

        return pd.DataFrame([(s.kind, s.source, s.quote) for s in self.segments], columns=["kind", "source", "quote"])

    def __repr__(self) -> str:
        return f"{self.text()}\n({self.summary()})"

    def _repr_html_(self) -> str:
        return self.html()


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def _key(token: str) -> str:
    folded = token.translate(_FOLD)
    return _EDGE_PUNCTUATION.sub("", folded).lower() or folded  # a lone dash: "–" and "-" are the same


def _tokens(markdown: str) -> list[str]:
    """The words of a quotation; the quoter's ellipses (…, ..., [...]) are dropped, so what they skip shows as cut."""
    return [t for t in segment.plain(markdown).split() if not _ELLIPSIS.fullmatch(t)]


def _sentence_of_token(text: str) -> list[int]:
    """For each whitespace token of ``text``, the number of the sentence it is in."""
    ends = [end for _, end in segment.sentence_spans(text)]
    return [bisect.bisect_right(ends, match.start()) for match in re.finditer(r"\S+", text)]


def quote_diff(
    quote: str,
    source: str,
    *,
    source_is_excerpt: bool = False,
    quote_label: str = "quotation",
    source_label: str = "source",
) -> QuoteDiff:
    """Align ``quote`` (the article's version, Markdown allowed) with ``source`` (the original words)."""
    quote_tokens = _tokens(quote)
    source_plain = segment.plain(source)
    kept = [n for n, t in enumerate(source_plain.split()) if not _ELLIPSIS.fullmatch(t)]  # drop the source's own gap marks
    source_tokens = [source_plain.split()[n] for n in kept]
    if not quote_tokens or not source_tokens:
        raise ValueError(f"the {quote_label if not quote_tokens else source_label} to compare is empty")
    source_keys = [_key(t) for t in source_tokens]
    matcher = SequenceMatcher(a=source_keys, b=[_key(t) for t in quote_tokens], autojunk=False)
    opcodes = _absorb_weak_anchors(matcher.get_opcodes(), source_keys)
    segments = [
        Segment(kind={"equal": "equal", "delete": "cut", "insert": "added", "replace": "changed"}[tag],
                source=" ".join(source_tokens[i1:i2]), quote=" ".join(quote_tokens[j1:j2]))
        for tag, i1, i2, j1, j2 in opcodes
    ]
    aligned = [n for n, (tag, *_rest) in enumerate(opcodes) if tag in ("equal", "replace")]
    if aligned:
        every_token_sentence = _sentence_of_token(source_plain)
        sentence = [every_token_sentence[n] for n in kept]
        first_quoted = {sentence[opcodes[aligned[0]][1]]}
        last_quoted = {sentence[opcodes[aligned[-1]][2] - 1]}
        segments = _edges(segments, opcodes, sentence, first_quoted | last_quoted, aligned, source_is_excerpt)
    emphasis = tuple(segment.plain(m.group(2)) for m in _EMPHASIS_SPAN.finditer(quote))
    return QuoteDiff(segments=tuple(_merge(segments)), emphasis=emphasis, quote_label=quote_label, source_label=source_label)


def _absorb_weak_anchors(opcodes: list, source_keys: list[str]) -> list:
    """Fold runs of only function words ("of the") that sit between two changes into the change.

    Without this a paraphrase lines up on *the* and *and*, and the diff reads as
    noise; with it, only shared content words anchor the alignment.
    """
    result: list = []
    for tag, i1, i2, j1, j2 in opcodes:
        result.append((tag, i1, i2, j1, j2))
        while len(result) >= 3:
            (t1, a1, _, b1, _), (t2, x1, x2, _, _), (t3, _, c2, _, d2) = result[-3:]
            weak = t2 == "equal" and all(k in WEAK_WORDS for k in source_keys[x1:x2])
            if not (t1 != "equal" and t3 != "equal" and weak):
                break
            result[-3:] = [("replace", a1, c2, b1, d2)]
        if len(result) >= 2 and result[-1][0] != "equal" and result[-2][0] != "equal" and result[-2][2] == result[-1][1]:
            (_, a1, _, b1, _), (_, _, c2, _, d2) = result[-2:]
            result[-2:] = [("replace", a1, c2, b1, d2)]
    return [_retag(op) for op in result]


def _retag(op: tuple) -> tuple:
    tag, i1, i2, j1, j2 = op
    if tag == "replace" and i1 == i2:
        return ("insert", i1, i2, j1, j2)
    if tag == "replace" and j1 == j2:
        return ("delete", i1, i2, j1, j2)
    return op


def _edges(segments, opcodes, sentence, quoted_sentences: set[int], aligned, source_is_excerpt) -> list[Segment]:
    """Relabel the ends: source words in unquoted sentences are context; quote words past an excerpt are unchecked."""
    first, last = aligned[0], aligned[-1]
    result: list[Segment] = []
    for n, (seg, (tag, i1, i2, _j1, _j2)) in enumerate(zip(segments, opcodes)):
        if first <= n <= last:
            result.append(seg)
        elif tag == "delete":  # source words before or after the quoted stretch
            for k, word in zip(range(i1, i2), seg.source.split()):
                result.append(Segment("cut" if sentence[k] in quoted_sentences else "context", word, ""))
        else:  # "insert": quotation words before or after the aligned stretch
            result.append(Segment("unchecked" if source_is_excerpt else "added", "", seg.quote))
    return result


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for s in segments:
        if not s.source and not s.quote:
            continue
        if merged and merged[-1].kind == s.kind and s.kind in ("cut", "context"):
            last = merged[-1]
            merged[-1] = Segment(s.kind, f"{last.source} {s.source}".strip(), f"{last.quote} {s.quote}".strip())
        else:
            merged.append(s)
    return merged
