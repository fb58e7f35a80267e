"""The source-check kind (address found, judgement, reason; three-level rubric) and its widget, on the real pre-test item."""

from __future__ import annotations

import ipywidgets as w
import pytest

from kit import kinds
from kit.lesson import Lesson
from kit.model import BankError
from kit.questions import load_bank, load_key, parse_question
from kit.scoring import model_value, score

QID = "L00.q19"  # form A's source check: the Employment Policies Institute


def test_the_rubric_levels_score_mastery_emerging_and_beginning():
    question, entry = load_bank("L00")[QID], load_key("L00")[QID]
    assert question.kind == "source-check" and question.graded
    assert score(question, entry, model_value(question, entry)).status == "correct"
    reason = "A public relations firm that works for restaurant companies runs it, so check its studies elsewhere."
    found_but_trusting = {"address": "https://en.wikipedia.org/wiki/Employment_Policies_Institute", "judgement": "institute", "reason": reason}
    assert score(question, entry, found_but_trusting).fraction == 0.5
    on_site = {"address": "https://epionline.org/about/", "judgement": "about", "reason": "Its website explains its mission."}
    result = score(question, entry, on_site)
    assert result.status == "wrong" and result.detail == {"address": False, "judgement": False, "reason": False}
    assert kinds.get("source-check").validate(question, {"address": "x", "judgement": "nope", "reason": ""}) \
        == "'nope' is not one of the judgements (institute, about, check)"
    assert kinds.get("source-check").validate(question, "https://example.org").startswith("expected {'address'")


def test_a_bank_with_malformed_offline_evidence_is_refused():
    raw = {"id": "L00.q30", "kind": "source-check", "prompt": "Who is behind it?",
           "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "evidence": [{"text": "no address"}]}
    with pytest.raises(BankError, match="evidence must be a list of \\{address, text\\}"):
        parse_question(raw, "L00", "bank.json")


def test_the_widget_records_all_three_parts_and_shows_the_offline_evidence(tmp_path):
    lesson = Lesson("L00", answers_folder=tmp_path)
    widget = lesson.ask("q19")
    assert all(control.description.strip() for control in widget._inputs())
    offline = [c for c in widget.controls if isinstance(c, w.Accordion)]
    assert len(offline) == 1 and "buffalonews.com" in offline[0].children[0].value
    widget.address.value = "https://en.wikipedia.org/wiki/Employment_Policies_Institute"
    widget.judgement.value = "check"
    widget.reason.value = "Berman and Company, a PR firm for restaurant businesses, does its work, so check its studies."
    saved = lesson.store.get(QID)
    assert saved["judgement"] == "check" and saved["address"].startswith("https://en.wikipedia.org")
    assert "address https://en.wikipedia.org" in widget.text()
    feedback = widget.check()
    assert feedback.score.status == "correct" and "Wikipedia" in widget._feedback.value  # a reference kept in the key
    again = Lesson("L00", answers_folder=tmp_path).ask("q19")
    assert again.reason.value.startswith("Berman")
