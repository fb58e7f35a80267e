"""A student copy leaks no graded answer: the scan of :mod:`tests.assessment.leaks` finds nothing in a real release.

What "contains the answer" means, per kind, is written in that module's docstring: the explanation's
sentences, a written model answer, the key entry, the dataset cells the answer can be read from
(verdicts and reasoning of rated claims, relations of paired evidence, claim types, techniques), and a
line naming a withheld claim or evidence row beside its withheld value. The other tests plant each kind
of leak in a copy and check the scan finds it, so a silent scan cannot pass.
"""

from __future__ import annotations

import json
import shutil

import pytest

from kit import data, datacheck, settings
from kit.questions import lesson_ids, load_bank, load_key
from kit.release import release
from tests.assessment.leaks import find_leaks


@pytest.fixture(scope="module")
def parts():
    banks = {lesson: load_bank(lesson) for lesson in lesson_ids()}
    return banks, {lesson: load_key(lesson) for lesson in banks}


@pytest.fixture()
def copy(tmp_path):
    return release(tmp_path / "class-copy").folder


def test_a_release_copy_leaks_no_graded_answer(copy, parts):
    banks, keys = parts
    assert sum(q.graded for b in banks.values() for q in b) >= 20
    leaks = find_leaks(copy, banks, keys, settings.datasets_dir())
    assert leaks == [], "\n".join(map(str, leaks))


def test_the_copy_blanks_cells_but_its_datasets_still_load(tmp_path):
    release_result = release(tmp_path / "class-copy")
    copy = release_result.folder
    marker = json.loads((copy / settings.RELEASE_MARKER).read_text(encoding="utf-8"))
    assert "claims.csv:verdict" in marker["withheld"] and "evidence.csv:relation" in marker["withheld"]
    claims = data.load("claims", copy / "datasets")
    withheld = {c.row for c in release_result.withheld if c.file == "claims.csv" and c.column == "verdict"}
    assert len(withheld) >= 4 and set(claims.loc[claims["verdict"].isna(), "claim_id"]) == withheld
    assert claims["verdict"].notna().sum() >= 60  # the rest stay for the lessons
    assert datacheck.validate(copy / "datasets") == []
    # the same empty cell in the kit's own datasets is an error
    rows = (copy / "datasets" / "claims.csv").read_text(encoding="utf-8")
    (copy / "plain").mkdir()
    shutil.copytree(copy / "datasets", copy / "plain" / "datasets")
    (copy / "plain" / "datasets" / "claims.csv").write_text(rows, encoding="utf-8")
    problems = datacheck.validate(copy / "plain" / "datasets")
    assert any(p.column == "verdict" and "is empty but required" in str(p) for p in problems)


def test_graded_items_no_longer_point_at_the_datasets(parts):
    banks, _ = parts
    pointing = [q.id for b in banks.values() for q in b if q.graded and "datasets/" in q.prompt + q.context]
    assert pointing == []


def test_the_scan_finds_each_kind_of_planted_leak(copy, parts):
    banks, keys = parts
    # a verdict restored in the datasets, and the relation of a graded evidence row
    shutil.copy(settings.datasets_dir() / "claims.csv", copy / "datasets" / "claims.csv")
    shutil.copy(settings.datasets_dir() / "evidence.csv", copy / "datasets" / "evidence.csv")
    # a graded explanation pasted into a note, and a graded entry in the shipped key
    (copy / "notes.md").write_text("Hint: " + keys["L07"]["L07.q16"].explanation, encoding="utf-8")
    shipped = json.loads((copy / "practice-key" / "L06.json").read_text(encoding="utf-8"))
    shipped["answers"]["L06.q10"] = {"answer": "accurate", "explanation": "x"}
    (copy / "practice-key" / "L06.json").write_text(json.dumps(shipped), encoding="utf-8")
    # a line naming a graded claim with its verdict
    (copy / "crib.txt").write_text("A2-27: no-evidence-offered\n", encoding="utf-8")
    rules = {(leak.question, leak.rule.split(" ")[0]) for leak in find_leaks(copy, banks, keys, settings.datasets_dir())}
    assert ("L06.q09", "dataset") in rules  # A2-27's verdict
    assert ("L03.q04", "dataset") in rules  # the relation of a graded evidence row
    assert ("L07.q16", "explanation") in rules
    assert ("L06.q10", "key") in rules
    assert ("L06.q09", "A2-27") in rules


@pytest.mark.notebook
def test_lesson_05_in_a_copy_says_withheld_where_a_graded_answer_was_blanked(copy):
    import nbformat
    from nbclient import NotebookClient

    path = copy / "05-find-better-coverage.ipynb"
    notebook = nbformat.read(path, as_version=4)
    with settings.overridden(MEDIALIT_ANSWERS=str(copy / "answers")):
        NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(copy)}}).execute()
    printed = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
                      if o.output_type == "stream")
    assert "withheld (a graded question asks you to work it out)" in printed
    assert "| nan |" not in printed and "verdict: nan" not in printed
