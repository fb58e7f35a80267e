"""Claim-tag table: one label (e.g. a claim type) per row; scored per row (proportional by default).

Rows are given as text, as a sentence of an article (``article`` + ``sentence``)
or as a claim of ``claims.csv`` (``claim``).

>>> from kit.model import Item, KeyEntry, Option, Question
>>> q = Question(id="L02.q01", lesson="L02", kind="tag-table", kind_label=TagTable.label, prompt="?",
...              items=(Item("s1", "One."), Item("s2", "Two.")), labels=(Option("f", "factual"), Option("o", "opinion")))
>>> TagTable().fraction(q, KeyEntry(question_id=q.id, answer={"s1": "f", "s2": "o"}, explanation=""), {"s1": "f"})
(0.5, {'s1': True, 's2': False})
"""

from __future__ import annotations

import random
from typing import Any

from kit import articles, data
from kit.kinds.base import Kind, PaperPart, Parts, accepted, clip, parse_options
from kit.model import BankError, Item, KeyEntry, Question, QuestionSpec


def parse_items(raw: Any, kind: str, where: str) -> tuple[Item, ...]:
    """The rows of a table question, each with its text resolved."""
    if not isinstance(raw, list) or not raw:
        raise BankError(f"{where}: a {kind} question needs a non-empty list of items")
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or "id" not in entry:
            raise BankError(f"{where}: every item needs an id, got {entry!r}")
        text, source = item_text(entry, where)
        result.append(Item(id=str(entry["id"]), text=text, source=source, ref={k: v for k, v in entry.items() if k != "id"}))
    ids = [i.id for i in result]
    if len(set(ids)) != len(ids):
        raise BankError(f"{where}: item ids repeat")
    return tuple(result)


def item_text(entry: dict, where: str) -> tuple[str, str]:
    """Resolve an item's text: literal, an article sentence, a claim, a source excerpt."""
    text = entry.get("text", "")
    source = entry.get("source_text", "")
    if not text and "sentence" in entry:
        article = articles.load(entry["article"])
        index = int(entry["sentence"])
        if not 1 <= index <= len(article.sentences):
            raise BankError(f"{where}: item {entry['id']}: article {entry['article']} has no sentence {index}")
        text = article.sentences[index - 1].plain
    if not text and "claim" in entry:
        claims = data.load("claims").set_index("claim_id")
        if entry["claim"] not in claims.index:
            raise BankError(f"{where}: item {entry['id']}: unknown claim {entry['claim']}")
        text = str(claims.loc[entry["claim"], "quote"])
    if not source and "evidence" in entry:
        evidence = data.load("evidence").set_index("evidence_id")
        if entry["evidence"] not in evidence.index:
            raise BankError(f"{where}: item {entry['id']}: unknown evidence {entry['evidence']}")
        row = evidence.loc[entry["evidence"]]
        source = f"{row['excerpt']} [{row['source_id']}]"
    if not text:
        raise BankError(f"{where}: item {entry['id']} has no text (give text, article+sentence or claim)")
    return str(text), str(source)


class TagTable(Kind[dict[str, str]]):
    name = "tag-table"
    label = "claim-tag table"
    value_type = dict[str, str]
    shape_hint = "a mapping of item id to label"
    widget = "kit.widgets.tables:TagTable"
    default_partial = "proportional"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        return Parts(items=parse_items(spec.items, self.name, where), labels=parse_options(spec.labels, where + " labels"))

    def validate(self, question: Question, value: Any) -> str | None:
        # a mapping with a bad label gets the row's message, not the shape's
        return self.check(question, value) if isinstance(value, dict) else self.shape_problem(value)

    def check(self, question: Question, value: dict[str, str]) -> str | None:
        items, labels = question.item_ids, question.label_ids
        for item, label in value.items():
            if item not in items:
                return f"unknown item {item!r}"
            if not isinstance(label, str) or label not in labels:
                return f"{label!r} is not one of {', '.join(sorted(labels))}"
        return None

    def is_complete(self, question: Question, value: dict[str, str]) -> bool:
        return all(value.get(i.id) for i in question.items)

    def describe(self, question: Question, value: dict[str, str]) -> str:
        done = sum(1 for i in question.items if value.get(i.id))
        return f"{done} of {len(question.items)} rows answered"

    headings: tuple[str, ...] = ("item",)

    def paper_row(self, item: Item) -> tuple[str, ...]:
        return (f"{item.id}: {item.text}",)

    def paper(self, question: Question) -> list[PaperPart]:
        return [PaperPart(note="Circle one choice in each row.", headings=self.headings,
                          rows=tuple(self.paper_row(item) for item in question.items), choices=question.labels)]

    def response_rows(self, question: Question) -> int:
        return len(question.items)

    def answer_text(self, question: Question, value: dict[str, str]) -> str:
        return "; ".join(f"{i.id}: {question.option_label(value[i.id])}" for i in question.items if i.id in value)

    def model_value(self, question: Question, key: KeyEntry) -> dict[str, str]:
        return dict(key.model if key.model is not None else key.answer)

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        if not isinstance(key.answer, dict):
            return []
        missing = [i.id for i in question.items if i.id not in key.answer]
        return [f"the key has no answer for rows {', '.join(missing)}"] if missing else []

    def fraction(self, question: Question, key: KeyEntry, value: dict[str, str]) -> tuple[float, dict[str, bool]]:
        detail = {}
        for item, label in key.answer.items():
            given = value.get(item)
            detail[item] = given == label or (given is not None and key.accept is not None and given in accepted(key, item))
        return (sum(detail.values()) / len(detail) if detail else 0.0), detail

    def feedback_rows(self, question: Question, key: KeyEntry, value: dict[str, str], detail: dict[str, bool]) -> list[str]:
        lines = []
        for item in question.items:
            if detail.get(item.id) is False:
                given = value.get(item.id)
                mark = "you chose " + question.option_label(given) if given else "not answered"
                lines.append(f"{clip(item.text)} \u2014 {mark}; the key says {question.option_label(key.answer[item.id])}")
        return lines

    def random_value(self, question: Question, rng: random.Random) -> dict[str, str] | None:
        labels = [label.id for label in question.labels]
        return {i.id: rng.choice(labels) for i in question.items if rng.random() < 0.9} or None
