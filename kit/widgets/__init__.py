"""Evaluation widgets, one per question kind, all bound to the answer store.

>>> sorted(WIDGETS)
['choice', 'evidence-match', 'free-text', 'multi', 'rating', 'source-card', 'tag-table', 'technique']
"""

from __future__ import annotations

from kit.widgets.base import QuestionWidget
from kit.widgets.cards import FreeText, SourceCard
from kit.widgets.choice import MultipleChoice, SingleChoice, TechniquePicker
from kit.widgets.progress import LessonProgress, NameEntry
from kit.widgets.rating import CredibilityRating
from kit.widgets.tables import EvidenceMatch, TagTable

WIDGETS: dict[str, type[QuestionWidget]] = {
    "choice": SingleChoice,
    "multi": MultipleChoice,
    "technique": TechniquePicker,
    "tag-table": TagTable,
    "evidence-match": EvidenceMatch,
    "rating": CredibilityRating,
    "source-card": SourceCard,
    "free-text": FreeText,
}

__all__ = [
    "WIDGETS", "QuestionWidget", "SingleChoice", "MultipleChoice", "TechniquePicker", "TagTable",
    "EvidenceMatch", "CredibilityRating", "SourceCard", "FreeText", "LessonProgress", "NameEntry",
    "make_widget",
]


def make_widget(question, **options) -> QuestionWidget:
    """The widget for ``question``'s kind (options: store, key, show_feedback, on_save)."""
    return WIDGETS[question.kind](question, **options)
