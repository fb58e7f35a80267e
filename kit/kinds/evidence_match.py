"""Evidence match: for each claim-source pair, does the source support, qualify or contradict the claim, or is it unrelated?

>>> EvidenceMatch().label, EvidenceMatch().default_partial
('evidence match', 'proportional')
"""

from __future__ import annotations

from kit.kinds.base import Parts
from kit.kinds.tag_table import TagTable, parse_items
from kit.model import Item, Option, QuestionSpec

RELATIONS = ("supports", "qualifies", "contradicts", "unrelated")


class EvidenceMatch(TagTable):
    name = "evidence-match"
    label = "evidence match"
    widget = "kit.widgets.tables:EvidenceMatch"

    headings = ("claim", "source")

    def paper_row(self, item: Item) -> tuple[str, ...]:
        return (f"{item.id}: {item.text}", item.source)

    def parts(self, spec: QuestionSpec, where: str) -> Parts:
        relations = spec.relations if spec.relations is not None else RELATIONS
        return Parts(items=parse_items(spec.items, self.name, where), labels=tuple(Option(id=r, label=r) for r in relations))
