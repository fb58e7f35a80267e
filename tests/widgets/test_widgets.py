"""Every widget kind: labelled controls, a text equivalent, feedback only with a key."""

from dataclasses import replace

import ipywidgets as w
import pytest

from kit.lesson import Lesson
from kit.questions import load_key
from kit.scoring import model_value
from kit.widgets.cards import FreeText

KINDS = ["q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08"]


def inputs(widget):
    return widget._inputs()


@pytest.mark.parametrize("qid", KINDS)
def test_every_control_is_labelled_and_the_text_equivalent_follows_the_answer(fixture_bank, answers_dir, qid):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask(qid)
    for control in inputs(widget):
        label = getattr(control, "description", "")
        assert label.strip(), f"{qid}: a {type(control).__name__} has no label"
    assert widget.text().startswith(f"L90.{qid} (")
    assert widget.text().endswith("Your answer: (not answered)")
    key = load_key("L90")[f"L90.{qid}"]
    widget.value = model_value(widget.question, key)
    assert "(not answered)" not in widget.text()
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == widget.text()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "saved" in widget._status.value and 'role="status"' in widget._status.value


def test_setting_an_invalid_value_through_the_api_is_refused(fixture_bank, answers_dir):
    widget = Lesson("L90", answers_folder=answers_dir).ask("q01")
    with pytest.raises(ValueError, match="'nope' is not one of the options"):
        widget.value = "nope"


def test_feedback_shows_explanation_and_sources_only_with_a_key(fixture_bank, answers_dir, monkeypatch):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask("q02")
    widget.value = ["author"]
    feedback = widget.check()
    assert feedback.headline == "Partly right \u25d1" and feedback.score.points == 0.67
    assert "No editor is named." in widget._feedback.value
    assert "a1-cartalucci-2014" in widget._feedback.value  # the source, as a citation
    assert widget.check_button.layout.display == "flex"
    monkeypatch.setenv("MEDIALIT_KEY", "none")
    student_copy = Lesson("L90", answers_folder=answers_dir)
    assert student_copy.key is None and not student_copy.feedback
    silent = student_copy.ask("q02")
    assert silent.check_button.layout.display == "none"
    assert silent.check() is None and "Feedback is off" in silent._feedback.value
    assert "Feedback is off in this copy" in repr(student_copy)


def test_free_text_counts_words_against_the_minimum(fixture_bank, answers_dir):
    widget = Lesson("L90", answers_folder=answers_dir).ask("q07")
    widget.area.value = "Three short words"
    assert "3 words (at least 12; 9 to go)" in widget.count.value
    assert not widget.answered
    widget.area.value = "one two three four five six seven eight nine ten eleven twelve"
    assert "12 words (at least 12 \u2713)" in widget.count.value and widget.answered


def test_free_text_shows_its_sentence_frames_as_labelled_escaped_help(fixture_bank, answers_dir):
    widget = Lesson("L90", answers_folder=answers_dir).ask("q07")
    shown = widget.frames.value
    assert widget.question.frames == ("I would read laterally because ___.", "Reading other pages (not only <this> one) shows ___.")
    assert 'aria-label="Sentence starters for L90.q07"' in shown and "<strong>Sentence starters</strong>" in shown
    assert "<li>I would read laterally because ___.</li>" in shown
    assert "(not only &lt;this&gt; one)" in shown and "<this>" not in shown  # escaped, never markup
    children = widget.box.children
    assert children.index(widget.frames) < children.index(widget.area)  # read before the answer box


def test_free_text_without_frames_shows_no_help_box(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    bare = FreeText(replace(lesson.bank["L90.q07"], frames=()), store=lesson.store)
    assert bare.frames.value == "" and bare.frames not in bare.box.children


def test_rating_saves_only_when_both_parts_are_chosen(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask("q04")
    widget.choice.value = "credible"
    assert lesson.store.get("L90.q04") is None
    assert "Choose both" in widget._status.value
    widget.confidence.value = 80
    assert lesson.store.get("L90.q04") == {"choice": "credible", "confidence": 80}


def test_progress_counts_complete_answers(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    assert lesson.progress.text() == "Lesson L90 progress: 0 of 8 questions answered"
    table = lesson.ask("q03")
    table.dropdowns["s09"].value = "factual"  # one row of three: not complete
    assert lesson.progress.bar.value == 0
    table.value = {"s09": "factual", "s22": "opinion", "s31": "prediction"}
    lesson.ask("q01").value = "stop"
    assert lesson.progress.text() == "Lesson L90 progress: 2 of 8 questions answered"
    assert isinstance(lesson.progress.bar, w.IntProgress) and lesson.progress.bar.value == 2
