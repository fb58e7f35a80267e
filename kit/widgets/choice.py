"""Choice widgets: single choice, multiple choice and the technique picker."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.widgets.base import FULL_WIDTH, QuestionWidget


class SingleChoice(QuestionWidget):
    """One option out of several (radio buttons: arrow keys move, Space selects)."""

    def _build(self) -> list[w.Widget]:
        self.radio = w.RadioButtons(
            options=[(o.label, o.id) for o in self.question.options],
            value=None,
            description="Your answer",
            style={"description_width": "initial"},
            layout=FULL_WIDTH,
        )
        return [self.radio]

    def _read(self) -> Any:
        return self.radio.value

    def _write(self, value: Any) -> None:
        self.radio.value = value


class MultipleChoice(QuestionWidget):
    """Any number of options (one checkbox each: Tab moves, Space ticks)."""

    def _build(self) -> list[w.Widget]:
        self.boxes = {
            o.id: w.Checkbox(value=False, description=o.label, indent=False, layout=FULL_WIDTH)
            for o in self.question.options
        }
        return list(self.boxes.values())

    def _read(self) -> Any:
        chosen = sorted(option for option, box in self.boxes.items() if box.value)
        return chosen or None

    def _write(self, value: Any) -> None:
        chosen = set(value or [])
        for option, box in self.boxes.items():
            box.value = option in chosen


class TechniquePicker(MultipleChoice):
    """Tick the persuasion techniques visible in a passage."""

    def _build(self) -> list[w.Widget]:
        passage = w.HTML(
            f'<blockquote class="medialit-passage" aria-label="Passage">{html.escape(self.question.passage)}</blockquote>',
            layout=FULL_WIDTH,
        )
        return [passage, *super()._build()]
