"""A credibility judgement with a confidence, for discernment (d') and calibration (Brier)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from kit.kinds.rating import CONFIDENCE_LEVELS
from kit.widgets.base import FULL_WIDTH, QuestionWidget

CONFIDENCE_LABELS = {50: "50% (a guess)", 60: "60%", 70: "70%", 80: "80%", 90: "90%", 100: "100% (certain)"}


class CredibilityRating(QuestionWidget):
    """Choose a judgement, then say how sure you are (both radio groups, keyboard-usable)."""

    def _build(self) -> list[w.Widget]:
        self.choice = w.RadioButtons(
            options=[(o.label, o.id) for o in self.question.options],
            value=None,
            description="Your judgement",
            style={"description_width": "initial"},
            layout=FULL_WIDTH,
        )
        self.confidence = w.RadioButtons(
            options=[(CONFIDENCE_LABELS[level], level) for level in CONFIDENCE_LEVELS],
            value=None,
            description="How sure are you?",
            style={"description_width": "initial"},
            layout=FULL_WIDTH,
        )
        return [self.choice, self.confidence]

    def _read(self) -> Any:
        if self.choice.value is None or self.confidence.value is None:
            return None
        return {"choice": self.choice.value, "confidence": self.confidence.value}

    def _write(self, value: Any) -> None:
        self.choice.value = value["choice"] if value else None
        self.confidence.value = value["confidence"] if value else None

    def _changed(self, _change=None) -> None:
        if self._suspended:
            return
        if self._read() is None:
            self._status.value = '<span role="status">Choose both a judgement and how sure you are; then it is saved.</span>'
            return
        self.save()
