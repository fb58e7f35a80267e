"""Written answer: never scored automatically; ``pending`` until a teacher marks it with the rubric.

A written answer may carry ``frames``: two or three sentence starters ("I would
rely on ___ for ___ because ___.") that help a weaker writer or an English
learner begin. The widget shows them under the prompt and handouts print them;
they are help, not a template: any answer that meets the rubric is fine.

>>> from kit.model import Question
>>> q = Question(id="L07.q04", lesson="L07", kind="free-text", kind_label=FreeText.label, prompt="?", min_words=3,
...              frames=("I would rely on ___ for ___ because ___.", "I would not rely on it for ___ because ___."))
>>> FreeText().is_complete(q, "Too short"), FreeText().describe(q, "Long enough now.")
(False, '3 words')
>>> [part.hints for part in FreeText().paper(q)][0][0]
'I would rely on ___ for ___ because ___.'
"""

from __future__ import annotations

import math
import random

from kit.kinds.base import Kind, PaperPart
from kit.model import KeyEntry, Question
from kit.text.segment import words

RUBRIC_LEVELS = frozenset({"proficient", "emergent", "basic"})
WORDS_PER_LINE = 9  # handwritten words on one writing line
FRAMES_TITLE = "Sentence starters (use them if they help; fill each ___ with your own words):"
FILLER = "evidence source claim article because the report says that officials".split()


class FreeText(Kind[str]):
    name = "free-text"
    label = "written answer"
    value_type = str
    shape_hint = "text"
    widget = "kit.widgets.cards:FreeText"
    auto_scored = False

    def is_complete(self, question: Question, value: str) -> bool:
        return len(words(value)) >= max(1, question.min_words)

    def describe(self, question: Question, value: str) -> str:
        return f"{len(words(value))} words"

    def paper(self, question: Question) -> list[PaperPart]:
        wanted = f" (at least {question.min_words} words)" if question.min_words else ""
        frames = [PaperPart(note=FRAMES_TITLE, hints=question.frames)] if question.frames else []
        return frames + [PaperPart(note=f"Write your answer{wanted}.",
                                   lines=max(4, math.ceil(question.min_words / WORDS_PER_LINE) + 2))]

    def response_rows(self, question: Question) -> int:
        return 0  # a written answer is timed on its own (two minutes)

    def answer_text(self, question: Question, value: str) -> str:
        return "written answer, marked with the rubric"

    def key_problems(self, question: Question, key: KeyEntry) -> list[str]:
        problems = []
        if set(key.rubric) != RUBRIC_LEVELS:
            problems.append("a written answer needs a rubric with proficient, emergent and basic")
        if not isinstance(key.model, str):
            problems.append("a written answer needs a model answer ('model')")
        return problems

    def fraction(self, question: Question, key: KeyEntry, value: str) -> tuple[float, dict[str, bool]]:
        raise ValueError(f"{question.id}: written answers are marked by rubric, not scored")

    def meets_length(self, question: Question, value: object) -> bool:
        """True when a written answer reaches the question's minimum word count."""
        return isinstance(value, str) and len(words(value)) >= question.min_words

    def random_value(self, question: Question, rng: random.Random) -> str:
        target = max(question.min_words, 5)
        return " ".join(rng.choices(FILLER, k=rng.randint(target // 2, target * 2)))
