"""Score one answer against the key: a pure function shared by feedback and grading.

Rules (``partial`` in the key):

* ``none`` — all or nothing;
* ``proportional`` — the share of rows (tag table, evidence match, source-card
  parts) answered as the key says or as it accepts;
* ``jaccard`` — for sets (multiple choice, techniques): the overlap with the
  key divided by the union; options the key ``accept``\\ s are neither
  required nor penalised.

Written answers are never scored automatically: they are ``pending`` until an
instructor marks them with the rubric (see ``kit.grading``).

>>> from kit.questions import Question, Option, KeyEntry
>>> q = Question(id="L00.q09", lesson="L00", kind="multi", prompt="?", points=2,
...              options=tuple(Option(x, x) for x in "abcd"))
>>> k = KeyEntry(question_id=q.id, answer=["a", "b"], explanation="", partial="jaccard")
>>> score(q, k, ["a", "c"])
Score(points=0.67, max_points=2.0, status='partial', detail={})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.questions import CARD_FIELDS, KeyEntry, Question, check_value
from kit.text.segment import words

STATUSES = ("correct", "partial", "wrong", "unanswered", "invalid", "pending")


@dataclass(frozen=True)
class Score:
    """Points earned; ``detail`` maps row ids to right/wrong where a question has rows."""

    points: float
    max_points: float
    status: str
    detail: dict[str, bool] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def is_full(self) -> bool:
        return self.status == "correct"


def _accepted(key: KeyEntry, item: str | None = None) -> set:
    accept = key.accept
    if accept is None:
        return set()
    if item is not None:
        accept = accept.get(item, []) if isinstance(accept, dict) else []
    return {accept} if isinstance(accept, str) else set(accept)


def _jaccard(chosen: set, required: set, tolerated: set) -> float:
    counted = chosen - (tolerated - required)
    union = counted | required
    return len(counted & required) / len(union) if union else 1.0


def fraction_correct(question: Question, key: KeyEntry, value: Any) -> tuple[float, dict[str, bool]]:
    """The share of the question answered correctly (0..1) and per-row detail."""
    kind = question.kind
    answer = key.answer
    if kind in ("choice", "rating"):
        chosen = value["choice"] if kind == "rating" else value
        return (1.0 if chosen == answer or chosen in _accepted(key) else 0.0), {}
    if kind in ("multi", "technique"):
        return _jaccard(set(value), set(answer), _accepted(key)), {}
    if kind in ("tag-table", "evidence-match"):
        detail = {
            item: value.get(item) == label or value.get(item) in _accepted(key, item)
            for item, label in answer.items()
        }
        return (sum(detail.values()) / len(detail) if detail else 0.0), detail
    if kind == "source-card":
        flags = _jaccard(set(value.get("flags", [])), set(answer.get("flags", [])), _accepted(key))
        verdict_ok = value.get("verdict") == answer.get("verdict")
        detail = {"flags": flags == 1.0, "verdict": verdict_ok}
        return (flags + verdict_ok) / 2, detail
    raise ValueError(f"{question.id}: {kind} answers are marked by rubric, not scored")


def score(question: Question, key: KeyEntry, value: Any) -> Score:
    """Score ``value`` (None when unanswered) for ``question`` with its ``key`` entry."""
    points = float(question.points)
    if value is None or value == "" or value == [] or value == {}:
        return Score(0.0, points, "unanswered")
    if check_value(question, value) is not None:
        return Score(0.0, points, "invalid")
    if question.kind == "free-text":
        return Score(0.0, points, "pending")
    fraction, detail = fraction_correct(question, key, value)
    rule = key.partial if key.partial in ("proportional", "jaccard") else "none"
    if rule == "none":
        fraction = 1.0 if fraction == 1.0 else 0.0
    earned = round(points * fraction, 2)
    status = "correct" if fraction == 1.0 else "wrong" if fraction == 0.0 else "partial"
    return Score(earned, points, status, detail)


def meets_length(question: Question, value: Any) -> bool:
    """True when a written answer reaches the question's minimum word count."""
    return isinstance(value, str) and len(words(value)) >= question.min_words


def model_value(question: Question, key: KeyEntry) -> Any:
    """The answer a model student gives: the key's answer, shaped as a widget value."""
    kind = question.kind
    if key.model is not None and kind != "rating":
        return key.model
    if kind == "rating":
        return {"choice": key.answer, "confidence": key.model if key.model is not None else 90}
    if kind == "source-card":
        value = {name: str(key.answer.get(name, "")) for name in CARD_FIELDS}
        value.update(flags=sorted(key.answer.get("flags", [])), verdict=key.answer.get("verdict"))
        return value
    if kind in ("multi", "technique"):
        return sorted(key.answer)
    if kind in ("tag-table", "evidence-match"):
        return dict(key.answer)
    return key.answer
