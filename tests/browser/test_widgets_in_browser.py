"""Every widget kind in JupyterLab: filled with mouse and keyboard, saved, restored after a restart."""

import json

import nbformat
import pytest

from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.browser import jlab
from tests.browser.conftest import SCREENSHOTS, start_lab, stop_lab
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
FIXTURE_ENV = {"MEDIALIT_LESSONS": str(FIXTURES / "lessons"), "MEDIALIT_KEY": str(FIXTURES / "answer-key")}


@pytest.fixture(scope="module")
def fixture_lab(tmp_path_factory):
    from tests.browser.conftest import chromium_path

    chromium_path()
    base = tmp_path_factory.mktemp("fixture-lab")
    root = base / "root"
    root.mkdir()
    cells = [nbformat.v4.new_code_cell('import kit\nlesson = kit.lesson.start("L90")\nlesson')]
    cells += [nbformat.v4.new_code_cell(f'lesson.ask("q0{n}")') for n in range(1, 9)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}),
                   root / "every-widget.ipynb")
    server = start_lab(root, FIXTURE_ENV)
    yield server
    stop_lab(server.process)


def test_every_widget_kind_round_trips_through_the_browser(fixture_lab, page, fixture_bank):
    bank, key = load_bank("L90"), load_key("L90")
    jlab.open_notebook(page, fixture_lab, "every-widget.ipynb")
    jlab.run_all(page)
    assert jlab.error_outputs(page) == []
    assert jlab.unrendered_widgets(page) == []
    assert page.locator(".medialit-question").count() == 8
    expected = {q.id: model_value(q, key[q.id]) for q in bank}
    for question in bank:
        jlab.fill(page, question, expected[question.id])
    path = fixture_lab.answers / "anonymous" / "L90.json"
    saved = jlab.wait_for_saved(path, expected)
    assert saved == json.loads(json.dumps(expected))
    assert "8 of 8 questions answered" in page.locator(".medialit-progress").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".medialit-L90-q06").screenshot(path=SCREENSHOTS / "widget-source-card.png")

    jlab.restart_kernel(page)
    jlab.open_notebook(page, fixture_lab, "every-widget.ipynb")  # reload the page
    jlab.run_all(page)
    for question in bank:
        shown = jlab.shown_value(page, question)
        value = expected[question.id]
        if question.kind in ("source-card", "free-text"):
            assert shown == (value["owner"] if question.kind == "source-card" else value), question.id
        elif question.kind in ("choice", "rating"):
            assert shown == (1 if question.kind == "choice" else 2), question.id
        elif question.kind in ("multi", "technique"):
            assert shown == len(value), question.id
        else:
            assert shown == len(value), question.id
        assert "restored from your answers file" in jlab.box(page, question).inner_text()


def test_one_question_with_the_keyboard_alone(fixture_lab, page, fixture_bank):
    jlab.open_notebook(page, fixture_lab, "every-widget.ipynb")
    jlab.run_all(page)
    question = jlab.box(page, load_bank("L90")["L90.q01"])
    # a screen-reader user arrives at the question's first control; from there only Tab, arrows and Enter
    question.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # arrows move and select (not captured by the notebook's shortcuts)
    assert page.evaluate("document.activeElement.dataset.value") == "Trace%20claims"
    page.keyboard.press("ArrowUp")
    # the status line confirms the save (as a person would see before pressing Check)
    question.locator(".medialit-status", has_text="Your answer: Stop (saved)").wait_for()
    for _ in range(10):  # Tab on past the other options to the Check button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Check":
            break
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    question.locator(".medialit-feedback").wait_for()
    assert "Correct" in question.locator(".medialit-feedback").inner_text()
    saved = jlab.wait_for_saved(fixture_lab.answers / "anonymous" / "L90.json", {"L90.q01": "stop"})
    assert saved["L90.q01"] == "stop"
