"""One error base for the whole kit: every problem names the file, the row, the column and what is wrong.

The ``medialit`` command catches :class:`KitError` once and prints it without a
traceback; notebooks show its text. Each part of the kit derives its own error
from it (a bad question bank, a bad answers file, a bad dataset ...), so a
caller can catch them all with one ``except KitError``.

>>> str(KitError("quote not found verbatim", path="datasets/claims.csv", row=12, column="quote"))
'datasets/claims.csv: row 12: quote: quote not found verbatim'
>>> str(KitError("the lesson has no questions"))
'the lesson has no questions'
"""

from __future__ import annotations

from pathlib import Path


class KitError(Exception):
    """A problem the user can act on. ``path``, ``row`` and ``column`` say where, ``problem`` says what."""

    def __init__(self, problem: str = "", *, path: Path | str | None = None, row: int | None = None,
                 column: str | None = None):
        self.problem = problem
        self.path = path
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [str(self.path)] if self.path is not None else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(str(self.column))
        return ": ".join([*where, self.problem]) if where else self.problem


class InputError(KitError, ValueError):
    """Input the kit cannot use: a bad option, a missing file, a name that cannot be an id.

    Also a ``ValueError``, so code that validates values can catch it as one.
    """
