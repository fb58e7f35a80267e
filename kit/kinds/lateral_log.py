"""Lateral-reading log: a timed read about a source in new browser tabs, and a bottom line.

Students leave the page they are judging and open what *others* write about its publishers and its
author (Wikipedia allowed). Each page they open becomes a row of the log: which **target** it is
about (one of the question's ``items``), the page's **address**, **who publishes** that page, what
it **says** about the target, and how far they **trust** that page (a small labelled scale,
:data:`TRUST_LEVELS`). The log ends in a **bottom line**: for each use in the question's
``options``, rely on the source for it or not, and a **reason** of at least ``min_words`` words.

A target's own sites are listed in its item (``"sites": ["globalresearch.ca"]``); a row counts as
lateral only when its address is off them (see :func:`is_lateral`). What is checked automatically
is what can be checked fairly:

- every target is covered by at least one **complete** row (all five parts filled) whose address
  is off the target's own sites;
- every row is complete;
- each use of the bottom line against the key (``answer: {"bottom_line": {use: "rely"|"not"}}``,
  ``accept: {use: [...]}`` for defensible alternatives);
- a reason of at least ``min_words`` words.

The score is the share of these checks passed. What a page says is not marked against the key:
students find different pages, and the teacher reads the log.

>>> from kit.model import Item, KeyEntry, Option, Question
>>> q = Question(id="L01.q03", lesson="L01", kind="lateral-log", kind_label=LateralLog.label, prompt="?", min_words=3,
...              items=(Item("gr", "Global Research", ref={"sites": ["globalresearch.ca"]}),),
...              options=(Option("views", "Its own views"), Option("facts", "Facts to repeat unchecked")))
>>> key = KeyEntry(question_id=q.id, answer={"bottom_line": {"views": "rely", "facts": "not"}}, explanation="")
>>> row = {"about": "gr", "address": "https://en.wikipedia.org/wiki/Michel_Chossudovsky", "publisher": "Wikipedia",
...        "says": "Founded by Chossudovsky in Montreal", "trust": "some"}
>>> value = {"rows": [row], "bottom_line": {"views": "rely", "facts": "not"}, "reason": "It is opinion, not reporting, so I check its facts elsewhere."}
>>> LateralLog().fraction(q, key, value)[0]
1.0
>>> LateralLog().fraction(q, key, {**value, "rows": [{**row, "address": "https://www.globalresearch.ca/about"}]})[1]["cover:gr"]
False
"""

from __future__ import annotations

import random
from typing import Any

from typing_extensions import TypedDict

from kit.addresses import host
from kit.kinds.base import TICK, Kind, PaperPart, Parts, accepted, at_least_two, clip, parse_options
from kit.model import BankError, Item, KeyEntry, Option, Question, QuestionSpec
from kit.text.segment import words

#: How far a student trusts one page they opened (the log's small labelled scale).
TRUST_LEVELS = {"low": "low: I would check everything it says", "some": "some: useful, but I would check key points",
                "high": "high: I would rely on it for this"}
#: The bottom line's two answers for each use.
BOTTOM_LINE = {"rely": "rely on it for this", "not": "not for this"}
ROW_FIELDS = ("about", "address", "publisher", "says", "trust")
ROW_LABELS = {"about": "about", "address": "address", "publisher": "who publishes it", "says": "what it says",
              "trust": "how far you trust it"}
MIN_REASON_WORDS = 8


class LogRow(TypedDict):
    about: str
    address: str
    publisher: str
    says: str
    trust: str


class LateralLogValue(TypedDict):
    rows: list[LogRow]
    bottom_line: dict[str, str]
    reason: str


def on_site(address: str, sites: list[str]) -> bool:
    """True when ``address`` is on one of ``sites`` (a site or any of its subdomains; scheme optional).

    >>> on_site("journal-neo.org/2020/08/12/who-are-the-judges/", ["journal-neo.org"])
    True
    >>> on_site("https://en.wikipedia.org/wiki/New_Eastern_Outlook", ["journal-neo.org"])
    False
    """
    name = address_host(address)
    return any(name == site or name.endswith("." + site) for site in (s.lower().removeprefix("www.") for s in sites))


def address_host(address: str) -> str:
    """The host of an address typed with or without ``https://`` (empty when there is none)."""
    text = address.strip()
    if text and "://" not in text:
        text = "https://" + text
    name = host(text)
    return name if "." in name else ""


def is_lateral(address: str, sites: list[str]) -> bool:
    """True when ``address`` names a page (it has a host) that is off the target's own ``sites``."""
    return bool(address_host(address)) and not on_site(address, sites)


def row_complete(row: LogRow) -> bool:
    return all(str(value).strip() for value in (row["about"], row["address"], row["publisher"], row["says"], row["trust"]))


class LateralLog(Kind[LateralLogValue]):
    name = "lateral-log"
    label = "lateral-reading log (new tabs)"
    value_type = LateralLogValue
    shape_hint = "{'rows': [{about, address, publisher, says, trust}], 'bottom_line': {use: 'rely' or 'not'}, 'reason': text}"
    widget = "kit.widgets.lateral:LateralLogWidget"
    default_partial = "proportional"

    # ------------------------------------------------------------ the bank

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        raw = spec.items
        if not isinstance(raw, list) or not raw:
            raise BankError(f"{where}: a lateral-log question needs items: the targets to read about, each {{id, text, sites}}")
        targets = []
        for entry in raw:
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("text"):
                raise BankError(f"{where}: every target needs an id and a text, got {entry!r}")
            sites = entry.get("sites")
            if not isinstance(sites, list) or not sites or not all(isinstance(s, str) and "." in s for s in sites):
                raise BankError(f"{where}: target {entry['id']!r} needs sites: its own sites, e.g. [\"globalresearch.ca\"]")
            targets.append(Item(id=str(entry["id"]), text=str(entry["text"]), source=" ".join(sites), ref={"sites": list(sites)}))
        if len({t.id for t in targets}) != len(targets):
            raise BankError(f"{where}: target ids repeat")
        return Parts(items=tuple(targets), options=at_least_two(parse_options(spec.options, where), where))

    # ------------------------------------------------------------ answers

    def validate(self, question: Question, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) != {"rows", "bottom_line", "reason"}:
            return f"expected {self.shape_hint}"
        rows = value.get("rows")
        if isinstance(rows, list) and any(not isinstance(r, dict) or set(r) != set(ROW_FIELDS) for r in rows):
            return f"every row needs exactly {', '.join(ROW_FIELDS)}"
        return super().validate(question, value)

    def shape_problem(self, value: Any) -> str:
        return f"expected {self.shape_hint}"

    def check(self, question: Question, value: LateralLogValue) -> str | None:
        targets = [i.id for i in question.items]
        for number, row in enumerate(value["rows"], 1):
            if row["about"] and row["about"] not in targets:
                return f"row {number}: {row['about']!r} is not one of the targets ({', '.join(targets)})"
            if row["trust"] and row["trust"] not in TRUST_LEVELS:
                return f"row {number}: trust must be one of {', '.join(TRUST_LEVELS)}"
        for use, answer in value["bottom_line"].items():
            if use not in question.option_ids:
                return f"{use!r} is not one of the uses ({', '.join(question.option_ids)})"
            if answer not in BOTTOM_LINE:
                return f"the bottom line for {use!r} must be one of {', '.join(BOTTOM_LINE)}"
        return None

    def is_complete(self, question: Question, value: LateralLogValue) -> bool:
        covered = {row["about"] for row in value["rows"] if row_complete(row)}
        return (covered >= {i.id for i in question.items} and all(row_complete(r) for r in value["rows"])
                and set(value["bottom_line"]) == set(question.option_ids)
                and len(words(value["reason"])) >= max(1, question.min_words))

    def describe(self, question: Question, value: LateralLogValue) -> str:
        rows = value["rows"]
        hosts = ", ".join(dict.fromkeys(h for r in rows if (h := address_host(r["address"])))) or "no addresses yet"
        rely = [question.option_label(u) for u, a in value["bottom_line"].items() if a == "rely"]
        not_for = [question.option_label(u) for u, a in value["bottom_line"].items() if a == "not"]
        return (f"{len(rows)} row{'s' if len(rows) != 1 else ''} ({clip(hosts, 80)}); "
                f"rely on it for: {'; '.join(rely) or 'nothing chosen'}; not for: {'; '.join(not_for) or 'nothing chosen'}; "
                f"reason of {len(words(value['reason']))} words")

    def paper(self, question: Question) -> list[PaperPart]:
        targets = "; ".join(f"{t.text} (pages on {t.source.replace(' ', ', ')} are its own: they do not count)" for t in question.items)
        trust = "   ".join(f"{TICK} {level}" for level in TRUST_LEVELS)
        return [PaperPart(note=f"Log every page you open, one row each. Targets: {targets}. Trust: {trust}."),
                PaperPart(headings=tuple(ROW_LABELS.values()), rows=tuple(("", "", "", "", "") for _ in range(max(4, len(question.items) + 1)))),
                PaperPart(note="Bottom line: for each use, circle one.", headings=("use",),
                          rows=tuple((o.label,) for o in question.options),
                          choices=tuple(Option(k, v) for k, v in BOTTOM_LINE.items())),
                PaperPart(prompt="Your reason", lines=3)]

    def response_rows(self, question: Question) -> int:
        return len(question.options) + 1  # the bottom line; the log itself is the activity's timed minutes

    def answer_text(self, question: Question, value: LateralLogValue) -> str:
        rely = [question.option_label(u) for u, a in value["bottom_line"].items() if a == "rely"]
        not_for = [question.option_label(u) for u, a in value["bottom_line"].items() if a == "not"]
        return f"rely on it for: {'; '.join(rely)}; not for: {'; '.join(not_for)}"

    # ------------------------------------------------------------ the key and scoring

    def model_value(self, question: Question, key: KeyEntry) -> LateralLogValue:
        return key.model

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        problems = []
        answer = key.answer if isinstance(key.answer, dict) else {}
        line = answer.get("bottom_line")
        if not isinstance(line, dict) or set(line) != set(question.option_ids) or any(a not in BOTTOM_LINE for a in line.values()):
            problems.append(f"a lateral log needs answer: {{bottom_line: {{each use: {' or '.join(BOTTOM_LINE)}}}}}")
        if not isinstance(key.model, dict):
            problems.append("a lateral log needs a model answer ('model': {rows, bottom_line, reason})")
        elif isinstance(line, dict):
            score, _ = self.fraction(question, key, key.model)  # type: ignore[arg-type]
            if score < 1:
                problems.append("the model log does not pass its own checks (every target covered off its own site, "
                                "every row complete, the key's bottom line, a long enough reason)")
        return problems

    def _targets_covered(self, question: Question, value: LateralLogValue) -> dict[str, bool]:
        return {target.id: any(row["about"] == target.id and row_complete(row) and is_lateral(row["address"], target.ref["sites"])
                               for row in value["rows"])
                for target in question.items}

    def fraction(self, question: Question, key: KeyEntry, value: LateralLogValue) -> tuple[float, dict[str, bool]]:
        line = key.answer["bottom_line"]
        detail = {f"cover:{t}": ok for t, ok in self._targets_covered(question, value).items()}
        detail["complete"] = bool(value["rows"]) and all(row_complete(r) for r in value["rows"])
        for use in question.option_ids:
            given = value["bottom_line"].get(use)
            detail[f"use:{use}"] = given is not None and (given == line.get(use) or given in accepted(key, use))
        detail["reason"] = len(words(value["reason"])) >= max(question.min_words, MIN_REASON_WORDS)
        return sum(detail.values()) / len(detail), detail

    def feedback_rows(self, question: Question, key: KeyEntry, value: LateralLogValue, detail: dict[str, bool]) -> list[str]:
        rows: list[str] = []
        for target in question.items:
            if detail.get(f"cover:{target.id}"):
                continue
            own = [n for n, r in enumerate(value["rows"], 1) if r["about"] == target.id and on_site(r["address"], target.ref["sites"])]
            where = f" Row {', '.join(map(str, own))} is on its own site: that is what it says about itself." if own else ""
            rows.append(f"{target.text}: no complete row yet from a page off {', '.join(target.ref['sites'])}.{where} "
                        "Search its name and open what others write about it (Wikipedia is allowed).")
        if not detail.get("complete"):
            missing = [n for n, r in enumerate(value["rows"], 1) if not row_complete(r)]
            rows.append(f"Fill in all five parts of every row (row {', '.join(map(str, missing))})." if missing
                        else "Add a row for each page you opened.")
        for use in question.option_ids:
            if not detail.get(f"use:{use}"):
                rows.append(f"Bottom line, “{question.option_label(use)}”: the key says {BOTTOM_LINE[key.answer['bottom_line'][use]]} "
                            "(see the explanation).")
        if not detail.get("reason"):
            rows.append(f"Reason: say what you found and why it decides your bottom line, in at least "
                        f"{max(question.min_words, MIN_REASON_WORDS)} words.")
        return rows

    # ------------------------------------------------------------ simulated classes

    def random_value(self, question: Question, rng: random.Random) -> LateralLogValue:
        addresses = ["https://en.wikipedia.org/wiki/New_Eastern_Outlook", "https://www.globalresearch.ca/about", "", "journal-neo.org"]
        rows: list[LogRow] = [{"about": rng.choice([t.id for t in question.items]), "address": rng.choice(addresses),
                               "publisher": rng.choice(["Wikipedia", "", "the site itself"]), "says": rng.choice(["", "who runs it"]),
                               "trust": rng.choice(["", *TRUST_LEVELS])} for _ in range(rng.randint(0, 4))]
        return {"rows": rows, "bottom_line": {o: rng.choice(list(BOTTOM_LINE)) for o in question.option_ids if rng.random() < 0.8},
                "reason": " ".join(rng.choices("it is opinion so check the facts elsewhere first".split(), k=rng.randint(0, 12)))}
