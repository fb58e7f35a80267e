"""What every question kind is: one class holding everything about one kind of question.

A kind says how its question is built from the bank (:meth:`Kind.parts`), the
declared shape of its answers (``value_type``, checked by pydantic in strict
mode) and what makes an answer valid (:meth:`Kind.check`), when an answer is
complete, how it is scored (with partial credit), the model answer, the text
equivalent, the feedback rows, what the key must hold, and the widget that
asks it (named as ``"module:Class"``, so this layer never imports the notebook
UI). :mod:`kit.kinds` keeps the registry.

>>> from kit.kinds import get
>>> from kit.model import Option, Question
>>> choice = get("choice")
>>> q = Question(id="L00.q01", lesson="L00", kind="choice", kind_label=choice.label, prompt="?",
...              options=(Option("a", "A"), Option("b", "B")))
>>> choice.validate(q, 3), choice.validate(q, "z"), choice.validate(q, "a")
('expected one option id (text), got int', "'z' is not one of the options (a, b)", None)
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from kit.metrics import Judgement
from kit.model import BankError, Item, KeyEntry, Option, Question, QuestionSpec
from kit.schema import VOCABULARIES

V = TypeVar("V")


@dataclass(frozen=True)
class Parts:
    """What a kind reads from a bank entry beyond the prompt: options, rows, labels, a passage."""

    options: tuple[Option, ...] = ()
    items: tuple[Item, ...] = ()
    labels: tuple[Option, ...] = ()
    passage: str = ""


@dataclass(frozen=True)
class PaperPart:
    """One piece of a question printed on paper (``medialit handouts`` renders them; no key is involved).

    ``note`` is an instruction; ``options`` are listed, each with ``mark`` (○ circle one, ☐ tick);
    ``rows`` are table rows whose cells are text, each row followed by ``choices`` to circle;
    ``prompt`` is a sub-question with ``lines`` writing lines under it;
    ``hints`` is help printed as a plain list (a written answer's sentence starters).
    """

    note: str = ""
    options: tuple[Option, ...] = ()
    mark: str = "\u25cb"
    headings: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    choices: tuple[Option, ...] = ()
    prompt: str = ""
    lines: int = 0
    hints: tuple[str, ...] = ()


CIRCLE, TICK = "\u25cb", "\u2610"


class Kind(ABC, Generic[V]):
    """Base class of the question kinds (see the module docstring)."""

    name: ClassVar[str]
    label: ClassVar[str]
    value_type: ClassVar[Any]
    shape_hint: ClassVar[str]
    widget: ClassVar[str]
    default_partial: ClassVar[str] = "none"
    auto_scored: ClassVar[bool] = True

    # ------------------------------------------------------------ the bank

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        """Options, rows and labels of a question of this kind, checked (``where`` names the file and question)."""
        return Parts()

    # ------------------------------------------------------------ answers

    @cached_property
    def _adapter(self) -> TypeAdapter:
        return TypeAdapter(self.value_type)

    def validate(self, question: Question, value: Any) -> str | None:
        """Why ``value`` is not a valid answer to ``question`` (None if it is)."""
        try:
            self._adapter.validate_python(value, strict=True)
        except ValidationError:
            return self.shape_problem(value)
        return self.check(question, value)

    def shape_problem(self, value: Any) -> str:
        """The message for an answer of the wrong shape."""
        return f"expected {self.shape_hint}, got {type(value).__name__}"

    def check(self, question: Question, value: V) -> str | None:
        """Problems beyond the shape (an unknown option, a confidence out of range ...)."""
        return None

    def is_complete(self, question: Question, value: V) -> bool:
        """True when ``value`` (already valid) answers the whole question."""
        return bool(value)

    @abstractmethod
    def describe(self, question: Question, value: V) -> str:
        """The text equivalent of an answer (screen readers, nbval, feedback pages)."""

    def paper(self, question: Question) -> list[PaperPart]:
        """How the question is answered on paper: by default, circle one option."""
        return [PaperPart(note="Circle one.", options=question.options, mark=CIRCLE)]

    def response_rows(self, question: Question) -> int:
        """How many things a student sets to answer (the lesson-time model counts 20 s each)."""
        return 1

    def answer_text(self, question: Question, value: V) -> str:
        """The key's answer as the instructor guide's answer table shows it."""
        return self.describe(question, value)

    # ------------------------------------------------------------ the key and scoring

    def model_value(self, question: Question, key: KeyEntry) -> V:
        """The answer a model student gives, shaped as the widget's value."""
        return key.model if key.model is not None else key.answer

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        """What this kind needs from a key entry beyond a valid model answer."""
        return []

    @abstractmethod
    def fraction(self, question: Question, key: KeyEntry, value: V) -> tuple[float, dict[str, bool]]:
        """The share answered correctly (0..1) and right/wrong per row where the question has rows."""

    def feedback_rows(self, question: Question, key: KeyEntry, value: V, detail: dict[str, bool]) -> list[str]:
        """Lines under the explanation saying what to look at again."""
        return []

    def judgement(self, question: Question, key: KeyEntry, value: V) -> Judgement | None:
        """A credibility judgement for d', c and Brier, for kinds that make one."""
        return None

    # ------------------------------------------------------------ simulated classes

    @abstractmethod
    def random_value(self, question: Question, rng: random.Random) -> V | None:
        """A random valid answer (simulated classes in tests and benchmarks)."""


# --------------------------------------------------------------------------- helpers the kinds share


def accepted(key: KeyEntry, item: str | None = None) -> set:
    """The answers the key also accepts (for one row when ``item`` is given)."""
    accept = key.accept
    if accept is None:
        return set()
    if item is not None:
        accept = accept.get(item, []) if isinstance(accept, dict) else []
    return {accept} if isinstance(accept, str) else set(accept)


def jaccard(chosen: set, required: set, tolerated: set) -> float:
    """Overlap over union; options the key tolerates are neither required nor penalised.

    >>> jaccard({"a", "c"}, {"a", "b"}, set())
    0.3333333333333333
    """
    counted = chosen - (tolerated - required)
    union = counted | required
    return len(counted & required) / len(union) if union else 1.0


def parse_options(raw: Any, where: str) -> tuple[Option, ...]:
    """Options written as a list of ``{id, label}`` or as ``"vocab:NAME"`` (a dataset vocabulary)."""
    if isinstance(raw, str) and raw.startswith("vocab:"):
        if raw[6:] not in VOCABULARIES:
            raise BankError(f"{where}: unknown vocabulary {raw[6:]!r} (known: {', '.join(VOCABULARIES)})")
        return tuple(Option(id=k, label=v) for k, v in VOCABULARIES[raw[6:]].items())
    if not isinstance(raw, list):
        raise BankError(f"{where}: options must be a list of {{id, label}}")
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or "id" not in entry or "label" not in entry:
            raise BankError(f"{where}: every option needs an id and a label, got {entry!r}")
        result.append(Option(id=str(entry["id"]), label=str(entry["label"]), credible=entry.get("credible"),
                             kind=entry.get("kind")))
    ids = [o.id for o in result]
    if len(set(ids)) != len(ids):
        raise BankError(f"{where}: option ids repeat: {ids}")
    return tuple(result)


def at_least_two(options: tuple[Option, ...], where: str) -> tuple[Option, ...]:
    if len(options) < 2:
        raise BankError(f"{where}: needs at least two options")
    return options


def unknown_options(question: Question, chosen: list[str]) -> str | None:
    known = question.option_ids
    unknown = [v for v in chosen if v not in known]
    return f"{', '.join(map(repr, unknown))} not among the options" if unknown else None


def clip(text: str, limit: int = 70) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
