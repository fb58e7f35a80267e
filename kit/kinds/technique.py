"""Technique picker: tick the persuasion techniques visible in a passage (options default to ``techniques.csv``).

>>> Technique().label, Technique().default_partial
('technique picker', 'jaccard')
"""

from __future__ import annotations

from kit import articles, data
from kit.kinds.base import Parts, at_least_two, parse_options
from kit.kinds.multi import Multi
from kit.model import BankError, QuestionSpec


def passage_text(spec: QuestionSpec, where: str) -> str:
    """A passage given as text, or as ``{"article": id, "quote": ...}`` found verbatim in the article."""
    passage = spec.passage
    if isinstance(passage, dict):
        article = articles.load(passage["article"])
        if article.find(passage["quote"]) is None:
            raise BankError(f"{where}: passage not found verbatim in article {passage['article']}")
        return str(passage["quote"])
    return str(passage or "")


class Technique(Multi):
    name = "technique"
    label = "technique picker"
    widget = "kit.widgets.choice:TechniquePicker"

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        raw = spec.options if spec.options is not None else "techniques"
        if raw == "techniques":
            raw = [{"id": r.technique_id, "label": r.label} for r in data.load("techniques").itertuples()]
        return Parts(options=at_least_two(parse_options(raw, where), where), passage=passage_text(spec, where))
