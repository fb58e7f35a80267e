"""Headless run time of every lesson beside the floor: a fresh kernel importing the stack, once per lesson (goal <= 1.25x).

Each figure is the best of ``REPEATS`` runs, the floor's too: one slow kernel start on a shared machine
would otherwise move the ratio either way."""

import os
import tempfile
import time

import nbformat
from _common import ROOT, report
from nbclient import NotebookClient

FLOOR = "import ipywidgets, pandas, matplotlib"
REPEATS = 3


def execute(notebook, folder) -> float:
    start = time.perf_counter()
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - start


if __name__ == "__main__":
    os.environ["MEDIALIT_ANSWERS"] = tempfile.mkdtemp()
    lessons = sorted((ROOT / "lessons").glob("*.ipynb"))
    rows, floors, runs = [], [], []
    for path in lessons:
        floor = min(execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR)]), path.parent)
                    for _ in range(REPEATS))
        run = min(execute(nbformat.read(path, as_version=4), path.parent) for _ in range(REPEATS))
        floors.append(floor)
        runs.append(run)
        rows.append((f"{path.stem} (floor {floor:.2f} s)", run, "s"))
    rows.append(("all lessons", sum(runs), "s"))
    rows.append(("floor: kernel start + import stack, once per lesson", sum(floors), "s"))
    report(f"lessons run headless (nbclient, fresh kernel each; best of {REPEATS})", rows)
    ratio = sum(runs) / sum(floors)
    print(f"  all lessons = {ratio:.2f}x the floor (goal <= 1.25x): {'met' if ratio <= 1.25 else 'NOT met'}")
