"""Render dataset source ids as citations a student can follow, saying honestly what each link is.

A source has up to three addresses (see :mod:`kit.addresses`): the original
(the publisher's own page), an archived copy of it, and a copy the kit read.
A citation links the original with an "(archived)" link beside it; a copy is
always shown as "read in a copy at HOST", never under the original outlet's
name alone; a source whose original was not found says so.

In lesson Markdown a citation is a link whose title is the source id::

    Turkey joined NATO in 1952 ([NATO, 18 Feb 2012](https://www.nato.int/... "nato-2012-turkey-60-years")).

:func:`cited_ids` finds them, and :func:`sources_section` writes the full
list that ends every lesson (a test checks both against ``sources.csv``).

>>> c = cite("a1-cartalucci-2014")
>>> c.source_id, c.year
('a1-cartalucci-2014', '2014')
>>> "Cartalucci" in c.text()
True
>>> "read in a copy at activistpost.com" in c.markdown()
True
>>> "(archived: https://web.archive.org/" in cite("nato-2012-turkey-60-years").text()
True
>>> cited_ids('See [DW](https://p.dw.com/p/1DuEH "dw-2014-is-supply-channels") and [x](https://a.b "dw-2014-is-supply-channels").')
['dw-2014-is-supply-channels']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kit.errors import KitError
from kit import addresses, cache, data, settings

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


class UnknownSource(KitError, LookupError):
    """A source id is not in ``datasets/sources.csv``."""

    def __init__(self, source_id: str):
        self.source_id = source_id
        super().__init__(f"unknown source id {source_id!r} (not in datasets/sources.csv)")


NOT_FOUND = "original address not found"


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
    archive_url: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def link(self) -> str:
        """The address a lesson links: the original, else the copy that was read (labelled as a copy)."""
        return self.url or self.copy_url

    @property
    def links_a_copy(self) -> bool:
        """True when :attr:`link` is someone else's copy, not the publisher's page."""
        return not self.url and bool(self.copy_url)

    @property
    def copy_host(self) -> str:
        return addresses.host(self.copy_url) if self.copy_url else ""

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

    def addresses(self) -> list[tuple[str, str]]:
        """What a citation says after the original, as (what, address) pairs that every format renders:
        ``archived`` (an archive of the original), ``copy`` (a copy that was read), ``copy-only`` (the same,
        when no original was found) and ``not-found`` (no address at all)."""
        parts = [("archived", self.archive_url)] if self.url and self.archive_url else []
        if self.copy_url and self.copy_url != self.url:
            parts.append(("copy" if self.url else "copy-only", self.copy_url))
        elif not self.url:
            parts.append(("not-found", ""))
        return parts

    def _where(self) -> str:
        """What the addresses are, in words: archived copy, copy read, or no original found."""
        copy = f"read in a copy at {self.copy_host}: {{}}"
        words = {"archived": "archived: {}", "copy": copy, "copy-only": f"{NOT_FOUND}; {copy}", "not-found": NOT_FOUND}
        return "; ".join(words[what].format(address) for what, address in self.addresses())

    def text(self) -> str:
        """A full citation on one line of plain text: ``... https://original (archived: https://...) [id]``."""
        who = f"{self.author}. " if self.author else ""
        head = f"{who}\u201c{self.title}\u201d. {self.publisher}, {self.readable_date}."
        original = f" {self.url}" if self.url else ""
        where = self._where()
        return f"{head}{original}{f' ({where})' if where else ''} [{self.source_id}]"

    def markdown(self) -> str:
        """The inline form lessons use: ``[Author, date](original "id")``; a copy says so in its label."""
        label = self.short().replace("[", "(").replace("]", ")")
        if self.url:
            return f'[{label}]({self.url} "{self.source_id}")'
        if self.copy_url:
            return f'[{label}, read in a copy at {self.copy_host}]({self.copy_url} "{self.source_id}")'
        return f"{label} ({NOT_FOUND}; `{self.source_id}`)"

    def html(self) -> str:
        """A full citation as HTML (escaped): the original linked, then "(archived)" or the labelled copy."""
        def a(href: str, text: str) -> str:
            return f'<a href="{html.escape(href, quote=True)}" target="_blank" rel="noopener">{html.escape(text)}</a>'

        title = a(self.url, self.title) if self.url else html.escape(self.title)
        who = html.escape(self.author + ". ") if self.author else ""
        shown = {"archived": lambda u: a(u, "(archived)"), "not-found": lambda u: NOT_FOUND,
                 "copy": lambda u: f"read in a copy at {a(u, self.copy_host)}",
                 "copy-only": lambda u: f"{NOT_FOUND}; read in a copy at {a(u, self.copy_host)}"}
        extra = "; ".join(shown[what](address) for what, address in self.addresses())
        tail = f" {extra}" if extra else ""
        return f"{who}\u201c{title}\u201d. {html.escape(self.publisher)}, {html.escape(self.readable_date)}.{tail} <code>{html.escape(self.source_id)}</code>"


def _text(value: object) -> str:
    return "" if value is None or str(value) == "<NA>" else str(value)


def _build_citations() -> dict[str, Citation]:
    digits = {"year": 4, "month": 7, "day": 10}
    return {
        row.source_id: Citation(
            source_id=row.source_id, title=_text(row.title), author=_text(row.author), publisher=_text(row.publisher),
            date=row.date.strftime("%Y-%m-%d")[: digits[row.date_precision]],
            url=_text(row.url), copy_url=_text(row.copy_url), access=_text(row.access), notes=_text(row.notes),
            archive_url=_text(row.archive_url),
        )
        for row in data.load("sources").itertuples(index=False)
    }


def _citations() -> dict[str, Citation]:
    """Every source as a Citation, built once per version of sources.csv."""
    return cache.by_file(settings.datasets_dir() / "sources.csv", _build_citations, variant="citations")


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
CITATION_ID = re.compile(r"\((?:original address not found; )?`([a-z0-9]+(?:-[a-z0-9]+)*)`\)")


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


def relink(markdown: str) -> str:
    """Every citation link in ``markdown`` rendered again from ``sources.csv`` (after a source's addresses change).

    >>> relink('As NATO noted ([old label](http://example.org "nato-2012-turkey-60-years")).')
    'As NATO noted ([NATO, 18 Feb 2012](https://www.nato.int/cps/en/natohq/news_84445.htm "nato-2012-turkey-60-years")).'
    """
    def again(found: re.Match) -> str:
        try:
            return cite(found.group(3)).markdown()
        except UnknownSource:
            return found.group(0)  # reported by the lesson checks, left as written

    return CITATION_LINK.sub(again, markdown)


SOURCES_HEADING = "## Sources in this lesson"


def sources_section(source_ids) -> str:
    """The Markdown list of full citations that ends a lesson."""
    lines = [SOURCES_HEADING, "", "Every source cited above, with the id it has in `datasets/sources.csv`:", ""]
    for citation in cite_all(source_ids):
        who = f"{citation.author}. " if citation.author else ""
        title = citation.title.replace("[", "(").replace("]", ")")
        linked = f"[{title}]({citation.url})" if citation.url else title
        copy = f"read in a copy at [{citation.copy_host}]({{}})."
        shown = {"archived": "([archived]({}))", "copy": "R" + copy[1:], "copy-only": f"{NOT_FOUND.capitalize()}; {copy}",
                 "not-found": f"{NOT_FOUND.capitalize()}."}
        extra = " ".join(shown[what].format(address) for what, address in citation.addresses())
        tail = f" {extra}" if extra else ""
        lines.append(f"- {who}\u201c{linked}\u201d. {citation.publisher}, {citation.readable_date}.{tail} `{citation.source_id}`")
    return "\n".join(lines)


LINK = re.compile(r"\[([^\]]*)\]\((\S+?)(?: \"[^\"]*\")?\)|<a href=\"([^\"]+)\"[^>]*>(.*?)</a>")


def unlabelled_copies(text: str) -> list[str]:
    """Links in ``text`` (Markdown or HTML) that open a copy of a source without saying so.

    A link to a source's ``copy_url`` must say "copy" and name the copy's host
    in its text or just before it ("read in a copy at [host](...)").

    >>> c = cite("a1-cartalucci-2014")
    >>> unlabelled_copies(f"[Global Research]({c.copy_url})")
    ['[Global Research](http://activistpost.com/2014/12/isis-bloody-footprints-lead-from-nato.html)']
    >>> unlabelled_copies(c.markdown()) == unlabelled_copies(c.html()) == []
    True
    """
    copies = {c.copy_url: c for c in _citations().values() if c.copy_url and c.copy_url != c.url}
    found = []
    for match in LINK.finditer(text):
        href = html.unescape(match.group(2) or match.group(3) or "")
        label = html.unescape(match.group(1) if match.group(2) else (match.group(4) or ""))
        citation = copies.get(href)
        if citation is None:
            continue
        before = html.unescape(text[max(0, match.start() - 80):match.start()])
        if "copy" not in (before + label).lower() or citation.copy_host not in (before + label):
            found.append(match.group(0))
    return found
