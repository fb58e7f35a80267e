"""Table widgets: one dropdown per row. The claim-tag table and the evidence match."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.widgets.base import FULL_WIDTH, QuestionWidget, choose_none


class TagTable(QuestionWidget):
    """One sentence per row, a label (e.g. a claim type) for each."""

    def _row_text(self, item) -> str:
        return html.escape(item.text)

    def _build(self) -> list[w.Widget]:
        labels = [(label.label, label.id) for label in self.question.labels]
        self.dropdowns: dict[str, w.Dropdown] = {}
        rows: list[w.Widget] = []
        for number, item in enumerate(self.question.items, start=1):
            dropdown = w.Dropdown(
                options=[choose_none(), *labels],
                value=None,
                description=f"Row {number}",
                description_allow_html=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="18em", flex="0 0 auto"),
            )
            self.dropdowns[item.id] = dropdown
            text = w.HTML(f'<div class="medialit-row-text">{self._row_text(item)}</div>', layout=w.Layout(flex="1 1 auto"))
            rows.append(w.HBox([text, dropdown], layout=FULL_WIDTH))
        self._rows = rows
        return rows

    def _inputs(self) -> list[w.Widget]:
        return list(self.dropdowns.values())

    def _read(self) -> Any:
        chosen = {item: d.value for item, d in self.dropdowns.items() if d.value is not None}
        return chosen or None

    def _write(self, value: Any) -> None:
        value = value or {}
        for item, dropdown in self.dropdowns.items():
            dropdown.value = value.get(item)


class EvidenceMatch(TagTable):
    """Claim x source: does the source support, qualify, contradict the claim, or is it unrelated?"""

    def _row_text(self, item) -> str:
        return (
            f"<strong>Claim:</strong> {html.escape(item.text)}<br>"
            f"<strong>Source says:</strong> {html.escape(item.source)}"
        )
