"""Source card: who is behind a source (owner, funding, what others say), red and green flags, a verdict.

Scored on the flags (Jaccard with the key's) and the verdict, half each.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L01.q03", lesson="L01", kind="source-card", kind_label=SourceCard.label, prompt="?",
...              options=(Option("r", "Hides its owner", kind="red"), Option("g", "Names its owner", kind="green")),
...              labels=(Option("rely", "Rely on it"), Option("check", "Check elsewhere")))
>>> key = KeyEntry(question_id=q.id, answer={"flags": ["r"], "verdict": "check"}, explanation="")
>>> SourceCard().fraction(q, key, {"owner": "", "funding": "", "others_say": "", "flags": ["r"], "verdict": "rely"})
(0.5, {'flags': True, 'verdict': False})
"""

from __future__ import annotations

import random
from typing import Any

from typing_extensions import TypedDict

from kit.kinds.base import CIRCLE, TICK, Kind, PaperPart, Parts, accepted, at_least_two, jaccard, parse_options
from kit.model import BankError, KeyEntry, Question, QuestionSpec

CARD_FIELDS = {
    "owner": "Who owns or runs it?",
    "funding": "Who pays for it?",
    "others_say": "What do others say about it (and what are their own interests)?",
}
FILLER = "the about page says it is funded by readers and a foundation according to a news report".split()


class SourceCardValue(TypedDict, total=False):
    owner: str
    funding: str
    others_say: str
    flags: list[str]
    verdict: str | None


class SourceCard(Kind[SourceCardValue]):
    name = "source-card"
    label = "source card"
    value_type = SourceCardValue
    shape_hint = "a mapping"
    widget = "kit.widgets.cards:SourceCard"
    default_partial = "proportional"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        options = at_least_two(parse_options(spec.options, where), where)
        if any(o.kind not in ("red", "green") for o in options):
            raise BankError(f"{where}: every source-card flag needs kind: red or green")
        return Parts(options=options, labels=parse_options(spec.verdicts, where + " verdicts"))

    def validate(self, question: Question, value: Any) -> str | None:
        # field by field, so the message names the field that is wrong
        return self.check(question, value) if isinstance(value, dict) else self.shape_problem(value)  # type: ignore[arg-type]

    def check(self, question: Question, value: SourceCardValue) -> str | None:
        for name in CARD_FIELDS:
            if not isinstance(value.get(name, ""), str):
                return f"{name} must be text"
        flags = value.get("flags", [])
        if not isinstance(flags, list) or any(f not in question.option_ids for f in flags):
            return "flags must be a list of flag ids"
        verdict = value.get("verdict")
        if verdict is not None and verdict not in question.label_ids:
            return f"verdict {verdict!r} is not one of the verdicts"
        unknown = set(value) - {*CARD_FIELDS, "flags", "verdict"}
        return f"unknown fields {sorted(unknown)}" if unknown else None

    def is_complete(self, question: Question, value: SourceCardValue) -> bool:
        return bool(value.get("verdict")) and any(str(value.get(f, "")).strip() for f in CARD_FIELDS)

    def describe(self, question: Question, value: SourceCardValue) -> str:
        verdict = question.option_label(value["verdict"]) if value.get("verdict") else "no verdict yet"
        return f"{len(value.get('flags', []))} flags ticked; verdict: {verdict}"

    def paper(self, question: Question) -> list[PaperPart]:
        return [*(PaperPart(prompt=prompt, lines=2) for prompt in CARD_FIELDS.values()),
                PaperPart(note="Tick every flag that applies.", options=question.options, mark=TICK),
                PaperPart(note="Your verdict: circle one.", options=question.labels, mark=CIRCLE)]

    def response_rows(self, question: Question) -> int:
        return len(CARD_FIELDS) + 2  # three fields, the flags, the verdict

    def answer_text(self, question: Question, value: SourceCardValue) -> str:
        flags = ", ".join(question.option_label(f) for f in value.get("flags", [])) or "none"
        return f"flags: {flags}; verdict: {question.option_label(value.get('verdict') or '')}"

    def model_value(self, question: Question, key: KeyEntry) -> SourceCardValue:
        if key.model is not None:
            return key.model
        return {"owner": str(key.answer.get("owner", "")), "funding": str(key.answer.get("funding", "")),
                "others_say": str(key.answer.get("others_say", "")), "flags": sorted(key.answer.get("flags", [])),
                "verdict": key.answer.get("verdict")}

    def fraction(self, question: Question, key: KeyEntry, value: SourceCardValue) -> tuple[float, dict[str, bool]]:
        flags = jaccard(set(value.get("flags", [])), set(key.answer.get("flags", [])), accepted(key))
        verdict_ok = value.get("verdict") == key.answer.get("verdict")
        return (flags + verdict_ok) / 2, {"flags": flags == 1.0, "verdict": verdict_ok}

    def feedback_rows(self, question: Question, key: KeyEntry, value: SourceCardValue, detail: dict[str, bool]) -> list[str]:
        lines = []
        if detail.get("flags") is False:
            lines.append("Check the flags again: the key ticks " + "; ".join(question.option_label(f) for f in key.answer.get("flags", [])))
        if detail.get("verdict") is False:
            lines.append("The key's verdict: " + question.option_label(key.answer.get("verdict", "")))
        return lines

    def random_value(self, question: Question, rng: random.Random) -> SourceCardValue:
        def text() -> str:
            return " ".join(rng.choices(FILLER, k=rng.randint(0, 12)))

        return {"owner": text(), "funding": text(), "others_say": text(),
                "flags": sorted(rng.sample(question.option_ids, rng.randint(0, len(question.options)))),
                "verdict": rng.choice([v.id for v in question.labels])}
