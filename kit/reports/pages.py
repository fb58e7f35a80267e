"""One feedback page per student: what was wrong, the explanation, the sources.

The page is ``kit/templates/feedback-page.html.j2`` (a teacher can edit it);
this module gathers what it shows. Every value is escaped by the template.

>>> from types import SimpleNamespace as Row
>>> shown = shortened(Row(question=Row(kind="free-text"), value="word " * 1000))
>>> len(shown), shown[-3:]
(3002, '  …')
"""

from __future__ import annotations

from pathlib import Path

from kit import kinds
from kit.citations import UnknownSource, cite
from kit.data import DatasetError
from kit.feedback import HEADLINES, reference_citations
from kit.templates import render

MAX_SHOWN = 3000  # characters of a written answer shown on its feedback page
TEMPLATE = "feedback-page.html.j2"


def shortened(q) -> str | None:
    """A written answer (a kind marked by rubric) as shown on the page: at most :data:`MAX_SHOWN` characters, else ``None``."""
    if kinds.get(q.question.kind).auto_scored or not isinstance(q.value, str):
        return None
    return q.value if len(q.value) <= MAX_SHOWN else q.value[:MAX_SHOWN] + " \u2026"


def _sources(source_ids, cache: dict) -> list[dict]:
    """Each source's citation HTML (escaped by :meth:`Citation.html`), or ``None`` when it cannot be loaded."""
    for source_id in source_ids:
        if source_id not in cache:
            try:
                cache[source_id] = cite(source_id).html()
            except (UnknownSource, DatasetError):
                cache[source_id] = None
    return [{"id": source_id, "citation": cache[source_id]} for source_id in source_ids]


def _question(q, key, cache: dict) -> dict:
    marked = "rubric" in q.score.detail
    explain = q.score.status != "correct" or marked
    return {
        "id": q.question.id, "prompt": q.question.prompt, "answer": q.answer_text, "written": shortened(q),
        "result": f"Rubric: {q.score.detail['rubric']}" if marked else HEADLINES[q.score.status],
        "points": q.score.points, "max_points": q.score.max_points, "explain": explain,
        "explanation": key.explanation, "teacher_comment": q.mark_comment,
        "sources": (_sources(key.sources, cache) + [{"id": c.url, "citation": c.html()} for c in reference_citations(key)]
                    if explain else []),
    }


def _lesson(lesson: str, student, result, cache: dict) -> dict:
    if lesson not in student.lessons:
        return {"id": lesson, "title": result.banks[lesson].title, "handed_in": False}
    done = student.lessons[lesson]
    keys = result.keys[lesson]
    return {"id": lesson, "title": done.title, "handed_in": True, "points": done.points, "max_points": done.max_points,
            "questions": [_question(q, keys[q.question.id], cache) for q in done.questions]}


def page(student, result, cache: dict | None = None) -> str:
    """The HTML feedback page of one student; ``cache`` keeps citations between students."""
    cache = {} if cache is None else cache
    metrics = student.discernment()
    return render(
        TEMPLATE, title=f"Feedback for {student.name}", student_name=student.name, points=student.points,
        total_max=result.total_max, discernment=metrics.explain() if metrics.n else None,
        lessons=[_lesson(lesson, student, result, cache) for lesson in result.lessons],
    )


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
