"""Evaluation widgets, one per question kind, all bound to the answer store.

Each kind names its widget (``Kind.widget``, ``"module:Class"``); :func:`make_widget`
builds it. A kind of one's own can reuse a widget here or name its own class.

>>> from kit import kinds
>>> sorted(widget_class(kinds.get(name)).__name__ for name in kinds.names())[:3]
['AddressEntry', 'CredibilityRating', 'EvidenceMatch']
"""

from __future__ import annotations

import importlib

from kit import kinds
from kit.model import Question
from kit.widgets.base import QuestionWidget
from kit.widgets.cards import FreeText, SourceCard
from kit.widgets.choice import MultipleChoice, SingleChoice, TechniquePicker
from kit.widgets.progress import LessonProgress, NameEntry
from kit.widgets.rating import CredibilityRating
from kit.widgets.tables import EvidenceMatch, TagTable

__all__ = [
    "QuestionWidget", "SingleChoice", "MultipleChoice", "TechniquePicker", "TagTable", "EvidenceMatch",
    "CredibilityRating", "SourceCard", "FreeText", "LessonProgress", "NameEntry", "make_widget", "widget_class",
]


def widget_class(kind: kinds.Kind) -> type[QuestionWidget]:
    """The widget class a kind names."""
    module, _, name = kind.widget.partition(":")
    widget = getattr(importlib.import_module(module), name)
    if not (isinstance(widget, type) and issubclass(widget, QuestionWidget)):
        raise TypeError(f"kind {kind.name}: {kind.widget} is not a QuestionWidget")
    return widget


def make_widget(question: Question, **options) -> QuestionWidget:
    """The widget for ``question``'s kind (options: store, key, show_feedback, on_save)."""
    return widget_class(kinds.get(question.kind))(question, **options)
