"""Split Markdown text into paragraphs and sentences, keeping character offsets.

Offsets always refer to the text you pass in, so a quote found in a sentence can
be highlighted in the original. The rules cope with what real articles contain:

* paragraphs are blocks separated by blank lines; a block that starts in
  lower case (after any ``**`` or ``*``) continues the block before it when that
  block does not end a sentence (copies of web pages often break a quotation in
  the middle of a sentence);
* sentences end at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes,
  brackets or emphasis markers) followed by white space and a capital, a digit,
  a quote or a Markdown marker, except after abbreviations such as ``U.S.``,
  ``Dr.`` or ``Jan.``, initials such as ``J.`` and list numbers such as ``1.``;
* a heading line (``## ...``) is a sentence of its own, and so is each item of
  a list (``- ...``, ``1. ...``);
* :func:`plain` strips links (keeping their text), emphasis markers, heading and
  block-quote markers and backslash escapes; :func:`mask` blanks the same
  markup with spaces, so offsets into its result are offsets into the input.

>>> text = "Dr. Smith met U.S. officials on Jan. 5. They agreed.\\n\\nA new paragraph."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Dr. Smith met U.S. officials on Jan. 5.', 'They agreed.', 'A new paragraph.']
>>> [text[s:e] for s, e in paragraph_spans(text)]
['Dr. Smith met U.S. officials on Jan. 5. They agreed.', 'A new paragraph.']
>>> plain("**The U.S.** has [a link](#) \\\\(DW\\\\)")
'The U.S. has a link (DW)'
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """
    dr mr mrs ms mx prof st jr sr sen rep gov gen lt col maj capt sgt cmdr adm
    gen pres rev hon fr vs etc e.g i.e cf al approx ca no nos vol pp p fig
    inc ltd co corp dept univ est
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a d.c
    """.split()
)

#: Titles come before a name, so a sentence never ends after them.
TITLES = frozenset("dr mr mrs ms mx prof st sen rep gov gen lt col maj capt sgt cmdr adm pres rev hon fr".split())

#: These abbreviate only before a number ("No. 5", "p. 12").
NUMBER_ABBREVIATIONS = frozenset("no nos p pp vol fig".split())

#: After an abbreviation that is not a title (``U.S.``, ``Inc.``, ``etc.``) a
#: sentence may still end when the next word is one that usually starts a
#: sentence ("... in the U.S. The next ...").
SENTENCE_STARTERS = frozenset(
    "The This That These Those It In But And He She They We I A An Its Their "
    "There However Yet So When While If As On At For".split()
)

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")
_END_PUNCT = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]*_]*$")
_LEADING_MARKUP = re.compile(r"^[\s*_>#\"'\u201c\u2018(\[]*")
_BOUNDARY = re.compile(
    r"[.!?\u2026][\"'\u201d\u2019)\]*_]*"
    r"(?=\s+(?:[>#]+[ \t]+)*[\"'\u201c\u2018\u201e\u00ab(\[*_#>]*[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0400-\u042f])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LIST_NUMBER = re.compile(r"[ \t>]*\d{1,3}")
_LIST_ITEM = re.compile(r"\n(?=[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S)")
_HEADING_START = re.compile(r"[ \t>]*#{1,6}[ \t]")
_HEADING_LINE = re.compile(r"(?m)^[ \t>]*#{1,6}[ \t]+[^\n]*?(?=[ \t]*\n)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_]))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>$])")
_LINE_MARKER = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)+")
_LIST_MARKER = re.compile(r"(?m)^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_SPACE = re.compile(r"\s+")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the paragraphs of ``text[start:end]``.

    >>> paragraph_spans("One sentence ends\\n\\nhere. Two.\\n\\n  \\nThree.")
    [(0, 29), (34, 40)]
    """
    end = len(text) if end is None else end
    blocks: list[list[int]] = []
    position = start
    for gap in _BLANK_LINE.finditer(text, start, end):
        blocks.append([position, gap.start()])
        position = gap.end()
    blocks.append([position, end])
    spans: list[list[int]] = []
    for block_start, block_end in blocks:
        raw = text[block_start:block_end]
        stripped = raw.strip()
        if not stripped:
            continue
        block_start += len(raw) - len(raw.lstrip())
        block_end -= len(raw) - len(raw.rstrip())
        if spans and _continues(text[spans[-1][0]:spans[-1][1]], stripped):
            spans[-1][1] = block_end
        else:
            spans.append([block_start, block_end])
    return [(s, e) for s, e in spans]


def _continues(previous: str, current: str) -> bool:
    """True when ``current`` is the rest of a sentence broken by a blank line."""
    if _END_PUNCT.search(previous.rstrip()):
        return False
    if previous.rstrip().endswith(":"):
        return False
    last_line = previous.rstrip().rsplit("\n", 1)[-1]
    if _HEADING_START.match(last_line) or _LIST_MARKER.match(current):
        return False
    first = _LEADING_MARKUP.sub("", current)[:1]
    return first.islower()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text[start:end]``.

    Sentences never cross paragraph boundaries.

    >>> t = "He said \\u201cNo.\\u201d Then he left! Did he? Yes: 3.5 km."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['He said \\u201cNo.\\u201d', 'Then he left!', 'Did he?', 'Yes: 3.5 km.']
    >>> t = "Всё готово. Вторая фраза."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Всё готово.', 'Вторая фраза.']
    >>> t = "## Plans\\nWe need:\\n1. Bread\\n2. Milk\\n\\n> One. Two."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['## Plans', 'We need:', '1. Bread', '2. Milk', '> One.', 'Two.']
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraph_spans(text, start, end):
        position = para_start
        for cut_end, next_start in _cuts(text, para_start, para_end):
            if cut_end <= position:
                continue
            spans.append((position, cut_end))
            position = next_start
        if position < para_end:
            spans.append((position, para_end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if s < e]


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where sentences end in one paragraph: ``(end of one, start of the next)``."""
    cuts: list[tuple[int, int]] = []
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, match.start(), match.end(), end) or _is_list_number(text, match.start(), start):
            continue
        cuts.append((match.end(), _skip_space(text, match.end(), end)))
    if "\n" in text[start:end]:
        for match in _HEADING_LINE.finditer(text, start, end):
            cuts.append((match.end(), _skip_space(text, match.end(), end)))
        for match in _LIST_ITEM.finditer(text, start, end):
            cuts.append((match.start(), _skip_space(text, match.start(), end)))
    return sorted(set(cuts))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_list_number(text: str, dot: int, limit: int) -> bool:
    """True for the dot of a numbered list item (``1. Bread``)."""
    line_start = max(limit, text.rfind("\n", limit, dot) + 1)
    return text[dot] == "." and _LIST_NUMBER.fullmatch(text, line_start, dot) is not None


def _is_abbreviation(text: str, dot: int, boundary_end: int, limit: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not word:
        return False
    token = word.group(1).lower()
    before = text[word.start() - 1] if word.start() > 0 else " "
    if before.isalnum():
        return False
    if len(token) == 1 and token.isalpha() and word.group(1).isupper():
        return True  # an initial: "J. Smith"
    acronym = re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None  # C.I.A., U.S.
    if token not in ABBREVIATIONS and not acronym:
        return False
    following = text[_skip_space(text, boundary_end, limit):limit]
    if token in NUMBER_ABBREVIATIONS:  # "No. 5", but "No." ends a sentence
        return following[:1].isdigit()
    if token in TITLES:
        return True
    next_word = re.match(r"[\"'\u201c\u2018*_\[(]*([A-Za-z]+)", following)
    return not (next_word and next_word.group(1) in SENTENCE_STARTERS)


def _skip_space(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def plain(markdown: str) -> str:
    """Return ``markdown`` as plain text on one line (links keep their text).

    >>> plain("*[It was reported](#)* that **ISIS\u2019** supply lines\\n\\nrun")
    'It was reported that ISIS\u2019 supply lines run'
    >>> plain("> - rose from \\\\$1 million")
    'rose from $1 million'
    """
    text = _LINK.sub(r"\1", markdown)
    text = _LINE_MARKER.sub("", text)
    text = _LIST_MARKER.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def _blank(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def _blank_link(match: re.Match) -> str:
    label_start = match.start(1) - match.start()
    label = match.group(1)
    return " " * label_start + label + " " * (match.end() - match.start() - label_start - len(label))


def mask(markdown: str) -> str:
    """Return ``markdown`` with its markup replaced by spaces: same length, same offsets.

    Words sit where they sit in ``markdown``, so a match found in the result can
    be highlighted in the original.

    >>> mask("**Bold** and [a link](http://x.org) \\\\(DW\\\\)")
    '  Bold   and  a link                 (DW )'
    """
    text = _LINK.sub(_blank_link, markdown)
    text = _LINE_MARKER.sub(_blank, text)
    text = _LIST_MARKER.sub(_blank, text)
    text = _EMPHASIS.sub(_blank, text)
    return re.sub(r"\\(?=[\\`*_{}\[\]()#+\-.!|>$])", " ", text)


WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*(?:(?:[-.]{1,2}|,(?=\d{3}(?!\d)))[^\W_]+)*")


def words(text: str) -> list[str]:
    """Return the words of ``text`` (numbers count as words; hyphenated words count once).

    >>> words("ISIS' supply lines lead from NATO's 1952 member - in other words, U.S.-backed")
    ['ISIS', 'supply', 'lines', 'lead', 'from', "NATO's", '1952', 'member', 'in', 'other', 'words', 'U.S.-backed']
    >>> words("Über die Straße, ça va: 1,200 or 3.5%")
    ['Über', 'die', 'Straße', 'ça', 'va', '1,200', 'or', '3.5']
    """
    return WORD.findall(text)


_ALNUM_RUN = re.compile(r"[^\W_]+")  # letters and digits of any script (str.isalnum), no underscore


def hyphen_join(text: str) -> str:
    """The runs of letters and digits in ``text`` joined by single hyphens (how ids and keys are made).

    >>> hyphen_join("  Ada  Lovelace! (2nd) "), hyphen_join("../../etc/passwd")
    ('Ada-Lovelace-2nd', 'etc-passwd')
    """
    return "-".join(_ALNUM_RUN.findall(text))
