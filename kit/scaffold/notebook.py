"""The notebook of a new lesson, from the template ``kit/templates/new-lesson/notebook.md.j2``.

The template is one Markdown-like file a teacher can read and edit: a line
holding only ``{# cell: markdown #}`` or ``{# cell: code #}`` starts a cell.
The file is cut into cells *before* rendering, so no article text can start
a cell; each cell is then rendered on its own, and the notebook's JSON is
written by nbformat, so any title (quotes, backslashes, braces) stays text.

>>> [(kind, line) for kind, _, line in split_cells("{# top #}\\n{# cell: markdown #}\\n# Hi\\n{# cell: code #}\\nx = 1\\n")]
[('markdown', 2), ('code', 4)]
"""

from __future__ import annotations

import re

from kit import __version__
from kit.articles import Article
from kit.templates import FOLDER, TemplateProblem, from_text

TEMPLATE = "new-lesson/notebook.md.j2"
CELL = re.compile(r"^\{#-? *cell: *(markdown|code) *-?#\}[ \t]*$", re.M)


def split_cells(source: str) -> list[tuple[str, str, int]]:
    """``(kind, template text, line)`` for each cell of a notebook template, ``line`` being its marker's line.

    The text before the first cell (the comment saying what the template receives) is left out.
    """
    markers = list(CELL.finditer(source))
    ends = [m.start() for m in markers[1:]] + [len(source)]
    return [(m.group(1), source[m.end():end], source.count("\n", 0, m.start()) + 1) for m, end in zip(markers, ends)]


def details(article: Article) -> list[tuple[str, str]]:
    """The rows of the notebook's "About this article" table."""
    meta = article.meta
    return [
        ("Title", article.title or "(no title given)"),
        ("Author", article.author or meta.get("byline", "") or "(not given)"),
        ("Publisher", meta.get("publisher", "") or "(not given)"),
        ("Date", meta.get("date", "") or "(not given)"),
        ("Address", meta.get("url", "") or meta.get("copy_url", "") or "(not given)"),
        ("Length", f"{article.word_count:,} words, {len(article.main_sentences())} sentences"),
        ("File", article.path.name if article.path else ""),
    ]


def render_cells(context: dict, *, source: str | None = None) -> list[tuple[str, str]]:
    """``(kind, text)`` of every cell that is not empty once rendered with ``context``.

    ``source`` is the template's text (default: the file :data:`TEMPLATE`);
    a mistake in it is a :class:`~kit.templates.TemplateProblem` naming the file and the cell.

    >>> render_cells({"name": "A_b"}, source="{# cell: markdown #}\\n# {{ name | md_text }}\\n{# cell: code #}\\n{% if 0 %}x{% endif %}")
    [('markdown', '# A\\\\_b')]
    """
    import jinja2

    path = FOLDER / TEMPLATE
    if source is None:
        try:
            source = path.read_text(encoding="utf-8")
        except OSError as error:
            raise TemplateProblem(f"cannot read the template: {error.strerror or error}", path=path) from None
    cells = split_cells(source)
    if not cells:
        raise TemplateProblem("has no cells: a cell starts with a line holding only {# cell: markdown #} or {# cell: code #}",
                              path=path)
    rendered = []
    for number, (kind, text, line) in enumerate(cells, start=1):
        try:
            body = from_text(text, like=TEMPLATE).render(**context).strip()
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(f"line {line + error.lineno - 1} (cell {number}): {error.message}", path=path) from None
        except jinja2.UndefinedError as error:
            raise TemplateProblem(f"cell {number} (from line {line}): {error.message} (the variables it receives are listed at its top)",
                                  path=path) from None
        if body:
            rendered.append((kind, body))
    return rendered


def build_notebook(lesson_id: str, article: Article, article_file: str, notes: list[str]):
    """The lesson notebook (nbformat v4, no outputs), validated."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    context = {
        "title": article.title or (article.path.stem if article.path else lesson_id),
        "lesson_id": lesson_id,
        "article_file": article_file,
        "source_file": article.path.name if article.path else "",
        "details": details(article),
        "text": article.main_text.strip(),
        "language_note": next((n for n in notes if "non-English" in n), None),
    }
    make = {"markdown": new_markdown_cell, "code": new_code_cell}
    cells = [make[kind](source) for kind, source in render_cells(context)]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number:02d}"
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "medialit": {"lesson": lesson_id, "made_by": "medialit new-lesson", "kit_version": __version__},
        },
    )
    nbformat.validate(notebook)
    return notebook
