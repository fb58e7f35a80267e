"""The answer tables of the instructor guide, generated from the question banks and keys.

``instructor-guide/lessons.md`` holds one table per lesson between markers; a
test checks each table equals :func:`markdown`, so the guide cannot drift from
the key.

>>> print(markdown("L00").splitlines()[0])
| question | kind | points | answer | why |
"""

from __future__ import annotations

import re
from pathlib import Path

from kit import kinds
from kit.errors import InputError
from kit.questions import load_bank, load_key
from kit.scoring import model_value


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown(lesson: str) -> str:
    """A Markdown table: every question of ``lesson`` with its answer and the key's explanation."""
    bank, key = load_bank(lesson), load_key(lesson)
    if key is None:
        raise InputError(f"no answer key for {lesson}")
    lines = ["| question | kind | points | answer | why |", "|---|---|---|---|---|"]
    for question in bank:
        entry = key[question.id]
        answer = kinds.get(question.kind).answer_text(question, model_value(question, entry))
        if entry.accept:
            answer += " (alternatives accepted)"
        lines.append(f"| {question.id} | {question.kind_label} | {question.points:g} | {_cell(answer)} | {_cell(entry.explanation)} |")
    return "\n".join(lines)


def update_guide(path: Path | str) -> list[str]:
    """Rewrite every ``<!-- answers:LNN -->`` table in the guide page ``path``; return the lessons updated."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    updated = []

    def replace(match: re.Match) -> str:
        lesson = match.group(1)
        updated.append(lesson)
        return f"<!-- answers:{lesson} -->\n{markdown(lesson)}\n<!-- /answers:{lesson} -->"

    text = re.sub(r"<!-- answers:(\S+) -->(?:\n.*?<!-- /answers:\1 -->)?", replace, text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    return updated
