"""The datasets as a Frictionless Data Package, generated from :mod:`kit.schema`.

``datasets/datapackage.json`` describes every CSV file (columns, types,
vocabularies, keys and references) so that researchers and other tools can
load and check the data without the kit, for example with
``frictionless validate datasets/datapackage.json``. It is generated here,
like the tables of ``datasets/README.md``, and a test keeps the file and the
schema in step. Regenerate it with ``python -m kit.datapackage``.

>>> package = descriptor()
>>> package["profile"], len(package["resources"])
('tabular-data-package', 8)
>>> claims = package["resources"][0]
>>> claims["path"], claims["schema"]["primaryKey"]
('claims.csv', ['claim_id'])
>>> field(TABLES["claims"].column("verdict"))["constraints"]["enum"][:2]
['accurate', 'misleading-framing']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kit import settings
from kit.schema import TABLES, VOCABULARIES, Column, Table

#: A partial or full ISO date, as the CSV files hold them (YYYY, YYYY-MM or YYYY-MM-DD).
DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
#: Frictionless field types for the kit's column kinds.
TYPES = {
    "id": "string", "text": "string", "int": "integer", "float": "number", "bool": "boolean",
    "date": "string", "url": "string", "vocab": "string", "vocab-list": "string",
    "ref": "string", "ref-list": "string",
}
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 (data written for the kit; see datasets/README.md for quotations and the articles)",
}


def field(column: Column) -> dict[str, Any]:
    """The Table Schema field of one column."""
    spec: dict[str, Any] = {"name": column.name, "type": TYPES[column.kind], "description": column.description}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.kind == "id":
        constraints["unique"] = True
    if column.kind == "bool":
        spec["trueValues"], spec["falseValues"] = ["yes"], ["no"]
    if column.kind == "date":
        constraints["pattern"] = DATE_PATTERN
        spec["description"] += " A partial date (YYYY or YYYY-MM) means the day or month is not known."
    if column.kind == "url":
        spec["format"] = "uri"
    if column.kind == "vocab" and column.vocab in VOCABULARIES:
        constraints["enum"] = list(VOCABULARIES[column.vocab])
    if column.kind == "vocab-list":
        target = "technique_id of techniques.csv" if column.vocab == "technique" else f"the {column.vocab} vocabulary"
        spec["description"] += f" Codes of {target}, separated by ';'."
    if column.kind == "ref-list" and column.ref:
        spec["description"] += f" Ids of {TABLES[column.ref].file}, separated by ';'."
    if constraints:
        spec["constraints"] = constraints
    return spec


def resource(table: Table) -> dict[str, Any]:
    """The Tabular Data Resource of one CSV file."""
    foreign_keys = [
        {"fields": column.name, "reference": {"resource": column.ref, "fields": TABLES[column.ref].id_column}}
        for column in table.columns if column.kind == "ref" and column.ref
    ]
    foreign_keys += [
        {"fields": column.name, "reference": {"resource": "techniques", "fields": "technique_id"}}
        for column in table.columns if column.kind == "vocab" and column.vocab == "technique"
    ]
    schema: dict[str, Any] = {
        "fields": [field(column) for column in table.columns],
        "primaryKey": [table.id_column],
        "missingValues": [""],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": table.name, "path": table.file, "profile": "tabular-data-resource", "title": table.file,
        "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "schema": schema,
    }


def descriptor() -> dict[str, Any]:
    """The whole Data Package descriptor."""
    return {
        "profile": "tabular-data-package",
        "name": "medialit-kit-datasets",
        "title": "medialit-kit datasets: claims, evidence and sources on two opinion articles about ISIS",
        "description": (
            "Every checkable claim of two articles by Tony Cartalucci (2014, 2017), with verdicts, the evidence "
            "and sources behind them, the outlets and their assessors, a timeline and estimates. The data "
            "dictionary, provenance, permissions and corrections policy are in README.md and CORRECTIONS.md."
        ),
        "licenses": [LICENCE],
        "resources": [resource(table) for table in TABLES.values()],
    }


def render() -> str:
    """The descriptor as the JSON text of ``datasets/datapackage.json``."""
    return json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"


def write(folder: Path | str | None = None) -> Path:
    """Write ``datapackage.json`` into ``folder`` (default: the kit's datasets folder); return its path."""
    path = Path(folder or settings.datasets_dir()) / "datapackage.json"
    path.write_text(render(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write())
