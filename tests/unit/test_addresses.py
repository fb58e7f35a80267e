"""sources.csv keeps three addresses apart, and a malformed one is rejected naming file, row and column."""

import csv
import io

import pytest

from kit import addresses, data
from kit.datacheck import validate


def rewrite_source(folder, source_id, **cells):
    """Change cells of one row of sources.csv in ``folder``; return its spreadsheet row number."""
    path = folder / "sources.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = list(rows[0])
    number = next(i for i, row in enumerate(rows, start=2) if row["source_id"] == source_id)
    rows[number - 2].update(cells)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return number


ORIGINAL = "https://www.nato.int/cps/en/natohq/news_84445.htm"

CASES = {
    "archive not on an archive": (dict(archive_url="https://example.com/copy-of-nato"), "archive_url", "is not on a known web archive"),
    "wayback of another page": (dict(archive_url="https://web.archive.org/web/2012/https://www.nato.int/other.htm"), "archive_url", "not the original"),
    "wayback without a timestamp": (dict(archive_url=f"https://web.archive.org/{ORIGINAL}"), "archive_url", "is not a Wayback Machine address"),
    "archive address not a web address": (dict(archive_url="web.archive.org/web/2012/" + ORIGINAL), "archive_url", "is not a well-formed http(s) address"),
    "copy is the original": (dict(copy_url=ORIGINAL.replace("https://www.", "http://")), "copy_url", "is the original itself"),
    "original is an archive": (dict(url="https://archive.ph/AbCd1", archive_url=""), "url", "is an archive capture"),
    "copy not a web address": (dict(copy_url="ftp://example.org/nato"), "copy_url", "is not a well-formed http(s) address"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_address_is_rejected_naming_file_row_and_column(case, datasets_copy):
    cells, column, message = CASES[case]
    row = rewrite_source(datasets_copy, "nato-2012-turkey-60-years", **cells)
    problems = [p for p in validate(datasets_copy) if p.file == "sources.csv" and p.row == row and p.column == column]
    assert any(message in p.message for p in problems), f"{case}: got {[str(p) for p in validate(datasets_copy)]}"
    assert all(p.file == "sources.csv" and p.row == row for p in validate(datasets_copy)), "nothing else is reported"


def test_well_formed_addresses_pass(datasets_copy):
    rewrite_source(datasets_copy, "nato-2012-turkey-60-years",
                   archive_url=f"https://web.archive.org/web/20120218000000/{ORIGINAL.replace('https://www.', 'http://')}",
                   copy_url="https://example.org/nato-repost")
    rewrite_source(datasets_copy, "wapo-2015-cia-funding-cut", archive_url="https://archive.is/IQnCg")
    assert validate(datasets_copy) == []


def test_the_shipped_sources_keep_the_three_addresses_apart():
    sources = data.load("sources")
    for row in sources.itertuples():
        url, archive, copy = (value if isinstance(value, str) else "" for value in (row.url, row.archive_url, row.copy_url))
        assert not (url and addresses.is_archive(url)), row.source_id
        assert not archive or addresses.is_archive(archive), row.source_id
        assert not (url and copy and addresses.host(url) == addresses.host(copy) and url.rstrip("/") == copy.rstrip("/")), row.source_id
        if url:
            assert archive, f"{row.source_id}: an original without an archived copy"
