"""The rubric marker walks the queue written by `medialit grade` and saves marks that grading then uses."""

import json

from kit.grading import RubricMarks, grade
from kit.widgets.rubric import RubricMarker
from tests.conftest import FIXTURES, run_medialit

MODEL = FIXTURES / "answer-key" / "model-answers" / "L90.json"


def test_marks_saved_in_the_notebook_are_graded(fixture_bank, tmp_path):
    out = tmp_path / "grading"
    assert run_medialit("grade", str(MODEL), "--lessons", "L90", "--out", str(out), "--no-analytics").returncode == 0
    marker = RubricMarker(out)
    assert marker.text().startswith("Answer 1 of 1; 0 marked.")
    assert "Reading laterally means leaving the page" in marker.answer.value
    assert "Proficient" in marker.answer.value and "Model answer" in marker.answer.value
    assert marker.save_and_next() is False and "Choose a rubric level first" in marker.status.value
    marker.level.value = "proficient"
    marker.comment.value = "Clear and complete."
    assert marker.save_and_next() is True
    assert "1 marked" in marker.text()
    stored = json.loads((out / "rubric-marks.json").read_text())
    assert stored["marks"]["model-answers"]["L90.q07"]["level"] == "proficient"
    result = grade([MODEL], lessons=["L90"], marks=RubricMarks(out / "rubric-marks.json"))
    lesson = result.students[0].lessons["L90"]
    assert lesson.points == lesson.max_points  # the written answer now counts


def test_a_missing_queue_is_explained(tmp_path):
    marker = RubricMarker(tmp_path / "nowhere")
    assert "run medialit grade" in marker.status.value and marker.items == []
