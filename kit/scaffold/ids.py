"""Lesson ids for new lessons: made from the article's file name, or checked when the teacher gives one.

>>> lesson_id_for("My article (draft 2).md")
'MY-ARTICLE-DRAFT-2'
>>> lesson_id_for("L02.md")
'L02-ARTICLE'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kit.errors import InputError

LESSON_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
BUILT_IN_ID = re.compile(r"^L\d{2}$", re.I)


def lesson_id_for(path: Path | str) -> str:
    """An upper-case slug of the file name, usable as a lesson id (never a built-in lesson's)."""
    stem = Path(path).stem
    ascii_name = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").upper()[:40].strip("-") or "ARTICLE"
    return f"{slug}-ARTICLE" if BUILT_IN_ID.match(slug) else slug


def check_lesson_id(lesson_id: str) -> str:
    """Return ``lesson_id`` if it can name a lesson, else raise :class:`~kit.errors.InputError` saying why.

    >>> check_lesson_id("OPED-7")
    'OPED-7'
    """
    if not LESSON_ID.match(lesson_id):
        raise InputError(f"lesson id {lesson_id!r} must be 1 to 40 letters, digits or hyphens, starting with a letter or digit")
    if BUILT_IN_ID.match(lesson_id):
        raise InputError(f"lesson id {lesson_id!r} looks like a built-in lesson (L00-L99); choose another")
    return lesson_id
