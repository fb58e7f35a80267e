"""A lesson scaffolded for a new article runs under nbval, and answers entered in it grade."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import kit.lesson
from kit.grading import grade
from kit.scaffold import new_lesson
from kit.scoring import model_value, score
from tests.text.helpers import ARTICLES

REFLECTION = (
    "I would check the claim that about 1,400 people visit on an average Sunday, because the whole argument rests "
    "on it. I would open the library's annual report and the board's budget papers, then compare them with local "
    "news coverage. If the figures match, the op-ed's main point stands even though its tone is strong."
)


@pytest.mark.notebook
def test_scaffolded_lesson_runs_and_its_answers_grade(tmp_path, monkeypatch):
    out = tmp_path / "lesson"
    made = new_lesson(ARTICLES / "library-hours.md", out=out)
    lesson_id = made.lesson_id
    answers = tmp_path / "answers"

    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-p", "no:cacheprovider", made.notebook.name],
        cwd=out, env={**os.environ, "MEDIALIT_ANSWERS": str(answers)}, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "10 passed" in run.stdout  # every code cell of the notebook

    # a student answers through the widgets' own API, as the notebook shows them
    monkeypatch.setenv("MEDIALIT_ANSWERS", str(answers))
    monkeypatch.chdir(out)
    lesson = kit.lesson.start(lesson_id, questions_folder="questions", key_folder="answer-key")
    key = lesson.key
    for number in ("q01", "q02", "q03"):
        widget = lesson.ask(number)
        widget.value = model_value(widget.question, key[widget.question.id])
    table = lesson.ask("q01")
    first_row = table.question.items[0].id
    wrong = "causal" if key[f"{lesson_id}.q01"].answer[first_row] != "causal" else "factual"
    table.value = {**table.value, first_row: wrong}
    lesson.ask("q04").value = REFLECTION
    assert lesson.progress.text() == f"Lesson {lesson_id} progress: 4 of 4 questions answered"

    saved = lesson.answers()
    scores = {qid: score(lesson.bank.questions[qid], key[qid], saved.get(qid)) for qid in lesson.bank.questions}
    rows = len(table.question.items)
    assert [(s.status, s.points) for s in scores.values()] == [
        ("partial", round(5 * (rows - 1) / rows, 2)), ("correct", 3.0), ("correct", 2.0), ("pending", 0.0),
    ]
    assert scores[f"{lesson_id}.q01"].detail[first_row] is False

    graded = grade([answers], lessons=[lesson_id], key_folder=out / "answer-key", questions_folder=out / "questions")
    assert graded.exit_status == 0 and len(graded.students) == 1
    result = graded.students[0].lessons[lesson_id]
    assert [(q.question.id, q.score) for q in result.questions] == list(scores.items())
    assert result.max_points == 14.0
