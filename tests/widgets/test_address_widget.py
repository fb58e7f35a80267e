"""The find-the-original widget: a labelled address box; an offline candidate list that fills it in."""

from __future__ import annotations

import json

import kit.lesson
from kit.widgets.address import AddressEntry

CANDIDATES = ["https://www.nytimes.com/2012/06/21/world/middleeast/cia-said-to-aid-in-steering-arms-to-syrian-rebels.html",
              "http://dekusada.blogspot.com/2012/06/cia-said-to-aid-in-steering-arms-to.html"]


def _lesson(tmp_path, options=True):
    question = {"id": "L97.q01", "kind": "address", "prompt": "Paste the address of the original."}
    if options:
        question["options"] = [{"id": str(n), "label": label} for n, label in enumerate(CANDIDATES)]
    (tmp_path / "questions").mkdir()
    (tmp_path / "key").mkdir()
    (tmp_path / "questions" / "L97.json").write_text(json.dumps({"lesson": "L97", "questions": [question]}), encoding="utf-8")
    key = {"lesson": "L97", "answers": {"L97.q01": {"answer": {"originals": [CANDIDATES[0]]}, "model": CANDIDATES[0],
                                                    "explanation": "The Times published it."}}}
    (tmp_path / "key" / "L97.json").write_text(json.dumps(key), encoding="utf-8")
    return kit.lesson.start("L97", answers_folder=tmp_path / "answers", questions_folder=tmp_path / "questions",
                            key_folder=tmp_path / "key")


def test_the_address_box_is_labelled_and_typing_saves_an_address(tmp_path):
    widget = _lesson(tmp_path, options=False).ask("q01")
    assert isinstance(widget, AddressEntry) and widget.candidates is None
    assert widget.address.description == "Address of the original"
    widget.address.value = "  " + CANDIDATES[1] + " "
    assert widget.value == CANDIDATES[1]
    assert widget.text().endswith("Your answer: the address " + CANDIDATES[1])
    stored = json.loads((tmp_path / "answers" / "anonymous" / "L97.json").read_text(encoding="utf-8"))
    assert stored["answers"]["L97.q01"]["value"] == CANDIDATES[1]


def test_choosing_a_candidate_offline_fills_in_the_address_and_restores_after_a_restart(tmp_path):
    lesson = _lesson(tmp_path)
    widget = lesson.ask("q01")
    assert widget.candidates.description.startswith("No internet?")
    widget.candidates.value = CANDIDATES[0]
    assert widget.address.value == CANDIDATES[0] and widget.value == CANDIDATES[0]
    assert widget.check().score.points == 1.0
    again = kit.lesson.start("L97", answers_folder=tmp_path / "answers", questions_folder=tmp_path / "questions",
                             key_folder=tmp_path / "key").ask("q01")
    assert again.address.value == CANDIDATES[0] and again.candidates.value == CANDIDATES[0]
