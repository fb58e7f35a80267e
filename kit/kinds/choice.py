"""Single choice: one option out of several.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L00.q01", lesson="L00", kind="choice", kind_label=Choice.label, prompt="?",
...              options=(Option("a", "A"), Option("b", "B")))
>>> Choice().fraction(q, KeyEntry(question_id=q.id, answer="a", explanation=""), "b")
(0.0, {})
"""

from __future__ import annotations

import random

from kit.kinds.base import Kind, Parts, accepted, at_least_two, parse_options
from kit.model import KeyEntry, Question, QuestionSpec


class Choice(Kind[str]):
    name = "choice"
    label = "single choice"
    value_type = str
    shape_hint = "one option id (text)"
    widget = "kit.widgets.choice:SingleChoice"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        return Parts(options=at_least_two(parse_options(spec.options, where), where))

    def check(self, question: Question, value: str) -> str | None:
        if value not in question.option_ids:
            return f"{value!r} is not one of the options ({', '.join(question.option_ids)})"
        return None

    def describe(self, question: Question, value: str) -> str:
        return question.option_label(value)

    def fraction(self, question: Question, key: KeyEntry, value: str) -> tuple[float, dict[str, bool]]:
        return (1.0 if value == key.answer or value in accepted(key) else 0.0), {}

    def random_value(self, question: Question, rng: random.Random) -> str:
        return rng.choice(question.option_ids)
