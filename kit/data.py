"""Load the datasets as pandas DataFrames, each file checked cell by cell.

Every loader checks its file against :mod:`kit.schema` and raises
:class:`DatasetError` naming the file, row and column of each problem, so a
teacher who edits a CSV never meets a bare pandas traceback. Checks across
files (references, quotes, documents) are in :mod:`kit.datacheck`.

>>> claims = load("claims")
>>> claims["verdict"].dtype.name
'category'
>>> set(claims["article_id"]) == {"A1", "A2"}
True
"""

from __future__ import annotations

import csv
import json
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitError
from kit import addresses, articles, cache, settings
from kit.schema import (
    BOOLEAN_FALSE,
    BOOLEAN_TRUE,
    MAX_QUOTE_WORDS,
    TABLES,
    VOCABULARIES,
    Column,
    Table,
)
from kit.text.lexicons import Lexicon, LexiconError, read_lexicon
from kit.text.segment import words

ID_PATTERNS = {
    "claim_id": re.compile(r"^A[12]-\d{2}$"),
    "evidence_id": re.compile(r"^E\d{3,4}$"),
    "event_id": re.compile(r"^T\d{3}$"),
    "estimate_id": re.compile(r"^N\d{2,3}$"),
    "assessment_id": re.compile(r"^AS\d{2,3}$"),
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$")
QUOTED = re.compile(r"[\u201c\"]([^\u201d\"]+)[\u201d\"]")


class DatasetError(KitError, ValueError):
    """A dataset file cannot be loaded. ``problems`` lists every reason."""

    def __init__(self, file: str, problems: list["Problem"] | str):
        if isinstance(problems, str):
            problems = [Problem(file=file, row=None, column=None, message=problems)]
        self.file = file
        self.problems = problems
        shown = "\n  ".join(str(p) for p in problems[:10])
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        super().__init__(f"cannot be loaded:\n  {shown}{more}", path=file)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one place: file, spreadsheet row (header = row 1), column."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


# --------------------------------------------------------------------------- reading


def folder_path(folder: Path | str | None) -> Path:
    """``folder``, or the kit's datasets folder when it is None."""
    return Path(folder) if folder is not None else settings.datasets_dir()


def withheld(folder: Path | str | None = None) -> set[str]:
    """Columns a student copy blanked where they would reveal a graded answer (``"claims.csv:verdict"``), from its marker."""
    marker = folder_path(folder).parent / settings.RELEASE_MARKER
    if not marker.is_file():
        return set()
    return set(json.loads(marker.read_text(encoding="utf-8")).get("withheld", []))


def read_rows(table: Table, folder: Path | str | None = None) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of one table as text, with the file's structural problems (read once per version of the file)."""
    path = folder_path(folder) / table.file
    return cache.by_file(path, lambda: _read_rows(table, folder), variant="rows")


def _read_rows(table: Table, folder: Path | str | None = None) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read a table's CSV as dicts of strings; return rows and structural problems."""
    path = folder_path(folder) / table.file
    problems: list[Problem] = []
    if not path.exists():
        return [], [Problem(table.file, None, None, f"file is missing (expected at {path})")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Problem(table.file, None, None, f"is not UTF-8 text (byte {error.start})")]
    try:
        records = list(csv.reader(text.splitlines(keepends=True)))
    except csv.Error as error:
        return [], [Problem(table.file, None, None, f"is not valid CSV ({error})")]
    if not records:
        return [], [Problem(table.file, None, None, "file is empty (no header row)")]
    header = [h.strip() for h in records[0]]
    expected = [c.name for c in table.columns]
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    for name in missing:
        problems.append(Problem(table.file, 1, name, "column is missing from the header"))
    for name in unknown:
        problems.append(Problem(table.file, 1, name or "(blank)", "column is not in the schema (see datasets/README.md)"))
    rows: list[dict[str, str]] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(
                Problem(table.file, number, None, f"has {len(record)} cells but the header has {len(header)} (a stray comma or quote?)")
            )
            continue
        row = {name: cell.strip() for name, cell in zip(header, record)}
        row["_row"] = str(number)
        rows.append(row)
    return rows, problems


def parse_date(value: str) -> tuple[dt.date, str]:
    """Parse an ISO date that may be partial; return the first day and its precision.

    >>> parse_date("2014-11")
    (datetime.date(2014, 11, 1), 'month')
    """
    match = DATE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        return dt.date(int(year), int(month or 1), int(day or 1)), precision
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real date ({error})") from None


def split_list(value: str) -> list[str]:
    """Split a ``;``-separated cell into its items."""
    return [item.strip() for item in value.split(";") if item.strip()]


def _vocab(name: str, folder: Path | str | None) -> dict[str, str]:
    if name == "technique":
        rows, _ = read_rows(TABLES["techniques"], folder)
        return {row["technique_id"]: row.get("label", "") for row in rows}
    return VOCABULARIES[name]


def check_cell(table: Table, column: Column, row: dict[str, str], folder: Path | str | None = None) -> list[str]:
    """Return the problems of one cell (type, vocabulary, length), as messages."""
    value = row.get(column.name, "")
    if not value:
        return ["is empty but required"] if column.required and f"{table.file}:{column.name}" not in withheld(folder) else []
    kind = column.kind
    problems: list[str] = []
    if kind == "id":
        pattern = ID_PATTERNS.get(column.name, SLUG)
        if not pattern.match(value):
            problems.append(f"id {value!r} does not match the pattern {pattern.pattern}")
    elif kind == "int":
        if not re.fullmatch(r"-?\d+", value):
            problems.append(f"{value!r} is not a whole number")
    elif kind == "float":
        try:
            float(value.replace(",", ""))
        except ValueError:
            problems.append(f"{value!r} is not a number")
    elif kind == "bool":
        if value.lower() not in BOOLEAN_TRUE | BOOLEAN_FALSE:
            problems.append(f"{value!r} is not yes or no")
    elif kind == "date":
        try:
            parse_date(value)
        except ValueError as error:
            problems.append(str(error))
    elif kind == "url":
        if not URL.match(value):
            problems.append(f"{value!r} is not a well-formed http(s) address")
    elif kind in ("vocab", "vocab-list"):
        allowed = _vocab(str(column.vocab), folder)
        items = split_list(value) if kind == "vocab-list" else [value]
        for item in items:
            if item not in allowed:
                problems.append(f"{item!r} is not in the {column.vocab} vocabulary ({', '.join(allowed)})")
    if column.max_words and row.get("excerpt_kind", "quote") != "paraphrase":
        count = len(words(value))
        if count > column.max_words:
            problems.append(f"is {count} words long; quotations are limited to {column.max_words}")
    if kind == "text":
        for quoted in QUOTED.findall(value):
            count = len(words(quoted))
            if count > MAX_QUOTE_WORDS:
                problems.append(f"quotes {count} words of a source; quotations are limited to {MAX_QUOTE_WORDS}")
    return problems


def table_problems(table: Table, rows: list[dict[str, str]], folder: Path | str | None) -> list[Problem]:
    """The problems of every cell and row of one table (ids, vocabularies, lengths, sources' addresses)."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    id_column = table.id_column
    for row in rows:
        number = int(row["_row"])
        for column in table.columns:
            if column.name not in row:
                continue
            for message in check_cell(table, column, row, folder):
                problems.append(Problem(table.file, number, column.name, message))
        if table.name == "sources":
            problems += [Problem(table.file, number, column, message) for column, message in addresses.row_problems(row)]
        key = row.get(id_column, "")
        if key and key in seen:
            problems.append(Problem(table.file, number, id_column, f"id {key!r} is used again (first at row {seen[key]})"))
        seen.setdefault(key, number)
    return problems


# --------------------------------------------------------------------------- loading




def load(name: str, folder: Path | str | None = None):
    """Load dataset ``name`` (a key of :data:`kit.schema.TABLES`) as a DataFrame.

    Dtypes: ids and text are ``string``; vocabularies are ``category``; whole
    numbers ``Int64``; numbers ``Float64``; yes/no ``boolean``; dates
    ``datetime64`` (the first day of a partial date, with its precision in
    ``<column>_precision``); ``;``-separated lists become Python lists.
    The result is indexed by nothing; ``df.set_index(table.id_column)`` if you need it.
    """

    if name not in TABLES:
        raise KeyError(f"no dataset named {name!r}; choose one of {', '.join(TABLES)}")
    table = TABLES[name]
    path = folder_path(folder) / table.file
    return cache.by_file(path, lambda: _build(table, folder), variant=name).copy()


def _build(table: Table, folder: Path | str | None):
    import pandas as pd

    rows, problems = read_rows(table, folder)
    problems += table_problems(table, rows, folder)
    if problems:
        raise DatasetError(table.file, problems)
    columns: dict[str, object] = {}
    for column in table.columns:
        values = [row[column.name] for row in rows]
        columns.update(_convert(column, values, folder))
    return pd.DataFrame(columns)


def _convert(column: Column, values: list[str], folder) -> dict[str, object]:
    import pandas as pd

    kind = column.kind
    if kind == "int":
        return {column.name: pd.array([int(v) if v else None for v in values], dtype="Int64")}
    if kind == "float":
        return {column.name: pd.array([float(v.replace(",", "")) if v else None for v in values], dtype="Float64")}
    if kind == "bool":
        return {column.name: pd.array([v.lower() in BOOLEAN_TRUE if v else None for v in values], dtype="boolean")}
    if kind == "date":
        parsed = [parse_date(v) if v else (None, None) for v in values]
        return {
            column.name: pd.to_datetime(pd.Series([d for d, _ in parsed], dtype="object")),
            f"{column.name}_precision": pd.Categorical([p for _, p in parsed], categories=["year", "month", "day"]),
        }
    if kind == "vocab":
        categories = list(_vocab(str(column.vocab), folder))
        return {column.name: pd.Categorical([v or None for v in values], categories=categories)}
    if kind in ("vocab-list", "ref-list"):
        return {column.name: pd.Series([split_list(v) for v in values], dtype="object")}
    return {column.name: pd.array([v if v else pd.NA for v in values], dtype="string")}


def texts(folder: Path | str | None = None, *, with_articles: bool = False) -> dict[str, articles.Article]:
    """The comparison texts (official documents and short excerpts), by id; the two articles first with ``with_articles``.

    >>> list(texts(with_articles=True))[:2]
    ['A1', 'A2']
    """
    result = {article_id: articles.load(article_id) for article_id in articles.ids()} if with_articles else {}
    for path in sorted((folder_path(folder) / "texts").glob("*.md")):
        text = articles.from_file(path)
        result[text.id] = text
    return result


def lexicon(name: str, folder: Path | str | None = None) -> Lexicon:
    """Load ``datasets/lexicons/<name>.txt``.

    >>> lexicon("hedges").rule != ""
    True
    """
    try:
        return read_lexicon(name, folder_path(folder))
    except LexiconError as error:
        raise DatasetError(f"lexicons/{name}.txt", error.problem) from None


# --------------------------------------------------------------------------- validation
