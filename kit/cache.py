"""One cache for everything read from a file: keyed on the path and its modification time.

A file edited on disk (a teacher fixing a key, a dataset refreshed) is read
again on next use; an unchanged file is parsed once per process.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "n.txt"
>>> _ = path.write_text("1")
>>> by_file(path, lambda: int(path.read_text()))
1
>>> by_file(path, lambda: 99)  # unchanged file: the cached value
1
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")

_ENTRIES: dict[tuple[Path, Hashable], tuple[float | None, object]] = {}


def by_file(path: Path, build: Callable[[], T], *, variant: Hashable = None) -> T:
    """``build()``'s result, cached until ``path`` changes (``variant`` tells apart several results of one file)."""
    path = Path(path)
    try:
        stamp: float | None = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    slot = (path.resolve(), variant)
    cached = _ENTRIES.get(slot)
    if cached is not None and cached[0] == stamp and stamp is not None:
        return cached[1]  # type: ignore[return-value]
    value = build()
    _ENTRIES[slot] = (stamp, value)
    return value


def clear() -> None:
    """Forget everything (tests that rewrite files within one clock tick use this)."""
    _ENTRIES.clear()
