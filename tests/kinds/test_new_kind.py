"""Adding a kind is one module: a kind registered through the public registry works end to end.

The kind below (a year typed in, full credit for the key's year, half for one year
off) lives only in this test. It goes bank -> widget API -> answer store -> Check ->
``medialit grade``'s function -> the guide's answer table, without any other file of
the kit knowing about it.
"""

from __future__ import annotations

import json
import random

import ipywidgets as w
import pytest

import kit.lesson
from kit import kinds
from kit.grading import grade
from kit.kinds import Kind
from kit.lessoncheck import validate_lessons
from kit.model import KeyEntry, Question
from kit.widgets.base import QuestionWidget


class YearEntry(QuestionWidget):
    """A box for a year (the widget the kind names)."""

    def _build(self) -> list[w.Widget]:
        self.year = w.IntText(value=0, description="Year")
        return [self.year]

    def _read(self):
        return self.year.value or None

    def _write(self, value) -> None:
        self.year.value = value or 0


class Year(Kind[int]):
    name = "year"
    label = "year"
    value_type = int
    shape_hint = "a year (a whole number)"
    widget = f"{__name__}:YearEntry"
    default_partial = "proportional"

    def check(self, question: Question, value: int) -> str | None:
        return None if 1900 <= value <= 2100 else f"{value} is not a year between 1900 and 2100"

    def describe(self, question: Question, value: int) -> str:
        return f"the year {value}"

    def fraction(self, question: Question, key: KeyEntry, value: int) -> tuple[float, dict[str, bool]]:
        return {0: 1.0, 1: 0.5}.get(abs(value - key.answer), 0.0), {}

    def random_value(self, question: Question, rng: random.Random) -> int:
        return rng.randint(2010, 2018)


@pytest.fixture
def year_kind():
    kinds.register(Year)
    yield kinds.get("year")
    kinds.unregister("year")


def _write_lesson(folder):
    bank = {"lesson": "L95", "title": "When was it?", "questions": [
        {"id": "L95.q01", "kind": "year", "prompt": "In which year was the first article published?", "points": 2},
        {"id": "L95.q02", "kind": "choice", "prompt": "Who published it first?",
         "options": [{"id": "neo", "label": "New Eastern Outlook"}, {"id": "gr", "label": "Global Research"}]},
    ]}
    key = {"lesson": "L95", "answers": {
        "L95.q01": {"answer": 2014, "explanation": "Its front matter says 2014.", "partial": "proportional"},
        "L95.q02": {"answer": "neo", "explanation": "Global Research republished it."},
    }}
    (folder / "questions").mkdir(parents=True)
    (folder / "key").mkdir()
    (folder / "questions" / "L95.json").write_text(json.dumps(bank), encoding="utf-8")
    (folder / "key" / "L95.json").write_text(json.dumps(key), encoding="utf-8")


def test_a_kind_registered_from_outside_is_graded_end_to_end(year_kind, tmp_path):
    _write_lesson(tmp_path)
    answers = tmp_path / "answers"
    assert validate_lessons(tmp_path / "questions", tmp_path / "key") == []

    lesson = kit.lesson.start("L95", answers_folder=answers, questions_folder=tmp_path / "questions",
                              key_folder=tmp_path / "key")
    widget = lesson.ask("q01")
    assert isinstance(widget, YearEntry) and "year" in widget.text()
    with pytest.raises(ValueError, match="1850 is not a year"):
        widget.value = 1850
    with pytest.raises(ValueError, match="expected a year"):
        widget.value = "2014"
    widget.value = 2015  # one year off: half credit
    assert widget.check().score.points == 1.0 and widget.check().headline.startswith("Partly right")
    lesson.ask("q02").value = "neo"
    assert lesson.score() == (2.0, 3.0, 0)

    stored = json.loads((answers / "anonymous" / "L95.json").read_text(encoding="utf-8"))
    assert stored["answers"]["L95.q01"]["value"] == 2015

    result = grade([answers], lessons=["L95"], questions_folder=tmp_path / "questions", key_folder=tmp_path / "key")
    assert result.exit_status == 0
    graded = result.students[0].lessons["L95"]
    assert [(q.question.id, q.score.status, q.score.points) for q in graded.questions] == [
        ("L95.q01", "partial", 1.0), ("L95.q02", "correct", 1.0)]
    assert graded.questions[0].answer_text == "the year 2015"


def test_a_bank_naming_an_unregistered_kind_is_refused_with_its_file_and_question(tmp_path):
    _write_lesson(tmp_path)
    problems = validate_lessons(tmp_path / "questions", tmp_path / "key")
    assert [(p.file, p.message) for p in problems] == [
        ("questions/L95.json", "question L95.q01: kind 'year' is not one of " + ", ".join(kinds.names()))]
