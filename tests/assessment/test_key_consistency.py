"""Every key derived from ``claims.csv`` or ``evidence.csv`` agrees with the dataset or accepts its value.

Derived keys, checked here against the kit's real datasets:

- an evidence match row (claim, evidence row): the key accepts the row's ``relation``; when the claim
  (not a quotation) is rated misleading framing, a row that supports its core may also be read as
  qualifying it, so "qualifies" is accepted. (The converse, "supports" for a row that qualifies an
  accurate claim, is not mechanical: ICSR's "Estimates vary widely" qualifies the figures of a
  faithful quotation, A2-09, and does not support it; lesson 00's Tillerson row was fixed by hand.);
- a table of premises (holds / partly / fails, rows are claims): the key accepts the verdict's reading
  (accurate: holds; exaggerated or misleading framing: partly; unsupported or contradicted: fails), and
  "partly" when the claim's evidence only qualifies it (no row contradicts it);
- a tag table whose rows are claims, on claim types: the key accepts each claim's ``claim_type``;
  a choice among the claim types about one claim: likewise;
- a verdict rating (options are verdicts): the key accepts the claim's ``verdict``; an accurate /
  not accurate rating: ``truth`` is True exactly when the verdict is accurate.

The claim a rating is about is the one its question names, or else the first its explanation names.
Sentence-level claim types (lesson 02's sentence tables) are not derived from one dataset row, so
they are not checked here.
"""

from __future__ import annotations

import csv
import json
import re

import pytest

from kit import settings
from kit.kinds.base import accepted
from kit.questions import lesson_ids, load_bank, load_key
from kit.schema import VOCABULARIES

CLAIM = re.compile(r"\bA[12]-\d{2}\b")
PREMISE = {"accurate": "holds", "misleading-framing": "partly", "exaggerated": "partly",
           "unsupported-by-source": "fails", "no-evidence-offered": "fails", "contradicted": "fails"}


def rows(name: str, id_column: str) -> dict[str, dict[str, str]]:
    with (settings.datasets_dir() / name).open(encoding="utf-8-sig", newline="") as handle:
        return {row[id_column]: row for row in csv.DictReader(handle)}


CLAIMS, EVIDENCE = rows("claims.csv", "claim_id"), rows("evidence.csv", "evidence_id")


def accepts(entry, item, value) -> bool:
    answer = entry.answer.get(item) if item is not None else entry.answer
    return value == answer or value in accepted(entry, item)


def derived_problems(lesson: str) -> list[str]:
    bank, key = load_bank(lesson), load_key(lesson)
    problems = []
    for question in bank:
        entry = key[question.id]
        named = CLAIM.findall(json.dumps(question.spec, ensure_ascii=False)) or CLAIM.findall(entry.explanation)
        if question.kind == "evidence-match":
            for item in question.items:
                row = EVIDENCE[item.ref["evidence"]]
                claim = CLAIMS[row["claim_id"]]
                if row["claim_id"] != item.ref.get("claim"):
                    problems.append(f"{question.id} {item.id}: evidence {row['evidence_id']} is on {row['claim_id']}, not {item.ref.get('claim')}")
                wanted = [row["relation"]]
                if claim["verdict"] == "misleading-framing" and row["relation"] == "supports" and claim["claim_type"] != "quotation":
                    wanted.append("qualifies")
                problems += [f"{question.id} {item.id} ({row['evidence_id']}): key does not accept {value!r}"
                             for value in wanted if not accepts(entry, item.id, value)]
        elif question.kind == "tag-table" and any("claim" in item.ref for item in question.items):
            for item in question.items:
                claim = CLAIMS[item.ref["claim"]]
                if question.spec.get("labels") == "vocab:claim_type":
                    wanted = [claim["claim_type"]]
                elif {label.id for label in question.labels} != set(PREMISE.values()):
                    continue
                else:
                    relations = {e["relation"] for e in EVIDENCE.values() if e["claim_id"] == claim["claim_id"]}
                    wanted = [PREMISE[claim["verdict"]]]
                    if wanted == ["fails"] and "qualifies" in relations and "contradicts" not in relations:
                        wanted.append("partly")
                problems += [f"{question.id} {item.id} ({claim['claim_id']}): key does not accept {value!r}"
                             for value in wanted if not accepts(entry, item.id, value)]
        elif question.kind == "choice" and set(question.option_ids) == set(VOCABULARIES["claim_type"]) and named:
            value = CLAIMS[named[0]]["claim_type"]
            if not accepts(entry, None, value):
                problems.append(f"{question.id} ({named[0]}): key does not accept the claim type {value!r}")
        elif question.kind == "rating" and named:
            verdict = CLAIMS[named[0]]["verdict"]
            if set(question.option_ids) <= set(VOCABULARIES["verdict"]):
                if not accepts(entry, None, verdict):
                    problems.append(f"{question.id} ({named[0]}): key does not accept the verdict {verdict!r}")
            elif entry.truth != (verdict == "accurate"):
                problems.append(f"{question.id} ({named[0]}): truth {entry.truth} but the verdict is {verdict!r}")
    return problems


@pytest.mark.parametrize("lesson", lesson_ids())
def test_keys_derived_from_the_datasets_agree_with_them(lesson):
    assert derived_problems(lesson) == []


def test_the_check_covers_every_derived_kind():
    counted = {q.kind for lesson in lesson_ids() for q in load_bank(lesson)
               if q.kind in ("evidence-match", "rating") or any("claim" in i.ref for i in q.items)}
    assert counted == {"evidence-match", "rating", "tag-table"}


def test_a_key_against_the_data_is_caught(monkeypatch):
    """Keys that leave out the dataset's value fail: a relation (L03.q06), a misleading framing read as
    qualifying (L03.q01), a premise that only qualifies (L02.q07)."""
    for lesson, qid, item, answer in (("L03", "L03.q06", "p3", "supports"), ("L03", "L03.q01", "p5", "supports"),
                                      ("L02", "L02.q07", "A1-11", "fails")):
        key = load_key(lesson)
        entry = key[qid]
        broken = type(entry)(**{**entry.__dict__, "accept": {**entry.accept, item: []}, "answer": {**entry.answer, item: answer}})
        monkeypatch.setitem(key, qid, broken)
        assert any(f"{qid} {item}" in p for p in derived_problems(lesson)), qid
