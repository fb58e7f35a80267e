"""Score one answer against the key: the one scoring function that feedback, lessons and grading share.

Rules (``partial`` in the key):

* ``none`` — all or nothing;
* ``proportional`` — the share of rows (tag table, evidence match, source-card
  parts) answered as the key says or as it accepts;
* ``jaccard`` — for sets (multiple choice, techniques): the overlap with the
  key divided by the union; options the key ``accept``\\ s are neither
  required nor penalised.

What counts as right is each kind's :meth:`kit.kinds.Kind.fraction`. Written
answers are never scored automatically: they are ``pending`` until an
instructor marks them with the rubric (see ``kit.grading``).

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L00.q09", lesson="L00", kind="multi", kind_label="multiple choice", prompt="?", points=2,
...              options=tuple(Option(x, x) for x in "abcd"))
>>> k = KeyEntry(question_id=q.id, answer=["a", "b"], explanation="", partial="jaccard")
>>> score(q, k, ["a", "c"])
Score(points=0.67, max_points=2.0, status='partial', detail={})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit import kinds
from kit.model import KeyEntry, Question

STATUSES = ("correct", "partial", "wrong", "unanswered", "invalid", "pending")


@dataclass(frozen=True)
class Score:
    """Points earned; ``detail`` maps row ids to right/wrong where a question has rows."""

    points: float
    max_points: float
    status: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def is_full(self) -> bool:
        return self.status == "correct"

    @classmethod
    def from_fraction(cls, fraction: float, max_points: float, detail: dict[str, Any] | None = None) -> "Score":
        """Points and status for a share ``fraction`` (0..1) of ``max_points``."""
        status = "correct" if fraction == 1.0 else "wrong" if fraction == 0.0 else "partial"
        return cls(round(max_points * fraction, 2), max_points, status, detail or {})


def is_empty(value: Any) -> bool:
    """True for an unanswered question (nothing, or an empty text, list or mapping)."""
    return value is None or value == "" or value == [] or value == {}


def score(question: Question, key: KeyEntry, value: Any) -> Score:
    """Score ``value`` (None when unanswered) for ``question`` with its ``key`` entry."""
    return assess(question, key, value)[0]


def assess(question: Question, key: KeyEntry, value: Any) -> tuple[Score, str | None]:
    """The score of ``value`` and, when it cannot be read, why (the answer is validated once)."""
    points = float(question.points)
    kind = kinds.get(question.kind)
    if is_empty(value):
        return Score(0.0, points, "unanswered"), None
    problem = kind.validate(question, value)
    if problem is not None:
        return Score(0.0, points, "invalid"), problem
    if not kind.auto_scored:
        return Score(0.0, points, "pending"), None
    fraction, detail = kind.fraction(question, key, value)
    if key.partial not in ("proportional", "jaccard"):
        fraction = 1.0 if fraction == 1.0 else 0.0
    return Score.from_fraction(fraction, points, detail), None


def model_value(question: Question, key: KeyEntry) -> Any:
    """The answer a model student gives: the key's answer, shaped as a widget value."""
    return kinds.get(question.kind).model_value(question, key)
