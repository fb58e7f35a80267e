"""Check every question bank against its key and the datasets, and report every problem.

Problems are :class:`kit.data.Problem` (file, row = None, column = question id),
so ``medialit validate`` lists them beside the datasets' own.

>>> validate_lessons()
[]
"""

from __future__ import annotations

from pathlib import Path

from kit import kinds, settings
from kit.data import DatasetError, Problem, load
from kit.model import Bank, BankError, Key
from kit.questions import check_value, is_complete, load_bank, load_key, read_json
from kit.scoring import model_value


def _known_sources() -> set[str] | None:
    try:
        return set(load("sources")["source_id"])
    except DatasetError:  # the datasets' own problems are reported by kit.datacheck.validate
        return None


def _key_problems(bank: Bank, key: Key, key_file: str, sources: set[str] | None, *, practice_only: bool = False) -> list[Problem]:
    problems = [Problem(key_file, None, qid, "is not a question of the bank") for qid in sorted(set(key) - set(bank.questions))]
    if not any(not q.graded for q in bank):
        problems.append(Problem(f"questions/{bank.lesson}.json", None, None,
                                "every question is graded: keep some practice questions so Check works in class"))
    for question in bank:
        entry = key.get(question.id)
        if entry is None and practice_only and question.graded:
            continue
        if entry is None:
            problems.append(Problem(key_file, None, question.id, "has no key entry"))
            continue
        if practice_only and question.graded:
            problems.append(Problem(key_file, None, question.id, "is graded but its answer is in a student copy's practice key"))
        kind = kinds.get(question.kind)
        found = [] if entry.explanation.strip() else ["explanation is empty"]
        found += [f"unknown source id {s!r} (not in sources.csv)" for s in entry.sources if sources is not None and s not in sources]
        found += kind.key_problems(question, entry)
        try:
            model = model_value(question, entry)
            problem = check_value(question, model)
        except (TypeError, AttributeError, KeyError) as error:
            model, problem = None, f"the answer has the wrong shape ({error})"
        if problem:
            found.append(f"the model answer is not valid: {problem}")
        elif kind.auto_scored and not is_complete(question, model):
            found.append("the model answer does not answer the whole question (empty, or rows missing)")
        problems += [Problem(key_file, None, question.id, message) for message in found]
    return problems


def use_table(bank_folder: Path | None = None) -> str:
    """The practice/graded split of every lesson as a Markdown table (the guide's grading page shows it).

    >>> use_table().splitlines()[0]
    '| lesson | practice (key shipped, Check works in class) | graded (key kept by the teacher) |'
    """
    lines = ["| lesson | practice (key shipped, Check works in class) | graded (key kept by the teacher) |", "|---|---|---|"]
    folder = Path(bank_folder) if bank_folder else settings.questions_dir()
    for path in sorted(folder.glob("*.json")):
        bank = load_bank(path.stem, folder)
        practice = ", ".join(q.id.split(".")[1] for q in bank if not q.graded)
        graded = ", ".join(q.id.split(".")[1] for q in bank if q.graded)
        lines.append(f"| {bank.lesson} | {practice} | {graded} |")
    return "\n".join(lines)


def validate_lessons(bank_folder: Path | None = None, key_folder: Path | None = None) -> list[Problem]:
    """Check every question bank (and, where there is a key folder, its key); return every problem."""
    problems: list[Problem] = []
    bank_folder = Path(bank_folder) if bank_folder else settings.questions_dir()
    key_folder = Path(key_folder) if key_folder is not None else settings.answer_key_dir()
    sources = _known_sources()
    for path in sorted(bank_folder.glob("*.json")):
        lesson = path.stem
        try:
            bank = load_bank(lesson, bank_folder)
        except BankError as error:
            problems.append(Problem(f"questions/{path.name}", None, None, error.problem.replace(f"{path}: ", "")))
            continue
        if key_folder is None:
            continue
        key_file = f"answer-key/{lesson}.json"
        try:
            key = load_key(lesson, key_folder)
        except BankError as error:
            problems.append(Problem(key_file, None, None, error.problem))
            continue
        if key is None:
            problems.append(Problem(key_file, None, None, "file is missing: every lesson needs a key"))
            continue
        practice_only = bool(read_json(key_folder / f"{lesson}.json").get("practice_only"))
        problems += _key_problems(bank, key, key_file, sources, practice_only=practice_only)
    return problems
