"""The find-the-original widget: an address box, and for an offline class a list of candidate addresses.

Choosing a candidate puts its address in the box, so the answer saved is an
address either way (the kind, :mod:`kit.kinds.address`, scores it).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from kit.widgets.base import FULL_WIDTH, QuestionWidget


class AddressEntry(QuestionWidget):
    """Paste the address of the original (a text box: Tab moves, Enter or leaving the box saves)."""

    def _build(self) -> list[w.Widget]:
        self.address = w.Text(value="", description="Address of the original", placeholder="https://...",
                              style={"description_width": "initial"}, layout=FULL_WIDTH, continuous_update=False)
        controls: list[w.Widget] = [self.address]
        self.candidates: w.RadioButtons | None = None
        if self.question.options:
            self.candidates = w.RadioButtons(
                options=[(o.label, o.label) for o in self.question.options], value=None,
                description="No internet? Choose the original among these addresses",
                style={"description_width": "initial"}, layout=FULL_WIDTH)
            self.candidates.observe(self._chosen, names="value")
            controls.append(self.candidates)
        return controls

    def _inputs(self) -> list[w.Widget]:
        return [self.address]

    def _chosen(self, change: dict) -> None:
        if change["new"] and not self._suspended:
            self.address.value = change["new"]

    def _read(self) -> Any:
        return self.address.value.strip() or None

    def _write(self, value: Any) -> None:
        self.address.value = value or ""
        if self.candidates is not None:
            labels = [label for label, _ in self.candidates.options]
            self.candidates.value = value if value in labels else None
