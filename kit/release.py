"""A student copy of the unit: lessons, datasets and the practice key; nothing that reveals a graded answer.

Each question is ``practice`` (its key ships, so Check, kappa, d' and the
before/after work in class) or ``graded`` (its key stays with the teacher).
The copy holds:

- the lesson notebooks, their stored outputs removed (students run them),
  and the glossary they link (``glossary.md``);
- the question banks and ``practice-key/`` (the key's practice entries only);
- the datasets, with every cell that would reveal a graded answer blanked
  (:func:`withheld_cells` says which, kind by kind), listed in the marker file
  ``.medialit-release.json`` so the kit accepts those empty cells.

>>> import tempfile
>>> result = release(Path(tempfile.mkdtemp()) / "class-copy")
>>> (result.folder / ".medialit-release.json").exists(), result.has_key_files
(True, False)
>>> (result.folder / "practice-key" / "L00.json").exists()
True
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from kit import __version__, atomicfile, settings
from kit.model import Bank, KeyEntry, Question
from kit.questions import lesson_ids, load_bank, load_key, read_json

STUDENT_README = """# Media-literacy lessons (student copy)

Open the lessons in JupyterLab, starting with `00-start-here.ipynb`, and press
**Run All** (Run menu); in a view without code (Voila) the lesson is already
running. Answer in the boxes that appear: your answers are saved as you go in
the `answers` folder here. When you finish, press **Hand in my answers** at the
top of a lesson and give your teacher the file it offers (on a school
JupyterHub your teacher may collect the answers without it).

Words in **bold** in the lessons are explained in `glossary.md` (each lesson
links it at the top). In every lesson, the parts marked *Extension* and the
parts folded away are optional: do everything else.

Practice questions have a **Check** button: use it as often as you like.
Graded questions say so: your teacher marks them, and the datasets here leave
blank the verdicts and relations those questions ask you to work out.
"""

CLAIM_ID = re.compile(r"\bA[12]-\d{2}\b")
EVIDENCE_ID = re.compile(r"\bE\d{3,4}\b")
WITHHELD_VERDICT = ("verdict", "reasoning", "confidence")


@dataclass(frozen=True)
class Cell:
    """One dataset cell: file, row id, column."""

    file: str
    row: str
    column: str


def mentioned(question: Question, entry: KeyEntry | None, pattern: re.Pattern) -> set[str]:
    """Dataset ids (claims or evidence rows) named by a question or its key explanation."""
    text = json.dumps(question.spec, ensure_ascii=False) + (entry.explanation if entry else "")
    return set(pattern.findall(text))


def withheld_cells(question: Question, entry: KeyEntry | None, evidence_of: dict[str, list[str]]) -> set[Cell]:
    """The dataset cells a graded ``question``'s answer can be read from.

    - rating: the verdict, reasoning and confidence of the claims it names, and
      the relation of every evidence row on those claims;
    - evidence-match: the relation of the evidence rows it pairs;
    - tag-table on claim types: the claim type of the claims it names; a
      tag-table whose rows are claims (does each premise hold?): their verdicts;
    - technique: the techniques column of the claims it names;
    - other kinds are read from the lesson's own material, not a dataset column.

    ``evidence_of`` maps a claim id to its evidence rows.

    >>> from kit.model import Question
    >>> q = Question(id="L06.q01", lesson="L06", kind="rating", kind_label="", prompt="?", spec={"context": "A1-03"})
    >>> sorted(c.column for c in withheld_cells(q, None, {"A1-03": ["E106"]}))
    ['confidence', 'reasoning', 'relation', 'verdict']
    """
    claims, evidence = mentioned(question, entry, CLAIM_ID), mentioned(question, entry, EVIDENCE_ID)
    cells: set[Cell] = set()
    if question.kind == "rating":
        cells |= {Cell("claims.csv", c, col) for c in claims for col in WITHHELD_VERDICT}
        cells |= {Cell("evidence.csv", e, "relation") for c in claims for e in evidence_of.get(c, [])}
    elif question.kind == "evidence-match":
        rows = {str(item.ref.get("evidence", "")) for item in question.items} - {""}
        cells |= {Cell("evidence.csv", e, "relation") for e in rows or evidence}
    elif question.kind == "tag-table" and question.spec.get("labels") == "vocab:claim_type":
        cells |= {Cell("claims.csv", c, "claim_type") for c in claims}
    elif question.kind == "tag-table" and any(item.ref.get("claim") for item in question.items):
        rows = {str(item.ref["claim"]) for item in question.items if item.ref.get("claim")}
        cells |= {Cell("claims.csv", c, col) for c in rows for col in WITHHELD_VERDICT}
    elif question.kind == "technique":
        cells |= {Cell("claims.csv", c, "techniques") for c in claims}
    return cells


def practice_key(bank: Bank, raw_key: dict) -> dict:
    """The key file a student copy ships: the practice questions' entries only."""
    answers = {qid: entry for qid, entry in raw_key["answers"].items() if qid in bank.questions and not bank.questions[qid].graded}
    return {**{k: v for k, v in raw_key.items() if k != "answers"}, "practice_only": True, "answers": answers}


def _blank(path: Path, id_column: str, cells: set[Cell]) -> str:
    """The CSV at ``path`` with ``cells`` of it emptied (same quoting and line ends as the kit writes)."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header, where = rows[0], {(c.row, c.column) for c in cells if c.file == path.name}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        if len(row) == len(header):
            values = dict(zip(header, row))
            row = ["" if (values[id_column], name) in where else value for name, value in values.items()]
        writer.writerow(row)
    return out.getvalue()


@dataclass
class ReleaseResult:
    folder: Path
    lessons: list[str]
    withheld: set[Cell] = field(default_factory=set)

    @property
    def has_key_files(self) -> bool:
        return any(self.folder.rglob("*answer-key*")) or any(self.folder.rglob("model-answers"))

    def summary(self) -> str:
        return (f"Wrote a student copy to {self.folder}: {len(self.lessons)} lesson notebook(s), their questions, the practice "
                f"key and the datasets with {len(self.withheld)} cell(s) blanked that would reveal a graded answer. "
                "Give students this folder (or put it on your JupyterHub).")


def graded_cells(banks: dict[str, Bank], keys: dict[str, dict[str, KeyEntry]], evidence_of: dict[str, list[str]]) -> set[Cell]:
    """Every dataset cell that would reveal the answer of some graded question."""
    cells: set[Cell] = set()
    for lesson, bank in banks.items():
        for question in bank:
            if question.graded:
                cells |= withheld_cells(question, keys.get(lesson, {}).get(question.id), evidence_of)
    return cells


def _evidence_of(datasets_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with (datasets_dir / "evidence.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            found.setdefault(row["claim_id"], []).append(row["evidence_id"])
    return found


def _strip_outputs(source: Path, target: Path) -> None:
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(notebook, target)


def release(out: Path, *, force: bool = False) -> ReleaseResult:
    """Write the student copy into ``out`` (which must not exist unless ``force``)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out} already exists and is not empty; choose a new folder or pass --force")
    lessons_dir, datasets_dir, key_dir = settings.lessons_dir(), settings.datasets_dir(), settings.answer_key_dir()
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(lessons_dir.glob("*.ipynb"))
    for notebook in notebooks:
        _strip_outputs(notebook, out / notebook.name)
    if (lessons_dir / settings.GLOSSARY).exists():  # every lesson links it
        shutil.copy2(lessons_dir / settings.GLOSSARY, out / settings.GLOSSARY)
    shutil.copytree(lessons_dir / "questions", out / "questions", dirs_exist_ok=True)
    lessons = lesson_ids(lessons_dir / "questions")
    banks = {lesson: load_bank(lesson, lessons_dir / "questions") for lesson in lessons}
    keys = {lesson: load_key(lesson, key_dir) or {} for lesson in lessons} if key_dir else {}
    (out / settings.PRACTICE_KEY).mkdir(exist_ok=True)
    for lesson in lessons:
        if key_dir is not None and (key_dir / f"{lesson}.json").exists():
            shipped = practice_key(banks[lesson], read_json(key_dir / f"{lesson}.json"))
            atomicfile.write_json_atomic(out / settings.PRACTICE_KEY / f"{lesson}.json", shipped)
    shutil.copytree(datasets_dir, out / "datasets", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("_incoming", "__pycache__", ".*"))
    cells = graded_cells(banks, keys, _evidence_of(datasets_dir))
    for name, id_column in (("claims.csv", "claim_id"), ("evidence.csv", "evidence_id")):
        (out / "datasets" / name).write_text(_blank(datasets_dir / name, id_column, cells), encoding="utf-8")
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
    columns = sorted({f"{c.file}:{c.column}" for c in cells})
    marker = {"kit_version": __version__, "feedback": True, "key": "practice", "withheld": columns}
    atomicfile.write_json_atomic(out / settings.RELEASE_MARKER, marker)
    return ReleaseResult(folder=out, lessons=[n.name for n in notebooks], withheld=cells)
