"""Table widgets: one dropdown per row. The claim-tag table and the evidence match."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.widgets.base import FULL_WIDTH, QuestionWidget, choose_none


def short_label(label: str) -> str:
    """The name part of a label like ``"factual: says something happened"`` (what a drop-down shows).

    >>> short_label("factual: says something happened or is the case")
    'factual'
    """
    return label.split(":", 1)[0].strip() if ":" in label else label


class TagTable(QuestionWidget):
    """One sentence per row, a label (e.g. a claim type) for each.

    Drop-downs show the short name of each label; when labels carry a
    definition ("factual: says ..."), the definitions are listed once above
    the rows, so nothing is cut off in a narrow drop-down.
    """

    def _row_text(self, item) -> str:
        return html.escape(item.text)

    def _build(self) -> list[w.Widget]:
        names = [short_label(label.label) for label in self.question.labels]
        if len(set(names)) < len(names):  # short names would be ambiguous: show the labels in full
            names = [label.label for label in self.question.labels]
        labels = list(zip(names, (label.id for label in self.question.labels)))
        self.dropdowns: dict[str, w.Dropdown] = {}
        rows: list[w.Widget] = []
        if any(name != label.label for name, label in zip(names, self.question.labels)):
            definitions = "".join(
                f"<li><strong>{html.escape(short_label(label.label))}</strong>"
                f"{': ' + html.escape(label.label.split(':', 1)[1].strip()) if ':' in label.label else ''}</li>"
                for label in self.question.labels
            )
            rows.append(w.HTML(f'<ul class="medialit-legend">{definitions}</ul>', layout=FULL_WIDTH))
        for number, item in enumerate(self.question.items, start=1):
            dropdown = w.Dropdown(
                options=[choose_none(), *labels],
                value=None,
                description=f"Row {number}",
                description_allow_html=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="14em", flex="0 0 auto"),
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
