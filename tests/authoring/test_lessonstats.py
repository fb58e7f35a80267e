"""medialit lesson-stats: the reading and time budget of a lesson, counted on a notebook whose words are known."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from kit import lessonstats
from kit.questions import load_bank
from tests.conftest import ROOT


def _notebook(tmp_path):
    cells = [
        nbformat.v4.new_markdown_cell("# Ten words\n\nOne two three four five six seven eight."),
        nbformat.v4.new_code_cell('import kit\nlesson = kit.lesson.start("L90")\nprint("alpha beta gamma")'),
        nbformat.v4.new_markdown_cell("Core five words here.\n\n<details><summary>More</summary>four hidden extra words</details>"),
        nbformat.v4.new_markdown_cell("Six words only in the extension.", metadata={"tags": ["extension"]}),
        nbformat.v4.new_markdown_cell("Search for 6 minutes.", metadata={"tags": ["timed-6"]}),
        nbformat.v4.new_code_cell('lesson.ask("q01")'),
        nbformat.v4.new_code_cell('lesson.ask("q03")'),
    ]
    path = tmp_path / "90-fixture.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def test_words_rows_and_minutes_are_counted_as_documented(fixture_bank, tmp_path):
    bank = load_bank("L90")
    q01, q03 = bank["q01"], bank["q03"]
    stats = lessonstats.measure(_notebook(tmp_path), run=True)
    prose = 10 + 4 + 4  # heading and sentence, the shown part of cell 3, the timed cell's words (HTML tags are not words)
    printed = 3
    assert stats.core_words == prose + printed + lessonstats.question_words(q01) + lessonstats.question_words(q03)
    assert stats.extension_words == 5 + 6  # the <details> block (its summary included) and the extension cell
    assert stats.questions == 2 and stats.timed_minutes == 6
    from kit import kinds
    assert stats.response_rows == kinds.get(q01.kind).response_rows(q01) + kinds.get(q03.kind).response_rows(q03)
    assert stats.modelled_minutes == round(stats.core_words / 200 + stats.response_rows / 3
                                           + 2 * stats.written_answers + 6, 1)
    # without running, nothing was printed
    assert lessonstats.measure(_notebook(tmp_path), run=False).core_words == stats.core_words - printed


def test_an_extension_question_and_its_timed_activity_are_optional(fixture_bank, tmp_path):
    bank = load_bank("L90")
    core = lessonstats.measure(_notebook(tmp_path), run=False)
    notebook = nbformat.read(_notebook(tmp_path), as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("An optional timed task.", metadata={"tags": ["extension", "timed-5"]}))
    notebook.cells.append(nbformat.v4.new_code_cell('lesson.ask("q02")', metadata={"tags": ["extension"]}))
    stats = lessonstats.measure_notebook(notebook, bank, name="90-fixture.ipynb")
    assert stats.core_words == core.core_words
    assert stats.extension_words == core.extension_words + 4 + lessonstats.question_words(bank["q02"])
    assert (stats.questions, stats.response_rows, stats.written_answers, stats.timed_minutes) == (
        core.questions, core.response_rows, core.written_answers, core.timed_minutes)


@pytest.mark.slow
def test_the_command_prints_every_lesson_as_a_table_and_as_json():
    done = subprocess.run([sys.executable, "-m", "kit", "lesson-stats", "--json", "--no-run"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [row["lesson"] for row in rows] == [f"L0{n}" for n in range(8)]
    assert all(row["core_words"] > 0 and row["questions"] > 0 for row in rows)
    table = subprocess.run([sys.executable, "-m", "kit", "lesson-stats", "--no-run", str(ROOT / "lessons" / "00-start-here.ipynb")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert table.stdout.splitlines()[2].startswith("| L00 |")
