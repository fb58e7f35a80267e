"""Build the answer-key notebooks: one checked cell per question, outputs stored from the model answers.

``medialit key-notebooks`` writes ``instructor-guide/answer-key/<lesson>-key.ipynb``
for every lesson; a test checks the committed notebooks match what this
module builds, so the key and its notebook cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from kit.grading.keycheck import KeyCheck
from kit.questions import load_bank

INTRO = """# Answer key: {lesson}, {title}

Each cell below prints one verdict line for one question. The stored outputs are
the **model answers'** lines. Run this notebook under nbval to check a student:

```
MEDIALIT_STUDENT_ANSWERS=path/to/answers.json pytest --nbval-lax {name}
```

Each question the student did not answer fully correctly fails as one test.
Written answers pass when they reach the minimum length: their mark comes from
the rubric (see `rubric-marking.ipynb`). `{env}` may name an answers file, a
`medialit submit` bundle or a student's answers folder; a relative path is
relative to this folder. Without it, the model answers are checked.
"""


def build(lesson: str, *, answers: Path | None = None) -> nbformat.NotebookNode:
    """The key notebook of ``lesson`` with outputs from ``answers`` (default: the model answers)."""
    bank = load_bank(lesson)
    check = KeyCheck(lesson, answers)
    name = f"{lesson}-key.ipynb"
    cells = [
        nbformat.v4.new_markdown_cell(INTRO.format(lesson=lesson, title=bank.title, name=name, env="MEDIALIT_STUDENT_ANSWERS"), id="intro"),
        nbformat.v4.new_code_cell(f'from kit.grading.keycheck import for_lesson\ncheck = for_lesson("{lesson}")\nprint(check.describe())',
                                  metadata={"tags": ["nbval-ignore-output"]}, id="open-answers"),
    ]
    for number, question in enumerate(bank, start=1):
        cell = nbformat.v4.new_code_cell(f'check("{question.id}")', metadata={"tags": ["nbval-check-output"]},
                                         id=question.id.replace(".", "-"), execution_count=number)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=check.line(question.id) + "\n")]
        cells.append(cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def question_of_cell(notebook: nbformat.NotebookNode) -> dict[int, str]:
    """nbval's cell number (it counts code cells only) -> question id, for reading its results."""
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return {n: cell.source.split('"')[1] for n, cell in enumerate(code) if cell.source.startswith('check("')}


def write(lesson: str, folder: Path) -> Path:
    path = Path(folder) / f"{lesson}-key.ipynb"
    nbformat.write(build(lesson), path)
    return path
