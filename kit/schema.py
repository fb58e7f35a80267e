"""The shape of every dataset: files, columns, types, vocabularies and references.

This module is the single source of truth for ``datasets/``: the loaders in
``kit.data`` use it to set dtypes, ``kit.datacheck.validate`` uses it to check every
cell, and ``datasets/README.md`` documents it (a test keeps the two in step).

>>> from kit.schema import TABLES, VOCABULARIES
>>> TABLES["claims"].id_column
'claim_id'
>>> "exaggerated" in VOCABULARIES["verdict"]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.text.lexicons import LEXICON_NAMES

#: Closed vocabularies. Each maps a code (what the CSV holds) to a short label
#: (what a student reads).
VOCABULARIES: dict[str, dict[str, str]] = {
    "article_id": {
        "A1": "The Islamic State's (ISIS) Bloody Footprints Lead From NATO Territory (2014)",
        "A2": "Facing Defeat in Syria, the \u201cIslamic State\u201d (ISIS) Inexplicably Expands Globally (2017)",
    },
    "claim_type": {
        "factual": "factual: says something happened or is the case",
        "causal": "causal: says one thing caused or explains another",
        "interpretive": "interpretive: reads a meaning or motive into facts",
        "opinion": "opinion: a value judgement or recommendation",
        "prediction": "prediction: says what will or would happen",
        "quotation": "quotation: reports what someone else said or wrote",
    },
    "verdict": {
        "accurate": "accurate",
        "misleading-framing": "accurate but framed misleadingly",
        "exaggerated": "exaggerated",
        "unsupported-by-source": "unsupported by the cited source",
        "no-evidence-offered": "unsupported (no evidence offered)",
        "contradicted": "contradicted by evidence",
        "opinion": "opinion (not checkable)",
    },
    "confidence": {
        "high": "high",
        "medium": "medium",
        "low": "low",
    },
    "relation": {
        "supports": "supports the claim",
        "qualifies": "qualifies the claim (partly supports, adds a limit or a caveat)",
        "contradicts": "contradicts the claim",
    },
    "excerpt_kind": {
        "quote": "a verbatim quotation of at most 40 words",
        "translation": "the kit's translation of a passage in another language",
        "paraphrase": "a summary in the kit's own words",
    },
    "source_kind": {
        "article-under-study": "one of the two articles this kit studies",
        "primary-document": "an original document (report, memo, transcript, resolution)",
        "government": "a government body speaking for itself",
        "intergovernmental": "an alliance or international organisation (NATO, UN, EU)",
        "public-broadcaster": "a publicly funded broadcaster",
        "news": "a commercial newspaper, agency or news site",
        "magazine": "a magazine",
        "think-tank": "a research institute or think tank",
        "academic": "a peer-reviewed or university publication",
        "fact-check": "a fact-checking organisation",
        "reference": "an encyclopedia or reference work",
        "rating-site": "a site that rates media outlets",
        "platform": "a technology platform reporting on itself",
        "partisan": "an outlet or writer with an openly stated side",
        "blog": "a personal blog or forum post",
    },
    "access": {
        "original": "read on the publisher's own page (or an archived copy of it)",
        "copy": "read in a republished, syndicated or mirrored copy (see copy_url)",
        "excerpt": "only an excerpt or a summary was found",
        "not-found": "no copy was found; described from other sources",
    },
    "entity_kind": {
        "publisher": "a website or publication",
        "author": "a writer",
        "institution": "an organisation behind a publication",
    },
    "assessor_kind": {
        "government": "a government body",
        "intergovernmental": "an alliance or international body",
        "platform": "a technology company",
        "research-lab": "a research lab or think tank",
        "academic": "university researchers",
        "journalism": "a news organisation or journalist",
        "fact-checker": "a fact-checking organisation",
        "rating-site": "a media-rating site",
        "wiki": "an encyclopedia or wiki",
        "advocacy": "an advocacy group",
        "self": "the outlet or author about itself",
        "ally": "a party that defends the outlet",
    },
    "stance": {
        "critical": "critical of the subject",
        "supportive": "supportive of the subject",
        "mixed": "mixed or neutral",
        "reply": "the subject's reply to criticism",
    },
    "timeline_category": {
        "article": "publication of one of the studied articles",
        "isis": "the Islamic State group",
        "syria-war": "the war in Syria",
        "iraq": "Iraq",
        "turkey": "Turkey and its border",
        "us-policy": "United States policy",
        "russia": "Russia",
        "un": "the United Nations",
        "southeast-asia": "Southeast Asia",
        "libya": "Libya",
        "document": "a document written or released",
        "outlet": "the outlets and the author",
    },
    "technique_family": {
        "semeval-2020": "propaganda techniques of SemEval-2020 Task 11",
        "evidence-use": "ways of using (or misusing) sources and evidence",
    },
}

#: Values accepted for yes/no columns.
BOOLEAN_TRUE = {"yes", "true", "1"}
BOOLEAN_FALSE = {"no", "false", "0"}

#: Longest quotation of a source the kit stores, in words.
MAX_QUOTE_WORDS = 40


@dataclass(frozen=True)
class Column:
    """One column of a dataset.

    ``kind`` is one of: ``id`` (unique key), ``text``, ``int``, ``float``,
    ``bool`` (yes/no), ``date`` (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``),
    ``url``, ``vocab`` (one code of ``vocab``), ``vocab-list`` (codes of
    ``vocab`` separated by ``;``), ``ref`` (an id of table ``ref``) or
    ``ref-list`` (ids of ``ref`` separated by ``;``).
    """

    name: str
    kind: str
    description: str
    required: bool = True
    vocab: str | None = None
    ref: str | None = None
    max_words: int | None = None


@dataclass(frozen=True)
class Table:
    """One CSV file in ``datasets/``."""

    name: str
    file: str
    description: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def id_column(self) -> str:
        return next(c.name for c in self.columns if c.kind == "id")

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


C = Column

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "claims",
            "claims.csv",
            "Every checkable claim of both articles, with a verdict reached from the evidence.",
            (
                C("claim_id", "id", "Stable id: the article id, a hyphen, two digits (A1-07)."),
                C("article_id", "vocab", "Which article the claim is in.", vocab="article_id"),
                C("paragraph", "int", "Paragraph number in kit.articles (1 = first paragraph of the file body)."),
                C("quote", "text", "The claim's words, a verbatim substring of the article."),
                C("claim_type", "vocab", "What kind of statement it is.", vocab="claim_type"),
                C("article_cites", "text", "What the article itself offers as its source for this claim ('none' if nothing)."),
                C("cited_source_ids", "ref-list", "Sources the article cites for this claim, when they could be identified.", required=False, ref="sources"),
                C("verdict", "vocab", "What the evidence shows.", vocab="verdict"),
                C("reasoning", "text", "Why the verdict, in the kit's own words."),
                C("techniques", "vocab-list", "Techniques visible in the claim (empty if none).", required=False, vocab="technique"),
                C("confidence", "vocab", "How sure the kit is of the verdict.", vocab="confidence"),
            ),
        ),
        Table(
            "sources",
            "sources.csv",
            "Every source the kit relies on: primary, official, mainstream, scholarly and partisan.",
            (
                C("source_id", "id", "Stable id: lowercase words joined by hyphens (dw-2014-supply-channels)."),
                C("title", "text", "Title as published."),
                C("author", "text", "Author(s), or the issuing body; empty if none is given.", required=False),
                C("publisher", "text", "Who published it."),
                C("date", "date", "Publication date (YYYY, YYYY-MM or YYYY-MM-DD)."),
                C("url", "url", "The original: the publisher's own address, when found (never an archive or a copy).", required=False),
                C("archive_url", "url", "An archived copy of the original on a known web archive (Wayback Machine, archive.today); a Wayback address must archive `url`.", required=False),
                C("copy_url", "url", "The copy the kit actually read, when it was not the original (a republication, mirror or excerpt); never the same page as `url`.", required=False),
                C("kind", "vocab", "What kind of source it is.", vocab="source_kind"),
                C("access", "vocab", "How the kit's researchers got to read it.", vocab="access"),
                C("notes", "text", "Caveats: what was not verified, how the copy differs.", required=False),
            ),
        ),
        Table(
            "evidence",
            "evidence.csv",
            "Links between claims and sources: what a source says about a claim.",
            (
                C("evidence_id", "id", "Stable id (E001)."),
                C("claim_id", "ref", "The claim.", ref="claims"),
                C("source_id", "ref", "The source.", ref="sources"),
                C("relation", "vocab", "How the source bears on the claim.", vocab="relation"),
                C("cited_by_article", "bool", "yes if the article itself cites this source for the claim."),
                C("excerpt", "text", "What the source says: a quotation of at most 40 words, a translation or a paraphrase.", max_words=MAX_QUOTE_WORDS),
                C("excerpt_kind", "vocab", "Whether the excerpt is a quotation, a translation or a paraphrase.", vocab="excerpt_kind"),
                C("locator", "text", "Where in the source (section, paragraph, page, timestamp).", required=False),
            ),
        ),
        Table(
            "outlets",
            "outlets.csv",
            "Who is behind each outlet and author the lessons examine.",
            (
                C("outlet_id", "id", "Stable id (global-research)."),
                C("name", "text", "Name as the outlet uses it."),
                C("entity_kind", "vocab", "Publisher, author or institution.", vocab="entity_kind"),
                C("owner", "text", "Who owns or controls it, as found."),
                C("funding", "text", "How it is funded, as found (or what could not be found)."),
                C("based_in", "text", "Where it is based.", required=False),
                C("founded", "text", "When it started, as found.", required=False),
                C("self_description", "text", "How it describes itself (quotation of at most 40 words or paraphrase).", max_words=MAX_QUOTE_WORDS),
                C("transparency", "text", "What it discloses and what a reader cannot find."),
                C("source_ids", "ref-list", "Where these facts come from.", ref="sources"),
            ),
        ),
        Table(
            "assessments",
            "assessments.csv",
            "What others say about each outlet, with the assessor's own interests named, and the outlets' replies.",
            (
                C("assessment_id", "id", "Stable id (AS01)."),
                C("subject_id", "ref", "The outlet or author assessed.", ref="outlets"),
                C("assessor", "text", "Who makes the assessment."),
                C("assessor_kind", "vocab", "What kind of assessor.", vocab="assessor_kind"),
                C("assessor_interest", "text", "The assessor's own stake or point of view, in the kit's words."),
                C("date", "date", "When the assessment was made."),
                C("stance", "vocab", "Critical, supportive, mixed, or the subject's reply.", vocab="stance"),
                C("finding", "text", "What the assessor says (quotation of at most 40 words or paraphrase).", max_words=MAX_QUOTE_WORDS),
                C("source_id", "ref", "Where the assessment can be read.", ref="sources"),
                C("confidence", "vocab", "How sure the kit is that the assessment is reported correctly.", vocab="confidence"),
            ),
        ),
        Table(
            "timeline",
            "timeline.csv",
            "Dated events, including when each fact became public, for 'what was knowable when'.",
            (
                C("event_id", "id", "Stable id (T001)."),
                C("date", "date", "When it happened."),
                C("public_date", "date", "When it became publicly known, if later than date.", required=False),
                C("event", "text", "What happened, in the kit's words."),
                C("category", "vocab", "Topic, for filtering and plotting.", vocab="timeline_category"),
                C("source_ids", "ref-list", "Where a student can check it.", ref="sources"),
            ),
        ),
        Table(
            "estimates",
            "estimates.csv",
            "Quantities with ranges, such as ISIS revenue by source and year.",
            (
                C("estimate_id", "id", "Stable id (N01)."),
                C("quantity", "text", "What is estimated (ISIS total revenue)."),
                C("unit", "text", "Unit of low, point and high (USD million per year)."),
                C("period", "text", "The period estimated (2014, 2015-H1)."),
                C("year", "int", "The year the period falls in, for plotting."),
                C("low", "float", "Lower end of the range.", required=False),
                C("point", "float", "Central figure, when one is given.", required=False),
                C("high", "float", "Upper end of the range.", required=False),
                C("estimator", "text", "Who made the estimate."),
                C("published", "date", "When the estimate was published."),
                C("method_note", "text", "How it was made and what it leaves out, in the kit's words."),
                C("source_id", "ref", "Where to read it.", ref="sources"),
            ),
        ),
        Table(
            "techniques",
            "techniques.csv",
            "Persuasion techniques students learn to spot, with definitions in the kit's own words.",
            (
                C("technique_id", "id", "Stable id (loaded-language)."),
                C("label", "text", "Name shown to students."),
                C("family", "vocab", "SemEval-2020 propaganda technique or evidence-use move.", vocab="technique_family"),
                C("semeval_label", "text", "The SemEval-2020 Task 11 label string, if any.", required=False),
                C("definition", "text", "What it is, in the kit's words."),
                C("question", "text", "A question a reader can ask to spot it."),
            ),
        ),
    )
}

ARTICLE_FIELDS = (
    "id", "title", "author", "byline", "publisher", "original_publisher", "date",
    "text_starts", "text_ends", "url", "copy_url", "url_note", "permission",
    "seed_file", "seed_sha256",
)
TEXT_FIELDS = (
    "id", "title", "author", "publisher", "date", "kind", "licence", "source_id",
    "excerpt",
)

LEXICONS = LEXICON_NAMES


KIND_LABELS = {
    "id": "id (unique)", "text": "text", "int": "whole number", "float": "number", "bool": "yes / no",
    "date": "date (YYYY, YYYY-MM or YYYY-MM-DD)", "url": "web address", "vocab": "one code of",
    "vocab-list": "codes (separated by ;) of", "ref": "an id in", "ref-list": "ids (separated by ;) in",
}


def dictionary_markdown() -> str:
    """The column and vocabulary tables of ``datasets/README.md``, generated from this module."""
    lines: list[str] = []
    for table in TABLES.values():
        lines += [f"### `{table.file}`", "", table.description, "", "| column | type | required | meaning |", "|---|---|---|---|"]
        for column in table.columns:
            kind = KIND_LABELS[column.kind]
            if column.vocab:
                target = "`techniques.csv`" if column.vocab == "technique" else f"vocabulary `{column.vocab}`"
                kind = f"{kind} {target}"
            if column.ref:
                kind = f"{kind} `{TABLES[column.ref].file}`"
            if column.max_words:
                kind += f" (quotations at most {column.max_words} words)"
            lines.append(f"| `{column.name}` | {kind} | {'yes' if column.required else 'no'} | {column.description} |")
        lines.append("")
    lines += ["### Vocabularies", ""]
    for name, codes in VOCABULARIES.items():
        lines += [f"`{name}`:", ""]
        lines += [f"- `{code}`: {label}" for code, label in codes.items()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
