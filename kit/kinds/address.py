"""Find the original: the student locates the original of a cited source and pastes its address.

The key lists the addresses of the original (the publisher's own page or pages;
a pattern ending in ``/*`` stands for every page under it, for an original whose
exact address could not be confirmed) and known copies, each with a note saying
what it is (a copy, a mirror, an aggregator, a summary). Addresses are compared
as a reader would (:func:`kit.addresses.page`: scheme, ``www.``, trailing ``/``,
query and fragment ignored), and an archived capture of the original
(``web.archive.org/web/<timestamp>/<original>``, archive.today) counts as the
original. The feedback says what the student pasted: the original, an archived
copy of it, a known copy with its note, another page on the publisher's own site,
or an address the key does not know.

An offline class gets candidate addresses (``options`` in the bank, each label an
address): the same widget shows them, and choosing one puts it in the address
box, so the saved answer is an address either way.

Bank entry: ``{"id": "L03.q01", "kind": "address", "prompt": "...", "options": [{"id": "a", "label": "https://..."}]}``
(``options`` optional). Key entry: ``{"answer": {"originals": [...], "copies": [{"address": ..., "note": ...}]},
"model": "<an address>", ...}``.

>>> from kit.model import KeyEntry, Question
>>> q = Question(id="L03.q01", lesson="L03", kind="address", kind_label=Address.label, prompt="?")
>>> key = KeyEntry(question_id=q.id, explanation="", model="https://example.org/report",
...                answer={"originals": ["https://example.org/report"],
...                        "copies": [{"address": "mirror.example.net/report", "note": "a mirror of the report"}]})
>>> Address().fraction(q, key, "http://www.example.org/report/?utm_source=feed")
(1.0, {'original': True})
>>> Address().fraction(q, key, "https://web.archive.org/web/2015/https://example.org/report")
(1.0, {'original': True, 'archived': True})
>>> Address().fraction(q, key, "https://mirror.example.net/report")[0]
0.0
>>> Address().feedback_rows(q, key, "https://mirror.example.net/report", {"original": False})
['You pasted a copy, not the original: a mirror of the report. The original is on example.org.']
"""

from __future__ import annotations

import random
from typing import Any

from kit import addresses
from kit.kinds.base import CIRCLE, Kind, PaperPart, Parts, at_least_two, clip, parse_options
from kit.model import BankError, KeyEntry, Question, QuestionSpec


def _originals(key: KeyEntry) -> list[str]:
    answer = key.answer if isinstance(key.answer, dict) else {}
    return [str(a) for a in answer.get("originals") or []]


def _copies(key: KeyEntry) -> list[dict[str, str]]:
    answer = key.answer if isinstance(key.answer, dict) else {}
    return [c for c in answer.get("copies") or [] if isinstance(c, dict)]


def is_original(address: str, originals: list[str]) -> tuple[bool, bool]:
    """Whether ``address`` is the original (first) and whether it is an archived capture of it (second)."""
    if any(addresses.matches(address, pattern) for pattern in originals):
        return True, False
    captured = addresses.archived_page(address)
    if captured and any(addresses.matches(captured, pattern) for pattern in originals):
        return True, True
    return False, bool(captured)


class Address(Kind[str]):
    name = "address"
    label = "find the original (address)"
    value_type = str
    shape_hint = "an address (text)"
    widget = "kit.widgets.address:AddressEntry"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        if spec.options is None:
            return Parts()
        options = at_least_two(parse_options(spec.options, where), where)
        for option in options:
            if "." not in addresses.host(addresses._with_scheme(option.label)):
                raise BankError(f"{where}: candidate {option.id!r} is not an address: {option.label!r}")
        return Parts(options=options)

    def check(self, question: Question, value: str) -> str | None:
        text = value.strip()
        if text and (" " in text or "." not in addresses.host(addresses._with_scheme(text))):
            return f"{clip(text, 60)!r} is not a web address (paste it from the browser's address bar)"
        return None

    def is_complete(self, question: Question, value: str) -> bool:
        return bool(value.strip())

    def describe(self, question: Question, value: str) -> str:
        return f"the address {clip(value.strip(), 90)}" if value.strip() else "(no address)"

    def paper(self, question: Question) -> list[PaperPart]:
        if question.options:
            return [PaperPart(note="Circle the address of the original.", options=question.options, mark=CIRCLE)]
        return [PaperPart(note="Write the address of the original.", lines=2)]

    def answer_text(self, question: Question, value: str) -> str:
        return value

    def model_value(self, question: Question, key: KeyEntry) -> str:
        return key.model if isinstance(key.model, str) else (_originals(key) or [""])[0]

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        problems = []
        originals = _originals(key)
        if not originals:
            problems.append("an address question needs answer: {originals: [addresses], copies: [{address, note}]}")
        copies = key.answer.get("copies", []) if isinstance(key.answer, dict) else []
        if any(not isinstance(c, dict) or not c.get("address") or not c.get("note") for c in copies):
            problems.append("every copy in an address key needs an address and a note")
        if not isinstance(key.model, str) or not is_original(key.model, originals)[0]:
            problems.append("an address question needs a model answer ('model') that is one of the originals")
        for option in question.options:
            if is_original(option.label, originals)[0]:
                break
        else:
            if question.options:
                problems.append("none of the candidate addresses is the original")
        return problems

    def fraction(self, question: Question, key: KeyEntry, value: str) -> tuple[float, dict[str, bool]]:
        original, archived = is_original(value, _originals(key))
        detail = {"original": original}
        if original and archived:
            detail["archived"] = True
        return (1.0 if original else 0.0), detail

    def feedback_rows(self, question: Question, key: KeyEntry, value: str, detail: dict[str, bool]) -> list[str]:
        originals = _originals(key)
        site = addresses.host(addresses._with_scheme(originals[0].removesuffix("/*"))) if originals else ""
        if detail.get("archived"):
            return ["You pasted an archived copy of the original: a fair record of it (the archive shows what the page said on that date)."]
        if detail.get("original"):
            return ["That is the original, on the publisher's own site."]
        for copy in _copies(key):
            if addresses.matches(value, copy["address"]) or (
                    (captured := addresses.archived_page(value)) and addresses.matches(captured, copy["address"])):
                return [f"You pasted a copy, not the original: {copy['note'].rstrip('.')}. The original is on {site}."]
        pasted = addresses.host(addresses._with_scheme(value))
        if addresses.archived_page(value):
            return [f"That is an archived page, but not of the original: look for the capture of a page on {site}."]
        if pasted == site or pasted.endswith("." + site):
            return [f"That page is on the publisher's own site ({site}), but it is not the one the key lists: check that it is the source itself, not a summary or an index."]
        return [f"{pasted or 'That address'} is not the publisher of this source. Who published it first? Look for the original on {site}."]

    def random_value(self, question: Question, rng: random.Random) -> Any:
        if question.options:
            return rng.choice(question.options).label
        return rng.choice(["https://example.org/report", "https://www.example.net/copy-of-report", ""])
