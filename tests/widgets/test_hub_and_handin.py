"""On a hub the student is the hub user; under Voila the header speaks of the page; the hand-in button
writes the bundle and offers exactly that file for download."""

import base64
import html
import json
import re

from kit import settings
from kit.lesson import Lesson
from kit.widgets.handin import HandIn


def header_html(lesson: Lesson) -> str:
    parts = []

    def walk(widget):
        parts.append(getattr(widget, "value", "") if isinstance(getattr(widget, "value", None), str) else "")
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(lesson.header())
    return "\n".join(parts)


def test_the_hub_user_is_the_student_until_a_name_is_typed(tmp_path):
    with settings.overridden(JUPYTERHUB_USER="Grace.Hopper@navy.example"):
        lesson = Lesson("L00", answers_folder=tmp_path)
        assert (lesson.student.name, lesson.student.id) == ("Grace.Hopper@navy.example", "grace-hopper-navy-example")
        lesson.ask("q01").value = "stop"
        assert (tmp_path / "grace-hopper-navy-example" / "L00.json").exists()
        assert "Working as Grace.Hopper@navy.example" in header_html(lesson)
        from kit.identity import set_student

        set_student("Grace Hopper", folder=tmp_path)  # typed in lesson 00: the typed name wins
        assert Lesson("L00", answers_folder=tmp_path).student.id == "grace-hopper"
    with settings.overridden(JUPYTERHUB_USER=""):
        assert Lesson("L00", answers_folder=tmp_path / "elsewhere").student.id == "anonymous"


def test_under_voila_the_header_does_not_ask_for_run_all_or_a_terminal(tmp_path):
    with settings.overridden(VOILA_SERVER_URL=""):
        in_lab = header_html(Lesson("L02", answers_folder=tmp_path))
    with settings.overridden(VOILA_SERVER_URL="http://127.0.0.1:8866/"):
        in_voila = header_html(Lesson("L02", answers_folder=tmp_path))
    assert "Run All" in in_lab
    assert "Run All" not in in_voila and "terminal" not in in_voila.lower()
    assert "This page saves your answers as you choose them" in in_voila
    assert "Hand in my answers" in in_voila or "Hand in my answers" in html.unescape(in_voila)


def test_the_button_offers_the_bundle_it_wrote(tmp_path):
    empty = HandIn(student=lambda: "", answers_folder=tmp_path)
    assert empty.submit() is None and 'role="alert"' in empty.status.value and "type your name" in empty.text()

    with settings.overridden(JUPYTERHUB_USER="ada"):
        lesson = Lesson("L00", answers_folder=tmp_path)
        lesson.ask("q01").value = "stop"
    hand_in = HandIn(student=lambda: lesson.student.name, answers_folder=tmp_path)
    path = hand_in.submit()
    assert path == tmp_path / "ada.medialit-submission.json"
    link = re.search(r'<a href="data:application/json;base64,([^"]+)" download="ada\.medialit-submission\.json"', hand_in.status.value)
    assert link and base64.b64decode(link.group(1)) == path.read_bytes()
    assert json.loads(path.read_text())["lessons"]["L00"]["answers"]["L00.q01"]["value"] == "stop"
    assert "Download it and give it to your teacher" in hand_in.text()
