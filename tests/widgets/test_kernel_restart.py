"""Answers survive a kernel restart: set them through the widgets' API, restart, re-run."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from kit.questions import load_bank, load_key
from kit.scoring import model_value

OPEN = 'import kit\nlesson = kit.lesson.start("L90")\nwidgets = {q.id: lesson.ask(q.id) for q in lesson.bank}'
SET = (
    "from kit.questions import load_key\nfrom kit.scoring import model_value\nkey = load_key('L90')\n"
    "for qid, widget in widgets.items():\n    widget.value = model_value(widget.question, key[qid])"
)
SHOW = 'widgets["L90.q03"]'
DUMP = "import json\nprint(json.dumps({qid: w.value for qid, w in widgets.items()}, sort_keys=True))"


def run(cells, folder):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


@pytest.mark.notebook
def test_widgets_show_saved_answers_after_a_restart(fixture_bank, answers_dir, tmp_path):
    first = run([OPEN, SET, DUMP], tmp_path)
    entered = json.loads(first.cells[2].outputs[0]["text"])
    second = run([OPEN, SHOW, DUMP], tmp_path)  # a new kernel: nothing in memory
    restored = json.loads(second.cells[2].outputs[0]["text"])
    key, bank = load_key("L90"), load_bank("L90")
    expected = {q.id: model_value(q, key[q.id]) for q in bank}
    assert entered == restored == json.loads(json.dumps(expected, sort_keys=True))
    shown = second.cells[1].outputs[0]["data"]
    assert shown["text/plain"].endswith("Your answer: 3 of 3 rows answered")
    assert "application/vnd.jupyter.widget-view+json" in shown
