"""The question kinds: one class per kind, and the registry that maps kind names to them.

Adding a kind means one new module with a :class:`Kind` subclass, registered
with :func:`register` (the built-in kinds are registered here), and its tests.
Everything else (bank loading, validation, scoring, feedback, grading, the
widgets, the guide's answer tables) asks the registry.

>>> names()
['address', 'choice', 'evidence-match', 'free-text', 'multi', 'rating', 'source-card', 'source-check', 'tag-table', 'technique']
>>> get("rating").label
'credibility rating with confidence'
>>> get("poll")
Traceback (most recent call last):
kit.model.BankError: kind 'poll' is not one of address, choice, evidence-match, free-text, multi, rating, source-card, source-check, tag-table, technique
"""

from __future__ import annotations

from kit.kinds.address import Address
from kit.kinds.base import Kind, Parts
from kit.kinds.choice import Choice
from kit.kinds.evidence_match import EvidenceMatch
from kit.kinds.free_text import FreeText
from kit.kinds.multi import Multi
from kit.kinds.rating import Rating
from kit.kinds.source_card import SourceCard
from kit.kinds.source_check import SourceCheck
from kit.kinds.tag_table import TagTable
from kit.kinds.technique import Technique
from kit.model import BankError

__all__ = ["Kind", "Parts", "register", "unregister", "get", "names"]

_REGISTRY: dict[str, Kind] = {}


def register(kind: type[Kind]) -> type[Kind]:
    """Register a kind class under its ``name`` (usable as a class decorator); returns the class."""
    if not getattr(kind, "name", ""):
        raise BankError(f"{kind.__name__} has no name")
    _REGISTRY[kind.name] = kind()
    return kind


def unregister(name: str) -> None:
    """Remove a kind (tests that register a kind of their own clean up with this)."""
    _REGISTRY.pop(name, None)


def get(name: str) -> Kind:
    """The kind called ``name``."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise BankError(f"kind {name!r} is not one of {', '.join(names())}") from None


def names() -> list[str]:
    """The registered kinds' names, sorted."""
    return sorted(_REGISTRY)


for _builtin in (Address, Choice, Multi, Technique, TagTable, EvidenceMatch, Rating, SourceCard, SourceCheck, FreeText):
    register(_builtin)
