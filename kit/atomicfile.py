"""Files written whole or not at all, and locks that give up with a clear message.

Every JSON file the kit writes goes through :func:`write_json_atomic` (or
:func:`write_text_atomic`): the text goes to a temporary file in the same
folder, which is flushed and fsynced and then renamed over the old file, and on
POSIX the folder is fsynced too. A crash or a kill therefore leaves either the
old file or the new one, never half of one. Temporary files are named
``.<name>.<random>.tmp``; :func:`remove_leftovers` deletes those of a writer
killed mid-save (call it only while holding the file's lock).

:func:`locked` serialises writers of one file across processes and kernels
with ``filelock`` on ``<file>.lock``. It never waits forever: after ``timeout``
seconds it raises :class:`LockTimeout`, which names the file.

>>> import json, tempfile
>>> path = Path(tempfile.mkdtemp()) / "marks.json"
>>> with locked(path, timeout=5):
...     write_json_atomic(path, {"schema": 1, "marks": {}})
>>> json.loads(path.read_text(encoding="utf-8"))
{'schema': 1, 'marks': {}}
>>> sorted(p.name for p in path.parent.iterdir())
['marks.json', 'marks.json.lock']
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import filelock

from kit.errors import KitError

DEFAULT_TIMEOUT = 10.0


class LockTimeout(KitError, TimeoutError):
    """Another program kept a file locked for longer than the kit waits; the message names the file."""


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so a crash leaves the old or the new file, never a mix."""
    _write_bytes_atomic(Path(path), text.encode("utf-8"))


def write_json_atomic(path: Path | str, document: Any) -> None:
    """Write ``document`` as indented JSON (UTF-8, non-ASCII kept) to ``path``, atomically."""
    write_text_atomic(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; other systems do it themselves)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_leftovers(path: Path | str) -> None:
    """Delete the temporary files that writers of ``path`` left when killed mid-save.

    Temporary files exist only while a writer holds the lock, so under the lock
    any that exist are abandoned.
    """
    path = Path(path)
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


@contextmanager
def locked(path: Path | str, *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (the file ``<path>.lock``) for the ``with`` block.

    Waits at most ``timeout`` seconds, then raises :class:`LockTimeout`. The
    folder must exist. The lock is not re-entrant: do not take it again inside.
    """
    lock_path = Path(str(path) + ".lock")
    lock = filelock.FileLock(str(lock_path), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockTimeout(
            f"could not be locked for writing within {timeout:g} s: another program (another notebook, or a "
            f"marking session) is holding {lock_path.name}. Nothing was written; try again, and if it keeps "
            "happening close the other notebook or restart its kernel.",
            path=path,
        ) from None
    try:
        yield
    finally:
        lock.release()
