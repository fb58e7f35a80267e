"""Find graded answers in a folder: what "contains the answer" means, per kind (used by the release-leak test).

For a graded question Q with key entry K, a copy leaks Q's answer when:

1. **the explanation** — a sentence of K's explanation of six words or more appears in any file
   (text files whole; notebooks: every cell's source and every stored output), compared after
   lower-casing, straightening quotes and collapsing white space;
2. **the model answer** (free-text and source-card) — a text field of six words or more of the model
   answer appears, compared the same way;
3. **the key** — the copy's ``practice-key/`` has an entry for Q;
4. **a dataset cell** — a cell :func:`kit.release.withheld_cells` names for Q is not empty in the
   copy's datasets: for a rating, the verdict, reasoning and confidence of the claim it rates and the
   relation of every evidence row on that claim; for an evidence match, the relation of each row it
   pairs; for a claim-type tag table, each claim's type; for a table of premises, each claim's
   verdict; for a technique question, the claim's techniques;
5. **a pointer with its value** — one line of any file names a claim or evidence row of Q's
   withheld cells together with the value withheld (``A2-33 ... contradicted``, ``E147 ... supports``).

Choices, multi-choices and the other tag tables are answered from the lesson's own material: the
option ids alone are meaningless without the key, so (1) and (3) are what could leak them.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from kit.model import Bank, KeyEntry
from kit.release import Cell, withheld_cells
from kit.schema import VOCABULARIES

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
TEXT_SUFFIXES = {".md", ".json", ".csv", ".txt", ".py", ".ipynb", ".html", ".cfg", ".toml", ""}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES).lower()).strip()


def sentences(text: str, *, min_words: int = 6) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+", text or "")
    return [normalise(p) for p in parts if len(p.split()) >= min_words]


def file_texts(folder: Path) -> dict[str, str]:
    """Every text file of ``folder`` as one string (a notebook: sources and outputs, one cell after another)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        name = str(path.relative_to(folder))
        if path.suffix == ".ipynb":
            notebook = nbformat.read(path, as_version=4)
            parts = []
            for cell in notebook.cells:
                parts.append(cell.source)
                for output in cell.get("outputs", []):
                    parts.append(json.dumps(output, ensure_ascii=False))
            found[name] = "\n".join(parts)
        else:
            try:
                found[name] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return found


def model_texts(entry: KeyEntry) -> list[str]:
    model = entry.model if entry.model is not None else entry.answer
    values = model.values() if isinstance(model, dict) else [model]
    return [s for v in values if isinstance(v, str) for s in sentences(v)]


@dataclass(frozen=True)
class Leak:
    question: str
    rule: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.question}: {self.rule} in {self.where}: {self.what[:120]}"


def dataset_cells(folder: Path) -> dict[tuple[str, str, str], str]:
    cells = {}
    for name, id_column in (("claims.csv", "claim_id"), ("evidence.csv", "evidence_id")):
        with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, value in row.items():
                    cells[(name, row[id_column], column)] = value
    return cells


def value_words(cell: Cell, value: str) -> list[str]:
    """The words that state a withheld value on a line: the code and its label."""
    if cell.column in ("verdict", "relation", "claim_type"):
        vocab = VOCABULARIES["verdict" if cell.column == "verdict" else cell.column]
        return [value, vocab.get(value, value)]
    return []


def find_leaks(copy: Path, banks: dict[str, Bank], keys: dict[str, dict[str, KeyEntry]], original_datasets: Path) -> list[Leak]:
    """Every leak of a graded answer in ``copy`` (see the module docstring)."""
    texts = {name: normalise(text) for name, text in file_texts(copy).items()}
    lines = {name: [normalise(line) for line in text.splitlines()] for name, text in file_texts(copy).items()}
    original, shipped = dataset_cells(original_datasets), dataset_cells(copy / "datasets")
    evidence_of: dict[str, list[str]] = {}
    for (name, row, column), value in original.items():
        if name == "evidence.csv" and column == "claim_id":
            evidence_of.setdefault(value, []).append(row)
    leaks: list[Leak] = []
    for lesson, bank in banks.items():
        practice_key = json.loads((copy / "practice-key" / f"{lesson}.json").read_text(encoding="utf-8"))["answers"]
        for question in bank:
            if not question.graded:
                continue
            entry = keys[lesson][question.id]
            if question.id in practice_key:
                leaks.append(Leak(question.id, "key entry shipped", "practice-key", lesson))
            for sentence in sentences(entry.explanation) + model_texts(entry):
                leaks += [Leak(question.id, "explanation or model answer", name, sentence) for name, text in texts.items() if sentence in text]
            for cell in withheld_cells(question, entry, evidence_of):
                if shipped.get((cell.file, cell.row, cell.column)):
                    leaks.append(Leak(question.id, f"dataset cell {cell.column} not blank", cell.file, cell.row))
                words = [normalise(w) for w in value_words(cell, original.get((cell.file, cell.row, cell.column), "")) if w]
                pattern = re.compile(rf"\b{re.escape(cell.row.lower())}\b")
                for name, file_lines in lines.items():
                    for line in file_lines:
                        if pattern.search(line) and any(re.search(rf"\b{re.escape(w)}\b", line) for w in words):
                            leaks.append(Leak(question.id, f"{cell.row} named with its {cell.column}", name, line))
    return sorted(set(leaks), key=str)
