"""Render dataset source ids as citations a student can follow.

>>> c = cite("a1-cartalucci-2014")
>>> c.source_id, c.year
('a1-cartalucci-2014', '2014')
>>> "Cartalucci" in c.text()
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kit import data

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class UnknownSource(KeyError):
    """A source id is not in ``datasets/sources.csv``."""

    def __str__(self) -> str:
        return f"unknown source id {self.args[0]!r} (not in datasets/sources.csv)"


@dataclass(frozen=True)
class Citation:
    source_id: str
    title: str
    author: str
    publisher: str
    date: str
    url: str
    copy_url: str
    access: str
    notes: str

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def link(self) -> str:
        """The address to open: the original, else the copy that was read."""
        return self.url or self.copy_url

    @property
    def readable_date(self) -> str:
        parts = self.date.split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return self.date

    def short(self) -> str:
        """``Deutsche Welle, 27 Nov 2014``."""
        return f"{self.author or self.publisher}, {self.readable_date}"

    def text(self) -> str:
        """A full citation on one line of plain text."""
        who = f"{self.author}. " if self.author else ""
        copy = f" (copy read: {self.copy_url})" if self.copy_url and self.copy_url != self.url else ""
        where = self.link or "no address found"
        return f"{who}\u201c{self.title}\u201d. {self.publisher}, {self.readable_date}. {where}{copy} [{self.source_id}]"

    def markdown(self) -> str:
        """``[publisher, date](url)`` with the id, for a lesson's Markdown."""
        label = self.short().replace("[", "(").replace("]", ")")
        return f"[{label}]({self.link})" if self.link else label

    def html(self) -> str:
        title = html.escape(self.title)
        who = html.escape(self.author + ". ") if self.author else ""
        linked = f'<a href="{html.escape(self.link, quote=True)}" target="_blank" rel="noopener">{title}</a>' if self.link else title
        return f"{who}\u201c{linked}\u201d. {html.escape(self.publisher)}, {html.escape(self.readable_date)}. <code>{html.escape(self.source_id)}</code>"


_CACHE: dict[object, dict[str, Citation]] = {}


def _citations() -> dict[str, Citation]:
    """Every source as a Citation, built once per version of sources.csv."""
    path = data.resources.datasets_dir() / "sources.csv"
    stamp = (path, path.stat().st_mtime if path.exists() else None)
    if stamp not in _CACHE:
        table = data.load("sources")
        digits = {"year": 4, "month": 7, "day": 10}
        built = {}
        for row in table.itertuples(index=False):
            def text(value) -> str:
                return "" if value is None or str(value) == "<NA>" else str(value)

            built[row.source_id] = Citation(
                source_id=row.source_id, title=text(row.title), author=text(row.author), publisher=text(row.publisher),
                date=row.date.strftime("%Y-%m-%d")[: digits[row.date_precision]],
                url=text(row.url), copy_url=text(row.copy_url), access=text(row.access), notes=text(row.notes),
            )
        _CACHE.clear()
        _CACHE[stamp] = built
    return _CACHE[stamp]


def cite(source_id: str) -> Citation:
    """The citation for ``source_id``; raises :class:`UnknownSource` if there is none."""
    citations = _citations()
    if source_id not in citations:
        raise UnknownSource(source_id)
    return citations[source_id]


def cite_all(source_ids) -> list[Citation]:
    """Citations for several ids, in the order given, without repeats."""
    seen, result = set(), []
    for source_id in source_ids:
        if source_id not in seen:
            seen.add(source_id)
            result.append(cite(source_id))
    return result
