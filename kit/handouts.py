"""Printable handouts: each lesson on paper, for a class without computers.

A handout is the lesson notebook as a student reads it, made for print: the
lesson's text; every question with its prompt, its options to circle or tick
and lines to write on; what a code cell printed, as text (a widget shows its
text equivalent); each link followed by its printed address. Code itself, the
answer key and the Check button's feedback never appear: the questions come
from the question bank (``kit.questions.load_bank``), which holds no answers.
A folded reveal (``<details>``, read after the activity) would print as its
summary line only, so on paper it is replaced by a pointer and printed at the end
of the lesson, under "After you answer".

The HTML is built with the Jinja2 template ``kit/templates/handout.html.j2`` (autoescaped) and nbconvert's
Markdown renderer, and Debian's Chromium prints it to PDF, offline.

>>> html = question_html(load_bank("L00")["L00.q01"], number=1)
>>> "L00.q01" in html and "<script" not in html
True
>>> printed_links('<a href="https://example.org/a(1)">Example</a>')
'Example <span class="address">(https://example.org/a(1))</span>'
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from kit import settings, templates
from kit.errors import KitError
from kit import kinds
from kit.kinds.base import PaperPart
from kit.model import Question
from kit.grading.forms import FORMS, form_questions
from kit.questions import load_bank

ASK = re.compile(r"""\.ask\(\s*["']([^"']+)["']""")
ASK_FORM = re.compile(r"""\.ask_form\(\s*["'](pre|post)["']""")
START = re.compile(r"""lesson\.start\(\s*["']([^"']+)["']""")
LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
ANCHOR = re.compile(r'<a class="anchor-link" href="#[^"]*">.*?</a>', re.S)  # nbconvert's ¶ after each heading
REVEAL = re.compile(r"<details\b[^>]*>\s*(?:<summary>(.*?)</summary>)?(.*?)</details>", re.S | re.I)




@dataclass
class LessonHandout:
    lesson: str
    title: str
    stem: str  # the notebook's file name without .ipynb
    parts: list[Markup]
    reveals: list[tuple[str, Markup]] = field(default_factory=list)  # folded reveals, printed at the end


def printed_links(html: str) -> str:
    """Replace each link by its text and, for web addresses, the address in brackets, as print needs."""
    def replace(found: re.Match) -> str:
        href, text = found.group(1), found.group(2)
        if href.startswith(("http://", "https://")):
            return f'{text} <span class="address">({href})</span>'
        return text
    return LINK.sub(replace, html)


def _lines(count: int) -> str:
    return '<div class="lines">' + "<div></div>" * count + "</div>"


def _options(options, mark: str) -> str:
    items = "".join(f'<li><span class="mark">{mark}</span>{escape(o.label)}</li>' for o in options)
    return f'<ul class="options">{items}</ul>'


def _short(label) -> str:
    """A label short enough to print in every row: itself, the words before its colon, or its id."""
    if len(label.label) <= 24:
        return label.label
    head = label.label.split(":", 1)[0]
    return head if ":" in label.label and len(head) <= 24 else label.id


def _choices(labels) -> str:
    return " &nbsp; ".join(f"○&nbsp;{escape(_short(label))}" for label in labels)


def _legend(labels) -> str:
    long = [label for label in labels if _short(label) != label.label]
    if not long:
        return ""
    items = "".join(f"<li>{escape(label.label)}</li>" if label.label.startswith(_short(label)) else
                    f"<li><strong>{escape(_short(label))}</strong>: {escape(label.label)}</li>" for label in long)
    return f'<ul class="legend">{items}</ul>'


def _paper_part(part: PaperPart) -> str:
    """One piece of a question on paper (see :class:`kit.kinds.base.PaperPart`), escaped."""
    html = f'<p class="note">{escape(part.note)}</p>' if part.note else ""
    if part.options:
        html += _options(part.options, part.mark)
    if part.rows:
        heads = "".join(f"<th>{escape(h)}</th>" for h in part.headings)
        choice = part.choices and f"<td>{_choices(part.choices)}</td>"  # a table to fill in or to read has no choice column
        rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + (choice or "") + "</tr>"
                       for row in part.rows)
        heads += "<th>your choice</th>" if part.choices else ""
        html += f"{_legend(part.choices)}<table><tr>{heads}</tr>{rows}</table>"
    if part.hints:
        html += '<ul class="hints">' + "".join(f"<li>{escape(hint)}</li>" for hint in part.hints) + "</ul>"
    if part.prompt:
        html += f"<p>{escape(part.prompt)}</p>"
    if part.lines:
        html += _lines(part.lines)
    return html


def question_html(question: Question, *, number: int) -> Markup:
    """One question for paper: prompt, context, passage, and the way to answer its kind. No key is read."""
    points = f"{question.points:g} point{'s' if question.points != 1 else ''}"
    parts = [f'<div class="question"><p><span class="label">Question {number}</span> ({escape(question.id)}, '
             f"{escape(question.kind_label)}, {points})</p><p>{escape(question.prompt)}</p>"]
    if question.context:
        parts.append(f'<p class="context">{escape(question.context)}</p>')
    if question.passage:
        parts.append(f"<blockquote>{escape(question.passage)}</blockquote>")
    for part in kinds.get(question.kind).paper(question):
        parts.append(_paper_part(part))
    parts.append("</div>")
    return Markup("".join(parts))


def _output_html(output: dict) -> str:
    if output.get("output_type") == "stream":
        return f"<pre>{escape(''.join(output.get('text', '')))}</pre>"
    data = output.get("data", {})
    if "image/png" in data:
        png = "".join(data["image/png"]).replace("\n", "")
        base64.b64decode(png, validate=True)  # only real image data goes into the page
        alt = escape("".join(data.get("text/plain", "")))
        return f'<img alt="{alt}" src="data:image/png;base64,{png}">'
    if "text/plain" in data:  # a widget's text equivalent, or a value's text
        return f"<pre>{escape(''.join(data['text/plain']))}</pre>"
    return ""


def _missing_output(source: str) -> str:
    """What paper says where a cell's output is not stored (a set-up cell says nothing)."""
    if "kit.plots." in source:
        return '<p class="note">(On a computer, a chart appears here; your teacher may show it to the class.)</p>'
    if "lesson." in source:
        return ('<p class="note">(On a computer, your own results appear here; on paper, your teacher works them out '
                "from your answers.)</p>")
    return ""


def _markdown(source: str) -> Markup:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return Markup(printed_links(ANCHOR.sub("", markdown2html_mistune(source))))


def _unfold(source: str, reveals: list[tuple[str, Markup]]) -> str:
    """Move each ``<details>`` block of ``source`` into ``reveals``, leaving a pointer to where it is printed.

    >>> reveals = []
    >>> _unfold("Answer first.\\n\\n<details><summary>What we found</summary>\\n\\nThe *key* point.\\n\\n</details>", reveals)
    'Answer first.\\n\\n*What we found: printed at the end of the lesson, under "After you answer" (1).*'
    >>> reveals[0][0], "<em>key</em>" in reveals[0][1]
    ('What we found', True)
    """
    def move(found: re.Match) -> str:
        summary = re.sub(r"<[^>]+>", "", found.group(1) or "More").strip()
        reveals.append((summary, _markdown(found.group(2))))
        return f'*{summary}: printed at the end of the lesson, under "After you answer" ({len(reveals)}).*'
    return REVEAL.sub(move, source)


def lesson_handout(notebook: Path, *, questions_folder: Path | None = None) -> LessonHandout:
    """Build the parts of one lesson's handout from its notebook and its question bank."""
    import nbformat

    try:
        document = nbformat.read(str(notebook), as_version=4)
    except (OSError, ValueError) as error:
        raise KitError(f"cannot read the notebook: {error}", path=notebook) from None
    code = "\n".join(c.source for c in document.cells if c.cell_type == "code")
    started = START.search(code)
    if not started:
        raise KitError("not a lesson notebook: no kit.lesson.start(...) cell", path=notebook)
    lesson = started.group(1)
    bank = load_bank(lesson, questions_folder)
    parts: list[Markup] = []
    reveals: list[tuple[str, Markup]] = []
    number = 0
    for cell in document.cells:
        if cell.cell_type == "markdown":
            parts.append(_markdown(_unfold(cell.source, reveals)))
        elif cell.cell_type == "code" and (asked := ASK.findall(cell.source)):
            for question_id in asked:
                if bank.qualify(question_id) not in bank.questions:
                    raise KitError(f"asks {question_id}, which is not in the question bank of {lesson}", path=notebook)
                number += 1
                parts.append(question_html(bank[question_id], number=number))
        elif cell.cell_type == "code" and (phase := ASK_FORM.search(cell.source)):
            for form in FORMS:  # on paper the teacher hands each student the page of their form
                parts.append(Markup(f'<h3 class="form">Form {escape(form)} (for the students who take form {escape(form)} '
                                    f'{"before" if phase.group(1) == "pre" else "after"} the unit)</h3>'))
                for question in form_questions(bank, form, phase.group(1)):
                    number += 1
                    parts.append(question_html(question, number=number))
        elif cell.cell_type == "code" and not START.search(cell.source):
            shown = "".join(_output_html(o) for o in cell.get("outputs", []))
            parts.append(Markup(shown or _missing_output(cell.source)))
    return LessonHandout(lesson=lesson, title=bank.title, stem=notebook.stem, parts=parts, reveals=reveals)


def render(handouts: list[LessonHandout], title: str) -> str:
    """The HTML of one or more lessons, each starting on a new page."""
    return templates.render("handout.html.j2", title=title, lessons=handouts)


def print_pdf(html_file: Path, pdf_file: Path, *, timeout: int = 180) -> Path:
    """Print an HTML file to PDF with headless Chromium, offline (``MEDIALIT_CHROMIUM`` names another binary)."""
    browser = shutil.which(settings.chromium())
    if browser is None:
        raise KitError(f"Chromium ({settings.chromium()}) is not installed: install Debian's chromium "
                       "(apt-get install chromium), set MEDIALIT_CHROMIUM, or write HTML only with --html-only")
    with tempfile.TemporaryDirectory(prefix="medialit-chromium-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-extensions", "--no-first-run", "--no-pdf-header-footer", f"--user-data-dir={profile}",
                   f"--print-to-pdf={pdf_file}", html_file.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise KitError(f"Chromium did not finish printing within {timeout} s", path=html_file) from None
    if done.returncode != 0 or not pdf_file.exists() or pdf_file.stat().st_size == 0:
        raise KitError(f"Chromium could not print it (exit {done.returncode}): {done.stderr.strip()[-300:]}", path=html_file)
    return pdf_file


def write_handouts(out: Path, *, lessons: list[str] | None = None, html_only: bool = False,
                   notebooks_folder: Path | None = None, questions_folder: Path | None = None) -> list[Path]:
    """Write ``<lesson>.html`` and ``.pdf`` per lesson and ``all-lessons`` with every one; return the files."""
    folder = Path(notebooks_folder or settings.lessons_dir())
    handouts = [lesson_handout(path, questions_folder=questions_folder) for path in sorted(folder.glob("*.ipynb"))
                if "lesson.start(" in path.read_text(encoding="utf-8")]
    if lessons:
        unknown = sorted(set(lessons) - {h.lesson for h in handouts})
        if unknown:
            raise KitError(f"no lesson notebook for {', '.join(unknown)} in {folder} "
                           f"(lessons: {', '.join(h.lesson for h in handouts)})")
        handouts = [h for h in handouts if h.lesson in lessons]
    if not handouts:
        raise KitError(f"no lesson notebooks in {folder}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pages = [(out / f"{h.stem}.html", render([h], title=f"{h.lesson}: {h.title}")) for h in handouts]
    pages.append((out / "all-lessons.html", render(handouts, title="medialit-kit: every lesson")))
    written = []
    for path, text in pages:
        path.write_text(text, encoding="utf-8")
        written.append(path if html_only else print_pdf(path, path.with_suffix(".pdf")))
    return written
