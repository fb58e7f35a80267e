"""Articles: Markdown files with front matter, split into paragraphs and sentences.

>>> article = load("A1")
>>> article.title
"The Islamic State's (ISIS) Bloody Footprints Lead From NATO Territory"
>>> span = article.locate("Turkey, a NATO member since 1952")
>>> span.paragraph, article.body[span.start:span.end]
(9, 'Turkey, a NATO member since 1952')
>>> article.sentence_at(span.start).plain[:40]
'Turkey, a NATO member since 1952, has pl'
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kit.errors import KitError
from kit import cache, settings
from kit.text import segment

#: Files larger than this are refused (a long book is about 1 MB).
MAX_BYTES = 8 * 1024 * 1024


class DocumentError(KitError, ValueError):
    """A document cannot be read; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(problem, path=Path(path))


class QuoteNotFound(KitError, LookupError):
    """A quote is not a verbatim part of an article."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: 1-based ``index``, offsets into the article body."""

    index: int
    start: int
    end: int
    text: str

    @property
    def plain(self) -> str:
        return segment.plain(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence: 1-based ``index`` in the article, its paragraph, offsets into the body."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str

    @property
    def plain(self) -> str:
        return segment.plain(self.text)


@dataclass(frozen=True)
class Span:
    """Where a quote sits in an article."""

    start: int
    end: int
    paragraph: int
    sentences: tuple[int, ...]


@dataclass
class Article:
    """An article or other document: front matter ``meta`` and Markdown ``body``."""

    meta: dict[str, str]
    body: str
    path: Path | None = None

    @property
    def id(self) -> str:
        return self.meta.get("id", self.path.stem if self.path else "")

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @property
    def author(self) -> str:
        return self.meta.get("author", "")

    @property
    def date(self) -> dt.date | None:
        value = self.meta.get("date", "")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None

    @cached_property
    def main_span(self) -> tuple[int, int]:
        """Offsets of the article proper (without navigation, byline and footer).

        Front matter ``text_starts`` and ``text_ends`` mark it; without them
        the whole body counts.
        """
        start, end = 0, len(self.body)
        starts, ends = self.meta.get("text_starts"), self.meta.get("text_ends")
        if starts and starts in self.body:
            start = self.body.index(starts)
            # include any Markdown markers that open the first paragraph
            line_start = self.body.rfind("\n", 0, start) + 1
            start = line_start
        if ends and ends in self.body[start:]:
            end = self.body.index(ends, start) + len(ends)
        return start, end

    @property
    def main_text(self) -> str:
        start, end = self.main_span
        return self.body[start:end]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return [
            Paragraph(index=i, start=s, end=e, text=self.body[s:e])
            for i, (s, e) in enumerate(segment.paragraph_spans(self.body), start=1)
        ]

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        for paragraph in self.paragraphs:
            for s, e in segment.sentence_spans(self.body, paragraph.start, paragraph.end):
                result.append(
                    Sentence(index=len(result) + 1, paragraph=paragraph.index, start=s, end=e, text=self.body[s:e])
                )
        return result

    def main_sentences(self) -> list[Sentence]:
        """Sentences of the article proper (see :attr:`main_span`)."""
        start, end = self.main_span
        return [s for s in self.sentences if s.start >= start and s.end <= end]

    def main_paragraphs(self) -> list[Paragraph]:
        start, end = self.main_span
        return [p for p in self.paragraphs if p.start >= start and p.end <= end]

    def paragraph_at(self, offset: int) -> Paragraph:
        """The paragraph that holds character ``offset`` (or the next one after a gap)."""
        for paragraph in self.paragraphs:
            if offset < paragraph.end:
                return paragraph
        raise IndexError(f"offset {offset} is past the end of {self.id}")

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds character ``offset`` (or the next one after a gap)."""
        for sentence in self.sentences:
            if offset < sentence.end:
                return sentence
        raise IndexError(f"offset {offset} is past the end of {self.id}")

    def find(self, quote: str) -> Span | None:
        """Like :meth:`locate` but returns None when the quote is absent."""
        start = self.body.find(quote) if quote else -1
        if start < 0:
            return None
        end = start + len(quote)
        sentences = tuple(s.index for s in self.sentences if s.start < end and s.end > start)
        return Span(start=start, end=end, paragraph=self.paragraph_at(start).index, sentences=sentences)

    def locate(self, quote: str) -> Span:
        """Find ``quote`` verbatim in the body; raise :class:`QuoteNotFound` if absent."""
        span = self.find(quote)
        if span is None:
            shown = quote if len(quote) < 80 else quote[:77] + "..."
            raise QuoteNotFound(f"quote not found verbatim in article {self.id}: {shown!r}")
        return span

    @property
    def word_count(self) -> int:
        return len(segment.words(segment.plain(self.main_text)))


def parse_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict[str, str], str]:
    """Split ``text`` into front matter and body.

    Front matter is optional: lines ``key: value`` between two ``---`` lines at
    the very top. Values may be JSON strings (``"..."``) or bare text.

    >>> parse_front_matter('---\\ntitle: "A \\\\"quoted\\\\" title"\\ndate: 2017-08-11\\n---\\nBody')
    ({'title': 'A "quoted" title', 'date': '2017-08-11'}, 'Body')
    """
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return {}, text
    lines = text.splitlines(keepends=True)
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped == "---":
            return meta, "".join(lines[number:])
        if not stripped or stripped.startswith("#"):
            continue
        key, sep, value = stripped.partition(":")
        if not sep or not key.strip():
            raise DocumentError(path, f"line {number}: front matter lines must look like 'key: value', got {stripped[:60]!r}")
        value = value.strip()
        if value.startswith('"'):
            try:
                value = json.loads(value)
            except json.JSONDecodeError as error:
                raise DocumentError(path, f"line {number}: badly quoted value for {key.strip()!r} ({error.msg})") from None
        elif len(value) > 1 and value[0] == value[-1] == "'":
            value = value[1:-1]
        meta[key.strip()] = str(value)
    raise DocumentError(path, "front matter starts with '---' but has no closing '---' line")


def read_text(path: Path | str) -> str:
    """Read a UTF-8 text file, with a clear :class:`DocumentError` for anything else."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except OSError as error:
        raise DocumentError(path, f"cannot be read ({error.strerror})") from None
    if path.is_dir():
        raise DocumentError(path, "is a folder, not a text file")
    if size > MAX_BYTES:
        raise DocumentError(path, f"is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB of text")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise DocumentError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            path,
            f"is not UTF-8 text (byte {error.start} is 0x{data[error.start]:02x}); "
            "save it as UTF-8 and try again",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_file(path: Path | str) -> Article:
    """Read any Markdown or plain-text file as an :class:`Article`."""
    path = Path(path)
    meta, body = parse_front_matter(read_text(path), path)
    if not body.strip():
        raise DocumentError(path, "has no text after its front matter" if meta else "is empty")
    meta.setdefault("id", path.stem)
    return Article(meta=meta, body=body, path=path)


def articles_dir() -> Path:
    return settings.datasets_dir() / "articles"


def ids() -> list[str]:
    """Ids of the bundled articles (``['A1', 'A2']``)."""
    return sorted(p.stem for p in articles_dir().glob("*.md"))


def load(article: str | Path) -> Article:
    """Load a bundled article by id (``"A1"``) or any article file by path."""
    candidate = articles_dir() / f"{article}.md"
    if isinstance(article, str) and candidate.exists():
        return cache.by_file(candidate, lambda: from_file(candidate))
    path = Path(article)
    if path.suffix and path.exists():
        return from_file(path)
    raise DocumentError(path, f"no article with this id or path (bundled ids: {', '.join(ids())})")

