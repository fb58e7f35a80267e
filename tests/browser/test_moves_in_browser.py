"""Lesson 01's moves in JupyterLab + Chromium: a student keeps a lateral-reading log (typing rows with addresses)
and chooses what to open on the practice results page; the answers are saved, restored and score full marks."""

import json

import pytest

from kit import kinds
from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.browser import jlab
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser
NOTEBOOK = "01-who-is-behind-it.ipynb"


def test_a_student_reads_laterally_and_practises_click_restraint(lab, page):
    bank, key = load_bank("L01"), load_key("L01")
    results, log = bank["L01.q02"], bank["L01.q03"]
    expected = {q.id: model_value(q, key[q.id]) for q in (results, log)}
    jlab.open_notebook(page, lab, NOTEBOOK)
    jlab.run_all(page)
    assert jlab.error_outputs(page) == []
    page.get_by_label("Your name").first.fill("Ada Lovelace")
    page.get_by_role("button", name="Save my name").first.click()
    page.get_by_text("Working as Ada Lovelace").first.wait_for()

    assert "A practice results page the kit made from real pages" in jlab.box(page, results).inner_text()
    # a first, careless pick: the site's own About text, reposted; then the student scans again and changes it
    jlab.fill(page, results, {"open": "r2", "reason": "own"})
    jlab.fill(page, results, expected[results.id])
    # an extra row typed by mistake is removed with its button, as a keyboard user would: focus it and press Enter
    jlab.box(page, log).get_by_role("button", name="Add a row").click()
    jlab.box(page, log).get_by_role("button", name="Remove row 1").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert jlab.box(page, log).locator(".medialit-log-row").count() == 0
    jlab.fill(page, log, expected[log.id])

    path = lab.answers / "ada-lovelace" / "L01.json"
    saved = jlab.wait_for_saved(path, expected)
    assert saved == json.loads(json.dumps(expected))
    for question in (results, log):
        assert kinds.get(question.kind).fraction(question, key[question.id], saved[question.id])[0] == 1.0

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for question in (results, log):
        jlab.box(page, question).screenshot(path=SCREENSHOTS / f"{question.id}.png")
    jlab.box(page, log).get_by_role("button", name="Check").click()
    jlab.box(page, log).locator(".medialit-feedback").wait_for()
    assert "(4/4 points)" in jlab.box(page, log).locator(".medialit-feedback").inner_text()

    jlab.restart_kernel(page)
    jlab.open_notebook(page, lab, NOTEBOOK)
    jlab.run_all(page)
    for question in (results, log):
        assert "restored from your answers file" in jlab.box(page, question).inner_text(), question.id
    rows = expected[log.id]["rows"]
    assert jlab.shown_value(page, log) == [r["address"] for r in rows] + [expected[log.id]["reason"]]
    assert jlab.shown_value(page, results) == 2
