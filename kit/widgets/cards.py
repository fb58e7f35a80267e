"""Widgets with written parts: the source card and the free-text answer.

>>> import tempfile
>>> from kit.lesson import Lesson
>>> lesson = Lesson("L00", answers_folder=tempfile.mkdtemp(), feedback=False)
>>> answer = lesson.ask("q08")
>>> answer.area.value = "No event loop runs here, so this is saved at once."
>>> lesson.store.get("L00.q08")
'No event loop runs here, so this is saved at once.'
>>> "11 words" in answer.count.value
True
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import html
import weakref
from typing import Any

import ipywidgets as w

from kit.feedback import Feedback
from kit.kinds.source_card import CARD_FIELDS
from kit.text.segment import words
from kit.widgets.base import FULL_WIDTH, QuestionWidget

PAUSE = 1.0  # seconds without typing before a written answer is saved
FLAG_PREFIX = {"red": "Red flag \U0001f6a9: ", "green": "Green flag \u2705: "}


class SourceCard(QuestionWidget):
    """Who is behind a source: owner, funding, what others say, red and green flags, a verdict."""

    def _build(self) -> list[w.Widget]:
        self.fields = {
            name: w.Textarea(
                value="", description=label, placeholder="Write what you found, and where you found it",
                style={"description_width": "initial"}, layout=w.Layout(width="100%", height="4em"),
                continuous_update=False,
            )
            for name, label in CARD_FIELDS.items()
        }
        self.flags = {
            o.id: w.Checkbox(value=False, description=FLAG_PREFIX[o.kind or 'red'] + o.label, indent=False, layout=FULL_WIDTH)
            for o in self.question.options
        }
        self.verdict = w.RadioButtons(
            options=[(v.label, v.id) for v in self.question.labels], value=None,
            description="Your verdict", style={"description_width": "initial"}, layout=FULL_WIDTH,
        )
        flags_title = w.HTML("<strong>Flags you found</strong> (tick every one that applies)")
        return [*self.fields.values(), flags_title, *self.flags.values(), self.verdict]

    def _inputs(self) -> list[w.Widget]:
        return [*self.fields.values(), *self.flags.values(), self.verdict]

    def _read(self) -> Any:
        value = {name: box.value for name, box in self.fields.items()}
        value["flags"] = sorted(f for f, box in self.flags.items() if box.value)
        value["verdict"] = self.verdict.value
        empty = not any(value[n].strip() for n in CARD_FIELDS) and not value["flags"] and value["verdict"] is None
        return None if empty else value

    def _write(self, value: Any) -> None:
        value = value or {}
        for name, box in self.fields.items():
            box.value = value.get(name, "")
        flags = set(value.get("flags", []))
        for flag, box in self.flags.items():
            box.value = flag in flags
        self.verdict.value = value.get("verdict")


def frames_html(question_id: str, frames: tuple[str, ...]) -> str:
    """A written answer's sentence starters as labelled help text (a titled list; empty without frames), escaped.

    >>> print(frames_html("L00.q08", ("I would ask <who> ___.",)))
    <div class="medialit-frames" role="note" aria-label="Sentence starters for L00.q08"><strong>Sentence starters</strong> (use them if they help; fill each ___ with your own words)<ul><li>I would ask &lt;who&gt; ___.</li></ul></div>
    """
    if not frames:
        return ""
    items = "".join(f"<li>{html.escape(frame)}</li>" for frame in frames)
    return (f'<div class="medialit-frames" role="note" aria-label="Sentence starters for {html.escape(question_id)}">'
            f"<strong>Sentence starters</strong> (use them if they help; fill each ___ with your own words)<ul>{items}</ul></div>")


class FreeText(QuestionWidget):
    """A written answer with a live word count against the minimum length.

    The word count follows every keystroke, but the answers file is written
    only after a pause of :data:`PAUSE` seconds without typing (a timer on the
    kernel's running event loop), not once per keystroke. ipywidgets 8's
    ``Textarea`` tells the kernel nothing when the field loses focus, so the
    pause stands in for it: moving on to another field takes longer than
    that. Text still waiting for its pause is saved at once when Check is
    pressed, when :meth:`save` or the ``value`` setter is used, and when the
    kernel shuts down (``atexit``). With no running event loop (plain Python,
    a script) every change is saved at once.
    """

    _timer: asyncio.TimerHandle | None = None

    def _build(self) -> list[w.Widget]:
        self.frames = w.HTML(frames_html(self.question.id, self.question.frames), layout=FULL_WIDTH)
        self.area = w.Textarea(
            value="", description="Your answer", placeholder="Write your answer here",
            style={"description_width": "initial"}, layout=w.Layout(width="100%", height="8em"),
            continuous_update=True,
        )
        self.count = w.HTML(layout=FULL_WIDTH)
        self.area.observe(self._count, names="value")
        self._count()
        return [self.frames, self.area, self.count] if self.question.frames else [self.area, self.count]

    def _inputs(self) -> list[w.Widget]:
        return [self.area]

    def _count(self, _change=None) -> None:
        n = len(words(self.area.value))
        minimum = self.question.min_words
        need = f" (at least {minimum}; {minimum - n} to go)" if minimum and n < minimum else (f" (at least {minimum} \u2713)" if minimum else "")
        self.count.value = f'<span role="status">{n} word{"s" if n != 1 else ""}{html.escape(need)}</span>'

    def _changed(self, _change=None) -> None:
        """Typing: save after a pause (or at once when no event loop runs)."""
        if self._suspended:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.save()
            return
        if self._timer is None:
            self._status.value = '<span class="medialit-status" role="status">Typing\u2026 saved when you pause.</span>'
            _waiting.add(self)
            _flush_at_exit()
        else:
            self._timer.cancel()
        self._timer = loop.call_later(PAUSE, self.save)

    def save(self) -> None:
        """Save the current answer now, and cancel the save that was waiting for a pause."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        _waiting.discard(self)
        super().save()

    def flush(self) -> None:
        """Save now if typed text is still waiting for a pause."""
        if self._timer is not None:
            self.save()

    def check(self) -> Feedback | None:
        """Save what is still waiting for a pause, then show feedback (see the base class)."""
        self.flush()
        return super().check()

    def _read(self) -> Any:
        return self.area.value if self.area.value.strip() else None

    def _write(self, value: Any) -> None:
        self.area.value = value or ""
        self._count()


_waiting: weakref.WeakSet[FreeText] = weakref.WeakSet()


def _flush_waiting() -> None:
    """Save every written answer still waiting for a pause (run at exit)."""
    for widget in list(_waiting):
        widget.flush()


@functools.cache
def _flush_at_exit() -> None:
    """Register :func:`_flush_waiting` with ``atexit``, once, when a save first waits."""
    atexit.register(_flush_waiting)
