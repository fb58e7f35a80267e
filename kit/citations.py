"""Render dataset source ids as citations a student can follow.

In lesson Markdown a citation is a link whose title is the source id::

    Turkey joined NATO in 1952 ([NATO, 18 Feb 2012](https://www.nato.int/... "nato-2012-turkey-60-years")).

:func:`cited_ids` finds them, and :func:`sources_section` writes the full
list that ends every lesson (a test checks both against ``sources.csv``).

>>> c = cite("a1-cartalucci-2014")
>>> c.source_id, c.year
('a1-cartalucci-2014', '2014')
>>> "Cartalucci" in c.text()
True
>>> cited_ids('See [DW](https://p.dw.com/p/1DuEH "dw-2014-is-supply-channels") and [x](https://a.b "dw-2014-is-supply-channels").')
['dw-2014-is-supply-channels']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kit.errors import KitError
from kit import data, settings

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class UnknownSource(KitError, LookupError):
    """A source id is not in ``datasets/sources.csv``."""

    def __init__(self, source_id: str):
        self.source_id = source_id
        super().__init__(f"unknown source id {source_id!r} (not in datasets/sources.csv)")


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
        """``[Author, date](url "id")``: the form lessons use in their Markdown."""
        label = self.short().replace("[", "(").replace("]", ")")
        return f'[{label}]({self.link} "{self.source_id}")' if self.link else f"{label} (`{self.source_id}`)"

    def html(self) -> str:
        title = html.escape(self.title)
        who = html.escape(self.author + ". ") if self.author else ""
        linked = f'<a href="{html.escape(self.link, quote=True)}" target="_blank" rel="noopener">{title}</a>' if self.link else title
        return f"{who}\u201c{linked}\u201d. {html.escape(self.publisher)}, {html.escape(self.readable_date)}. <code>{html.escape(self.source_id)}</code>"


_CACHE: dict[object, dict[str, Citation]] = {}


def _citations() -> dict[str, Citation]:
    """Every source as a Citation, built once per version of sources.csv."""
    path = settings.datasets_dir() / "sources.csv"
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


CITATION_LINK = re.compile(r'\[([^\]]+)\]\((\S+) "([a-z0-9]+(?:-[a-z0-9]+)*)"\)')
CITATION_ID = re.compile(r"\(`([a-z0-9]+(?:-[a-z0-9]+)*)`\)")


def cited_ids(markdown: str) -> list[str]:
    """Source ids cited in ``markdown`` (link titles, or ``(`id`)`` for sources with no address), first use first."""
    found = [(m.start(), m.group(3)) for m in CITATION_LINK.finditer(markdown)]
    found += [(m.start(), m.group(1)) for m in CITATION_ID.finditer(markdown)]
    seen, ordered = set(), []
    for _, source_id in sorted(found):
        if source_id not in seen:
            seen.add(source_id)
            ordered.append(source_id)
    return ordered


SOURCES_HEADING = "## Sources in this lesson"


def sources_section(source_ids) -> str:
    """The Markdown list of full citations that ends a lesson."""
    lines = [SOURCES_HEADING, "", "Every source cited above, with the id it has in `datasets/sources.csv`:", ""]
    for citation in cite_all(source_ids):
        who = f"{citation.author}. " if citation.author else ""
        title = citation.title.replace("[", "(").replace("]", ")")
        link = f"[{title}]({citation.link})" if citation.link else title
        copy = f" (copy read: {citation.copy_url})" if citation.copy_url and citation.url and citation.copy_url != citation.url else ""
        lines.append(f"- {who}\u201c{link}\u201d. {citation.publisher}, {citation.readable_date}.{copy} `{citation.source_id}`")
    return "\n".join(lines)
