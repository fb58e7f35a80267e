"""``medialit new-lesson``: a claim-breakdown lesson for any article a teacher chooses.

:func:`new_lesson` reads a Markdown or plain-text file (front matter optional)
and writes, into ``out/``:

* ``<ID>.ipynb`` — a clean notebook (no outputs) that runs with Run All: the
  article's details, its text, its rhetoric profile (table and plot), what it
  cites, the question widgets and a reflection;
* ``articles/<ID>.md`` — a copy of the article, which the notebook reads;
* ``questions/<ID>.json`` — the question bank: a claim-type table of the
  article's sentences, a source card on the publisher, a technique question
  on its most marked sentence, and a written reflection;
* ``answer-key/<ID>.json`` — a **draft** key for the teacher to review.

The draft key tags each sentence by a simple rule, applied in this order:

1. an attribution phrase (*said*, *according to* ...) → ``quotation``;
2. *will*, *would*, *won't* or *'ll* → ``prediction``;
3. *should*, *must* or *ought* → ``opinion`` (``interpretive`` also accepted);
4. a hedge, a certainty marker or a loaded term → ``interpretive``
   (``opinion`` also accepted);
5. anything else → ``factual``.

The rule cannot see causes (*because*, *led to*), so every suggestion says it
is one. Answers entered in the lesson are stored and graded like the built-in
lessons'.

>>> lesson_id_for("My article (draft 2).md")
'MY-ARTICLE-DRAFT-2'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.errors import InputError
from kit import __version__
from kit.articles import Article, from_file, read_text

#: Articles longer than this (in characters) are refused: a lesson is read in class.
MAX_CHARS = 300_000

#: The claim-type table lists at most this many sentences.
MAX_TAG_ROWS = 40

#: Sentences shorter than this (in words) are left out of the claim-type table.
MIN_TAG_WORDS = 3

POINTS = {"q01": 5, "q02": 3, "q03": 2, "q04": 4}
REFLECTION_MIN_WORDS = 40
LESSON_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
BUILT_IN_ID = re.compile(r"^L\d{2}$", re.I)
FUTURE = re.compile(r"\b(?:will|would|won['\u2019]t|wouldn['\u2019]t)\b|\w['\u2019]ll\b", re.I)
NORMATIVE = re.compile(r"\b(?:should|shouldn['\u2019]t|must|mustn['\u2019]t|ought)\b", re.I)

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
#: Which technique a lexicon hit suggests (see datasets/techniques.csv).
TECHNIQUE_FOR_LEXICON = {"certainty": "thought-terminating-cliche", "loaded": "loaded-language"}

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


@dataclass
class ScaffoldResult:
    """What :func:`new_lesson` wrote, and what the teacher should know."""

    lesson_id: str
    article: Article
    out: Path
    notebook: Path
    article_copy: Path
    questions: Path
    key: Path
    sentences_tagged: int
    notes: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return [self.notebook, self.article_copy, self.questions, self.key]

    def summary(self) -> str:
        """The files written and the next steps, as the command prints them."""
        main = self.article.main_sentences()
        words = self.article.word_count
        lines = [
            f"Made lesson {self.lesson_id} from {self.article.path.name if self.article.path else 'the article'} "
            f"({words:,} word{'s' if words != 1 else ''}, {len(main)} sentence{'s' if len(main) != 1 else ''}).",
            "Wrote:",
            f"  {self.notebook}  the lesson notebook",
            f"  {self.article_copy}  a copy of the article, which the notebook reads",
            f"  {self.questions}  the questions ({len(POINTS)})",
            f"  {self.key}  a DRAFT answer key: review it before use",
        ]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  - {note}" for note in self.notes]
        folder = self.out
        lines += [
            "Next steps:",
            f"  1. Review {self.key.relative_to(folder)}: the claim types were suggested by a simple rule "
            "(attribution -> quotation, will/would -> prediction, should/must -> opinion, "
            "hedge/certainty/loaded -> interpretive, else factual); "
            "fill in the source card and check the technique answer.",
            f"  2. Open the lesson: medialit lab --folder {folder}  (then {self.notebook.name}, Run All).",
            f"  3. Check that it runs: pytest --nbval-lax {self.notebook}",
            f"  4. Students without feedback: hand out the folder without {self.key.parent.name}/. "
            f"Grade: medialit grade ANSWERS --lessons {self.lesson_id} --key {self.key.parent} --questions {self.questions.parent}",
        ]
        return "\n".join(lines)


# --------------------------------------------------------------------------- lesson id


def lesson_id_for(path: Path | str) -> str:
    """An upper-case slug of the file name, usable as a lesson id."""
    stem = Path(path).stem
    ascii_name = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").upper()[:40].strip("-") or "ARTICLE"
    return f"{slug}-ARTICLE" if BUILT_IN_ID.match(slug) else slug


def check_lesson_id(lesson_id: str) -> str:
    """Return ``lesson_id`` if it can name a lesson, else raise ValueError saying why."""
    if not LESSON_ID.match(lesson_id):
        raise InputError(f"lesson id {lesson_id!r} must be 1 to 40 letters, digits or hyphens, starting with a letter or digit")
    if BUILT_IN_ID.match(lesson_id):
        raise InputError(f"lesson id {lesson_id!r} looks like a built-in lesson (L00-L99); choose another")
    return lesson_id


# --------------------------------------------------------------------------- the questions and the key


def _tag_rows(article: Article) -> tuple[list, int]:
    from kit.text import words

    candidates = [s for s in article.main_sentences() if len(words(s.plain)) >= MIN_TAG_WORDS]
    return candidates[:MAX_TAG_ROWS], len(candidates)


def suggest_claim_type(counts: dict[str, int], sentence: str) -> str:
    """The draft key's rule for one sentence (see the module docstring).

    >>> suggest_claim_type({"attribution": 1, "loaded": 2}, "He said it was a scandal.")
    'quotation'
    >>> suggest_claim_type({}, "Prices will rise.")
    'prediction'
    """
    if counts.get("attribution"):
        return "quotation"
    if FUTURE.search(sentence):
        return "prediction"
    if NORMATIVE.search(sentence):
        return "opinion"
    if counts.get("hedges") or counts.get("certainty") or counts.get("loaded"):
        return "interpretive"
    return "factual"


def _counts_by_sentence(profile) -> dict[int, dict[str, int]]:
    """Hits per lexicon for each sentence with hits: ``{sentence: {lexicon: count}}``."""
    return {
        int(row["sentence"]): {k: int(v) for k, v in row.items() if k not in ("sentence", "text", "total")}
        for row in profile.by_sentence().to_dict("records")
    }


def _marked_sentence(article: Article, counts_of: dict[int, dict[str, int]]):
    """The sentence with the most certainty and loaded hits (then most hits of any kind; else the longest)."""
    main = article.main_sentences()

    def rank(sentence) -> tuple:
        counts = counts_of.get(sentence.index, {})
        return (counts.get("certainty", 0) + counts.get("loaded", 0), sum(counts.values()), len(sentence.plain), -sentence.index)

    return max(main, key=rank)


def build_questions(lesson_id: str, article: Article, profile) -> tuple[dict, dict, list[str]]:
    """The question bank, the draft key and notes for the teacher."""
    notes: list[str] = []
    rows, available = _tag_rows(article)
    if not rows:
        raise InputError(f"{article.path}: no sentence of {MIN_TAG_WORDS} words or more was found to build a lesson on")
    if available > len(rows):
        notes.append(f"the claim-type table lists the first {len(rows)} of the article's {available} sentences")
    counts_of = _counts_by_sentence(profile)
    items, answers, accept = [], {}, {}
    for sentence in rows:
        item_id = f"s{sentence.index:03d}"
        items.append({"id": item_id, "text": sentence.plain})
        answers[item_id] = suggest_claim_type(counts_of.get(sentence.index, {}), sentence.plain)
        if answers[item_id] in ("interpretive", "opinion"):
            accept[item_id] = ["opinion" if answers[item_id] == "interpretive" else "interpretive"]
    shown = f"the first {len(rows)} of its {available} sentences" if available > len(rows) else "its sentences"
    publisher = article.meta.get("publisher", "").strip()
    about = publisher or "the site or publication this article comes from"
    marked = _marked_sentence(article, counts_of)
    marked_counts = counts_of.get(marked.index, {})
    techniques = sorted({TECHNIQUE_FOR_LEXICON[k] for k, v in marked_counts.items() if v and k in TECHNIQUE_FOR_LEXICON})
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
             "context": "Factual: says something happened or is the case. Causal: says one thing caused another. "
                        "Interpretive: reads a meaning or motive into facts. Opinion: a value judgement. "
                        "Prediction: says what will happen. Quotation: reports what someone else said.",
             "items": items},
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
    rule = ("DRAFT, made by a simple rule and not by a person: check every row before you rely on it. "
            "Rule, in order: an attribution phrase (said, according to ...) gives quotation; will or would gives "
            "prediction; should, must or ought gives opinion (interpretive also accepted); a hedge, certainty "
            "marker or loaded term gives interpretive (opinion also accepted); "
            "anything else gives factual. The rule cannot see causes: retag sentences with because, led to or "
            "caused as causal.")
    key = {
        "lesson": lesson_id,
        "status": "draft: made by medialit new-lesson; review every answer before use",
        "answers": {
            q(1): {"answer": answers, "accept": accept, "partial": "proportional", "explanation": rule},
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


# --------------------------------------------------------------------------- the notebook


def _markdown_escape(text: str) -> str:
    text = re.sub(r"(?<!\\)\$", r"\\$", text)
    return text.replace("<", "&lt;")


def _cell_text(value: str) -> str:
    return _markdown_escape(value.replace("|", "\\|").replace("\n", " ").strip()) or "\u2014"


def _metadata_table(article: Article) -> str:
    meta = article.meta
    rows = [
        ("Title", article.title or "(no title given)"),
        ("Author", article.author or meta.get("byline", "") or "(not given)"),
        ("Publisher", meta.get("publisher", "") or "(not given)"),
        ("Date", meta.get("date", "") or "(not given)"),
        ("Address", meta.get("url", "") or meta.get("copy_url", "") or "(not given)"),
        ("Length", f"{article.word_count:,} words, {len(article.main_sentences())} sentences"),
        ("File", article.path.name if article.path else ""),
    ]
    lines = ["| | |", "|---|---|"] + [f"| **{name}** | {_cell_text(value)} |" for name, value in rows]
    return "\n".join(lines)


def _quoted_text(article: Article) -> str:
    lines = _markdown_escape(article.main_text.strip()).split("\n")
    return "\n".join(f"> {line}".rstrip() for line in lines)


def build_notebook(lesson_id: str, article: Article, article_file: str, notes: list[str]):
    """The lesson notebook (nbformat v4, no outputs)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    title = article.title or (article.path.stem if article.path else lesson_id)
    language = [n for n in notes if "non-English" in n]
    cells = [
        new_markdown_cell(
            f"# Claim breakdown: {_markdown_escape(title)}\n\n"
            "Press **Run All** (menu *Run \u25b8 Run All Cells*) and work down the page. Your answers are saved as you go.\n\n"
            "You will read the article, measure how it persuades, list what it cites, sort its sentences into kinds of "
            "claim, find out who published it, and decide what you would check first.\n\n"
            f"*Made with `medialit new-lesson` from `{_markdown_escape(article.path.name if article.path else '')}`.*"
        ),
        new_code_cell(
            "import kit\n"
            "from kit.articles import from_file\n\n"
            f'article = from_file("{article_file}")\n'
            f'lesson = kit.lesson.start("{lesson_id}", questions_folder="questions", key_folder="answer-key")\n'
            "lesson"
        ),
        new_markdown_cell("## 1. About this article\n\n" + _metadata_table(article)),
        new_markdown_cell("## 2. The text\n\nRead it once through before you measure anything.\n\n" + _quoted_text(article)),
        new_markdown_cell(
            "## 3. How it persuades: the rhetoric profile\n\n"
            "The kit counts four kinds of words per 1,000 words: **certainty markers** (*clearly*, *the fact that*), "
            "**hedges** (*may*, *allegedly*), **attribution** (*said*, *according to*) and **loaded terms** (*regime*, "
            "*puppet*). A count is a question to ask, not a verdict: read each hit in its sentence. "
            "*n* is the number of words measured; under 300 words the rates are unreliable."
            + (f"\n\n**Note:** {language[0]}." if language else "")
        ),
        new_code_cell("profile = kit.text.rhetoric(article)\nprofile"),
        new_markdown_cell(
            "Beside the two articles the kit studies (A1 and A2): is this text more certain? more hedged? more loaded?"
        ),
        new_code_cell(
            'table = kit.text.compare({"this article": article, "A1": kit.articles.load("A1"), "A2": kit.articles.load("A2")})\n'
            "kit.plots.rhetoric(table)"
        ),
        new_markdown_cell(
            "Every hit with its sentence. Which are false alarms (*May* the month is not a hedge)? Which loaded words "
            "would a neutral writer replace?"
        ),
        new_code_cell('profile.hits[["lexicon", "matched", "sentence", "sentence_text"]]'),
        new_markdown_cell(
            "## 4. What the article cites\n\n"
            "Links, web addresses, titles and headlines in quotation marks, and longer quotations: the places a "
            "reader can go to check. A link target of `#` means the copy lost the address: the reader cannot follow it."
        ),
        new_code_cell("kit.text.find_references(article)"),
        new_markdown_cell(
            "## 5. What kind of claim is each sentence?\n\n"
            "Choose a kind for every row. Factual and causal claims can be checked against evidence; interpretations "
            "and opinions can be weighed but not proved; a quotation is checked by finding who said it."
        ),
        new_code_cell('lesson.ask("q01")'),
        new_markdown_cell(
            "## 6. Who is behind it?\n\n"
            "Leave this page: search for the publisher's name with words like *funding*, *owner* or *fact check*, and "
            "read what others say about it (and what their own interests are) before reading what it says about itself."
        ),
        new_code_cell('lesson.ask("q02")'),
        new_markdown_cell("## 7. Spot the technique\n\nThe sentence below had the most certainty markers and loaded terms."),
        new_code_cell('lesson.ask("q03")'),
        new_markdown_cell("## 8. Reflect"),
        new_code_cell('lesson.ask("q04")'),
        new_markdown_cell("## Your progress"),
        new_code_cell("lesson.progress"),
    ]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number:02d}"
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "medialit": {"lesson": lesson_id, "made_by": "medialit new-lesson", "kit_version": __version__},
        },
    )
    nbformat.validate(notebook)
    return notebook


# --------------------------------------------------------------------------- writing


def _refuse_long(path: Path, article: Article) -> None:
    if len(article.body) > MAX_CHARS:
        approx = len(article.body.split())
        raise InputError(
            f"{path}: is {len(article.body):,} characters (about {approx:,} words); new-lesson makes lessons from "
            f"articles of up to {MAX_CHARS:,} characters (about 50,000 words). Scaffold a part of it instead."
        )


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def new_lesson(article_path: Path | str, *, out: Path | str = Path("."), lesson_id: str | None = None,
               force: bool = False, lexicons=None) -> ScaffoldResult:
    """Scaffold a claim-breakdown lesson for the article at ``article_path`` into ``out``.

    ``lexicons`` (default: the kit's four lists) drive the draft key's
    suggestions; the notebook itself always measures with the kit's lists.

    Raises :class:`~kit.articles.DocumentError` for a file that cannot be read
    as text, ``FileExistsError`` (naming the file) when a file would be
    overwritten without ``force``, and ``ValueError`` for anything else the
    teacher can fix (a bad lesson id, an article that is too long).
    """
    from kit.text import rhetoric

    path = Path(article_path)
    out = Path(out)
    article = from_file(path)
    _refuse_long(path, article)
    lesson_id = check_lesson_id(lesson_id) if lesson_id else lesson_id_for(path)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; --out must be a folder")
    targets = {
        "notebook": out / f"{lesson_id}.ipynb",
        "article": out / "articles" / f"{lesson_id}.md",
        "questions": out / "questions" / f"{lesson_id}.json",
        "key": out / "answer-key" / f"{lesson_id}.json",
    }
    if not force:
        for target in targets.values():
            if target.exists():
                raise FileExistsError(f"{target} already exists; use --force to overwrite it")
    profile = rhetoric(article, lexicons=lexicons)
    bank, key, notes = build_questions(lesson_id, article, profile)
    notebook = build_notebook(lesson_id, article, f"articles/{lesson_id}.md", notes)

    import nbformat

    _write(targets["article"], read_text(path))
    _write(targets["questions"], json.dumps(bank, indent=1, ensure_ascii=False) + "\n")
    _write(targets["key"], json.dumps(key, indent=1, ensure_ascii=False) + "\n")
    _write(targets["notebook"], nbformat.writes(notebook) + "\n")
    return ScaffoldResult(
        lesson_id=lesson_id, article=article, out=out, notebook=targets["notebook"], article_copy=targets["article"],
        questions=targets["questions"], key=targets["key"], sentences_tagged=len(bank["questions"][0]["items"]),
        notes=notes,
    )
