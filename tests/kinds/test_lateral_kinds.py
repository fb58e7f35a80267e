"""The lateral-log and search-results kinds on lesson 01's real items: validation, scoring, feedback, paper, simulation."""

import random

import pytest

from kit import kinds
from kit.kinds.lateral_log import is_lateral
from kit.model import BankError, QuestionSpec
from kit.questions import load_bank, load_key
from kit.scoring import model_value

BANK, KEY = load_bank("L01"), load_key("L01")
LOG, RESULTS = BANK["L01.q03"], BANK["L01.q02"]


def row(about, address, publisher="Wikipedia", says="who runs it", trust="some"):
    return {"about": about, "address": address, "publisher": publisher, "says": says, "trust": trust}


def test_the_kinds_are_registered_and_the_model_answers_score_full_marks():
    for question in (LOG, RESULTS):
        kind = kinds.get(question.kind)
        key = KEY[question.id]
        value = model_value(question, key)
        assert kind.validate(question, value) is None
        assert kind.is_complete(question, value)
        assert kind.fraction(question, key, value)[0] == 1.0
        assert kind.key_problems(question, key) == []


def test_a_row_counts_as_lateral_only_off_the_targets_own_sites():
    assert is_lateral("en.wikipedia.org/wiki/New_Eastern_Outlook", ["journal-neo.org"])
    assert not is_lateral("https://www.journal-neo.org/about/", ["journal-neo.org"])
    assert not is_lateral("https://ru.journal-neo.org/x", ["journal-neo.org"])  # a subdomain is still the site
    assert not is_lateral("wikipedia", ["journal-neo.org"])  # not an address


def test_the_log_gives_credit_for_each_check_and_says_what_is_missing():
    kind, key = kinds.get("lateral-log"), KEY["L01.q03"]
    value = model_value(LOG, key)
    own_site = dict(value, rows=[row("gr", "https://www.globalresearch.ca/about-us"), *value["rows"][1:]])
    score, detail = kind.fraction(LOG, key, own_site)
    assert detail["cover:gr"] is False and detail["cover:neo"] and detail["cover:author"]
    assert score == pytest.approx(8 / 9)
    feedback = " ".join(kind.feedback_rows(LOG, key, own_site, detail))
    assert "globalresearch.ca" in feedback and "Row 1 is on its own site" in feedback

    half_empty = dict(value, rows=[*value["rows"], row("neo", "", publisher="")])
    _, detail = kind.fraction(LOG, key, half_empty)
    assert detail["complete"] is False and detail["cover:neo"]  # the complete NEO row still covers it
    assert "row 4" in " ".join(kind.feedback_rows(LOG, key, half_empty, detail))

    other_line = dict(value, bottom_line={**value["bottom_line"], "leads": "not"})  # a defensible alternative
    assert kind.fraction(LOG, key, other_line)[0] == 1.0
    trusting = dict(value, bottom_line={**value["bottom_line"], "facts": "rely"})
    _, detail = kind.fraction(LOG, key, trusting)
    assert detail["use:facts"] is False
    assert "not for this" in " ".join(kind.feedback_rows(LOG, key, trusting, detail))


def test_the_log_refuses_malformed_values_with_clear_messages():
    kind = kinds.get("lateral-log")
    good = model_value(LOG, KEY["L01.q03"])
    assert kind.validate(LOG, {"rows": []}).startswith("expected {'rows'")
    assert kind.validate(LOG, dict(good, rows=[{"address": "x"}])) == "every row needs exactly about, address, publisher, says, trust"
    assert "not one of the targets" in kind.validate(LOG, dict(good, rows=[row("bbc", "https://bbc.com")]))
    assert "trust must be one of" in kind.validate(LOG, dict(good, rows=[row("gr", "x", trust="total")]))
    assert "rely or not" not in (kind.validate(LOG, dict(good, bottom_line={"views": "maybe"})) or "")
    assert "must be one of rely, not" in kind.validate(LOG, dict(good, bottom_line={"views": "maybe"}))


def test_the_results_page_scores_pick_and_reason_and_teaches_what_each_result_is():
    kind, key = kinds.get("search-results"), KEY["L01.q02"]
    assert kind.fraction(RESULTS, key, {"open": "r5", "reason": "independent"})[0] == 1.0  # the news report is accepted
    score, detail = kind.fraction(RESULTS, key, {"open": "r2", "reason": "own"})
    assert score == 0.0
    feedback = " ".join(kind.feedback_rows(RESULTS, key, {"open": "r2", "reason": "own"}, detail))
    assert "the site describing itself" in feedback and "Wikipedia" in feedback
    assert kind.validate(RESULTS, {"open": "r9", "reason": "own"}).startswith("'r9' is not one of the results")
    assert "A practice results page the kit made from real pages" in kind.paper(RESULTS)[0].note


def test_results_must_come_from_sources_csv_with_their_real_addresses():
    kind = kinds.get("search-results")
    result = {"id": "r1", "title": "Wikipedia", "address": "https://en.wikipedia.org/wiki/Made_up", "snippet": "Short.",
              "source": "wikipedia-2024-chossudovsky", "what": "an encyclopedia"}
    spec = QuestionSpec.model_validate({"id": "L99.q01", "kind": "search-results", "prompt": "?",
                                        "items": [result, dict(result, id="r2")],
                                        "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]})
    with pytest.raises(BankError, match="Made_up.*is not an address sources.csv gives"):
        kind.parts(spec, "L99.json L99.q01")
    long = dict(result, address="https://en.wikipedia.org/wiki/Michel_Chossudovsky", snippet="word " * 41)
    with pytest.raises(BankError, match="more than 40 words"):
        kind.parts(spec.model_copy(update={"items": [long, dict(long, id="r2")]}), "L99.json L99.q01")


@pytest.mark.parametrize("qid", ["L01.q02", "L01.q03"])
def test_random_values_are_valid_and_paper_and_texts_work(qid):
    question = BANK[qid]
    kind, key, rng = kinds.get(question.kind), KEY[qid], random.Random(7)
    for _ in range(50):
        value = kind.random_value(question, rng)
        assert kind.validate(question, value) is None
        assert 0.0 <= kind.fraction(question, key, value)[0] <= 1.0
        assert kind.describe(question, value)
    assert kind.paper(question) and kind.response_rows(question) >= 2
    assert kind.answer_text(question, model_value(question, key))
