"""The address kind (find the original): matching, archived copies, known copies, feedback, grading end to end."""

from __future__ import annotations

import json

import pytest

import kit.lesson
from kit import addresses
from kit.grading import grade
from kit.kinds import get
from kit.kinds.address import is_original
from kit.lessoncheck import validate_lessons
from kit.model import KeyEntry, Question

ORIGINALS = ["https://home.treasury.gov/news/press-releases/jl2672", "newyorker.com/magazine/2007/03/05/*"]


@pytest.mark.parametrize("pasted", [
    "https://home.treasury.gov/news/press-releases/jl2672",
    "http://home.treasury.gov/news/press-releases/jl2672/",
    "home.treasury.gov/news/press-releases/jl2672?utm_source=x#top",
    "HTTPS://HOME.TREASURY.GOV/news/press-releases/jl2672",
    "https://www.newyorker.com/magazine/2007/03/05/the-redirection",
])
def test_the_original_matches_in_every_form_a_student_pastes(pasted):
    assert is_original(pasted, ORIGINALS) == (True, False)


@pytest.mark.parametrize("pasted", [
    "https://web.archive.org/web/20141023/https://home.treasury.gov/news/press-releases/jl2672",
    "web.archive.org/web/2014id_/http://www.home.treasury.gov/news/press-releases/jl2672/",
    "https://archive.ph/2014.10.23-120000/https://home.treasury.gov/news/press-releases/jl2672",
])
def test_an_archived_capture_of_the_original_counts_as_the_original(pasted):
    assert is_original(pasted, ORIGINALS) == (True, True)


@pytest.mark.parametrize("pasted", [
    "https://home.treasury.gov/news/press-releases/jl2673",
    "https://docslib.org/download/5827778/the-new-yorker",
    "https://web.archive.org/web/2015/https://docslib.org/download/5827778/the-new-yorker",
    "https://newyorker.com.example.net/magazine/2007/03/05/the-redirection",  # a spoof: the site is example.net
    "https://www.newyorker.com/magazine/2007/03/050",
])
def test_copies_spoofs_and_other_pages_are_not_the_original(pasted):
    assert not is_original(pasted, ORIGINALS)[0]


def test_escaped_and_unescaped_forms_of_an_address_match():
    blog = "https://www.treasury.gov/connect/blog/Pages/Attacking-ISIL%27s-Financial-Foundations.aspx"
    assert addresses.matches("treasury.gov/connect/blog/pages/Attacking-ISIL's-Financial-Foundations.aspx", blog)


def test_a_spoofed_host_is_named_in_the_feedback():
    assert addresses.host("https://newyorker.com.example.net/x") == "newyorker.com.example.net"


def _question(options=()):
    from kit.model import Option
    return Question(id="L96.q01", lesson="L96", kind="address", kind_label="find the original (address)", prompt="?",
                    options=tuple(Option(str(n), label) for n, label in enumerate(options)))


KEY = KeyEntry(question_id="L96.q01", explanation="", model=ORIGINALS[0], answer={
    "originals": ORIGINALS[:1],
    "copies": [{"address": "https://www.treasury.gov/connect/blog/Pages/Attacking-ISIL's-Financial-Foundations.aspx",
                "note": "the Treasury's blog summary of the speech, with highlights only"}]})


@pytest.mark.parametrize(("pasted", "says"), [
    (ORIGINALS[0], "That is the original"),
    ("https://web.archive.org/web/2014/" + ORIGINALS[0], "archived copy of the original"),
    ("https://www.treasury.gov/connect/blog/Pages/Attacking-ISIL's-Financial-Foundations.aspx",
     "a copy, not the original: the Treasury's blog summary"),
    ("https://web.archive.org/web/2014/https://www.washingtontimes.com/news/2014/oct/23/x/", "archived page, but not of the original"),
    ("https://home.treasury.gov/news/press-releases", "publisher's own site (home.treasury.gov)"),
    ("https://www.washingtontimes.com/news/2014/oct/23/x/", "washingtontimes.com is not the publisher"),
])
def test_feedback_says_what_was_pasted(pasted, says):
    kind = get("address")
    _, detail = kind.fraction(_question(), KEY, pasted)
    assert says in " ".join(kind.feedback_rows(_question(), KEY, pasted, detail))


def test_the_key_must_list_originals_a_model_and_an_original_among_the_candidates():
    kind = get("address")
    assert kind.key_problems(_question(), KEY) == []
    assert kind.key_problems(_question(["https://a.example.org/x", "https://b.example.org/y"]), KEY) == [
        "none of the candidate addresses is the original"]
    broken = KeyEntry(question_id="L96.q01", explanation="", answer={"originals": [], "copies": [{"address": "x"}]})
    assert len(kind.key_problems(_question(), broken)) == 3


def test_a_pasted_sentence_is_refused_with_a_clear_message():
    assert "is not a web address" in get("address").validate(_question(), "the new yorker website")
    assert get("address").validate(_question(), 3) == "expected an address (text), got int"


def _write_lesson(folder):
    bank = {"lesson": "L96", "title": "Find the original", "questions": [
        {"id": "L96.q01", "kind": "address", "prompt": "Paste the address of Cohen's remarks.",
         "options": [{"id": "a", "label": ORIGINALS[0]},
                     {"id": "b", "label": "https://www.washingtontimes.com/news/2014/oct/23/isis-best-funded-terrorist-group-earth-treasury/"}]},
    ]}
    key = {"lesson": "L96", "answers": {"L96.q01": {
        "answer": KEY.answer, "model": ORIGINALS[0], "explanation": "The Treasury published the remarks."}}}
    (folder / "questions").mkdir(parents=True)
    (folder / "key").mkdir()
    (folder / "questions" / "L96.json").write_text(json.dumps(bank), encoding="utf-8")
    (folder / "key" / "L96.json").write_text(json.dumps(key), encoding="utf-8")


def test_an_address_question_is_answered_checked_and_graded_end_to_end(tmp_path):
    _write_lesson(tmp_path)
    assert validate_lessons(tmp_path / "questions", tmp_path / "key") == []
    answers = tmp_path / "answers"
    lesson = kit.lesson.start("L96", answers_folder=answers, questions_folder=tmp_path / "questions",
                              key_folder=tmp_path / "key")
    widget = lesson.ask("q01")
    widget.value = "https://www.washingtontimes.com/news/2014/oct/23/isis-best-funded-terrorist-group-earth-treasury"
    feedback = widget.check()
    assert feedback.score.points == 0 and "not the publisher" in widget._feedback.value
    widget.value = "web.archive.org/web/20141023/https://home.treasury.gov/news/press-releases/jl2672"
    assert widget.check().score.points == 1.0
    result = grade([answers], lessons=["L96"], questions_folder=tmp_path / "questions", key_folder=tmp_path / "key")
    graded = result.students[0].lessons["L96"]
    assert [(q.score.status, q.score.points) for q in graded.questions] == [("correct", 1.0)]
