"""The three addresses of a source: the original, an archived copy of it, and the copy the kit read.

``sources.csv`` keeps them apart so that a citation can say which is which
(see :mod:`kit.citations`):

- ``url``: the publisher's own page (the original);
- ``archive_url``: an archived copy of that original, on a known web archive;
- ``copy_url``: the copy the kit actually read, when it was not the original.

:func:`row_problems` checks the forms :mod:`kit.data` cannot check cell by
cell, and returns ``(column, message)`` pairs.

>>> row_problems({"url": "https://example.org/a", "archive_url": "https://web.archive.org/web/2017/https://example.org/a", "copy_url": ""})
[]
>>> row_problems({"url": "https://example.org/a", "archive_url": "https://example.net/a", "copy_url": "https://example.org/a"})[0][0]
'archive_url'
>>> host("https://www.dw.com/en/x")
'dw.com'
>>> wayback("https://example.org/a", "2014-12-18")
'https://web.archive.org/web/20141218/https://example.org/a'

Students who trace a citation paste addresses in every form; :func:`page` and
:func:`archived_page` compare them as a reader would:

>>> page("HTTP://WWW.Example.org/a/?utm_source=x#top") == page("example.org/a")
True
>>> archived_page("https://web.archive.org/web/2015id_/http://www.example.org/a/")
'example.org/a'
>>> matches("https://www.example.org/news/2007/03/05/story", "example.org/news/2007/03/05/*")
True
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

#: Web archives whose captures the kit accepts as ``archive_url``.
ARCHIVE_HOSTS = (
    "web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is", "archive.li",
    "archive.vn", "archive.fo", "archive.md", "webcitation.org", "perma.cc", "ghostarchive.org",
)
#: ``/web/TIMESTAMP[modifier_]/ORIGINAL``: a Wayback Machine address (the timestamp may be partial).
WAYBACK_PATH = re.compile(r"^/web/(\d{4,14})(?:[a-z]{2}_)?/(https?://\S+)$")
#: archive.today short form (``/AbCd1``) or timestamped form (``/2017.08.02-123456/ORIGINAL``).
ARCHIVE_TODAY_PATH = re.compile(r"^/(?:[A-Za-z0-9]{4,10}|\d{4}\.\d{2}\.\d{2}-\d{6}/https?://\S+|\d{4,14}/https?://\S+)$")


def host(address: str) -> str:
    """The host of ``address`` without ``www.`` (what a reader sees as "the site")."""
    name = (urlsplit(address).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def _same_page(one: str, other: str) -> bool:
    """True if two addresses name the same page (ignoring scheme, ``www.`` and a trailing ``/``)."""
    def key(address: str) -> str:
        parts = urlsplit(address)
        return f"{host(address)}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"
    return key(one) == key(other)


def is_archive(address: str) -> bool:
    """True if ``address`` is on one of :data:`ARCHIVE_HOSTS`."""
    name = host(address)
    return any(name == known or name.endswith("." + known) for known in ARCHIVE_HOSTS)


def archive_problems(archive_url: str, original: str = "") -> list[str]:
    """Problems of one ``archive_url``: a known archive, in its own address form, of ``original``."""
    if not archive_url:
        return []
    if not is_archive(archive_url):
        return [f"{archive_url!r} is not on a known web archive ({', '.join(ARCHIVE_HOSTS)})"]
    parts = urlsplit(archive_url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    name = host(archive_url)
    if name == "web.archive.org":
        found = WAYBACK_PATH.match(path)
        if not found:
            return [f"{archive_url!r} is not a Wayback Machine address (https://web.archive.org/web/TIMESTAMP/ORIGINAL)"]
        if original and not _same_page(found.group(2), original):
            return [f"{archive_url!r} archives {found.group(2)!r}, not the original {original!r}"]
    elif name.startswith("archive.") and name != "archive.org" and not ARCHIVE_TODAY_PATH.match(path):
        return [f"{archive_url!r} is not an archive.today capture address"]
    return []


def row_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    """Problems across the address columns of one ``sources.csv`` row, as ``(column, message)``."""
    url, archive, copy = (row.get(name, "") or "" for name in ("url", "archive_url", "copy_url"))
    problems = [("archive_url", message) for message in archive_problems(archive, url)]
    if copy and url and _same_page(copy, url):
        problems.append(("copy_url", f"{copy!r} is the original itself (url); copy_url is only for a copy read elsewhere"))
    if copy and archive and _same_page(copy, archive):
        problems.append(("copy_url", f"{copy!r} is the archived original (archive_url), not a copy"))
    if url and is_archive(url):
        problems.append(("url", f"{url!r} is an archive capture; give the publisher's own address here and the capture as archive_url"))
    return problems


def wayback(original: str, date: str) -> str:
    """The Wayback Machine address of ``original`` nearest ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    The Wayback Machine redirects such an address to its capture nearest the
    timestamp; whether a capture exists is not checked here.
    """
    return f"https://web.archive.org/web/{date.replace('-', '')}/{original}"


def _with_scheme(address: str) -> str:
    address = address.strip()
    return address if re.match(r"^[a-z][a-z0-9+.-]*://", address, re.I) else f"https://{address}"


def page(address: str, *, keep_query: bool = False) -> str:
    """``address`` as a reader names a page: no scheme, no ``www.``, no trailing ``/``, no fragment,
    and no query unless ``keep_query`` (a query that picks the page, such as ``?p=243496``).

    Percent-escapes are decoded and case is ignored, so an address copied from the address bar
    (``ISIL's``) and one copied from a link (``ISIL%27s``) name the same page.
    """
    parts = urlsplit(_with_scheme(address))
    query = f"?{unquote(parts.query)}" if keep_query and parts.query else ""
    return f"{host(parts.geturl())}{unquote(parts.path).rstrip('/')}{query}".lower()


def archived_page(address: str) -> str | None:
    """The page an archive capture is a copy of (as :func:`page` names it), or None if ``address`` is no capture."""
    address = _with_scheme(address)
    if not is_archive(address):
        return None
    parts = urlsplit(address)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    found = WAYBACK_PATH.match(path) if host(address) == "web.archive.org" else None
    if found is None and host(address) != "web.archive.org":
        found = re.match(r"^/(?:\d{4}\.\d{2}\.\d{2}-\d{6}|\d{4,14})/(https?://\S+)$", path)
        original = found.group(1) if found else None
    else:
        original = found.group(2) if found else None
    return page(original, keep_query=True) if original else None


def matches(address: str, pattern: str) -> bool:
    """True if ``address`` names the page ``pattern`` names; a pattern ending in ``/*`` stands for every page under it.

    The query counts only when the pattern has one.
    """
    if pattern.endswith("/*"):
        base = page(pattern[:-2])
        return page(address) == base or page(address).startswith(base + "/")
    keep = bool(urlsplit(_with_scheme(pattern)).query)
    return page(address, keep_query=keep) == page(pattern, keep_query=keep)
