"""Credibility rating with confidence: the judgements behind discernment (d'), bias (c) and Brier.

Only the judgement earns points; the confidence feeds calibration feedback and never changes a score.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L06.q01", lesson="L06", kind="rating", kind_label=Rating.label, prompt="?",
...              options=(Option("ok", "Credible", credible=True), Option("no", "Not credible", credible=False)))
>>> key = KeyEntry(question_id=q.id, answer="no", explanation="", truth=False)
>>> Rating().validate(q, {"choice": "ok", "confidence": 75})
'confidence must be one of (50, 60, 70, 80, 90, 100)'
>>> Rating().judgement(q, key, {"choice": "no", "confidence": 90})
Judgement(credible=False, said_credible=False, confidence=90)
"""

from __future__ import annotations

import random
from typing import Any

from typing_extensions import TypedDict

from kit.kinds.base import CIRCLE, Kind, PaperPart, Parts, accepted, at_least_two, parse_options
from kit.metrics import Judgement
from kit.model import BankError, KeyEntry, Question, QuestionSpec

CONFIDENCE_LEVELS = (50, 60, 70, 80, 90, 100)
MODEL_CONFIDENCE = 90


class RatingValue(TypedDict):
    choice: str
    confidence: int


class Rating(Kind[RatingValue]):
    name = "rating"
    label = "credibility rating with confidence"
    value_type = RatingValue
    shape_hint = "{'choice': option id, 'confidence': 50-100}"
    widget = "kit.widgets.rating:CredibilityRating"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        options = at_least_two(parse_options(spec.options, where), where)
        if any(o.credible is None for o in options):
            raise BankError(f"{where}: every rating option needs credible: true or false")
        return Parts(options=options)

    def validate(self, question: Question, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) != {"choice", "confidence"}:
            return f"expected {self.shape_hint}"
        return super().validate(question, value)

    def shape_problem(self, value: Any) -> str:
        return f"expected {self.shape_hint}"

    def check(self, question: Question, value: RatingValue) -> str | None:
        if value["choice"] not in question.option_ids:
            return f"{value['choice']!r} is not one of the options ({', '.join(question.option_ids)})"
        if value["confidence"] not in CONFIDENCE_LEVELS:
            return f"confidence must be one of {CONFIDENCE_LEVELS}"
        return None

    def paper(self, question: Question) -> list[PaperPart]:
        levels = "   ".join(f"{CIRCLE} {level}%" for level in CONFIDENCE_LEVELS)
        return [PaperPart(note="Circle one verdict, then how sure you are.", options=question.options, mark=CIRCLE),
                PaperPart(prompt=f"How sure are you? {levels}")]

    def describe(self, question: Question, value: RatingValue) -> str:
        return f"{question.option_label(value['choice'])}, {value['confidence']}% sure"

    def answer_text(self, question: Question, value: RatingValue) -> str:
        return question.option_label(value["choice"])

    def model_value(self, question: Question, key: KeyEntry) -> RatingValue:
        return {"choice": key.answer, "confidence": key.model if key.model is not None else MODEL_CONFIDENCE}

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        return [] if isinstance(key.truth, bool) else ["a rating question needs truth: true or false"]

    def fraction(self, question: Question, key: KeyEntry, value: RatingValue) -> tuple[float, dict[str, bool]]:
        return (1.0 if value["choice"] == key.answer or value["choice"] in accepted(key) else 0.0), {}

    def judgement(self, question: Question, key: KeyEntry, value: RatingValue) -> Judgement | None:
        if key.truth is None:
            return None
        option = next(o for o in question.options if o.id == value["choice"])
        return Judgement(credible=bool(key.truth), said_credible=bool(option.credible), confidence=int(value["confidence"]))

    def random_value(self, question: Question, rng: random.Random) -> RatingValue:
        return {"choice": rng.choice(question.option_ids), "confidence": rng.choice(CONFIDENCE_LEVELS)}
