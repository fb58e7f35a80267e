"""Multiple choice: any number of options; scored by overlap with the key (Jaccard) by default.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L00.q09", lesson="L00", kind="multi", kind_label=Multi.label, prompt="?", points=2,
...              options=tuple(Option(x, x) for x in "abcd"))
>>> Multi().fraction(q, KeyEntry(question_id=q.id, answer=["a", "b"], explanation=""), ["a", "c"])
(0.3333333333333333, {})
"""

from __future__ import annotations

import random

from kit.kinds.base import TICK, Kind, PaperPart, Parts, accepted, at_least_two, jaccard, parse_options, unknown_options
from kit.model import KeyEntry, Question, QuestionSpec


class Multi(Kind[list[str]]):
    name = "multi"
    label = "multiple choice"
    value_type = list[str]
    shape_hint = "a list of option ids"
    widget = "kit.widgets.choice:MultipleChoice"
    default_partial = "jaccard"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        return Parts(options=at_least_two(parse_options(spec.options, where), where))

    def check(self, question: Question, value: list[str]) -> str | None:
        return unknown_options(question, value)

    def paper(self, question: Question) -> list[PaperPart]:
        return [PaperPart(note="Tick every one that applies.", options=question.options, mark=TICK)]

    def is_complete(self, question: Question, value: list[str]) -> bool:
        return len(value) > 0

    def describe(self, question: Question, value: list[str]) -> str:
        return "; ".join(question.option_label(v) for v in value) or "(none selected)"

    def model_value(self, question: Question, key: KeyEntry) -> list[str]:
        return sorted(key.model if key.model is not None else key.answer)

    def fraction(self, question: Question, key: KeyEntry, value: list[str]) -> tuple[float, dict[str, bool]]:
        return jaccard(set(value), set(key.answer), accepted(key)), {}

    def random_value(self, question: Question, rng: random.Random) -> list[str]:
        return sorted(rng.sample(question.option_ids, rng.randint(1, len(question.options))))
