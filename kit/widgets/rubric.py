"""Mark written answers one at a time with a three-level rubric (for the instructor notebook).

``medialit grade`` writes ``free-text-queue.json`` into its output folder; this
widget walks through it, shows the key's criteria for each level and the
model answer, and saves each mark at once to ``rubric-marks.json`` in the
same folder. Run ``medialit grade`` again to include the marks.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import ipywidgets as w

from kit.errors import KitError
from kit import settings

from kit.grading.marks import DEFAULT_FILE, LEVEL_LABELS, RubricMarks
from kit.questions import BankError, load_key
from kit.widgets.display import TextEquivalent

MAX_SHOWN = 20_000  # characters of one written answer shown at once


class RubricMarker(TextEquivalent):
    """One written answer at a time: level, comment, Save and next."""

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder else settings.grading_dir()
        self.position = 0
        self.folder_box = w.Text(value=str(self.folder), description="Grading folder", style={"description_width": "initial"},
                                 layout=w.Layout(width="40em"))
        self.load_button = w.Button(description="Load", tooltip="Read free-text-queue.json from this folder")
        self.load_button.on_click(lambda _: self.load(self.folder_box.value))
        self.answer = w.HTML()
        self.level = w.RadioButtons(options=[(label, level) for level, label in LEVEL_LABELS.items()], value=None,
                                    description="Rubric level", style={"description_width": "initial"})
        self.comment = w.Textarea(description="Comment for the student", style={"description_width": "initial"},
                                  layout=w.Layout(width="100%", height="5em"))
        self.previous_button = w.Button(description="Previous", icon="arrow-left")
        self.save_button = w.Button(description="Save and next", icon="check", button_style="primary")
        self.previous_button.on_click(lambda _: self.show(self.position - 1))
        self.save_button.on_click(lambda _: self.save_and_next())
        self.status = w.HTML()
        self.box = w.VBox([
            w.HBox([self.folder_box, self.load_button]), self.answer, self.level, self.comment,
            w.HBox([self.previous_button, self.save_button]), self.status,
        ])
        self.items: list[dict] = []
        self.marks: RubricMarks | None = None
        self._keys: dict[str, dict] = {}
        self.load(self.folder)

    def load(self, folder: Path | str) -> None:
        """Read the queue and the marks saved so far."""
        self.folder = Path(folder)
        queue = self.folder / "free-text-queue.json"
        try:
            self.items = json.loads(queue.read_text(encoding="utf-8"))["items"]
            self.marks = RubricMarks(self.folder / DEFAULT_FILE)
        except FileNotFoundError:
            self.items, self.marks = [], None
            self.status.value = f'<span role="alert">No {html.escape(str(queue))} yet: run medialit grade with --out {html.escape(str(self.folder))} first.</span>'
            self.answer.value = ""
            return
        except (ValueError, KeyError) as error:
            self.items, self.marks = [], None
            self.status.value = f'<span role="alert">{html.escape(str(error))}</span>'
            return
        unmarked = [i for i, item in enumerate(self.items) if not self.marks.get(item["student"], item["question"])]
        self.show(unmarked[0] if unmarked else 0)

    def _key(self, item: dict) -> dict:
        lesson = item["lesson"]
        if lesson not in self._keys:
            try:
                self._keys[lesson] = load_key(lesson) or {}
            except BankError:
                self._keys[lesson] = {}
        entry = self._keys[lesson].get(item["question"])
        return {"explanation": entry.explanation, "rubric": entry.rubric, "model": entry.model} if entry else {}

    def show(self, position: int) -> None:
        if not self.items:
            self.status.value = "<span role=\"status\">No written answers to mark.</span>"
            return
        self.position = max(0, min(position, len(self.items) - 1))
        item = self.items[self.position]
        key = self._key(item)
        criteria = "".join(
            f"<li><strong>{html.escape(level.title())}</strong>: {html.escape(text)}</li>"
            for level, text in key.get("rubric", {}).items()
        )
        model = f"<p><em>Model answer:</em> {html.escape(str(key['model']))}</p>" if key.get("model") else ""
        hidden = len(item["answer"]) - MAX_SHOWN
        more = (f"<p><em>\u2026 {hidden:,} more characters not shown; the full answer is in free-text-queue.json.</em></p>"
                if hidden > 0 else "")
        self.answer.value = (
            f"<h4>{html.escape(item['question'])} \u2014 {html.escape(item['name'])} ({html.escape(item['student'])})</h4>"
            f"<p>{html.escape(item['prompt'])}</p>"
            f"<blockquote>{html.escape(item['answer'][:MAX_SHOWN])}</blockquote>{more}"
            f"<p>{item['words']} words (minimum {item['min_words']})</p>"
            f"<ul>{criteria}</ul>{model}"
        )
        mark = self.marks.get(item["student"], item["question"]) if self.marks else None
        self.level.value = mark.level if mark else None
        self.comment.value = mark.comment if mark else ""
        self._show_progress()

    def save_and_next(self) -> bool:
        """Save the chosen level and comment, then show the next answer. False if no level is chosen."""
        if not self.items or self.marks is None:
            return False
        if self.level.value is None:
            self.status.value = '<span role="alert">Choose a rubric level first.</span>'
            return False
        item = self.items[self.position]
        try:
            self.marks.set(item["student"], item["question"], level=self.level.value, comment=self.comment.value)
        except (KitError, OSError) as error:  # e.g. the marks file is locked by another marker for too long
            self.status.value = f'<span role="alert">Not saved: {html.escape(str(error))}</span>'
            return False
        self.show(self.position + 1 if self.position + 1 < len(self.items) else self.position)
        return True

    def _show_progress(self) -> None:
        self.status.value = f'<span role="status">{html.escape(self.text())}</span>'

    def text(self) -> str:
        if not self.items:
            return "No written answers to mark."
        marked = sum(1 for item in self.items if self.marks and self.marks.get(item["student"], item["question"]))
        return f"Answer {self.position + 1} of {len(self.items)}; {marked} marked. Marks are saved to {self.folder / DEFAULT_FILE}."
