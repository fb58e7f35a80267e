"""The answer tables of the instructor guide, generated from the question banks and keys.

``instructor-guide/lessons.md`` holds one table per lesson between markers; a
test checks each table equals :func:`markdown`, so the guide cannot drift from
the key.

>>> print(markdown("L00").splitlines()[0])
| question | kind | points | answer | why |
"""

from __future__ import annotations

from kit.questions import Question, describe_value, load_bank, load_key
from kit.scoring import model_value


def _answer(question: Question, value) -> str:
    kind = question.kind
    if kind in ("tag-table", "evidence-match"):
        return "; ".join(f"{i.id}: {question.option_label(value[i.id])}" for i in question.items if i.id in value)
    if kind == "source-card":
        flags = ", ".join(question.option_label(f) for f in value.get("flags", [])) or "none"
        return f"flags: {flags}; verdict: {question.option_label(value.get('verdict') or '')}"
    if kind == "free-text":
        return "written answer, marked with the rubric"
    if kind == "rating":
        return question.option_label(value["choice"])
    return describe_value(question, value)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown(lesson: str) -> str:
    """A Markdown table: every question of ``lesson`` with its answer and the key's explanation."""
    bank, key = load_bank(lesson), load_key(lesson)
    if key is None:
        raise ValueError(f"no answer key for {lesson}")
    lines = ["| question | kind | points | answer | why |", "|---|---|---|---|---|"]
    for question in bank:
        entry = key[question.id]
        answer = _answer(question, model_value(question, entry))
        if entry.accept:
            answer += " (alternatives accepted)"
        lines.append(f"| {question.id} | {question.kind_label} | {question.points:g} | {_cell(answer)} | {_cell(entry.explanation)} |")
    return "\n".join(lines)


def update_guide(path) -> list[str]:
    """Rewrite every ``<!-- answers:LNN -->`` table in the guide page ``path``; return the lessons updated."""
    import re
    from pathlib import Path

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    updated = []

    def replace(match) -> str:
        lesson = match.group(1)
        updated.append(lesson)
        return f"<!-- answers:{lesson} -->\n{markdown(lesson)}\n<!-- /answers:{lesson} -->"

    text = re.sub(r"<!-- answers:(\S+) -->(?:\n.*?<!-- /answers:\1 -->)?", replace, text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    return updated
