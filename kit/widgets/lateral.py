"""Widgets for the moves of lateral reading: the lateral-reading log and the practice search-results page.

>>> import tempfile
>>> from kit.lesson import Lesson
>>> lesson = Lesson("L01", answers_folder=tempfile.mkdtemp(), feedback=False)
>>> log = lesson.ask("q03")
>>> log.add_button.click(); log.rows[0].address.value = "en.wikipedia.org/wiki/New_Eastern_Outlook"
>>> lesson.store.get("L01.q03")["rows"][0]["address"]
'en.wikipedia.org/wiki/New_Eastern_Outlook'
>>> log.rows[0].remove.click(); log.rows
[]
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.kinds.lateral_log import BOTTOM_LINE, ROW_FIELDS, TRUST_LEVELS
from kit.kinds.search_results import PAGE_LABEL
from kit.widgets.base import FULL_WIDTH, QuestionWidget, choose_none

LABEL_STYLE = {"description_width": "initial"}


class _LogRow:
    """The controls of one row of the log (about, address, publisher, says, trust) and its Remove button."""

    def __init__(self, targets: list[tuple[str, str]], on_remove) -> None:
        self.title = w.HTML()
        self.about = w.Dropdown(options=[choose_none(), *targets], value=None, style=LABEL_STYLE, layout=FULL_WIDTH)
        self.address = w.Text(value="", placeholder="https://... (copy it from the address bar)", style=LABEL_STYLE,
                              layout=FULL_WIDTH, continuous_update=False)
        self.publisher = w.Text(value="", placeholder="Who runs the site this page is on?", style=LABEL_STYLE,
                                layout=FULL_WIDTH, continuous_update=False)
        self.says = w.Text(value="", placeholder="In a few words of your own", style=LABEL_STYLE, layout=FULL_WIDTH,
                           continuous_update=False)
        self.trust = w.Dropdown(options=[choose_none(), *[(label, level) for level, label in TRUST_LEVELS.items()]],
                                value=None, style=LABEL_STYLE, layout=FULL_WIDTH)
        self.remove = w.Button(description="Remove row", icon="trash", layout=w.Layout(width="auto"))
        self.remove.on_click(lambda _: on_remove(self))
        self.box = w.VBox([self.title, self.about, self.address, self.publisher, self.says, self.trust, self.remove],
                          layout=w.Layout(border="1px dashed #888", padding="4px", margin="4px 0", width="100%"))
        self.box.add_class("medialit-log-row")

    def number(self, n: int) -> None:
        """Label every control with the row's number (screen readers read the description)."""
        self.title.value = f"<strong>Row {n}</strong>"
        self.about.description = f"Row {n}: which source is this page about?"
        self.address.description = f"Row {n}: address of the page you opened"
        self.publisher.description = f"Row {n}: who publishes that page"
        self.says.description = f"Row {n}: what it says about the source"
        self.trust.description = f"Row {n}: how far you trust that page"
        self.remove.description = f"Remove row {n}"
        self.remove.tooltip = f"Remove row {n} of the log"

    @property
    def controls(self) -> list[w.Widget]:
        return [self.about, self.address, self.publisher, self.says, self.trust]

    def read(self) -> dict[str, str]:
        values = [c.value or "" for c in self.controls]
        return dict(zip(ROW_FIELDS, values))

    def write(self, row: dict[str, str]) -> None:
        self.about.value = row.get("about") or None
        self.address.value = row.get("address", "")
        self.publisher.value = row.get("publisher", "")
        self.says.value = row.get("says", "")
        self.trust.value = row.get("trust") or None


class LateralLogWidget(QuestionWidget):
    """A log of the pages opened in new tabs (rows added and removed with buttons), then the bottom line."""

    def _build(self) -> list[w.Widget]:
        self._targets = [(item.text, item.id) for item in self.question.items]
        self.rows: list[_LogRow] = []
        self.rows_box = w.VBox(layout=FULL_WIDTH)
        self.add_button = w.Button(description="Add a row", icon="plus", tooltip="Add a row for the next page you open",
                                   layout=w.Layout(width="auto"))
        self.add_button.on_click(lambda _: self._add_row(save=True))
        intro = w.HTML('<p><strong>Your log</strong>: one row for each page you open in a new tab.</p>', layout=FULL_WIDTH)
        self.uses = {
            option.id: w.RadioButtons(options=[(label, answer) for answer, label in BOTTOM_LINE.items()], value=None,
                                      description=f"Use {n}", style=LABEL_STYLE, layout=FULL_WIDTH)
            for n, option in enumerate(self.question.options, 1)
        }
        line: list[w.Widget] = [w.HTML("<strong>Your bottom line</strong>: rely on the source for this, or not?", layout=FULL_WIDTH)]
        for n, option in enumerate(self.question.options, 1):
            line += [w.HTML(f"Use {n}: {html.escape(option.label)}", layout=FULL_WIDTH), self.uses[option.id]]
        self.reason = w.Textarea(value="", description="Your reason", placeholder="What you found, and why it decides your bottom line",
                                 style=LABEL_STYLE, layout=w.Layout(width="100%", height="4em"), continuous_update=False)
        bottom = w.VBox([*line, self.reason], layout=FULL_WIDTH)
        bottom.add_class("medialit-bottom-line")
        return [intro, self.rows_box, self.add_button, bottom]

    def _inputs(self) -> list[w.Widget]:
        return [*self.uses.values(), self.reason]

    # ------------------------------------------------------------ rows

    def _add_row(self, row: dict[str, str] | None = None, *, save: bool = False) -> _LogRow:
        entry = _LogRow(self._targets, self._remove_row)
        if row:
            entry.write(row)
        for control in entry.controls:
            control.observe(self._changed, names="value")
        self.rows.append(entry)
        self._renumber()
        if save:
            self.save()
        return entry

    def _remove_row(self, entry: _LogRow) -> None:
        for control in entry.controls:
            control.unobserve(self._changed, names="value")
        self.rows.remove(entry)
        self._renumber()
        self.save()
        self.add_button.focus()  # keyboard users land on a control that still exists

    def _renumber(self) -> None:
        for n, entry in enumerate(self.rows, 1):
            entry.number(n)
        self.rows_box.children = tuple(entry.box for entry in self.rows)

    # ------------------------------------------------------------ value

    def _read(self) -> Any:
        rows = [entry.read() for entry in self.rows]
        line = {use: radio.value for use, radio in self.uses.items() if radio.value is not None}
        if not rows and not line and not self.reason.value.strip():
            return None
        return {"rows": rows, "bottom_line": line, "reason": self.reason.value}

    def _write(self, value: Any) -> None:
        value = value or {}
        for entry in list(self.rows):
            for control in entry.controls:
                control.unobserve(self._changed, names="value")
        self.rows = []
        for row in value.get("rows", []):
            self._add_row(row)
        self._renumber()
        line = value.get("bottom_line", {})
        for use, radio in self.uses.items():
            radio.value = line.get(use)
        self.reason.value = value.get("reason", "")


class SearchResultsWidget(QuestionWidget):
    """A practice results page (title, address, snippet per result); choose what to open first, and why."""

    def _build(self) -> list[w.Widget]:
        results = "".join(
            f'<li><div class="medialit-result-title"><strong>{html.escape(item.ref["title"])}</strong></div>'
            f'<div class="medialit-result-address"><code>{html.escape(item.source)}</code></div>'
            f'<div class="medialit-result-snippet">{html.escape(item.text)}</div></li>'
            for item in self.question.items)
        page = w.HTML(f'<div role="region" aria-label="{html.escape(PAGE_LABEL)}"><p><em>{html.escape(PAGE_LABEL)}</em></p>'
                      f'<ol class="medialit-results">{results}</ol></div>', layout=FULL_WIDTH)
        self.open = w.RadioButtons(options=[(f"{n}. {item.ref['title']}", item.id) for n, item in enumerate(self.question.items, 1)],
                                   value=None, description="Open first", style=LABEL_STYLE, layout=FULL_WIDTH)
        self.reason = w.RadioButtons(options=[(o.label, o.id) for o in self.question.options], value=None,
                                     description="Because", style=LABEL_STYLE, layout=FULL_WIDTH)
        return [page, self.open, self.reason]

    def _inputs(self) -> list[w.Widget]:
        return [self.open, self.reason]

    def _read(self) -> Any:
        if self.open.value is None and self.reason.value is None:
            return None
        return {"open": self.open.value or "", "reason": self.reason.value or ""}

    def _write(self, value: Any) -> None:
        value = value or {}
        self.open.value = value.get("open") or None
        self.reason.value = value.get("reason") or None
