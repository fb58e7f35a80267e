"""Item analysis in ``medialit grade``: difficulty, corrected item-total discrimination, and a flag for items
where stronger students do worse, on a synthetic class with one item planted to discriminate negatively."""

from __future__ import annotations

import csv
import math

import pytest

from kit.grading import grade
from kit.grading.items import FLAG, item_analysis, point_biserial
from kit.questions import load_bank, load_key
from kit.reports import analytics
from kit.reports.write import write_reports
from tests.grading.synthetic import write_able_class

PLANTED = "L06.q05"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    banks = {lesson: load_bank(lesson) for lesson in ("L04", "L06")}
    keys = {lesson: load_key(lesson) for lesson in banks}
    write_able_class(folder, banks, keys, students=60, seed=11, reversed_items=(PLANTED,))
    return grade([folder], lessons=list(banks)), folder


def test_the_planted_item_is_flagged_and_the_others_discriminate(graded):
    result, _ = graded
    stats = {s.question: s for s in item_analysis(result)}
    planted = stats[PLANTED]
    assert planted.n == 60 and planted.discrimination < -0.25 and planted.flag == FLAG
    auto = [s for s in stats.values() if s.kind != "free-text"]
    assert sum(1 for s in auto if s.flag) == 1
    assert sorted(s.discrimination for s in auto if s.question != PLANTED)[len(auto) // 2] > 0.3
    # written answers no teacher has marked are not analysed
    assert all(s.n == 0 and math.isnan(s.difficulty) for s in stats.values() if s.kind == "free-text")


def test_difficulty_and_discrimination_match_a_hand_computation(graded):
    result, _ = graded
    question = "L06.q01"
    item, rest = [], []
    for student in result.students:
        marked = [q for q in student.results() if q.score.status != "pending"]
        mine = next(q for q in marked if q.question.id == question)
        item.append(mine.score.points / mine.score.max_points)
        rest.append(sum(q.score.points for q in marked) - mine.score.points)
    stats = next(s for s in item_analysis(result) if s.question == question)
    assert stats.difficulty == pytest.approx(sum(item) / len(item))
    assert stats.discrimination == pytest.approx(point_biserial(item, rest))
    assert point_biserial([1, 0, 1, 0], [2, 8, 3, 9]) < -0.9


def test_grade_writes_the_csv_and_the_plot_with_alt_text(graded, tmp_path):
    result, _ = graded
    written = write_reports(result, tmp_path / "out")
    with (tmp_path / "out" / "item-analysis.csv").open(encoding="utf-8") as handle:
        rows = {row["question"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {q.id for lesson in result.lessons for q in result.banks[lesson]}
    assert rows[PLANTED]["flag"] == FLAG and float(rows[PLANTED]["discrimination"]) < -0.25
    assert rows["L06.q11"]["discrimination"] == "" and rows["L06.q11"]["n"] == "0"
    assert (tmp_path / "out" / "analytics" / "item-analysis.png").exists()
    assert any("Item analysis" in label for label in written)
    plot = analytics.item_analysis(result)
    assert plot is not None and f"{PLANTED} (difficulty" in plot.alt and "1 flagged below the line" in plot.alt
    assert plot.figure.axes[0].get_xlabel().startswith("Difficulty") and plot.figure.axes[0].get_title(loc="left")
