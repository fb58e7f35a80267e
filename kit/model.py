"""Typed models of the kit's question files: options, items, questions, banks and key entries.

The JSON files are parsed with pydantic (:class:`QuestionSpec`, :class:`BankFile`,
:class:`KeyFile`), so a malformed file is refused with a message naming the file,
the question and the problem; what the rest of the kit uses are the frozen
dataclasses below. What a question of each kind needs (its options, its rows,
the shape of its answers) is checked by its kind (:mod:`kit.kinds`).

>>> spec = QuestionSpec.model_validate({"id": "L00.q01", "kind": "choice", "prompt": "Which?"})
>>> spec.points, spec.min_words, spec.use, spec.frames
(1.0, 0, 'practice', [])
>>> try:
...     KeyEntrySpec.model_validate({"answer": "a", "explanation": "Because.", "partial": "most"})
... except ValidationError as error:
...     print(describe_validation(error))
partial: Input should be 'none', 'proportional' or 'jaccard'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kit.errors import KitError

PartialRule = Literal["none", "proportional", "jaccard"]
Use = Literal["practice", "graded"]
USES: tuple[str, ...] = ("practice", "graded")
PARTIAL_RULES: tuple[str, ...] = ("none", "proportional", "jaccard")
QUESTION_ID = re.compile(r"^L\d{2}\.q\d{2}$|^[A-Za-z0-9-]+\.q\d{2}$")


class BankError(KitError, ValueError):
    """A question bank or key file is malformed; the message names the file and the question."""


# --------------------------------------------------------------------------- the files, as parsed


class QuestionSpec(BaseModel):
    """One question as written in a bank file; fields a kind does not use are ignored by it."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str
    kind: str
    prompt: str = Field(min_length=1)
    points: float = Field(default=1.0, ge=0)
    options: Any = None
    items: Any = None
    labels: Any = None
    verdicts: Any = None
    relations: Any = None
    min_words: int = Field(default=0, ge=0)
    frames: list[Annotated[str, Field(min_length=1)]] = []  # sentence starters shown under a written answer's prompt
    passage: Any = ""
    context: str = ""
    evidence: Any = None  # source checks: the excerpts, with addresses, an offline class works from
    assessment: Literal["pre", "post"] | None = None
    use: Use = "practice"  # practice: key shipped, Check works in every copy; graded: key kept by the teacher
    form: Literal["A", "B"] | None = None  # pre/post items: the parallel form the item belongs to (kit.grading.forms)


class BankFile(BaseModel):
    """A question bank file: ``{"lesson": "L02", "title": ..., "questions": [...]}``."""

    lesson: str
    title: str = ""
    questions: list[dict[str, Any]]


class Reference(BaseModel):
    """A source kept in the key with its address, for items whose evidence is not in ``datasets/`` (the pre/post forms)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    date: str = Field(default="", pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")  # empty when the page gives none
    url: str = Field(pattern=r"^https?://\S+$")


class KeyEntrySpec(BaseModel):
    """The key of one question as written in a key file."""

    model_config = ConfigDict(extra="forbid")

    answer: Any
    explanation: str
    sources: list[str] = []
    references: list[Reference] = []
    accept: Any = None
    partial: PartialRule = "none"
    truth: bool | None = None
    rubric: dict[str, str] = {}
    model: Any = None


class KeyFile(BaseModel):
    """An answer-key file: ``{"lesson": ..., "answers": {question id: entry}}``."""

    model_config = ConfigDict(extra="allow")

    answers: dict[str, KeyEntrySpec]
    practice_only: bool = False  # the key shipped in a student copy: practice questions only


def describe_validation(error: ValidationError) -> str:
    """pydantic's errors as one readable line: ``field: problem; field: problem``."""
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "the file"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


# --------------------------------------------------------------------------- what the kit uses


@dataclass(frozen=True)
class Option:
    """A choice, a label or a flag: its id, its text, and what some kinds need to know of it."""

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
    """One question of a bank, with everything its kind needs already resolved."""

    id: str
    lesson: str
    kind: str
    kind_label: str
    prompt: str
    points: float = 1.0
    options: tuple[Option, ...] = ()
    items: tuple[Item, ...] = ()
    labels: tuple[Option, ...] = ()
    min_words: int = 0
    frames: tuple[str, ...] = ()  # sentence starters for a written answer ("I would rely on ___ for ___ because ___.")
    passage: str = ""
    context: str = ""
    evidence: Any = None  # source checks: the excerpts, with addresses, an offline class works from
    assessment: str | None = None
    use: str = "practice"
    spec: dict = field(default_factory=dict, repr=False)

    def option_label(self, option_id: str | None) -> str:
        """The text of an option, label or flag (its id when unknown)."""
        for option in (*self.options, *self.labels):
            if option.id == option_id:
                return option.label
        return str(option_id)

    @property
    def form(self) -> str | None:
        """``"A"`` or ``"B"`` for an item of the parallel pre/post forms (see :mod:`kit.grading.forms`)."""
        return self.spec.get("form")

    @cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @cached_property
    def label_ids(self) -> frozenset[str]:
        return frozenset(label.id for label in self.labels)

    @cached_property
    def item_ids(self) -> frozenset[str]:
        return frozenset(item.id for item in self.items)

    @property
    def graded(self) -> bool:
        """True for a graded question: its key stays with the teacher (see :mod:`kit.release`)."""
        return self.use == "graded"


@dataclass(frozen=True)
class Bank:
    """The questions of one lesson, in order."""

    lesson: str
    title: str
    questions: dict[str, Question]
    path: Path | None = None

    def __getitem__(self, question_id: str) -> Question:
        return self.questions[self.qualify(question_id)]

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def qualify(self, question_id: str) -> str:
        """``"q05"`` -> ``"L02.q05"``."""
        return question_id if "." in question_id else f"{self.lesson}.{question_id}"

    @property
    def total_points(self) -> float:
        """The points of every question, both pre/post forms included."""
        return sum(q.points for q in self.questions.values())

    @property
    def points_per_student(self) -> float:
        """The points one student can earn: each student takes one form of each pre/post phase
        (the larger form's points, should the two forms differ)."""
        by_form: dict[tuple[str | None, str], float] = {}
        shared = 0.0
        for q in self.questions.values():
            if q.form and q.assessment:
                by_form[(q.assessment, q.form)] = by_form.get((q.assessment, q.form), 0.0) + q.points
            else:
                shared += q.points
        phases = {phase for phase, _ in by_form}
        return shared + sum(max(p for (ph, _), p in by_form.items() if ph == phase) for phase in phases)


@dataclass(frozen=True)
class KeyEntry:
    """The key for one question."""

    question_id: str
    answer: Any
    explanation: str
    sources: tuple[str, ...] = ()
    accept: Any = None
    partial: str = "none"
    references: tuple[Reference, ...] = ()  # sources kept in the key with their addresses (not in sources.csv)
    truth: bool | None = None  # rating items: is the item in fact credible?
    rubric: dict = field(default_factory=dict)  # written answers: criteria for each level
    model: Any = None  # the model answer when it is not ``answer`` itself (written answers, rating confidence)

    @classmethod
    def from_spec(cls, question_id: str, spec: KeyEntrySpec) -> "KeyEntry":
        return cls(question_id=question_id, answer=spec.answer, explanation=spec.explanation,
                   sources=tuple(spec.sources), accept=spec.accept, partial=spec.partial, truth=spec.truth,
                   rubric=dict(spec.rubric), model=spec.model, references=tuple(spec.references))


Key = dict[str, KeyEntry]


# --------------------------------------------------------------------------- handed-in answers


class StudentRef(BaseModel):
    """Who wrote an answers file: the id (sanitised again on reading) and the name typed."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(pattern=r"\S")
    name: str = ""


class AnswersRecord(BaseModel):
    """One student's answers to one lesson, as saved by the answer store (``answers`` are checked per question by grading)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_version: int = Field(alias="schema", ge=1)
    lesson: str = Field(min_length=1, max_length=40)
    student: StudentRef
    updated: str = ""
    answers: dict[str, Any]


class Bundle(BaseModel):
    """A ``medialit submit`` bundle: one student's answers records, by lesson."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_version: int = Field(alias="schema", ge=1)
    student: StudentRef
    lessons: dict[str, dict[str, Any]] = Field(min_length=1)
