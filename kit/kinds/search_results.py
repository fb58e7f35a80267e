"""Search results (click restraint): a practice results page; which result do you open first, and why?

The page is made by the kit from real pages it cites: each result (an item of the bank) has a
``title``, the page's ``address``, a ``snippet`` (a short paraphrase or quote of at most
:data:`MAX_SNIPPET_WORDS` words), the ``source`` id of the page in ``datasets/sources.csv`` (the
address must be one that row gives: the original, its archived copy or the copy the kit read),
and ``what``: what kind of page it is, shown only in the feedback after Check. Options are the
reasons a student may give.

The value is ``{"open": result id, "reason": option id}``; the key's answer has the same shape,
``accept`` lists other defensible first picks and reasons (``{"open": [...], "reason": [...]}``).
Half the credit is the pick, half the reason.

>>> from kit.model import Item, KeyEntry, Option, Question
>>> q = Question(id="L01.q02", lesson="L01", kind="search-results", kind_label=SearchResults.label, prompt="?",
...              items=(Item("r1", "About us", source="https://example.org/about", ref={"title": "About", "what": "the site's own page"}),
...                     Item("r2", "An overview", source="https://en.wikipedia.org/wiki/Example", ref={"title": "Example", "what": "an encyclopedia article"})),
...              options=(Option("independent", "Someone else wrote it"), Option("own", "The site knows itself best")))
>>> key = KeyEntry(question_id=q.id, answer={"open": "r2", "reason": "independent"}, explanation="")
>>> SearchResults().fraction(q, key, {"open": "r1", "reason": "independent"})
(0.5, {'open': False, 'reason': True})
"""

from __future__ import annotations

import random
from typing import Any

from typing_extensions import TypedDict

from kit import data
from kit.kinds.base import CIRCLE, Kind, PaperPart, Parts, accepted, at_least_two, parse_options
from kit.model import BankError, Item, KeyEntry, Question, QuestionSpec
from kit.text.segment import words

MAX_SNIPPET_WORDS = 40
RESULT_FIELDS = ("title", "address", "snippet", "source", "what")
PAGE_LABEL = "A practice results page the kit made from real pages (it is not a live search)."


class SearchResultsValue(TypedDict):
    open: str
    reason: str


def source_addresses(source_id: str) -> set[str]:
    """The addresses ``sources.csv`` gives for one source (original, archived copy, copy read); empty if unknown."""
    sources = data.load("sources").set_index("source_id")
    if source_id not in sources.index:
        return set()
    row = sources.loc[source_id]
    return {str(row[c]) for c in ("url", "archive_url", "copy_url") if isinstance(row[c], str) and row[c]}


class SearchResults(Kind[SearchResultsValue]):
    name = "search-results"
    label = "search results: what to open first"
    value_type = SearchResultsValue
    shape_hint = "{'open': result id, 'reason': option id}"
    widget = "kit.widgets.lateral:SearchResultsWidget"
    default_partial = "proportional"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        raw = spec.items
        if not isinstance(raw, list) or len(raw) < 2:
            raise BankError(f"{where}: a search-results question needs items: at least two results, each {{id, {', '.join(RESULT_FIELDS)}}}")
        results = []
        for entry in raw:
            missing = [f for f in ("id", *RESULT_FIELDS) if not isinstance(entry, dict) or not str(entry.get(f, "")).strip()]
            if missing:
                raise BankError(f"{where}: result {entry.get('id', '?') if isinstance(entry, dict) else entry!r} lacks {', '.join(missing)}")
            if len(words(entry["snippet"])) > MAX_SNIPPET_WORDS:
                raise BankError(f"{where}: result {entry['id']}: the snippet has more than {MAX_SNIPPET_WORDS} words")
            known = source_addresses(entry["source"])
            if not known:
                raise BankError(f"{where}: result {entry['id']}: source {entry['source']!r} is not in datasets/sources.csv")
            if entry["address"] not in known:
                raise BankError(f"{where}: result {entry['id']}: {entry['address']!r} is not an address sources.csv gives for "
                                f"{entry['source']} ({', '.join(sorted(known))})")
            results.append(Item(id=str(entry["id"]), text=str(entry["snippet"]), source=str(entry["address"]),
                                ref={"title": str(entry["title"]), "source_id": str(entry["source"]), "what": str(entry["what"])}))
        if len({r.id for r in results}) != len(results):
            raise BankError(f"{where}: result ids repeat")
        return Parts(items=tuple(results), options=at_least_two(parse_options(spec.options, where), where))

    def validate(self, question: Question, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) != {"open", "reason"}:
            return f"expected {self.shape_hint}"
        return super().validate(question, value)

    def shape_problem(self, value: Any) -> str:
        return f"expected {self.shape_hint}"

    def check(self, question: Question, value: SearchResultsValue) -> str | None:
        results = [i.id for i in question.items]
        if value["open"] and value["open"] not in results:
            return f"{value['open']!r} is not one of the results ({', '.join(results)})"
        if value["reason"] and value["reason"] not in question.option_ids:
            return f"{value['reason']!r} is not one of the reasons ({', '.join(question.option_ids)})"
        return None

    def is_complete(self, question: Question, value: SearchResultsValue) -> bool:
        return bool(value["open"] and value["reason"])

    def _title(self, question: Question, result_id: str) -> str:
        item = next((i for i in question.items if i.id == result_id), None)
        return f"{item.ref['title']} ({item.source})" if item else "(no result chosen)"

    def describe(self, question: Question, value: SearchResultsValue) -> str:
        reason = question.option_label(value["reason"]) if value["reason"] else "(no reason chosen)"
        return f"open first: {self._title(question, value['open'])}; because: {reason}"

    def answer_text(self, question: Question, value: SearchResultsValue) -> str:
        return f"{self._title(question, value['open'])}; {question.option_label(value['reason'])}"

    def paper(self, question: Question) -> list[PaperPart]:
        return [PaperPart(note=PAGE_LABEL),
                PaperPart(note="Circle the result you would open first.", mark=CIRCLE, headings=("result", "address", "snippet"),
                          rows=tuple((i.ref["title"], i.source, i.text) for i in question.items)),
                PaperPart(note="Why? Circle one.", options=question.options, mark=CIRCLE)]

    def response_rows(self, question: Question) -> int:
        return 2

    def model_value(self, question: Question, key: KeyEntry) -> SearchResultsValue:
        return key.model if key.model is not None else key.answer

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        answer = key.answer if isinstance(key.answer, dict) else {}
        if answer.get("open") not in [i.id for i in question.items] or answer.get("reason") not in question.option_ids:
            return ["a search-results question needs answer: {open: a result id, reason: one of the options}"]
        if key.accept is not None and (not isinstance(key.accept, dict) or set(key.accept) - {"open", "reason"}):
            return ["a search-results question's accept is {open: [result ids], reason: [option ids]}"]
        return []

    def fraction(self, question: Question, key: KeyEntry, value: SearchResultsValue) -> tuple[float, dict[str, bool]]:
        detail = {part: bool(value[part]) and (value[part] == key.answer[part] or value[part] in accepted(key, part))
                  for part in ("open", "reason")}
        return sum(detail.values()) / 2, detail

    def feedback_rows(self, question: Question, key: KeyEntry, value: SearchResultsValue, detail: dict[str, bool]) -> list[str]:
        by_id = {i.id: i for i in question.items}
        rows = []
        if value["open"] in by_id:
            chosen = by_id[value["open"]]
            rows.append(f"You chose “{chosen.ref['title']}”: {chosen.ref['what']}.")
        if not detail.get("open"):
            best = [by_id[r] for r in [key.answer["open"], *sorted(accepted(key, "open"))] if r in by_id]
            rows.append("Scan the whole page before you click. Better first picks: "
                        + "; ".join(f"“{r.ref['title']}” ({r.ref['what']})" for r in best) + ".")
        if not detail.get("reason"):
            rows.append(f"The reason that matters: {question.option_label(key.answer['reason'])}.")
        return rows

    def random_value(self, question: Question, rng: random.Random) -> SearchResultsValue:
        return {"open": rng.choice([i.id for i in question.items]), "reason": rng.choice(question.option_ids)}
