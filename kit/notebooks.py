"""Keep lesson notebooks clean: outputs only where nbval checks them.

A lesson is committed with no outputs and no execution counts, except in cells
tagged ``nbval-check-output``: those keep the output nbval compares against.
:func:`refresh` runs a notebook in a real kernel (with a throw-away answers
folder, so nobody's answers leak into the file) and stores exactly that.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=3)])
>>> nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=3)]
>>> clean(nb).cells[0].outputs, nb.cells[0].execution_count
([], None)
>>> problems(nb)
[]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat

from kit import citations, settings

CHECK = "nbval-check-output"


def is_checked(cell) -> bool:
    return CHECK in (cell.get("metadata", {}).get("tags") or [])


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop outputs and execution counts of every cell nbval does not check (in place)."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            count += 1
            cell.execution_count = count
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
                output.get("metadata", {}).pop("execution", None)
        else:
            cell.outputs = []
            cell.execution_count = None
        cell.get("metadata", {}).pop("execution", None)
    notebook.metadata.pop("widgets", None)
    return notebook


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    """Why a notebook is not clean (empty when it is)."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index} has an error output")
        if cell.cell_type == "code" and not is_checked(cell):
            if cell.outputs:
                found.append(f"cell {index} has outputs but is not tagged {CHECK}")
            if cell.execution_count is not None:
                found.append(f"cell {index} has an execution count but is not tagged {CHECK}")
    if "widgets" in notebook.metadata:
        found.append("the notebook stores widget state")
    return found


def executed(path: Path | str, *, timeout: int = 600) -> nbformat.NotebookNode:
    """The notebook at ``path`` run in a fresh kernel in its own folder, with a throw-away answers folder."""
    from nbclient import NotebookClient

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as answers, settings.overridden(MEDIALIT_ANSWERS=answers):
        NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}, allow_errors=True).execute()
    return notebook


def relink(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Render every citation of the notebook's Markdown again from ``sources.csv``, and its sources list (in place)."""
    prose = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    listing = [cell for cell in prose if cell.source.startswith(citations.SOURCES_HEADING)]
    for cell in prose:
        if cell not in listing:
            cell.source = citations.relink(cell.source)
    for cell in listing:
        cited = citations.cited_ids("\n\n".join(c.source for c in prose if c not in listing))
        cell.source = citations.sources_section(cited)
    return notebook


def refresh(path: Path | str, *, timeout: int = 600) -> list[str]:
    """Render the notebook's citations again, execute it in a fresh kernel, store the checked cells' outputs, clear the rest.

    Returns the problems of the result (errors in cells), empty when all is well.
    """
    path = Path(path)
    nbformat.write(relink(nbformat.read(path, as_version=4)), path)
    notebook = executed(path, timeout=timeout)
    errors = [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, c in enumerate(notebook.cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    clean(notebook)
    nbformat.write(notebook, path)
    return errors
