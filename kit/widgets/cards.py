"""Widgets with written parts: the source card and the free-text answer."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.kinds.source_card import CARD_FIELDS
from kit.text.segment import words
from kit.widgets.base import FULL_WIDTH, QuestionWidget

FLAG_PREFIX = {"red": "Red flag \U0001f6a9: ", "green": "Green flag \u2705: "}


class SourceCard(QuestionWidget):
    """Who is behind a source: owner, funding, what others say, red and green flags, a verdict."""

    def _build(self) -> list[w.Widget]:
        self.fields = {
            name: w.Textarea(
                value="", description=label, placeholder="Write what you found, and where you found it",
                style={"description_width": "initial"}, layout=w.Layout(width="100%", height="4em"),
                continuous_update=False,
            )
            for name, label in CARD_FIELDS.items()
        }
        self.flags = {
            o.id: w.Checkbox(value=False, description=FLAG_PREFIX[o.kind or 'red'] + o.label, indent=False, layout=FULL_WIDTH)
            for o in self.question.options
        }
        self.verdict = w.RadioButtons(
            options=[(v.label, v.id) for v in self.question.labels], value=None,
            description="Your verdict", style={"description_width": "initial"}, layout=FULL_WIDTH,
        )
        flags_title = w.HTML("<strong>Flags you found</strong> (tick every one that applies)")
        return [*self.fields.values(), flags_title, *self.flags.values(), self.verdict]

    def _inputs(self) -> list[w.Widget]:
        return [*self.fields.values(), *self.flags.values(), self.verdict]

    def _read(self) -> Any:
        value = {name: box.value for name, box in self.fields.items()}
        value["flags"] = sorted(f for f, box in self.flags.items() if box.value)
        value["verdict"] = self.verdict.value
        empty = not any(value[n].strip() for n in CARD_FIELDS) and not value["flags"] and value["verdict"] is None
        return None if empty else value

    def _write(self, value: Any) -> None:
        value = value or {}
        for name, box in self.fields.items():
            box.value = value.get(name, "")
        flags = set(value.get("flags", []))
        for flag, box in self.flags.items():
            box.value = flag in flags
        self.verdict.value = value.get("verdict")


class FreeText(QuestionWidget):
    """A written answer with a live word count against the minimum length."""

    def _build(self) -> list[w.Widget]:
        self.area = w.Textarea(
            value="", description="Your answer", placeholder="Write your answer here",
            style={"description_width": "initial"}, layout=w.Layout(width="100%", height="8em"),
            continuous_update=True,
        )
        self.count = w.HTML(layout=FULL_WIDTH)
        self.area.observe(self._count, names="value")
        self._count()
        return [self.area, self.count]

    def _inputs(self) -> list[w.Widget]:
        return [self.area]

    def _count(self, _change=None) -> None:
        n = len(words(self.area.value))
        minimum = self.question.min_words
        need = f" (at least {minimum}; {minimum - n} to go)" if minimum and n < minimum else (f" (at least {minimum} \u2713)" if minimum else "")
        self.count.value = f'<span role="status">{n} word{"s" if n != 1 else ""}{html.escape(need)}</span>'

    def _read(self) -> Any:
        return self.area.value if self.area.value.strip() else None

    def _write(self, value: Any) -> None:
        self.area.value = value or ""
        self._count()
