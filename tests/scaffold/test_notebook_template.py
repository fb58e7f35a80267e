"""The new-lesson notebook from its template: any title stays valid JSON and shows as typed; template mistakes are named."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from kit.scaffold import new_lesson
from kit.scaffold.notebook import render_cells, split_cells
from kit.templates import FOLDER, TemplateProblem
from tests.reports.htmlparse import parse
from tests.text.helpers import ARTICLES, fixture_lexicons

TITLE = 'The "Bridge" \\ {{ cost }} {% raw %} {# cell: code #} costs $4.5m <script>alert(1)</script> *really* | _now_ #1 & [x](y)'
PUBLISHER = 'Ledger | "Daily" \\n {{ x }}'
BODY = "A council voted {{ 7 }} to 2 on {% if x %}Monday{% endif %}.\n\n{# cell: code #}\nimport os\n\nIt will cost $4 <b>now</b>."


def shown(markdown: str):
    """The cell as Jupyter's own Markdown renderer (nbconvert, mistune) makes it, parsed."""
    return parse(markdown2html_mistune(markdown))


@pytest.fixture
def hostile(tmp_path):
    article = tmp_path / "hostile.md"
    front = json.dumps(TITLE), json.dumps(PUBLISHER)
    article.write_text(f"---\ntitle: {front[0]}\npublisher: {front[1]}\nurl: https://x.example/a|b\n---\n\n{BODY}\n",
                       encoding="utf-8")
    return new_lesson(article, out=tmp_path / "out", lexicons=fixture_lexicons())


def test_a_hostile_title_gives_valid_json_and_is_shown_as_text(hostile):
    assert hostile.article.title == TITLE  # the front matter gave exactly this title
    notebook = nbformat.reads(hostile.notebook.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(notebook)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert len(kinds) == 22 and kinds.count("code") == 10  # no value added or removed a cell
    heading = shown(notebook.cells[0].source)
    assert heading.all("h1")[0].plain().rstrip("\u00b6").strip() == f"Claim breakdown: {' '.join(TITLE.split())}"
    title = heading.all("h1")[0]
    assert title.all("script") == [] and title.all("em") == [] and [a.plain() for a in title.all("a")] == ["\u00b6"]
    table = shown(notebook.cells[2].source)
    rows = {row.all("td")[0].plain(): row.all("td")[1].plain() for row in table.all("tr") if row.all("td")}
    assert rows["Title"] == " ".join(TITLE.split()) and rows["Publisher"] == " ".join(PUBLISHER.split())
    (link,) = table.all("tbody")[0].all("a")  # the address stays one link, its table bar %-encoded
    assert rows["Address"] == link.plain() == link.attrs["href"] == "https://x.example/a%7Cb"
    assert json.loads(hostile.questions.read_text(encoding="utf-8"))["title"] == f"Claim breakdown: {TITLE}"


def test_the_article_text_is_never_read_as_a_template_or_a_cell(hostile):
    notebook = nbformat.read(hostile.notebook, as_version=4)
    (quoted,) = [c.source for c in notebook.cells if c.source.startswith("## 2. The text")]
    assert "> A council voted {{ 7 }} to 2 on {% if x %}Monday{% endif %}." in quoted
    assert "> {# cell: code #}\n> import os" in quoted
    text = shown(quoted)
    assert "It will cost $4 <b>now</b>." in text.all("blockquote")[0].plain() and text.all("b") == []
    assert not any(c.source.startswith("import os") for c in notebook.cells)


def test_the_template_file_has_the_notebook_cells_in_order():
    cells = split_cells((FOLDER / "new-lesson" / "notebook.md.j2").read_text(encoding="utf-8"))
    code = [text.strip() for kind, text, _ in cells if kind == "code"]
    assert [line for line in code if line.startswith("lesson.ask")] == [f'lesson.ask("q0{n}")' for n in range(1, 5)]
    assert code[0].startswith("import kit") and code[-1] == "lesson.progress"


def test_an_edited_template_drops_empty_cells_and_names_its_mistakes():
    source = ("{# what it receives #}\n{# cell: markdown #}\n# {{ title | md_text }}\n"
              "{# cell: code #}\n{% if note %}print(1){% endif %}\n{# cell: code #}\nx = {{ title | python_string }}\n")
    assert render_cells({"title": 'a "b"', "note": None}, source=source) == [
        ("markdown", '# a "b"'), ("code", 'x = "a \\"b\\""'),
    ]
    with pytest.raises(TemplateProblem, match=r"notebook.md.j2: cell 2 \(from line 4\): 'note' is undefined"):
        render_cells({"title": "t"}, source=source)
    with pytest.raises(TemplateProblem, match=r"notebook.md.j2: line 6 \(cell 2\): .*'endif'"):
        render_cells({}, source="{# top #}\n{# cell: markdown #}\nText.\n{# cell: code #}\n\n{% endif %}\n")
    with pytest.raises(TemplateProblem, match=r"has no cells"):
        render_cells({}, source="# no cell lines\n")
    assert re.search(r"\{#-.*Receives:", (FOLDER / "new-lesson" / "notebook.md.j2").read_text(encoding="utf-8"), re.S)


def test_a_file_that_cannot_be_written_is_named_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    (out / "questions" / "HARBOUR-BRIDGE.json").mkdir(parents=True)  # a folder where the bank should go
    with pytest.raises(ValueError, match=r"cannot write .*questions/HARBOUR-BRIDGE.json: Is a directory"):
        new_lesson(ARTICLES / "harbour-bridge.md", out=out, force=True, lexicons=fixture_lexicons())
    assert [p.name for p in (out / "questions").iterdir()] == ["HARBOUR-BRIDGE.json"]
    assert not list(out.rglob("*.tmp"))
