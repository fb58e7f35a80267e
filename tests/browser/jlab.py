"""Drive JupyterLab 4 and the kit's widgets the way a student does: mouse and keyboard."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat

from kit import kinds
from kit.grading import forms
from kit.questions import load_bank
from kit.kinds.source_card import CARD_FIELDS
from kit.model import Question
from kit.widgets.cards import FLAG_PREFIX
from kit.widgets.tables import short_label
from kit.widgets.rating import CONFIDENCE_LABELS

IDLE = ".jp-StatusBar-TextItem:has-text('| Idle')"


def open_notebook(page, lab, name: str) -> None:
    page.goto(lab.notebook_url(name))
    page.locator(".jp-NotebookPanel:visible").wait_for()
    page.locator(IDLE).first.wait_for(timeout=60_000)


def run_all(page, *, attempts: int = 3) -> None:
    """Run All from the Run menu; retry if the click came before the kernel existed."""
    for _ in range(attempts):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        try:
            page.locator(".jp-NotebookPanel:visible .jp-InputPrompt").filter(has_text=re.compile(r"\[(\*|\d+)\]")).first.wait_for(timeout=10_000)
            break
        except Exception:
            continue
    wait_until_done(page)


def wait_until_done(page, timeout: float = 120) -> None:
    """Wait until no cell is queued or running and the kernel is idle."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = page.locator(".jp-NotebookPanel:visible .jp-InputPrompt").filter(has_text="[*]").count()
        if busy == 0 and page.locator(IDLE).count() > 0:
            time.sleep(0.3)
            if page.locator(".jp-NotebookPanel:visible .jp-InputPrompt").filter(has_text="[*]").count() == 0:
                return
        time.sleep(0.2)
    raise TimeoutError("the notebook was still running after Run All")


def restart_kernel(page) -> None:
    page.locator(".lm-MenuBar-item", has_text="Kernel").first.click()
    page.locator(".lm-Menu-item[data-command='kernelmenu:restart']").click()
    page.locator(".jp-Dialog-button.jp-mod-accept").click()
    page.locator(IDLE).first.wait_for(timeout=60_000)


def error_outputs(page) -> list[str]:
    outputs = page.locator(".jp-NotebookPanel:visible [data-mime-type='application/vnd.jupyter.stderr']")
    return [outputs.nth(i).inner_text()[:500] for i in range(outputs.count())]


def unrendered_widgets(page) -> list[str]:
    """Outputs that show a widget's text instead of the widget, or are still loading."""
    text = page.locator(".jp-NotebookPanel:visible .jp-RenderedText[data-mime-type='text/plain']")
    fallbacks = [text.nth(i).inner_text()[:200] for i in range(text.count()) if "Your answer:" in text.nth(i).inner_text()]
    loading = page.locator(".jp-NotebookPanel:visible").get_by_text("Loading widget").count()
    return fallbacks + (["Loading widget..."] * loading)


def question_cells(path: Path, student: str = "anonymous") -> list[str]:
    """Question ids a student sees in a notebook, in order: its `lesson.ask(...)` cells, and the items of the
    student's form where the lesson shows a pre/post form (`lesson.ask_form(...)`)."""
    notebook = nbformat.read(path, as_version=4)
    asked: list[str] = []
    bank = None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if started := re.search(r"kit\.lesson\.start\(\s*[\"']([^\"']+)[\"']", cell.source):
            bank = load_bank(started.group(1))
        asked += [bank.qualify(q) if bank else q for q in re.findall(r"lesson\.ask\(\s*[\"']([^\"']+)[\"']", cell.source)]
        for phase in re.findall(r"lesson\.ask_form\(\s*[\"'](pre|post)[\"']", cell.source):
            asked += [q.id for q in forms.form_questions(bank, forms.form_for(student, phase), phase)]
    return asked


def box(page, question: Question):
    return page.locator(f".medialit-{question.id.replace('.', '-')}")


def _radio(group, label: str) -> None:
    group.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).first.click()


def _checkbox(container, label: str):
    return container.locator(".widget-checkbox").filter(has_text=label).first.locator("input")


def _type_into(page, textarea, text: str) -> None:
    textarea.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text, delay=0)
    page.keyboard.press("Tab")  # leaving the field sends a text area's value


def widget_of(question: Question) -> str:
    """The class name of the widget that asks ``question`` (its kind names it)."""
    return kinds.get(question.kind).widget.rsplit(":", 1)[1]


def fill(page, question: Question, value) -> None:
    """Give ``value`` as the answer to ``question`` through its widget, with mouse and keyboard."""
    container = box(page, question)
    container.scroll_into_view_if_needed()
    kind = widget_of(question)  # the DOM to drive is the widget's, whatever kind uses it
    if kind == "SingleChoice":
        _radio(container.locator(".widget-radio-box").first, question.option_label(value))
    elif kind in ("MultipleChoice", "TechniquePicker"):
        for option in question.options:
            checkbox = _checkbox(container, option.label)
            if (option.id in value) != checkbox.is_checked():
                checkbox.click()
    elif kind in ("TagTable", "EvidenceMatch"):
        for number, item in enumerate(question.items, start=1):
            if item.id in value:
                row = container.locator(".widget-dropdown").filter(has=container.page.locator("label", has_text=re.compile(rf"^Row {number}$")))
                shown = [short_label(label.label) for label in question.labels]
                label = question.option_label(value[item.id])
                row.locator("select").select_option(label=short_label(label) if len(set(shown)) == len(shown) else label)
    elif kind == "CredibilityRating":
        groups = container.locator(".widget-radio-box")
        _radio(groups.nth(0), question.option_label(value["choice"]))
        _radio(groups.nth(1), CONFIDENCE_LABELS[value["confidence"]])
    elif kind == "SourceCard":
        areas = container.locator("textarea")
        for index, name in enumerate(CARD_FIELDS):
            _type_into(page, areas.nth(index), value[name])
        for option in question.options:
            checkbox = _checkbox(container, FLAG_PREFIX[option.kind] + option.label)
            if (option.id in value["flags"]) != checkbox.is_checked():
                checkbox.click()
        _radio(container.locator(".widget-radio-box").last, question.option_label(value["verdict"]))
    elif kind == "SourceCheckWidget":
        _type_into(page, container.locator("input[type=text]").first, value["address"])
        _radio(container.locator(".widget-radio-box").first, question.option_label(value["judgement"]))
        _type_into(page, container.locator("textarea").first, value["reason"])
    elif kind == "FreeText":
        _type_into(page, container.locator("textarea").first, value)
    elif kind == "AddressEntry":  # typed like a student pasting from the address bar (the candidates are offline only)
        _type_into(page, container.locator("input[type=text]").first, value)
    else:
        raise ValueError(kind)


def saved_answers(path: Path) -> dict:
    try:
        return {q: e["value"] for q, e in json.loads(path.read_text(encoding="utf-8"))["answers"].items()}
    except (FileNotFoundError, ValueError):
        return {}


def wait_for_saved(path: Path, expected: dict, timeout: float = 20) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        saved = saved_answers(path)
        if all(saved.get(q) == v for q, v in expected.items()):
            return saved
        time.sleep(0.2)
    return saved_answers(path)


def shown_value(page, question: Question):
    """Read back what a widget shows (after a restart), to compare with the saved answer."""
    container = box(page, question)
    kind = widget_of(question)
    if kind in ("SingleChoice", "CredibilityRating"):
        checked = container.locator("input[type=radio]:checked")
        return checked.count()
    if kind in ("MultipleChoice", "TechniquePicker"):
        return container.locator("input[type=checkbox]:checked").count()
    if kind in ("TagTable", "EvidenceMatch"):
        selects = container.locator("select")
        return sum(1 for i in range(selects.count()) if selects.nth(i).input_value() not in ("", "0"))
    if kind in ("SourceCard", "FreeText", "SourceCheckWidget"):
        return container.locator("textarea").first.input_value()
    if kind == "AddressEntry":
        return container.locator("input[type=text]").first.input_value()
    raise ValueError(kind)
