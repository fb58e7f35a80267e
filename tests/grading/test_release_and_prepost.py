"""A student copy runs with its practice key only; the class pre/post plot reports the effect size."""


import nbformat
from nbclient import NotebookClient

from kit.grading import grade
from kit.questions import load_bank, load_key
from kit.release import release
from kit.reports import analytics
from tests.grading.synthetic import write_class


def test_a_released_copy_runs_its_lessons_with_practice_feedback_only(tmp_path, monkeypatch):
    copy = release(tmp_path / "class-copy").folder
    names = sorted(p.name for p in copy.iterdir())
    assert [n for n in names if n.endswith(".ipynb")] == ["00-start-here.ipynb", "01-who-is-behind-it.ipynb", "02-anatomy-of-an-argument.ipynb",
                         "03-trace-the-citations.ipynb", "04-the-language-of-certainty.ipynb",
                         "05-find-better-coverage.ipynb", "06-weigh-the-evidence.ipynb", "07-final-evaluation.ipynb"]
    assert {"datasets", "questions", "README.md", ".medialit-release.json"} <= set(names)
    assert not any("answer-key" in str(p) or "model-answers" in str(p) for p in copy.rglob("*"))
    monkeypatch.delenv("MEDIALIT_ANSWERS", raising=False)  # answers go beside the lessons, as for a student
    notebook = nbformat.read(copy / "00-start-here.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(copy)}}).execute()
    header = next(c for c in notebook.cells if c.cell_type == "code" and "kit.lesson.start" in c.source)
    shown = header.outputs[0]["data"]["text/plain"]
    assert "Feedback is on for practice questions" in shown and "your teacher marks them" in shown
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    assert (copy / "answers").is_dir() is False or not any((copy / "answers").rglob("*.json"))


def test_pre_post_plot_reports_the_class_effect_size(tmp_path):
    banks = {lesson: load_bank(lesson) for lesson in ("L00", "L07")}
    keys = {lesson: load_key(lesson) for lesson in ("L00", "L07")}
    write_class(tmp_path / "class", banks, keys, students=12, seed=4)
    result = grade([tmp_path / "class"], lessons=["L00", "L07"])
    pairs, effect = result.pre_post()
    assert len(pairs) >= 10
    plot = analytics.pre_post(result)
    assert plot is not None and "Paired dot plot of" in plot.alt and f"d_z = {effect:.2f}" in plot.alt
    paths = analytics.write_all(result, tmp_path / "analytics")
    assert "pre-post.png" in {p.name for p in paths}
