"""The pre/post form a student takes, shown as one box that follows the student's name.

Which form (A or B) a student takes depends on who they are, and a lesson may
run before the name is typed. The box is filled again when the student
changes, so the questions on screen are always the ones their answers are
graded on.

>>> import tempfile
>>> from kit.lesson import Lesson
>>> lesson = Lesson("L00", answers_folder=tempfile.mkdtemp(), feedback=False)
>>> view = lesson.ask_form("pre")
>>> view.text().splitlines()[0].startswith("You take form ")
True
"""

from __future__ import annotations

import html
from typing import Callable

import ipywidgets as w

from kit.widgets.base import QuestionWidget
from kit.widgets.display import TextEquivalent

OTHER_LESSON = {"pre": "lesson 07", "post": "lesson 00"}


class FormView(TextEquivalent):
    """The widgets of one phase's form; :meth:`refresh` shows the form of the current student."""

    def __init__(self, phase: str, *, form: Callable[[], str], widgets: Callable[[str], list[QuestionWidget]]):
        self.phase = phase
        self._form = form
        self._widgets = widgets
        self.heading = w.HTML()
        self.box = w.VBox()
        self.box.add_class("medialit-form")
        self.widgets: list[QuestionWidget] = []
        self.refresh()

    def refresh(self) -> None:
        """Show the form the current student takes in this phase."""
        self.form = self._form()
        self.widgets = self._widgets(self.form)
        self.heading.value = f'<p role="status">{html.escape(self.intro())}</p>'
        self.box.children = [self.heading, *(widget.box for widget in self.widgets)]

    def intro(self) -> str:
        return (f"You take form {self.form} here; in {OTHER_LESSON.get(self.phase, 'the other lesson')} you took, "
                f"or will take, the other form.")

    def text(self) -> str:
        return "\n\n".join([self.intro(), *(widget.text() for widget in self.widgets)])
