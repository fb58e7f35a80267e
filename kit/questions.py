"""The question bank and the answer key: data, not code.

Each lesson has a bank ``lessons/questions/L02.json`` (ids, kinds, prompts,
options, points) and, for instructors and self-study, a key
``instructor-guide/answer-key/L02.json`` (answers, accepted alternatives,
partial-credit rule, explanation, source ids). Without a key the widgets only
record; with it they can give feedback.

>>> bank = load_bank("L00")
>>> question = bank["L00.q01"]
>>> question.kind in KINDS
True
>>> check_value(question, 12345) is not None  # a number is never a valid answer
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.errors import KitError
from kit import settings

KINDS = {
    "choice": "single choice",
    "multi": "multiple choice",
    "tag-table": "claim-tag table",
    "rating": "credibility rating with confidence",
    "evidence-match": "evidence match",
    "source-card": "source card",
    "free-text": "written answer",
    "technique": "technique picker",
}
PARTIAL_RULES = ("none", "proportional", "jaccard")
DEFAULT_PARTIAL = {
    "choice": "none", "multi": "jaccard", "tag-table": "proportional", "rating": "none",
    "evidence-match": "proportional", "source-card": "proportional", "free-text": "none",
    "technique": "jaccard",
}
RELATIONS = ("supports", "qualifies", "contradicts", "unrelated")
CONFIDENCE_LEVELS = (50, 60, 70, 80, 90, 100)
CARD_FIELDS = {
    "owner": "Who owns or runs it?",
    "funding": "Who pays for it?",
    "others_say": "What do others say about it (and what are their own interests)?",
}
QUESTION_ID = re.compile(r"^L\d{2}\.q\d{2}$|^[A-Za-z0-9-]+\.q\d{2}$")


class BankError(KitError, ValueError):
    """A question bank or key file is malformed; the message names the file and the question."""


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    credible: bool | None = None  # rating options: does this choice judge the item credible?
    kind: str | None = None  # source-card flags: "red" or "green"


@dataclass(frozen=True)
class Item:
    """A row of a tag table, or a claim-source pair of an evidence match."""

    id: str
    text: str
    source: str = ""  # evidence match: the source side
    ref: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    lesson: str
    kind: str
    prompt: str
    points: float = 1.0
    options: tuple[Option, ...] = ()
    items: tuple[Item, ...] = ()
    labels: tuple[Option, ...] = ()
    min_words: int = 0
    passage: str = ""
    context: str = ""
    spec: dict = field(default_factory=dict, repr=False)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def option_label(self, option_id: str) -> str:
        for option in (*self.options, *self.labels):
            if option.id == option_id:
                return option.label
        return option_id


@dataclass(frozen=True)
class Bank:
    lesson: str
    title: str
    questions: dict[str, Question]
    path: Path | None = None

    def __getitem__(self, question_id: str) -> Question:
        return self.questions[self.qualify(question_id)]

    def __iter__(self):
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def qualify(self, question_id: str) -> str:
        """``"q05"`` -> ``"L02.q05"``."""
        return question_id if "." in question_id else f"{self.lesson}.{question_id}"

    @property
    def total_points(self) -> float:
        return sum(q.points for q in self.questions.values())


@dataclass(frozen=True)
class KeyEntry:
    """The key for one question."""

    question_id: str
    answer: Any
    explanation: str
    sources: tuple[str, ...] = ()
    accept: Any = None
    partial: str = "none"
    truth: bool | None = None  # rating items: is the item in fact credible?
    rubric: dict = field(default_factory=dict)  # written answers: criteria for each level
    model: Any = None  # the model answer when it is not ``answer`` itself (written answers, rating confidence)


# --------------------------------------------------------------------------- loading


def bank_dir() -> Path:
    return settings.lessons_dir() / "questions"


def lesson_ids() -> list[str]:
    """Lessons that have a question bank, in order (``['L00', 'L01', ...]``)."""
    return sorted(p.stem for p in bank_dir().glob("*.json"))


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BankError(f"{path}: file is missing") from None
    except json.JSONDecodeError as error:
        raise BankError(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None


def _options(raw: Any, where: str) -> tuple[Option, ...]:
    if isinstance(raw, str) and raw.startswith("vocab:"):
        from kit.schema import VOCABULARIES

        return tuple(Option(id=k, label=v) for k, v in VOCABULARIES[raw[6:]].items())
    if not isinstance(raw, list):
        raise BankError(f"{where}: options must be a list of {{id, label}}")
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or "id" not in entry or "label" not in entry:
            raise BankError(f"{where}: every option needs an id and a label, got {entry!r}")
        result.append(Option(id=str(entry["id"]), label=str(entry["label"]), credible=entry.get("credible"), kind=entry.get("kind")))
    ids = [o.id for o in result]
    if len(set(ids)) != len(ids):
        raise BankError(f"{where}: option ids repeat: {ids}")
    return tuple(result)


def _items(raw: Any, kind: str, where: str) -> tuple[Item, ...]:
    if not isinstance(raw, list) or not raw:
        raise BankError(f"{where}: a {kind} question needs a non-empty list of items")
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or "id" not in entry:
            raise BankError(f"{where}: every item needs an id, got {entry!r}")
        text, source = _item_text(entry, where)
        result.append(Item(id=str(entry["id"]), text=text, source=source, ref={k: v for k, v in entry.items() if k != "id"}))
    ids = [i.id for i in result]
    if len(set(ids)) != len(ids):
        raise BankError(f"{where}: item ids repeat")
    return tuple(result)


def _item_text(entry: dict, where: str) -> tuple[str, str]:
    """Resolve an item's text: literal, an article sentence, a claim, a source excerpt."""
    from kit import articles, data

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


def _passage(spec: dict, where: str) -> str:
    from kit import articles

    passage = spec.get("passage", "")
    if isinstance(passage, dict):
        article = articles.load(passage["article"])
        if article.find(passage["quote"]) is None:
            raise BankError(f"{where}: passage not found verbatim in article {passage['article']}")
        return passage["quote"]
    return str(passage)


def parse_question(spec: dict, lesson: str, where: str) -> Question:
    """Build a :class:`Question` from its JSON form, checking what its kind needs."""
    qid = spec.get("id", "")
    where = f"{where}: question {qid or '(no id)'}"
    if not QUESTION_ID.match(str(qid)) or not str(qid).startswith(lesson + "."):
        raise BankError(f"{where}: id must look like {lesson}.q01")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise BankError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if not spec.get("prompt"):
        raise BankError(f"{where}: prompt is missing")
    points = spec.get("points", 1)
    if not isinstance(points, (int, float)) or points < 0:
        raise BankError(f"{where}: points must be a number >= 0")
    options: tuple[Option, ...] = ()
    items: tuple[Item, ...] = ()
    labels: tuple[Option, ...] = ()
    if kind in ("choice", "multi", "rating", "technique", "source-card"):
        raw = spec.get("options")
        if kind == "technique" and raw is None:
            raw = "techniques"
        if raw == "techniques":
            from kit import data

            table = data.load("techniques")
            raw = [{"id": r.technique_id, "label": r.label} for r in table.itertuples()]
        options = _options(raw, where)
        if len(options) < 2:
            raise BankError(f"{where}: needs at least two options")
        if kind == "rating" and any(o.credible is None for o in options):
            raise BankError(f"{where}: every rating option needs credible: true or false")
        if kind == "source-card":
            if any(o.kind not in ("red", "green") for o in options):
                raise BankError(f"{where}: every source-card flag needs kind: red or green")
            labels = _options(spec.get("verdicts"), where + " verdicts")
    if kind in ("tag-table", "evidence-match"):
        items = _items(spec.get("items"), kind, where)
        if kind == "tag-table":
            labels = _options(spec.get("labels"), where + " labels")
        else:
            labels = tuple(Option(id=r, label=r) for r in spec.get("relations", RELATIONS))
    return Question(
        id=qid, lesson=lesson, kind=kind, prompt=str(spec["prompt"]), points=float(points),
        options=options, items=items, labels=labels, min_words=int(spec.get("min_words", 0)),
        passage=_passage(spec, where), context=str(spec.get("context", "")), spec=spec,
    )


_BANKS: dict[Path, tuple[float, Bank]] = {}


def load_bank(lesson: str, folder: Path | None = None) -> Bank:
    """Load the question bank of ``lesson`` (``"L02"``)."""
    path = (folder or bank_dir()) / f"{lesson}.json"
    if not path.exists():
        raise BankError(f"{path}: no question bank for lesson {lesson} (lessons with banks: {', '.join(lesson_ids()) or 'none'})")
    mtime = path.stat().st_mtime
    if path in _BANKS and _BANKS[path][0] == mtime:
        return _BANKS[path][1]
    raw = _read_json(path)
    if not isinstance(raw, dict) or raw.get("lesson") != lesson or not isinstance(raw.get("questions"), list):
        raise BankError(f"{path}: must be an object with lesson {lesson!r} and a list of questions")
    questions: dict[str, Question] = {}
    for spec in raw["questions"]:
        question = parse_question(spec, lesson, str(path))
        if question.id in questions:
            raise BankError(f"{path}: question {question.id} appears twice")
        questions[question.id] = question
    bank = Bank(lesson=lesson, title=str(raw.get("title", lesson)), questions=questions, path=path)
    _BANKS[path] = (mtime, bank)
    return bank


def load_key(lesson: str, folder: Path | None = None) -> dict[str, KeyEntry] | None:
    """Load the answer key of ``lesson``, or None when there is no key (a student copy)."""
    folder = folder or settings.answer_key_dir()
    if folder is None:
        return None
    path = Path(folder) / f"{lesson}.json"
    if not path.exists():
        return None
    raw = _read_json(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("answers"), dict):
        raise BankError(f"{path}: must be an object with an 'answers' mapping")
    key = {}
    for qid, entry in raw["answers"].items():
        if not isinstance(entry, dict) or "answer" not in entry or "explanation" not in entry:
            raise BankError(f"{path}: {qid}: needs at least an answer and an explanation")
        key[qid] = KeyEntry(
            question_id=qid, answer=entry["answer"], explanation=str(entry["explanation"]),
            sources=tuple(entry.get("sources", ())), accept=entry.get("accept"),
            partial=entry.get("partial", "none"), truth=entry.get("truth"), rubric=entry.get("rubric", {}),
            model=entry.get("model"),
        )
    return key


def key_path(lesson: str) -> Path | None:
    folder = settings.answer_key_dir()
    return None if folder is None else Path(folder) / f"{lesson}.json"


# --------------------------------------------------------------------------- answers


def check_value(question: Question, value: Any) -> str | None:
    """Return why ``value`` is not a valid answer to ``question`` (None if it is).

    >>> q = Question(id="L00.q01", lesson="L00", kind="choice", prompt="?", options=(Option("a", "A"), Option("b", "B")))
    >>> check_value(q, "a") is None, check_value(q, "z")
    (True, "'z' is not one of the options (a, b)")
    """
    kind = question.kind
    option_ids = [o.id for o in question.options]
    if kind == "choice":
        if not isinstance(value, str):
            return f"expected one option id (text), got {type(value).__name__}"
        if value not in option_ids:
            return f"{value!r} is not one of the options ({', '.join(option_ids)})"
    elif kind in ("multi", "technique"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"expected a list of option ids, got {type(value).__name__}"
        unknown = [v for v in value if v not in option_ids]
        if unknown:
            return f"{', '.join(map(repr, unknown))} not among the options"
    elif kind in ("tag-table", "evidence-match"):
        if not isinstance(value, dict):
            return f"expected a mapping of item id to label, got {type(value).__name__}"
        items = {i.id for i in question.items}
        labels = {label.id for label in question.labels}
        for item, label in value.items():
            if item not in items:
                return f"unknown item {item!r}"
            if label not in labels:
                return f"{label!r} is not one of {', '.join(sorted(labels))}"
    elif kind == "rating":
        if not isinstance(value, dict) or set(value) != {"choice", "confidence"}:
            return "expected {'choice': option id, 'confidence': 50-100}"
        if value["choice"] not in option_ids:
            return f"{value['choice']!r} is not one of the options ({', '.join(option_ids)})"
        if value["confidence"] not in CONFIDENCE_LEVELS:
            return f"confidence must be one of {CONFIDENCE_LEVELS}"
    elif kind == "source-card":
        if not isinstance(value, dict):
            return f"expected a mapping, got {type(value).__name__}"
        for name in CARD_FIELDS:
            if not isinstance(value.get(name, ""), str):
                return f"{name} must be text"
        flags = value.get("flags", [])
        if not isinstance(flags, list) or any(f not in option_ids for f in flags):
            return "flags must be a list of flag ids"
        verdict = value.get("verdict")
        if verdict is not None and verdict not in [v.id for v in question.labels]:
            return f"verdict {verdict!r} is not one of the verdicts"
        unknown = set(value) - {*CARD_FIELDS, "flags", "verdict"}
        if unknown:
            return f"unknown fields {sorted(unknown)}"
    elif kind == "free-text":
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__}"
    return None


def is_complete(question: Question, value: Any) -> bool:
    """True when ``value`` answers the whole question (every row tagged, etc.)."""
    if value is None or check_value(question, value) is not None:
        return False
    kind = question.kind
    if kind in ("tag-table", "evidence-match"):
        return all(value.get(i.id) for i in question.items)
    if kind in ("multi", "technique"):
        return len(value) > 0
    if kind == "source-card":
        return bool(value.get("verdict")) and any(value.get(f, "").strip() for f in CARD_FIELDS)
    if kind == "free-text":
        from kit.text.segment import words

        return len(words(value)) >= max(1, question.min_words)
    return bool(value)


def describe_value(question: Question, value: Any) -> str:
    """A plain-text rendering of an answer (the widgets' text equivalent)."""
    if value is None:
        return "(not answered)"
    kind = question.kind
    if kind == "choice":
        return question.option_label(value)
    if kind in ("multi", "technique"):
        return "; ".join(question.option_label(v) for v in value) or "(none selected)"
    if kind in ("tag-table", "evidence-match"):
        done = sum(1 for i in question.items if value.get(i.id))
        return f"{done} of {len(question.items)} rows answered"
    if kind == "rating":
        return f"{question.option_label(value['choice'])}, {value['confidence']}% sure"
    if kind == "source-card":
        verdict = question.option_label(value["verdict"]) if value.get("verdict") else "no verdict yet"
        return f"{len(value.get('flags', []))} flags ticked; verdict: {verdict}"
    if kind == "free-text":
        from kit.text.segment import words

        return f"{len(words(value))} words"
    return str(value)


# --------------------------------------------------------------------------- validation


def validate_lessons(bank_folder: Path | None = None, key_folder: Path | None = None) -> list:
    """Check every question bank against its key and the datasets; return every problem.

    Problems are :class:`kit.data.Problem` (file, row = None, column = question id).
    """
    from kit.data import Problem, load
    from kit.scoring import model_value

    problems: list = []
    bank_folder = bank_folder or bank_dir()
    key_folder = key_folder if key_folder is not None else settings.answer_key_dir()
    try:
        sources = set(load("sources")["source_id"])
    except Exception:  # the datasets' own problems are reported by kit.data.validate
        sources = None
    for path in sorted(Path(bank_folder).glob("*.json")):
        lesson = path.stem
        bank_file = f"questions/{path.name}"
        try:
            bank = load_bank(lesson, Path(bank_folder))
        except BankError as error:
            problems.append(Problem(bank_file, None, None, str(error).replace(f"{path}: ", "")))
            continue
        if key_folder is None:
            continue
        key_file = f"answer-key/{lesson}.json"
        try:
            key = load_key(lesson, Path(key_folder))
        except BankError as error:
            problems.append(Problem(key_file, None, None, str(error).split(": ", 1)[-1]))
            continue
        if key is None:
            problems.append(Problem(key_file, None, None, "file is missing: every lesson needs a key"))
            continue
        for qid in sorted(set(key) - set(bank.questions)):
            problems.append(Problem(key_file, None, qid, "is not a question of the bank"))
        for question in bank:
            entry = key.get(question.id)
            if entry is None:
                problems.append(Problem(key_file, None, question.id, "has no key entry"))
                continue
            if not entry.explanation.strip():
                problems.append(Problem(key_file, None, question.id, "explanation is empty"))
            if entry.partial not in PARTIAL_RULES:
                problems.append(Problem(key_file, None, question.id, f"partial must be one of {', '.join(PARTIAL_RULES)}"))
            if sources is not None:
                for source_id in entry.sources:
                    if source_id not in sources:
                        problems.append(Problem(key_file, None, question.id, f"unknown source id {source_id!r} (not in sources.csv)"))
            if question.kind == "free-text":
                if set(entry.rubric) != {"proficient", "emergent", "basic"}:
                    problems.append(Problem(key_file, None, question.id, "a written answer needs a rubric with proficient, emergent and basic"))
                if not isinstance(entry.model, str):
                    problems.append(Problem(key_file, None, question.id, "a written answer needs a model answer ('model')"))
            if question.kind == "rating" and not isinstance(entry.truth, bool):
                problems.append(Problem(key_file, None, question.id, "a rating question needs truth: true or false"))
            if question.kind in ("tag-table", "evidence-match") and isinstance(entry.answer, dict):
                missing = [i.id for i in question.items if i.id not in entry.answer]
                if missing:
                    problems.append(Problem(key_file, None, question.id, f"the key has no answer for rows {', '.join(missing)}"))
            try:
                problem = check_value(question, model_value(question, entry))
            except (TypeError, AttributeError, KeyError) as error:
                problem = f"the answer has the wrong shape ({error})"
            if problem:
                problems.append(Problem(key_file, None, question.id, f"the model answer is not valid: {problem}"))
            elif question.kind != "free-text" and not is_complete(question, model_value(question, entry)):
                problems.append(Problem(key_file, None, question.id, "the model answer does not answer the whole question (empty, or rows missing)"))
    return problems
