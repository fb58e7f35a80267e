"""Every lesson in JupyterLab + Chromium; lessons 00, 02, 03 and 06 done start to finish as a student would."""

import json
import subprocess
import sys

import pytest

from kit.grading import forms
from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.browser import jlab
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
LESSONS = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_jupyterlab_with_every_widget_rendered(lab, page, name):
    jlab.open_notebook(page, lab, name)
    jlab.run_all(page)
    assert jlab.error_outputs(page) == []
    assert jlab.unrendered_widgets(page) == []
    asked = jlab.question_cells(ROOT / "lessons" / name)
    assert page.locator(".medialit-question").count() == len(asked)
    assert page.locator(".medialit-progress").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / name.replace(".ipynb", ".png")
    page.locator(".jp-NotebookPanel:visible .jp-Cell").nth(1).screenshot(path=shot)
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("name, lesson_id", [
    ("00-start-here.ipynb", "L00"),
    ("02-anatomy-of-an-argument.ipynb", "L02"),
    ("03-trace-the-citations.ipynb", "L03"),  # types the originals' addresses into the find-the-original boxes
    ("06-weigh-the-evidence.ipynb", "L06"),
])
def test_a_student_completes_the_lesson_hands_it_in_and_is_graded(lab, page, tmp_path, name, lesson_id):
    bank, key = load_bank(lesson_id), load_key(lesson_id)
    jlab.open_notebook(page, lab, name)
    jlab.run_all(page)
    # the student types their name in the lesson's header
    page.get_by_label("Your name").first.fill("Ada Lovelace")
    page.get_by_role("button", name="Save my name").first.click()
    page.get_by_text("Working as Ada Lovelace").first.wait_for()
    taken = [q for q in bank if forms.takes(q, "ada-lovelace")]  # one form of the pre/post items
    expected = {q.id: model_value(q, key[q.id]) for q in taken}
    for qid in jlab.question_cells(ROOT / "lessons" / name, student="ada-lovelace"):
        question = bank[qid]
        jlab.fill(page, question, expected[question.id])
    path = lab.answers / "ada-lovelace" / f"{lesson_id}.json"
    saved = jlab.wait_for_saved(path, expected)
    assert saved == json.loads(json.dumps(expected))

    jlab.restart_kernel(page)
    jlab.open_notebook(page, lab, name)
    jlab.run_all(page)
    for question in taken:
        assert "restored from your answers file" in jlab.box(page, question).inner_text(), question.id
    assert f"{len(taken)} of {len(taken)} questions answered" in page.locator(".medialit-progress").inner_text()

    bundle = tmp_path / "ada.json"
    handed_in = subprocess.run([sys.executable, "-m", "kit", "submit", "--answers", str(lab.answers), "--out", str(bundle)],
                               capture_output=True, text=True, cwd=lab.root)
    assert handed_in.returncode == 0, handed_in.stderr
    graded = subprocess.run([sys.executable, "-m", "kit", "grade", str(bundle), "--lessons", lesson_id,
                             "--out", str(tmp_path / "grading"), "--no-analytics"], capture_output=True, text=True)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    row = (tmp_path / "grading" / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    written = sum(q.points for q in taken if q.kind == "free-text")
    assert row[0] == "Ada Lovelace" and float(row[2]) == bank.points_per_student - written
