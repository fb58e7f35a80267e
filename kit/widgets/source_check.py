"""The source-check widget: an address, a judgement and a reason, with the offline evidence folded away."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from kit.widgets.base import FULL_WIDTH, QuestionWidget


class SourceCheckWidget(QuestionWidget):
    """Who is behind this page? Address found, judgement, reason; the supplied evidence for an offline class."""

    def _build(self) -> list[w.Widget]:
        self.address = w.Text(value="", description="Address where you found who is behind it",
                              placeholder="https://...", style={"description_width": "initial"}, layout=FULL_WIDTH,
                              continuous_update=False)
        self.judgement = w.RadioButtons(options=[(o.label, o.id) for o in self.question.options], value=None,
                                        description="Your judgement", style={"description_width": "initial"},
                                        layout=FULL_WIDTH)
        self.reason = w.Textarea(value="", description="Your reason", placeholder="What you found, and why it matters",
                                 style={"description_width": "initial"}, layout=w.Layout(width="100%", height="4em"),
                                 continuous_update=False)
        controls: list[w.Widget] = [self.address, self.judgement, self.reason]
        if self.question.items:
            excerpts = "".join(
                f'<li><blockquote>{html.escape(item.text)}</blockquote><span>{html.escape(item.source)}</span></li>'
                for item in self.question.items)
            offline = w.Accordion(children=[w.HTML(f"<ul>{excerpts}</ul>", layout=FULL_WIDTH)], selected_index=None)
            offline.set_title(0, "No internet in class? Open the evidence your teacher supplied")
            controls.append(offline)
        return controls

    def _inputs(self) -> list[w.Widget]:
        return [self.address, self.judgement, self.reason]

    def _read(self) -> Any:
        if not self.address.value.strip() and self.judgement.value is None and not self.reason.value.strip():
            return None
        return {"address": self.address.value, "judgement": self.judgement.value or "", "reason": self.reason.value}

    def _write(self, value: Any) -> None:
        value = value or {}
        self.address.value = value.get("address", "")
        self.judgement.value = value.get("judgement") or None
        self.reason.value = value.get("reason", "")
