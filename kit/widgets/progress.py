"""The lesson progress bar and the name entry."""

from __future__ import annotations

import html
from typing import Callable

import ipywidgets as w

from kit.errors import KitError
from kit import identity
from kit.widgets.display import TextEquivalent


class LessonProgress(TextEquivalent):
    """How many of a lesson's questions are answered, as a bar and in words."""

    def __init__(self, lesson: str, total: int):
        self.lesson = lesson
        self.total = total
        self.bar = w.IntProgress(value=0, min=0, max=max(total, 1), description="Progress", bar_style="info",
                                 style={"description_width": "initial"})
        self.label = w.HTML()
        self.box = w.HBox([self.bar, self.label])
        self.box.add_class("medialit-progress")
        self.update(0)

    def update(self, answered: int, *, total: int | None = None) -> None:
        if total is not None:
            self.total = total
            self.bar.max = max(total, 1)
        self.answered = answered
        self.bar.value = answered
        self.label.value = f'<span role="status">{html.escape(self.text())}</span>'

    def text(self) -> str:
        return f"Lesson {self.lesson} progress: {self.answered} of {self.total} questions answered"



class NameEntry(TextEquivalent):
    """Type your name once; every lesson remembers it."""

    def __init__(self, *, on_saved: Callable[[identity.Student], None] | None = None, folder=None):
        self.folder = folder
        self.on_saved = on_saved
        current = identity.current_student(folder)
        self.name = w.Text(value=current.name if current else "", description="Your name",
                           placeholder="First and last name, or the id your teacher gave you",
                           style={"description_width": "initial"}, layout=w.Layout(width="30em"),
                           continuous_update=False)
        self.button = w.Button(description="Save my name", tooltip="Remember this name for every lesson", icon="user")
        self.status = w.HTML()
        self.button.on_click(lambda _: self.submit())
        self.name.observe(lambda change: self.submit() if change["new"].strip() else None, names="value")
        self.box = w.VBox([w.HBox([self.name, self.button]), self.status])
        self.student = current
        self._show()

    def submit(self, name: str | None = None) -> identity.Student | None:
        """Save ``name`` (or what is typed); returns the student, or None if the name is empty."""
        if name is not None:
            self.name.value = name
        try:
            self.student = identity.set_student(self.name.value, self.folder)
        except (KitError, ValueError, OSError) as error:  # a bad name, or the answers folder locked or not writable
            self.status.value = f'<span role="alert">{html.escape(str(error))}</span>'
            return None
        self._show()
        if self.on_saved:
            self.on_saved(self.student)
        return self.student

    def _show(self) -> None:
        self.status.value = f'<span role="status">{html.escape(self.text())}</span>'

    def text(self) -> str:
        if self.student is None:
            return "No name entered yet: type your name and press Save my name."
        return f"Working as {self.student.name} (answers are saved under the id {self.student.id})."
