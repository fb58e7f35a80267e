"""The question bank and the DRAFT answer key of a new lesson, as JSON-ready data.

Four questions: a claim-type table of the article's sentences, a source card
on the publisher, a technique question on its most marked sentence, and a
written reflection. Their kinds are named here as the bank's ``kind`` strings.

>>> sorted(POINTS.items())
[('q01', 5), ('q02', 3), ('q03', 2), ('q04', 4)]
"""

from __future__ import annotations

from kit import __version__
from kit.articles import Article
from kit.errors import InputError
from kit.scaffold.claims import (
    MIN_TAG_WORDS, RULE, counts_by_sentence, marked_sentence, suggest_claim_type, suggested_techniques, tag_rows,
)

POINTS = {"q01": 5, "q02": 3, "q03": 2, "q04": 4}
REFLECTION_MIN_WORDS = 40

SOURCE_CARD_FLAGS = [
    {"id": "names-owner", "label": "Names who owns or runs it (an About page with real names)", "kind": "green"},
    {"id": "states-funding", "label": "Says who pays for it", "kind": "green"},
    {"id": "corrections", "label": "Publishes corrections when it gets something wrong", "kind": "green"},
    {"id": "independent-praise", "label": "Independent sources with no stake in it call it reliable", "kind": "green"},
    {"id": "hidden-owner", "label": "Does not say who is behind it", "kind": "red"},
    {"id": "disclaims-accuracy", "label": "Disclaims responsibility for the accuracy of what it publishes", "kind": "red"},
    {"id": "documented-falsehoods", "label": "Fact-checkers or researchers have documented false stories from it", "kind": "red"},
]
SOURCE_CARD_VERDICTS = [
    {"id": "reliable", "label": "Reliable on this topic on its own"},
    {"id": "check", "label": "Useful, but check its claims elsewhere"},
    {"id": "unreliable", "label": "Not a reliable source on this topic"},
]
MODEL_REFLECTION = (
    "I would check first the claim the article leans on most while offering the least evidence for it. "
    "I would leave the page and look for the original document or data it describes, and for what "
    "independent reporters and fact-checkers say about the same claim, noting their own interests too. "
    "If they confirm it, my trust in that claim rises; if they contradict it or cannot find it, I would "
    "treat the article's other unsourced claims with more care."
)
RUBRIC = {
    "proficient": "Names a specific claim from the article, says where they checked it outside the article (the original "
    "document, independent reporting, a fact-check), reports what that source says, and explains how it changes "
    "their trust, noting the checking source's own interests.",
    "emergent": "Names a claim and a place to check it, but does not say what the source showed or why that source "
    "deserves more trust than the article.",
    "basic": "Gives a general opinion of the article or repeats its claims, without naming a claim to check or a "
    "source outside the article.",
}
CLAIM_TYPES = ("Factual: says something happened or is the case. Causal: says one thing caused another. "
               "Interpretive: reads a meaning or motive into facts. Opinion: a value judgement. "
               "Prediction: says what will happen. Quotation: reports what someone else said.")


def build_questions(lesson_id: str, article: Article, profile) -> tuple[dict, dict, list[str]]:
    """The question bank, the draft key and notes for the teacher (``profile``: the article's rhetoric profile)."""
    notes: list[str] = []
    rows, available = tag_rows(article)
    if not rows:
        raise InputError(f"{article.path}: no sentence of {MIN_TAG_WORDS} words or more was found to build a lesson on")
    if available > len(rows):
        notes.append(f"the claim-type table lists the first {len(rows)} of the article's {available} sentences")
    counts_of = counts_by_sentence(profile)
    items, answers, accept = [], {}, {}
    for sentence in rows:
        item_id = f"s{sentence.index:03d}"
        items.append({"id": item_id, "text": sentence.plain})
        answers[item_id] = suggest_claim_type(counts_of.get(sentence.index, {}), sentence.plain)
        if answers[item_id] in ("interpretive", "opinion"):
            accept[item_id] = ["opinion" if answers[item_id] == "interpretive" else "interpretive"]
    shown = f"the first {len(rows)} of its {available} sentences" if available > len(rows) else "its sentences"
    about = article.meta.get("publisher", "").strip() or "the site or publication this article comes from"
    marked = marked_sentence(article, counts_of)
    techniques = suggested_techniques(counts_of.get(marked.index, {}))
    found = profile.hits[profile.hits["sentence"] == marked.index]
    found_text = "; ".join(f"\u201c{m}\u201d ({lex})" for lex, m in zip(found["lexicon"], found["matched"])) or "none"

    def q(number: int) -> str:
        return f"{lesson_id}.q{number:02d}"

    bank = {
        "lesson": lesson_id,
        "title": f"Claim breakdown: {article.title or (article.path.stem if article.path else lesson_id)}",
        "made_by": f"medialit new-lesson (medialit-kit {__version__})",
        "questions": [
            {"id": q(1), "kind": "tag-table", "points": POINTS["q01"], "labels": "vocab:claim_type",
             "prompt": f"What kind of statement is each sentence? This table lists {shown}.",
             "context": CLAIM_TYPES, "items": items},
            {"id": q(2), "kind": "source-card", "points": POINTS["q02"],
             "prompt": f"Fill in a source card for {about}: who owns or runs it, who pays for it, and what others "
                       "say about it. Leave the page and search for the publisher's name (read laterally).",
             "options": SOURCE_CARD_FLAGS, "verdicts": SOURCE_CARD_VERDICTS},
            {"id": q(3), "kind": "technique", "points": POINTS["q03"],
             "prompt": "Which persuasion techniques do you see in this sentence? Tick every one that applies.",
             "passage": marked.plain, "context": f"Sentence {marked.index} of the article."},
            {"id": q(4), "kind": "free-text", "points": POINTS["q04"], "min_words": REFLECTION_MIN_WORDS,
             "prompt": "Which claim in this article would you check first, and why? Say where you would look (or "
                       "looked), what you found, and how it changes how far you trust the article."},
        ],
    }
    key = {
        "lesson": lesson_id,
        "status": "draft: made by medialit new-lesson; review every answer before use",
        "answers": {
            q(1): {"answer": answers, "accept": accept, "partial": "proportional", "explanation": RULE},
            q(2): {"answer": {"owner": f"DRAFT: who owns or runs {about}, and where you found it",
                              "funding": "DRAFT: who pays for it, and where you found it",
                              "others_say": "DRAFT: what independent sources say about it, and their own interests",
                              "flags": [], "verdict": "check"},
                   "partial": "proportional",
                   "explanation": f"DRAFT: fill in what lateral reading shows about {about}, tick the flags that apply "
                                  "and set the verdict. 'Check its claims elsewhere' is only the cautious default."},
            q(3): {"answer": techniques, "accept": ["name-calling"] if "loaded-language" in techniques else [],
                   "partial": "jaccard",
                   "explanation": "DRAFT, suggested by the kit's word lists: "
                                  f"markers found in this sentence: {found_text}. A certainty marker standing in for "
                                  "evidence is a thought-terminating cliché; an emotionally charged word is loaded "
                                  "language. Read the sentence and adjust."
                                  + ("" if techniques else " No certainty marker or loaded term was found.")},
            q(4): {"answer": None, "model": MODEL_REFLECTION, "rubric": RUBRIC,
                   "explanation": "A strong answer names one specific claim, a source outside the article, what that "
                                  "source says, and how it changes the reader's trust (Civic Online Reasoning: "
                                  "lateral reading)."},
        },
    }
    notes += list(profile.notes)
    if not techniques:
        notes.append("no certainty marker or loaded term was found: the technique answer in the key is empty; fill it in")
    return bank, key, notes
