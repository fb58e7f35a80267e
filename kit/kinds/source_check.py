"""Source check: a Civic Online Reasoning style performance task (who is behind this page? is it a good source on X?).

The student may search (about three minutes), then gives the **address** of the page where they
found who is behind the source, a **judgement** (an option), and a **reason** in a sentence or two.
An offline class gets the same task with the evidence supplied (``evidence`` in the bank: excerpts
with their addresses), shown under the question.

It is scored with a three-level rubric, the levels of the key's ``rubric``:

- **mastery** (full points): an address the key accepts (a page about who runs or funds the
  source, not the source's own pages), the key's judgement, and a reason of at least ``min_words``;
- **emerging** (half): an accepted address or the key's judgement, but not all three;
- **beginning** (nothing): neither.

>>> from kit.model import KeyEntry, Option, Question
>>> q = Question(id="L00.q15", lesson="L00", kind="source-check", kind_label=SourceCheck.label, prompt="?", min_words=5,
...              options=(Option("good", "Good source"), Option("check", "Check elsewhere")))
>>> key = KeyEntry(question_id=q.id, answer={"addresses": ["wikipedia.org/wiki/Example"], "judgement": "check"}, explanation="")
>>> SourceCheck().fraction(q, key, {"address": "https://en.wikipedia.org/wiki/Example", "judgement": "check",
...                                 "reason": "A lobbying firm runs it for its clients."})
(1.0, {'address': True, 'judgement': True, 'reason': True})
>>> SourceCheck().fraction(q, key, {"address": "https://example.org/about", "judgement": "check", "reason": "It says so."})[0]
0.5
"""

from __future__ import annotations

import random
from typing import Any

from typing_extensions import TypedDict

from kit.kinds.base import CIRCLE, Kind, PaperPart, Parts, accepted, at_least_two, clip, parse_options
from kit.model import BankError, Item, KeyEntry, Question, QuestionSpec
from kit.text.segment import words

LEVELS = {"mastery": 1.0, "emerging": 0.5, "beginning": 0.0}
MIN_REASON_WORDS = 8


class SourceCheckValue(TypedDict):
    address: str
    judgement: str
    reason: str


def address_matches(address: str, accepted_addresses: list[str]) -> bool:
    """True when ``address`` contains one of the accepted addresses (case and ``www.`` ignored).

    >>> address_matches("https://WWW.Example.org/about/", ["example.org/about"])
    True
    """
    given = address.strip().lower().replace("://www.", "://")
    return any(part.lower().replace("www.", "") in given for part in accepted_addresses if part)


class SourceCheck(Kind[SourceCheckValue]):
    name = "source-check"
    label = "source check (search allowed)"
    value_type = SourceCheckValue
    shape_hint = "{'address': text, 'judgement': option id, 'reason': text}"
    widget = "kit.widgets.source_check:SourceCheckWidget"
    default_partial = "proportional"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        options = at_least_two(parse_options(spec.options, where), where)
        evidence = spec.evidence or []
        if not isinstance(evidence, list) or any(not isinstance(e, dict) or not e.get("address") or not e.get("text")
                                                 for e in evidence):
            raise BankError(f"{where}: evidence must be a list of {{address, text}} (the offline version's excerpts)")
        items = tuple(Item(id=f"e{n}", text=str(e["text"]), source=str(e["address"])) for n, e in enumerate(evidence, 1))
        return Parts(options=options, items=items)

    def validate(self, question: Question, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) != {"address", "judgement", "reason"}:
            return f"expected {self.shape_hint}"
        return super().validate(question, value)

    def shape_problem(self, value: Any) -> str:
        return f"expected {self.shape_hint}"

    def check(self, question: Question, value: SourceCheckValue) -> str | None:
        if value["judgement"] and value["judgement"] not in question.option_ids:
            return f"{value['judgement']!r} is not one of the judgements ({', '.join(question.option_ids)})"
        return None

    def is_complete(self, question: Question, value: SourceCheckValue) -> bool:
        return bool(value["address"].strip() and value["judgement"]
                    and len(words(value["reason"])) >= max(1, question.min_words))

    def describe(self, question: Question, value: SourceCheckValue) -> str:
        judgement = question.option_label(value["judgement"]) if value["judgement"] else "(no judgement)"
        return f"address {clip(value['address'].strip(), 60) or '(none)'}; {judgement}; reason of {len(words(value['reason']))} words"

    def paper(self, question: Question) -> list[PaperPart]:
        """The address found, a judgement to circle, the reason; and, for a class without internet, the evidence."""
        parts = [PaperPart(prompt="The address of the page that told you who is behind it", lines=1),
                 PaperPart(note="Your judgement: circle one.", options=question.options, mark=CIRCLE),
                 PaperPart(prompt=f"Your reason (at least {max(question.min_words, MIN_REASON_WORDS)} words)", lines=3)]
        if question.items:
            parts.append(PaperPart(note="No internet? Use what these pages say:",
                                   headings=("what the page says", "address"),
                                   rows=tuple((item.text, item.source) for item in question.items)))
        return parts

    def answer_text(self, question: Question, value: SourceCheckValue) -> str:
        return f"{clip(value['address'], 60)}; {question.option_label(value['judgement'])}"

    def model_value(self, question: Question, key: KeyEntry) -> SourceCheckValue:
        return key.model

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        problems = []
        answer = key.answer if isinstance(key.answer, dict) else {}
        if not answer.get("addresses") or answer.get("judgement") not in question.option_ids:
            problems.append("a source check needs answer: {addresses: [...], judgement: one of the options}")
        if set(key.rubric) != set(LEVELS):
            problems.append(f"a source check needs a rubric with {', '.join(LEVELS)}")
        if not isinstance(key.model, dict):
            problems.append("a source check needs a model answer ('model': {address, judgement, reason})")
        return problems

    def fraction(self, question: Question, key: KeyEntry, value: SourceCheckValue) -> tuple[float, dict[str, bool]]:
        detail = {
            "address": address_matches(value["address"], list(key.answer["addresses"])),
            "judgement": value["judgement"] == key.answer["judgement"] or value["judgement"] in accepted(key),
            "reason": len(words(value["reason"])) >= max(question.min_words, MIN_REASON_WORDS),
        }
        level = "mastery" if all(detail.values()) else "emerging" if detail["address"] or detail["judgement"] else "beginning"
        return LEVELS[level], detail

    def feedback_rows(self, question: Question, key: KeyEntry, value: SourceCheckValue, detail: dict[str, bool]) -> list[str]:
        rows = []
        if not detail.get("address"):
            rows.append("Address: look for a page about who runs or pays for the site, written by someone else.")
        if not detail.get("judgement"):
            rows.append("Judgement: weigh what you found about who is behind it against what you need the source for.")
        if not detail.get("reason"):
            rows.append(f"Reason: say what you found and why it matters, in at least {max(question.min_words, MIN_REASON_WORDS)} words.")
        return rows

    def random_value(self, question: Question, rng: random.Random) -> SourceCheckValue:
        return {"address": rng.choice(["https://en.wikipedia.org/wiki/Example", "https://example.org/about", ""]),
                "judgement": rng.choice(question.option_ids),
                "reason": " ".join(rng.choices("the site is run by a firm that lobbies for its clients".split(), k=rng.randint(2, 14)))}
