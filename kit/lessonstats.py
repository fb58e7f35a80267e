"""How long a lesson really takes: words a student reads, responses they give, and the modelled minutes.

Counted per lesson notebook:

* **core words**: the prose of Markdown cells, what code cells print (the
  notebook is run in a fresh kernel first; committed lessons hold no outputs)
  and the text of every question asked (prompt, context, passage, options,
  rows). A question cell's own output is not counted again: it is the question.
* **extension words**: the same in cells tagged ``extension`` and inside HTML
  ``<details>`` blocks. Extension material is optional and is not counted
  against the budget.
* **response rows**: what a student sets (one per choice or rating, one per
  table row, one per part of a source card), from each kind
  (:meth:`kit.kinds.Kind.response_rows`); **written answers**: answers marked
  by rubric.
* **timed minutes**: cells tagged ``timed-N`` (an activity the lesson times at N minutes).

Questions asked in extension cells count as extension words only: they are
optional, so their responses, written answers and timed minutes are not part of
the period, and ``questions`` counts the core questions.

Modelled minutes = core words / 200 + 20 s per response row + 2 min per
written answer + timed minutes. The budget of one class period: at most
2,000 core words and 40 modelled minutes.

>>> stats = LessonStats(lesson="L99", notebook="99.ipynb", core_words=1000, extension_words=300, questions=4,
...                     response_rows=12, written_answers=1, timed_minutes=6)
>>> stats.modelled_minutes, stats.within_budget
(17.0, True)
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

import nbformat

from kit import kinds, settings
from kit.grading.forms import FORMS, form_questions
from kit.model import Bank, Question
from kit.notebooks import executed
from kit.questions import load_bank
from kit.text.segment import plain, words

WORDS_PER_MINUTE = 200
SECONDS_PER_ROW = 20
MINUTES_PER_WRITTEN_ANSWER = 2
MAX_CORE_WORDS = 2000
MAX_MINUTES = 40
EXTENSION = "extension"
ASK = re.compile(r"""lesson\.ask\(\s*["']([^"']+)["']\s*\)""")
ASK_FORM = re.compile(r"""lesson\.ask_form\(\s*["'](pre|post)["']\s*\)""")
DETAILS = re.compile(r"<details\b.*?</details>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
TIMED = re.compile(r"^timed-(\d+(?:\.\d+)?)$")
START = re.compile(r"""kit\.lesson\.start\(\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class LessonStats:
    """The measures of one lesson (see the module docstring)."""

    lesson: str
    notebook: str
    core_words: int
    extension_words: int
    questions: int
    response_rows: int
    written_answers: int
    timed_minutes: float

    @property
    def modelled_minutes(self) -> float:
        minutes = (self.core_words / WORDS_PER_MINUTE + self.response_rows * SECONDS_PER_ROW / 60
                   + self.written_answers * MINUTES_PER_WRITTEN_ANSWER + self.timed_minutes)
        return round(minutes, 1)

    @property
    def within_budget(self) -> bool:
        return self.core_words <= MAX_CORE_WORDS and self.modelled_minutes <= MAX_MINUTES

    def as_dict(self) -> dict:
        return {**asdict(self), "modelled_minutes": self.modelled_minutes, "within_budget": self.within_budget}


def _count(text: str) -> int:
    return len(words(plain(TAG.sub(" ", text))))


def question_words(question: Question) -> int:
    """Words a student reads in one question: prompt, context, passage, options and rows."""
    parts = [question.prompt, question.context, question.passage]
    parts += [o.label for o in (*question.options, *question.labels)]
    parts += [f"{item.text} {item.source}" for item in question.items]
    parts += [str(item.ref["title"]) for item in question.items if "title" in item.ref]  # a search result's title
    return sum(_count(part) for part in parts if part)


def _output_text(output: dict) -> str:
    if output.get("output_type") == "stream":
        return str(output.get("text", ""))
    data = output.get("data", {})
    if "application/vnd.jupyter.widget-view+json" in data:
        return str(data.get("text/plain", ""))  # a widget's text equivalent
    return str(data.get("text/plain", "")) if "image/png" not in data else str(output.get("metadata", {}).get("alt", ""))


def _lesson_of(notebook: nbformat.NotebookNode) -> str | None:
    for cell in notebook.cells:
        if cell.cell_type == "code" and (found := START.search(cell.source)):
            return found.group(1)
    return None


def measure_notebook(notebook: nbformat.NotebookNode, bank: Bank | None, *, name: str = "") -> LessonStats:
    """Measure a notebook (already executed when printed output should count) against its question bank."""
    core = extension = rows = written = 0
    timed = 0.0
    asked: list[Question] = []
    for cell in notebook.cells:
        tags = cell.get("metadata", {}).get("tags") or []
        optional = EXTENSION in tags
        if not optional:  # an extension activity's time is optional too
            timed += sum(float(m.group(1)) for tag in tags if (m := TIMED.match(tag)))
        if cell.cell_type == "markdown":
            folded = sum(_count(block) for block in DETAILS.findall(cell.source))
            shown = _count(DETAILS.sub(" ", cell.source))
            core, extension = (core, extension + shown + folded) if optional else (core + shown, extension + folded)
            continue
        if cell.cell_type != "code":
            continue
        ids = ASK.findall(cell.source)
        if bank is not None and (phase := ASK_FORM.search(cell.source)):  # a student reads one form: form A's items
            ids += [q.id for q in form_questions(bank, FORMS[0], phase.group(1))]
        if ids and bank is not None:
            for question_id in ids:
                question = bank[question_id]
                count = question_words(question)
                if optional:  # an extension question is optional: its words are extension, its responses not timed
                    extension += count
                else:
                    asked.append(question)
                    core += count
            continue
        printed = sum(_count(_output_text(output)) for output in cell.get("outputs", []))
        core, extension = (core, extension + printed) if optional else (core + printed, extension)
    for question in asked:
        kind = kinds.get(question.kind)
        rows += kind.response_rows(question)
        written += 0 if kind.auto_scored else 1
    return LessonStats(lesson=bank.lesson if bank else "", notebook=name, core_words=core, extension_words=extension,
                       questions=len(asked), response_rows=rows, written_answers=written, timed_minutes=timed)


def measure(path: Path | str, *, run: bool = True, questions_folder: Path | None = None) -> LessonStats:
    """Measure the lesson notebook at ``path`` (run in a fresh kernel first unless ``run=False``)."""
    path = Path(path)
    notebook = executed(path) if run else nbformat.read(path, as_version=4)
    lesson = _lesson_of(notebook)
    bank = load_bank(lesson, questions_folder) if lesson else None
    return measure_notebook(notebook, bank, name=path.name)


def lesson_notebooks(folder: Path | None = None) -> list[Path]:
    """The lesson notebooks, in order (``00-start-here.ipynb`` ...)."""
    return sorted(p for p in (folder or settings.lessons_dir()).glob("[0-9][0-9]-*.ipynb"))


def measure_all(paths: Iterable[Path] | None = None, *, run: bool = True) -> list[LessonStats]:
    """Measure every lesson notebook."""
    return [measure(path, run=run) for path in (paths if paths is not None else lesson_notebooks())]


def table(stats: list[LessonStats]) -> str:
    """A Markdown table of the measures, one row per lesson, with the totals."""
    lines = ["| lesson | core words | extension words | questions | response rows | written answers | timed min | modelled min | within budget |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for s in stats:
        lines.append(f"| {s.lesson} | {s.core_words:,} | {s.extension_words:,} | {s.questions} | {s.response_rows} | "
                     f"{s.written_answers} | {s.timed_minutes:g} | {s.modelled_minutes:g} | {'yes' if s.within_budget else 'no'} |")
    lines.append(f"| all | {sum(s.core_words for s in stats):,} | {sum(s.extension_words for s in stats):,} | "
                 f"{sum(s.questions for s in stats)} | {sum(s.response_rows for s in stats)} | "
                 f"{sum(s.written_answers for s in stats)} | {sum(s.timed_minutes for s in stats):g} | "
                 f"{round(sum(s.modelled_minutes for s in stats), 1):g} | |")
    return "\n".join(lines)


def as_json(stats: list[LessonStats]) -> str:
    return json.dumps([s.as_dict() for s in stats], indent=2)


GUIDE_MARKERS = ("<!-- lesson-stats -->", "<!-- /lesson-stats -->")


def guide_table(text: str) -> str | None:
    """The table between the ``<!-- lesson-stats -->`` markers of a guide page (None when it has none)."""
    start, end = GUIDE_MARKERS
    if start not in text or end not in text:
        return None
    return text.split(start, 1)[1].split(end, 1)[0].strip()


def update_guide(path: Path | str, stats: list[LessonStats]) -> bool:
    """Rewrite the table between the ``<!-- lesson-stats -->`` markers of the guide page ``path``; False without markers.

    The guide shows the measures of the committed lessons (``--no-run``); a test keeps it equal to :func:`table`.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    start, end = GUIDE_MARKERS
    if guide_table(text) is None:
        return False
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    path.write_text(f"{before}{start}\n{table(stats)}\n{end}{after}", encoding="utf-8")
    return True
