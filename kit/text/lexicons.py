"""Find the terms of word lists (lexicons) in a text, with their offsets.

The rules are the ones written at the top of every file in ``datasets/lexicons/``:

* matching ignores case, and a curly apostrophe (’) equals a straight one (');
* terms match whole words only: ``claim`` does not match ``claimed``. A word is
  what :func:`kit.text.segment.words` counts, so a hyphenated word is one word
  (``called`` does not match inside ``so-called``; the term ``so-called`` does);
* a phrase matches its words in order, separated by white space only (so a
  phrase never spans a full stop or a comma);
* ``*`` at the end of a term matches any word ending (``alleg*`` matches
  *alleged* and *allegedly*);
* within one lexicon matches never overlap: reading left to right, at each word
  the longest term wins (most words, then most letters, then the term that
  sorts first), and the next match starts after it. Lexicons are matched
  independently of each other.

>>> from kit.text.lexicons import Lexicon
>>> hedges = Lexicon("hedges", "Hedges", "", ("may", "alleg*", "it is unclear"))
>>> [(m.term, m.matched, m.start) for m in find_terms("It is unclear. It allegedly may", [hedges])]
[('it is unclear', 'It is unclear', 0), ('alleg*', 'allegedly', 18), ('may', 'may', 28)]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from kit import settings
from kit.errors import KitError
from kit.text.segment import WORD

LEXICON_NAMES = ("certainty", "hedges", "attribution", "loaded")


class LexiconError(KitError, ValueError):
    """A lexicon file is missing or cannot be read."""


@dataclass(frozen=True)
class Lexicon:
    """A word list with the rule for what belongs in it."""

    name: str
    title: str
    rule: str
    terms: tuple[str, ...]


def read_lexicon(name: str, folder: Path | str | None = None) -> Lexicon:
    """Read ``<folder>/lexicons/<name>.txt`` (the kit's datasets by default): title and rule from ``#`` lines, one term a line.

    >>> read_lexicon("hedges").rule != ""
    True
    """
    path = Path(folder if folder is not None else settings.datasets_dir()) / "lexicons" / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"file is missing (expected at {path})", path=f"lexicons/{name}.txt") from None
    title, rule, terms = name, "", []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            body = stripped.lstrip("#").strip()
            if body.lower().startswith("rule:"):
                rule = body[5:].strip()
            elif title == name and body and ":" not in body[:12]:
                title = body
        elif stripped:
            terms.append(stripped.lower())
    return Lexicon(name=name, title=title, rule=rule, terms=tuple(terms))

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Match:
    """One hit of one lexicon term: ``text[start:end]`` is the matched words."""

    lexicon: str
    term: str
    matched: str
    start: int
    end: int


@dataclass(frozen=True)
class _Term:
    lexicon: str
    term: str
    words: tuple[str, ...]
    prefix: bool  # the last word ends with '*'

    @property
    def rank(self) -> tuple:
        return (-len(self.words), -sum(map(len, self.words)), self.term)


def normalise(word: str) -> str:
    """The form words are compared in: lower case, straight apostrophes.

    >>> normalise("Isn\u2019t")
    "isn't"
    """
    return word.lower().translate(APOSTROPHES)


def _parse(lexicon: str, term: str) -> _Term | None:
    prefix = term.rstrip().endswith("*")
    words = tuple(normalise(w) for w in WORD.findall(term.translate(APOSTROPHES)))
    if not words:
        return None
    return _Term(lexicon=lexicon, term=term.strip(), words=words, prefix=prefix)


class Matcher:
    """Lexicons compiled for fast lookup: index terms by their first word."""

    def __init__(self, lexicons: Iterable):
        self.names: list[str] = []
        self.exact: dict[str, list[_Term]] = {}
        self.prefixes: dict[int, dict[str, list[_Term]]] = {}
        self._seen: dict[str, list[_Term]] = {}
        for lexicon in lexicons:
            self.names.append(lexicon.name)
            for raw in dict.fromkeys(lexicon.terms):
                term = _parse(lexicon.name, raw)
                if term is None:
                    continue
                if term.prefix and len(term.words) == 1:
                    stem = term.words[0]
                    self.prefixes.setdefault(len(stem), {}).setdefault(stem, []).append(term)
                else:
                    self.exact.setdefault(term.words[0], []).append(term)

    def _candidates(self, word: str) -> list[_Term]:
        """Terms that may start at ``word`` (remembered: running text repeats its words)."""
        found = self._seen.get(word)
        if found is None:
            found = list(self.exact.get(word, ()))
            for length, stems in self.prefixes.items():
                if len(word) >= length:
                    found += stems.get(word[:length], ())
            self._seen[word] = found
        return found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every match in ``text[start:end]``, in order of position, then lexicon."""
        end = len(text) if end is None else end
        tokens = [(m.start(), m.end(), normalise(m.group())) for m in WORD.finditer(text, start, end)]
        found: dict[str, list[tuple[int, int, _Term]]] = {}
        candidates = self._candidates
        for i, (_, _, word) in enumerate(tokens):
            for term in candidates(word):
                if _matches_at(text, tokens, i, term):
                    found.setdefault(term.lexicon, []).append((i, i + len(term.words), term))
        matches = []
        for lexicon, hits in found.items():
            last = 0
            for first, stop, term in sorted(hits, key=lambda h: (h[0], h[2].rank)):
                if first < last:
                    continue
                last = stop
                s, e = tokens[first][0], tokens[stop - 1][1]
                matched = " ".join(text[a:b] for a, b, _ in tokens[first:stop])
                matches.append(Match(lexicon=lexicon, term=term.term, matched=matched, start=s, end=e))
        order = {name: n for n, name in enumerate(self.names)}
        return sorted(matches, key=lambda m: (m.start, order.get(m.lexicon, 0), m.end))


def _matches_at(text: str, tokens: Sequence[tuple[int, int, str]], i: int, term: _Term) -> bool:
    if i + len(term.words) > len(tokens):
        return False
    last = len(term.words) - 1
    for k, wanted in enumerate(term.words):
        start, _, word = tokens[i + k]
        if k == last and term.prefix:
            if not word.startswith(wanted):
                return False
        elif word != wanted:
            return False
        if k and text[tokens[i + k - 1][1]:start].strip():
            return False  # something other than white space between the words
    return True


def find_terms(text: str, lexicons: Iterable, start: int = 0, end: int | None = None) -> list[Match]:
    """Find every term of ``lexicons`` (:class:`Lexicon` objects) in ``text``.

    Pass Markdown through :func:`kit.text.segment.mask` first so that markup
    between words does not hide a phrase.
    """
    return Matcher(lexicons).find(text, start, end)


def load_lexicons(names: Iterable[str] | None = None, folder: Path | str | None = None) -> list[Lexicon]:
    """The kit's lexicons (:data:`LEXICON_NAMES` by default) as :class:`Lexicon` objects."""
    return [read_lexicon(name, folder) for name in (names or LEXICON_NAMES)]
