"""The behaviour every question widget shares.

A widget is bound to one question id. It restores the saved answer when it is
built, saves to the answer store whenever the student changes it, shows a
text equivalent of the current answer (read by screen readers, and printed as
the widget's ``repr`` so nbval can check a cell), and, when the answer key is
available and feedback is on, a Check button that shows the explanation and
the sources.

Subclasses build their controls in ``_build`` and convert between controls and
a plain JSON value in ``_read`` and ``_write``.
"""

from __future__ import annotations

import html
from abc import ABC, abstractmethod
from contextlib import contextmanager
from typing import Any, Callable

import ipywidgets as w

from kit.answers import AnswerFileError, AnswerStore
from kit.feedback import Feedback, feedback_for
from kit.model import KeyEntry, Question
from kit.questions import check_value, describe_value, is_complete
from kit.widgets.display import TextEquivalent
from kit.widgets.keyboard import ShortcutGuard

FULL_WIDTH = w.Layout(width="100%")
GRADED_NOTE = "Graded question: your teacher marks it, so this copy has no Check for it. Work it out from the lesson and the sources."


class QuestionWidget(TextEquivalent, ABC):
    """Base class: see the module docstring."""

    def __init__(
        self,
        question: Question,
        *,
        store: AnswerStore,
        key: KeyEntry | None = None,
        show_feedback: bool = True,
        on_save: Callable[["QuestionWidget"], None] | None = None,
    ):
        self.question = question
        self.store = store
        self.key = key
        self.show_feedback = show_feedback and key is not None
        self.on_save = on_save
        self._suspended = 0
        self.last_feedback: Feedback | None = None
        self.controls: list[w.Widget] = self._build()
        self._status = w.HTML(layout=FULL_WIDTH)
        self._feedback = w.HTML(layout=FULL_WIDTH)
        self.check_button = w.Button(
            description="Check",
            tooltip=f"Check your answer to {question.id} against the answer key",
            icon="check",
            layout=w.Layout(display="flex" if self.show_feedback else "none", width="auto"),
        )
        self.check_button.on_click(lambda _: self.check())
        use = "graded: your teacher marks it" if question.graded else "practice"
        header = w.HTML(
            f'<div class="medialit-prompt"><strong>{html.escape(question.id)}</strong> '
            f"<span>({html.escape(question.kind_label)}, {question.points:g} "
            f'point{"s" if question.points != 1 else ""}, {use})</span><br>{html.escape(question.prompt)}</div>',
            layout=FULL_WIDTH,
        )
        children: list[w.Widget] = [header]
        if question.context:
            children.append(w.HTML(f'<div class="medialit-context">{html.escape(question.context)}</div>', layout=FULL_WIDTH))
        children += self.controls
        if question.graded and key is None:
            children.append(w.HTML(f'<p class="medialit-graded">{html.escape(GRADED_NOTE)}</p>', layout=FULL_WIDTH))
        children += [w.HBox([self.check_button, self._status]), self._feedback, ShortcutGuard()]
        self.box = w.VBox(children, layout=w.Layout(border="1px solid #888", padding="6px", margin="8px 0", width="100%"))
        self.box.add_class("medialit-question")
        self.box.add_class("medialit-" + question.id.replace(".", "-"))
        saved = store.get(question.id)
        if saved is not None:
            with self._quiet():
                self._write(saved)
        self._observe()
        self._show_status(saved_now=False)

    # ------------------------------------------------------------ subclass hooks

    @abstractmethod
    def _build(self) -> list[w.Widget]:
        """Create the controls, in display order."""

    @abstractmethod
    def _read(self) -> Any:
        """The current answer as plain JSON data (None when nothing is chosen)."""

    @abstractmethod
    def _write(self, value: Any) -> None:
        """Show ``value`` in the controls."""

    def _inputs(self) -> list[w.Widget]:
        """The controls whose changes mean the answer changed."""
        return [c for c in self.controls if hasattr(c, "value") and not isinstance(c, (w.HTML, w.Label))]

    # ------------------------------------------------------------ behaviour

    def _observe(self) -> None:
        for control in self._inputs():
            control.observe(self._changed, names="value")

    @contextmanager
    def _quiet(self):
        self._suspended += 1
        try:
            yield
        finally:
            self._suspended -= 1

    def _changed(self, _change=None) -> None:
        if self._suspended:
            return
        self.save()

    def save(self) -> None:
        """Save the current answer now (changes are saved automatically)."""
        try:
            self.store.save(self.question.id, self._read())
        except AnswerFileError as error:
            self._status.value = f'<span role="alert">Not saved: {html.escape(str(error))}</span>'
            return
        except OSError as error:
            self._status.value = f'<span role="alert">Not saved: could not write the answers file ({html.escape(error.strerror or str(error))}). Your answer is still on screen.</span>'
            return
        self._show_status(saved_now=True)
        if self.on_save:
            self.on_save(self)

    @property
    def value(self) -> Any:
        """The current answer. Setting it updates the controls and saves once."""
        return self._read()

    @value.setter
    def value(self, value: Any) -> None:
        if value is not None:
            problem = check_value(self.question, value)
            if problem:
                raise ValueError(f"{self.question.id}: {problem}")
        with self._quiet():
            self._write(value)
        self.save()

    @property
    def answered(self) -> bool:
        return is_complete(self.question, self._read())

    def text(self) -> str:
        """Text equivalent of the widget and its current answer."""
        q = self.question
        return f"{q.id} ({q.kind_label}, {q.points:g} pt): {q.prompt}\nYour answer: {describe_value(q, self._read())}"

    def _show_status(self, *, saved_now: bool) -> None:
        answer = describe_value(self.question, self._read())
        state = "saved" if saved_now else ("restored from your answers file" if self._read() is not None else "not answered yet")
        self._status.value = f'<span class="medialit-status" role="status">Your answer: {html.escape(answer)} ({state})</span>'

    def check(self) -> Feedback | None:
        """Show feedback from the answer key (does nothing in a student copy)."""
        if not self.show_feedback or self.key is None:
            note = GRADED_NOTE if self.question.graded else "Feedback is off in this copy; your teacher will mark it."
            self._feedback.value = f"<em>{html.escape(note)}</em>"
            return None
        self.last_feedback = feedback_for(self.question, self.key, self._read())
        self._feedback.value = self.last_feedback.html()
        return self.last_feedback

    # ------------------------------------------------------------ display



def choose_none(label: str = "\u2014 choose \u2014") -> tuple[str, None]:
    """The empty first entry of a dropdown."""
    return (label, None)
