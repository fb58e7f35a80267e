"""Check every dataset together and report every problem: references, quotes, documents, lexicons.

:func:`validate` returns *every* problem found (file, spreadsheet row, column,
message), not just the first; ``medialit validate`` prints them with
:func:`format_problems`.

>>> validate()
[]
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from kit import articles
from kit.data import URL, DatasetError, Problem, folder_path, table_problems, lexicon, parse_date, read_rows, split_list
from kit.schema import ARTICLE_FIELDS, LEXICONS, MAX_QUOTE_WORDS, TABLES, TEXT_FIELDS, VOCABULARIES
from kit.text.segment import words


def validate(folder: Path | str | None = None) -> list[Problem]:
    """Check every dataset and return every problem found (an empty list when all is well)."""
    root = folder_path(folder)
    problems: list[Problem] = []
    rows: dict[str, list[dict[str, str]]] = {}
    for name, table in TABLES.items():
        table_rows, structural = read_rows(table, root)
        problems += structural
        problems += table_problems(table, table_rows, root)
        rows[name] = table_rows
    ids = {name: {row.get(TABLES[name].id_column, "") for row in table_rows} for name, table_rows in rows.items()}
    problems += _reference_problems(rows, ids)
    docs, doc_problems = _document_problems(root, ids)
    problems += doc_problems
    problems += _claim_problems(rows["claims"], docs)
    problems += _estimate_problems(rows["estimates"])
    problems += _timeline_problems(rows["timeline"])
    problems += _lexicon_problems(root)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))


def _reference_problems(rows, ids) -> list[Problem]:
    problems = []
    for name, table in TABLES.items():
        for column in table.columns:
            if column.kind not in ("ref", "ref-list"):
                continue
            for row in rows[name]:
                value = row.get(column.name, "")
                items = split_list(value) if column.kind == "ref-list" else ([value] if value else [])
                for item in items:
                    if item not in ids[column.ref]:
                        problems.append(
                            Problem(table.file, int(row["_row"]), column.name, f"unknown id {item!r} (not in {TABLES[str(column.ref)].file})")
                        )
    return problems


def _document_problems(folder: Path, ids) -> tuple[dict[str, articles.Article], list[Problem]]:
    problems: list[Problem] = []
    docs: dict[str, articles.Article] = {}
    for kind, fields in (("articles", ARTICLE_FIELDS), ("texts", TEXT_FIELDS)):
        for path in sorted((folder / kind).glob("*.md")):
            file = f"{kind}/{path.name}"
            try:
                doc = articles.from_file(path)
            except articles.DocumentError as error:
                problems.append(Problem(file, None, None, error.problem))
                continue
            for field_name in fields:
                if field_name not in doc.meta:
                    problems.append(Problem(file, None, field_name, "front matter field is missing"))
            if doc.meta.get("id") != path.stem:
                problems.append(Problem(file, None, "id", f"id {doc.meta.get('id')!r} differs from the file name {path.stem!r}"))
            try:
                parse_date(doc.meta.get("date", ""))
            except ValueError as error:
                problems.append(Problem(file, None, "date", str(error)))
            for url_field in ("url", "copy_url"):
                value = doc.meta.get(url_field, "")
                if value and not URL.match(value):
                    problems.append(Problem(file, None, url_field, f"{value!r} is not a well-formed http(s) address"))
            if kind == "articles":
                digest = hashlib.sha256(doc.body.encode("utf-8")).hexdigest()
                if doc.meta.get("seed_sha256") and digest != doc.meta["seed_sha256"]:
                    problems.append(Problem(file, None, "seed_sha256", "the text differs from the verbatim copy it was made from"))
                docs[doc.id] = doc
            else:
                source = doc.meta.get("source_id", "")
                if source and source not in ids["sources"]:
                    problems.append(Problem(file, None, "source_id", f"unknown id {source!r} (not in sources.csv)"))
                if doc.meta.get("excerpt") == "yes" and doc.meta.get("kind") != "official":
                    count = len(words(doc.body))
                    if count > MAX_QUOTE_WORDS:
                        problems.append(Problem(file, None, None, f"an excerpt of a copyrighted text is {count} words; the limit is {MAX_QUOTE_WORDS}"))
    for article_id in VOCABULARIES["article_id"]:
        if article_id not in docs:
            problems.append(Problem(f"articles/{article_id}.md", None, None, "article file is missing"))
    return docs, problems


def _claim_problems(rows, docs) -> list[Problem]:
    problems = []
    for row in rows:
        number = int(row["_row"])
        article = docs.get(row.get("article_id", ""))
        claim_id = row.get("claim_id", "")
        if claim_id and row.get("article_id") and not claim_id.startswith(row["article_id"] + "-"):
            problems.append(Problem("claims.csv", number, "claim_id", f"id {claim_id!r} does not start with its article id {row['article_id']!r}"))
        if article is None or not row.get("quote"):
            continue
        span = article.find(row["quote"])
        if span is None:
            problems.append(Problem("claims.csv", number, "quote", f"not found verbatim in article {article.id}: {row['quote'][:60]!r}"))
            continue
        paragraph = row.get("paragraph", "")
        if paragraph.isdigit() and int(paragraph) != span.paragraph:
            problems.append(Problem("claims.csv", number, "paragraph", f"is {paragraph} but the quote is in paragraph {span.paragraph}"))
    return problems


def _estimate_problems(rows) -> list[Problem]:
    problems = []
    for row in rows:
        number = int(row["_row"])
        values = {}
        for name in ("low", "point", "high"):
            try:
                values[name] = float(row[name].replace(",", "")) if row.get(name) else None
            except ValueError:
                values[name] = None
        given = [v for v in values.values() if v is not None]
        if not given:
            problems.append(Problem("estimates.csv", number, "point", "none of low, point and high is given"))
        ordered = [value for n in ("low", "point", "high") if (value := values[n]) is not None]
        if ordered != sorted(ordered):
            problems.append(Problem("estimates.csv", number, "low", "low, point and high are not in increasing order"))
    return problems


def _timeline_problems(rows) -> list[Problem]:
    problems = []
    for row in rows:
        if not row.get("date") or not row.get("public_date"):
            continue
        try:
            happened, _ = parse_date(row["date"])
            public, _ = parse_date(row["public_date"])
        except ValueError:
            continue
        if public < happened:
            problems.append(Problem("timeline.csv", int(row["_row"]), "public_date", "is earlier than the date the event happened"))
    return problems


def _lexicon_problems(folder: Path) -> list[Problem]:
    problems = []
    for name in LEXICONS:
        file = f"lexicons/{name}.txt"
        try:
            lex = lexicon(name, folder)
        except DatasetError as error:
            problems += error.problems
            continue
        if not lex.rule:
            problems.append(Problem(file, None, None, "has no '# Rule:' line saying what belongs in the list"))
        if not lex.terms:
            problems.append(Problem(file, None, None, "has no terms"))
        duplicates = sorted({t for t in lex.terms if lex.terms.count(t) > 1})
        if duplicates:
            problems.append(Problem(file, None, None, f"repeats {', '.join(duplicates)}"))
    return problems


def format_problems(problems: Iterable[Problem]) -> str:
    """One problem per line, for the terminal."""
    return "\n".join(str(p) for p in problems)
