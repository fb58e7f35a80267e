"""One feedback page per student: what was wrong, the explanation, the sources. All text is escaped.

>>> "&lt;script&gt;" in _escape("<script>")
True
"""

from __future__ import annotations

import html
from pathlib import Path

from kit.citations import UnknownSource, cite
from kit.data import DatasetError
from kit.feedback import HEADLINES

_escape = html.escape
MAX_SHOWN = 3000  # characters of a written answer shown on its feedback page

STYLE = """
body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
.status{white-space:nowrap;font-weight:bold}
"""


def _sources(source_ids, cache: dict) -> str:
    items = []
    for source_id in source_ids:
        if source_id not in cache:
            try:
                cache[source_id] = cite(source_id).html()
            except (UnknownSource, DatasetError):
                cache[source_id] = f"<code>{_escape(source_id)}</code>"
        items.append(f"<li>{cache[source_id]}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def page(student, result, cache: dict | None = None) -> str:
    """The HTML feedback page of one student."""
    cache = {} if cache is None else cache
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>Feedback for {_escape(student.name)}</title><style>{STYLE}</style></head><body>",
        f"<h1>Feedback for {_escape(student.name)}</h1>",
        f"<p>Total: <strong>{student.points:g}</strong> of {result.total_max:g} points over the lessons graded.</p>",
    ]
    metrics = student.discernment()
    if metrics.n:
        parts.append(f"<h2>Judging credibility</h2><p>{_escape(metrics.explain())}</p>")
    for lesson in result.lessons:
        if lesson not in student.lessons:
            parts.append(f"<h2>{_escape(lesson)}: {_escape(result.banks[lesson].title)}</h2><p>Not handed in.</p>")
            continue
        done = student.lessons[lesson]
        parts.append(f"<h2>{_escape(lesson)}: {_escape(done.title)} \u2014 {done.points:g} of {done.max_points:g} points</h2>")
        parts.append("<table><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Your answer</th>"
                     "<th scope=\"col\">Result</th><th scope=\"col\">Why, and where to check</th></tr></thead><tbody>")
        for q in done.questions:
            key = result.keys[lesson][q.question.id]
            status = q.score.status
            label = HEADLINES[status] if "rubric" not in q.score.detail else f"Rubric: {q.score.detail['rubric']}"
            why = ""
            if status != "correct" or "rubric" in q.score.detail:
                why = f"<p>{_escape(key.explanation)}</p>"
                if q.mark_comment:
                    why += f"<p>Your teacher: {_escape(q.mark_comment)}</p>"
                why += _sources(key.sources, cache)
            answer = _escape(q.answer_text)
            if q.question.kind == "free-text" and isinstance(q.value, str):
                shown = q.value if len(q.value) <= MAX_SHOWN else q.value[:MAX_SHOWN] + " \u2026"
                answer += f"<blockquote>{_escape(shown)}</blockquote>"
            parts.append(
                f"<tr><td>{_escape(q.question.id)}<br>{_escape(q.question.prompt)}</td><td>{answer}</td>"
                f"<td class=\"status\">{_escape(label)}<br>{q.score.points:g}/{q.score.max_points:g}</td><td>{why}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_all(result, folder: Path) -> list[Path]:
    """Write ``<student-id>.html`` for every student (ids are already sanitised)."""
    folder.mkdir(parents=True, exist_ok=True)
    cache: dict = {}
    written = []
    for student in result.students:
        path = folder / f"{student.id}.html"
        path.write_text(page(student, result, cache), encoding="utf-8")
        written.append(path)
    return written
