"""The lateral-reading log and the practice search-results page: rows added and removed, labelled, saved and restored."""

import ipywidgets as w

from kit.lesson import Lesson
from kit.questions import load_key
from kit.scoring import model_value


def test_the_log_adds_labels_saves_and_removes_rows(answers_dir):
    lesson = Lesson("L01", answers_folder=answers_dir)
    log = lesson.ask("q03")
    assert log.value is None and log.rows == []
    log.add_button.click()
    log.add_button.click()
    first, second = log.rows
    assert second.address.description == "Row 2: address of the page you opened"
    first.about.value = "neo"
    first.address.value = "https://en.wikipedia.org/wiki/New_Eastern_Outlook"
    first.publisher.value = "Wikipedia"
    first.says.value = "An institute of the Russian Academy of Sciences publishes it"
    first.trust.value = "some"
    saved = lesson.store.get("L01.q03")
    assert saved["rows"][0] == {"about": "neo", "address": "https://en.wikipedia.org/wiki/New_Eastern_Outlook",
                                "publisher": "Wikipedia", "says": "An institute of the Russian Academy of Sciences publishes it",
                                "trust": "some"}
    assert saved["rows"][1]["address"] == ""
    first.remove.click()  # the remaining row is renumbered and the removal saved
    assert log.rows == [second] and second.address.description == "Row 1: address of the page you opened"
    assert len(lesson.store.get("L01.q03")["rows"]) == 1
    for control in [*log._inputs(), *second.controls, second.remove, log.add_button]:
        assert control.description.strip(), f"a {type(control).__name__} has no label"


def test_the_log_restores_a_saved_model_answer_and_checks_it(answers_dir):
    key = load_key("L01")["L01.q03"]
    lesson = Lesson("L01", answers_folder=answers_dir)
    model = model_value(lesson.bank["L01.q03"], key)
    lesson.ask("q03").value = model
    again = Lesson("L01", answers_folder=answers_dir).ask("q03")
    assert again.value == model and len(again.rows) == 3
    assert isinstance(again.rows_box.children[0], w.VBox)
    assert again.check().score.fraction == 1.0
    assert "3 rows (en.wikipedia.org, khaosodenglish.com)" in again.text()


def test_the_results_page_is_labelled_and_saves_pick_and_reason(answers_dir):
    lesson = Lesson("L01", answers_folder=answers_dir)
    page = lesson.ask("q02")
    shown = page.controls[0].value
    assert "A practice results page the kit made from real pages" in shown
    assert "https://en.wikipedia.org/wiki/Michel_Chossudovsky" in shown and "&lt;" not in shown.replace("<", "")
    page.open.value = "r2"
    assert lesson.store.get("L01.q02") == {"open": "r2", "reason": ""}
    page.reason.value = "own"
    feedback = page.check()
    assert feedback.score.fraction == 0.0 and "the site describing itself" in feedback.html()
    page.open.value, page.reason.value = "r4", "independent"
    assert page.check().score.fraction == 1.0
    assert Lesson("L01", answers_folder=answers_dir).ask("q02").value == {"open": "r4", "reason": "independent"}
