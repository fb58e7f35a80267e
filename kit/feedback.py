"""Feedback on one answer: what was right, the explanation, and the sources.

Feedback never relies on colour: the headline says "Correct", "Partly right"
or "Not yet" in words, with a symbol beside it.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L00.q01", lesson="L00", kind="choice", kind_label="single choice", prompt="?",
...              options=(Option("a", "A"), Option("b", "B")))
>>> k = KeyEntry(question_id=q.id, answer="a", explanation="Because A.")
>>> print(feedback_for(q, k, "b").text())
L00.q01: Not yet \u2717 (0/1 points). Because A.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from kit import kinds
from kit.citations import Citation, UnknownSource, cite
from kit.data import DatasetError
from kit.model import KeyEntry, Question
from kit.questions import describe_value
from kit.scoring import Score, score
from kit.text.segment import words

HEADLINES = {
    "correct": "Correct \u2713",
    "partial": "Partly right \u25d1",
    "wrong": "Not yet \u2717",
    "unanswered": "Not answered yet",
    "invalid": "This answer cannot be read",
    "pending": "Saved for your teacher to mark",
}


@dataclass(frozen=True)
class Feedback:
    question_id: str
    score: Score
    headline: str
    explanation: str
    rows: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = field(default_factory=tuple)

    @property
    def points_text(self) -> str:
        return f" ({self.score.points:g}/{self.score.max_points:g} points)" if self.score.status != "pending" else ""

    def text(self) -> str:
        lines = [f"{self.question_id}: {self.headline}{self.points_text}. {self.explanation}".rstrip()]
        lines += [f"  - {row}" for row in self.rows]
        lines += [f"  Source: {c.text()}" for c in self.citations]
        return "\n".join(lines)

    def html(self) -> str:
        parts = [
            f'<div class="medialit-feedback" role="status"><p><strong>{html.escape(self.headline)}</strong>{self.points_text}</p>',
            f"<p>{html.escape(self.explanation)}</p>",
        ]
        if self.rows:
            parts.append("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in self.rows) + "</ul>")
        if self.citations:
            parts.append("<p>Sources:</p><ul>" + "".join(f"<li>{c.html()}</li>" for c in self.citations) + "</ul>")
        parts.append("</div>")
        return "".join(parts)


def reference_citations(key: KeyEntry) -> list[Citation]:
    """Citations for the sources a key keeps with their addresses (items whose evidence is not in ``datasets/``)."""
    return [Citation(source_id="", title=r.title, author="", publisher=r.publisher, date=r.date, url=r.url, copy_url="",
                     access="original", notes="") for r in key.references]


def feedback_for(question: Question, key: KeyEntry, value: Any) -> Feedback:
    """Score ``value`` and explain the result with the key's explanation and sources."""
    kind = kinds.get(question.kind)
    result = score(question, key, value)
    explanation = key.explanation
    if result.status == "pending":
        short = question.min_words and isinstance(value, str) and len(words(value)) < question.min_words
        explanation = (
            f"Your answer has {describe_value(question, value)}; write at least {question.min_words}. " if short else ""
        ) + "What a strong answer includes: " + key.explanation
    elif result.status == "unanswered":
        explanation = "Answer the question, then press Check."
    citations = []
    missing = []
    for source_id in key.sources:
        try:
            citations.append(cite(source_id))
        except (UnknownSource, DatasetError):
            missing.append(source_id)
    citations += reference_citations(key)
    if missing:
        explanation += f" (Sources: {', '.join(missing)}; details could not be loaded, run medialit validate.)"
    rows = kind.feedback_rows(question, key, value, result.detail) if value and result.status in ("partial", "wrong") else []
    return Feedback(question_id=question.id, score=result, headline=HEADLINES[result.status], explanation=explanation,
                    rows=tuple(rows), citations=tuple(citations))
