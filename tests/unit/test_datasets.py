"""The datasets are sound, and a corrupted copy of each is rejected with the right message."""

import re

import pandas as pd
import pytest

from kit import data
from kit.articles import load as load_article
from kit.data import DatasetError, Problem
from kit.datacheck import validate
from kit.schema import TABLES, VOCABULARIES, dictionary_markdown
from kit.text.segment import words
from tests.conftest import ROOT, run_medialit


def test_the_shipped_datasets_have_no_problem():
    assert validate() == []


def test_every_claim_quote_is_verbatim_in_its_article():
    claims = data.load("claims")
    articles = {a: load_article(a) for a in ("A1", "A2")}
    for claim in claims.itertuples():
        span = articles[claim.article_id].locate(claim.quote)
        assert span.paragraph == claim.paragraph, claim.claim_id
    assert len(claims) >= 67


def test_loaders_set_proper_dtypes():
    claims, timeline, evidence = data.load("claims"), data.load("timeline"), data.load("evidence")
    assert claims["verdict"].dtype == "category" and list(claims["verdict"].cat.categories) == list(VOCABULARIES["verdict"])
    assert claims["paragraph"].dtype == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(timeline["date"])
    assert set(timeline["date_precision"].dropna()) <= {"year", "month", "day"}
    assert evidence["cited_by_article"].dtype == "boolean"
    assert isinstance(claims["techniques"].iloc[0], list)


def test_verdicts_follow_the_evidence_in_both_directions():
    claims = data.load("claims").set_index("claim_id")
    evidence = data.load("evidence")
    relations = evidence.groupby("claim_id")["relation"].apply(set)
    accurate = claims.index[claims["verdict"] == "accurate"]
    assert len(accurate) >= 20  # the kit says plainly where the articles are right
    for claim_id in accurate:
        assert "supports" in relations[claim_id], claim_id
        assert "contradicts" not in relations[claim_id], claim_id
    for claim_id in claims.index[claims["verdict"] == "contradicted"]:
        assert "contradicts" in relations[claim_id], claim_id
    for claim_id in claims.index[claims["verdict"] != "opinion"]:
        assert claim_id in relations.index, f"{claim_id} has no evidence"


def test_quotations_are_short_and_every_source_can_be_opened():
    evidence = data.load("evidence")
    for row in evidence[evidence["excerpt_kind"] == "quote"].itertuples():
        assert len(words(row.excerpt)) <= 40, row.evidence_id
    sources = data.load("sources")
    unopenable = sources[sources["url"].isna() & sources["copy_url"].isna() & (sources["kind"] != "article-under-study")]
    # a few sources (books, a lost original) have no address; each says why in its notes
    assert unopenable["notes"].notna().all()


def test_the_data_dictionary_is_generated_from_the_schema():
    readme = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- schema:start -->\n")[1].split("<!-- schema:end -->")[0]
    assert block == dictionary_markdown(), "regenerate with kit.schema.dictionary_markdown()"
    for table in TABLES.values():
        assert f"`{table.file}`" in readme


# ------------------------------------------------------------------ corrupted copies

def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def first_value(folder, table, column):
    return str(data.read_rows(TABLES[table], folder)[0][0][column])


CASES = {
    "claims: broken row": ("claims.csv", lambda f: edit(f / "claims.csv", "\nA1-03,", "\nA1-03,extra,"),
                           "claims.csv", 4, None, "has 12 cells but the header has 11"),
    "claims: quote not in article": ("claims.csv", lambda f: edit(f / "claims.csv", "Turkey, a NATO member since 1952", "Turkey, a NATO member since 1953"),
                                     "claims.csv", 4, "quote", "not found verbatim in article A1"),
    "claims: unknown verdict": ("claims.csv", lambda f: edit(f / "claims.csv", ",accurate,", ",probably-true,"),
                                "claims.csv", None, "verdict", "'probably-true' is not in the verdict vocabulary"),
    "claims: wrong paragraph": ("claims.csv", lambda f: edit(f / "claims.csv", "\nA1-03,A1,9,", "\nA1-03,A1,12,"),
                                "claims.csv", 4, "paragraph", "is 12 but the quote is in paragraph 9"),
    "evidence: unknown claim id": ("evidence.csv", lambda f: edit(f / "evidence.csv", "\nE100,A1-01,", "\nE100,A1-99,"),
                                   "evidence.csv", 2, "claim_id", "unknown id 'A1-99' (not in claims.csv)"),
    "evidence: long quotation": ("evidence.csv", lambda f: edit(f / "evidence.csv", ",quote,", ",quote,", 0) or _long_excerpt(f),
                                 "evidence.csv", 2, "excerpt", "is 60 words long; quotations are limited to 40"),
    "sources: bad address": ("sources.csv", lambda f: edit(f / "sources.csv", "https://", "htps:/"),
                             "sources.csv", None, "url", "is not a well-formed http(s) address"),
    "sources: duplicate id": ("sources.csv", lambda f: _duplicate_first_row(f / "sources.csv"),
                              "sources.csv", None, "source_id", "is used again (first at row 2)"),
    "timeline: unparsable date": ("timeline.csv", lambda f: edit(f / "timeline.csv", ",1952-02-18,", ",1952-13-45,"),
                                  "timeline.csv", None, "date", "'1952-13-45' is not a real date"),
    "timeline: unknown source": ("timeline.csv", lambda f: edit(f / "timeline.csv", "nato-2012-turkey-60-years", "nato-1952-made-up"),
                                 "timeline.csv", None, "source_ids", "unknown id 'nato-1952-made-up' (not in sources.csv)"),
    "estimates: range out of order": ("estimates.csv", lambda f: _swap_range(f / "estimates.csv"),
                                      "estimates.csv", None, "low", "low, point and high are not in increasing order"),
    "outlets: missing column": ("outlets.csv", lambda f: edit(f / "outlets.csv", "outlet_id,name,", "outlet_id,nom,"),
                                "outlets.csv", 1, "name", "column is missing from the header"),
    "assessments: unknown stance": ("assessments.csv", lambda f: edit(f / "assessments.csv", ",critical,", ",hostile,"),
                                    "assessments.csv", None, "stance", "'hostile' is not in the stance vocabulary"),
    "techniques: bad id": ("techniques.csv", lambda f: edit(f / "techniques.csv", "\nloaded-language,", "\nLoaded Language,"),
                           "techniques.csv", 2, "technique_id", "does not match the pattern"),
    "article: edited text": ("articles/A1.md", lambda f: edit(f / "articles" / "A1.md", "NATO member since 1952", "NATO member since 1951"),
                             "articles/A1.md", None, "seed_sha256", "differs from the verbatim copy"),
    "text: unknown source": ("texts", lambda f: _retarget_text(f),
                             "texts/", None, "source_id", "unknown id 'no-such-source'"),
    "lexicon: no rule": ("lexicons/hedges.txt", lambda f: _drop_rule(f / "lexicons" / "hedges.txt"),
                         "lexicons/hedges.txt", None, None, "has no '# Rule:' line"),
}


def _long_excerpt(folder):
    rows = (folder / "evidence.csv").read_text(encoding="utf-8").split("\n")
    header, first = rows[0], rows[1]
    import csv
    import io
    cells = next(csv.reader([first]))
    cells[header.split(",").index("excerpt")] = " ".join(["word"] * 60)
    cells[header.split(",").index("excerpt_kind")] = "quote"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    rows[1] = buffer.getvalue()
    (folder / "evidence.csv").write_text("\n".join(rows), encoding="utf-8")


def _duplicate_first_row(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(2, lines[1])
    path.write_text("\n".join(lines), encoding="utf-8")


def _swap_range(path):
    import csv
    import io
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    header = rows[0]
    low, high = header.index("low"), header.index("high")
    for row in rows[1:]:
        if row[low] and row[high] and float(row[low]) < float(row[high]):
            row[low], row[high] = row[high], row[low]
            break
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _retarget_text(folder):
    path = sorted((folder / "texts").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'source_id: "[^"]+"', 'source_id: "no-such-source"', text, count=1), encoding="utf-8")


def _drop_rule(path):
    lines = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("# Rule:")]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_corrupted_copy_is_rejected_with_file_row_column_and_problem(case, datasets_copy):
    _, corrupt, file, row, column, message = CASES[case]
    corrupt(datasets_copy)
    problems = validate(datasets_copy)
    matching = [p for p in problems if p.file.startswith(file) and message in p.message
                and (row is None or p.row == row) and (column is None or p.column == column)]
    assert matching, f"expected {file} row {row} column {column}: {message!r}; got:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("table", ["claims", "sources", "timeline"])
def test_loaders_raise_a_clear_error_naming_the_file(table, datasets_copy):
    path = datasets_copy / TABLES[table].file
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";", 3), encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        data.load(table, datasets_copy)
    message = str(raised.value)
    assert message.startswith(f"{TABLES[table].file}: cannot be loaded:")
    assert "row" in message or "column" in message
    assert "Traceback" not in message


def test_validate_command_lists_every_problem_and_fails(datasets_copy):
    edit(datasets_copy / "claims.csv", "Turkey, a NATO member since 1952", "Turkey, a NATO member since 1953")
    edit(datasets_copy / "timeline.csv", ",1952-02-18,", ",18/02/1952,")
    done = run_medialit("validate", "--datasets", str(datasets_copy))
    assert done.returncode == 1
    assert "claims.csv, row 4, column quote: not found verbatim in article A1" in done.stdout
    assert "timeline.csv, row" in done.stdout and "'18/02/1952' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD" in done.stdout
    assert "2 problem(s) found." in done.stderr
    ok = run_medialit("validate")
    assert ok.returncode == 0 and "are valid" in ok.stdout


def test_a_missing_dataset_is_named(datasets_copy):
    (datasets_copy / "estimates.csv").unlink()
    assert Problem("estimates.csv", None, None, f"file is missing (expected at {datasets_copy / 'estimates.csv'})") in validate(datasets_copy)
