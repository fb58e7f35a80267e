"""Hand in without a terminal: a button that writes the submission bundle and offers it for download.

The button calls :func:`kit.submit.bundle` (the same file ``medialit submit``
writes) and shows a download link whose address holds the file itself (a
``data:`` URL), so it works in JupyterLab, in Voila and on a hub, with no
terminal and no file browser. The link is a plain anchor: it takes the
keyboard focus with Tab and opens with Enter, and it is announced as a status.

>>> import tempfile
>>> from pathlib import Path
>>> from kit.answers import AnswerStore
>>> folder = Path(tempfile.mkdtemp())
>>> AnswerStore(student="ada", lesson="L00", folder=folder).save("L00.q01", "b")
>>> hand_in = HandIn(student=lambda: "ada", answers_folder=folder)
>>> hand_in.submit().name
'ada.medialit-submission.json'
>>> print(hand_in.text())
Hand in my answers: wrote ada.medialit-submission.json with answers for 1 lesson(s): L00. Download it and give it to your teacher.
>>> 'download="ada.medialit-submission.json"' in hand_in.status.value
True
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Callable

import ipywidgets as w

from kit.errors import InputError, KitError
from kit.identity import sanitise
from kit.submit import BUNDLE_SUFFIX, bundle
from kit.widgets.display import TextEquivalent

MAX_LINK_BYTES = 20 * 1024 * 1024  # a data: link much larger than this is slow in browsers


class HandIn(TextEquivalent):
    """The "Hand in my answers" button and its download link.

    ``student`` returns the current student's name ("" when none), so a name
    typed after the lesson started is used; the bundle is written into
    ``answers_folder`` (where the teacher's ``medialit collect`` also finds it).
    """

    def __init__(self, *, student: Callable[[], str], answers_folder: Path | str):
        self.student = student
        self.folder = Path(answers_folder)
        self.button = w.Button(description="Hand in my answers", icon="download",
                               tooltip="Write one file with your answers to every lesson, to download and hand in")
        self.button.add_class("medialit-handin")
        self.status = w.HTML()
        self.message = "Hand in my answers: press the button when you have finished."
        self.button.on_click(lambda _: self.submit())
        self.box = w.VBox([self.button, self.status])

    def submit(self) -> Path | None:
        """Write the bundle and show its download link; returns its path (None, with a message, if it failed)."""
        name = self.student().strip()
        try:
            if not name:
                raise InputError("type your name in the box at the top first (lesson 00 remembers it)")
            result = bundle(student=name, answers_folder=self.folder, out=self.folder / f"{sanitise(name)}{BUNDLE_SUFFIX}")
        except (KitError, OSError) as error:
            self.message = f"Hand in my answers: not done: {error}"
            self.status.value = f'<p role="alert">{html.escape(self.message)}</p>'
            return None
        data = result.path.read_bytes()
        lessons = ", ".join(result.lessons)
        self.message = (f"Hand in my answers: wrote {result.path.name} with answers for {len(result.lessons)} lesson(s): "
                        f"{lessons}. Download it and give it to your teacher.")
        notes = "".join(f"<br>Not included: {html.escape(reason)}" for reason in result.skipped)
        if len(data) > MAX_LINK_BYTES:
            link = f"The file is too large to download from here; it is saved as {html.escape(str(result.path))}."
        else:
            address = "data:application/json;base64," + base64.b64encode(data).decode("ascii")
            link = (f'<a href="{address}" download="{html.escape(result.path.name)}" class="medialit-handin-link">'
                    f"Download {html.escape(result.path.name)}</a>")
        self.status.value = f'<p role="status">{html.escape(self.message)} {link}{notes}</p>'
        return result.path

    def text(self) -> str:
        return self.message

