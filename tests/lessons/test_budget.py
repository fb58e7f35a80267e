"""Every lesson fits one class period (issue 13, item 9): at most 2,000 core words and 40 modelled minutes.

The fast test measures the committed notebooks as they are (``medialit
lesson-stats --no-run``), which is sound for what it counts:

- prose and question text do not depend on running anything: prose is read
  from the Markdown cells, and a question's words from its bank;
- printed output is read from the outputs stored in the notebook. Those are
  the outputs of the cells tagged ``nbval-check-output`` (``medialit
  refresh-lesson`` keeps only those), and nbval, which the suite runs on every
  lesson, re-executes the lesson and fails when a checked cell prints anything
  else. So each stored output is what a fresh run prints.

What no-run mode cannot see is output of an unchecked code cell (one that
prints the student's own results, which differ from run to run, or a plot).
The slow test below runs each lesson in a fresh kernel and applies the same
budget to everything printed, so such output cannot push a lesson over
unnoticed.
"""

from __future__ import annotations

import pytest

from kit import lessonstats
from tests.conftest import ROOT, run_medialit

LESSONS = lessonstats.lesson_notebooks(ROOT / "lessons")


def _row(stats: lessonstats.LessonStats) -> str:
    return (f"{stats.lesson} ({stats.notebook}): {stats.core_words:,} core words (at most {lessonstats.MAX_CORE_WORDS:,}), "
            f"{stats.modelled_minutes:g} modelled minutes (at most {lessonstats.MAX_MINUTES}); move secondary material "
            "to extension (a cell tagged 'extension' or a <details> block) or cut it")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_is_within_its_reading_and_time_budget(path):
    stats = lessonstats.measure(path, run=False)
    assert stats.core_words > 0 and stats.questions > 0, f"{path.name}: nothing measured"
    assert stats.within_budget, _row(stats)


@pytest.mark.slow
@pytest.mark.notebook
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_run_in_a_fresh_kernel_is_within_budget(path):
    stats = lessonstats.measure(path, run=True)
    assert stats.within_budget, _row(stats)
    stored = lessonstats.measure(path, run=False)
    assert stats.core_words >= stored.core_words  # running adds unchecked cells' output, never removes stored output


def test_the_guide_shows_the_lesson_stats_table_of_the_committed_lessons():
    text = (ROOT / "instructor-guide" / "overview.md").read_text(encoding="utf-8")
    shown = lessonstats.guide_table(text)
    assert shown is not None, "overview.md has lost its <!-- lesson-stats --> table"
    assert shown == lessonstats.table(lessonstats.measure_all(LESSONS, run=False)), \
        "regenerate it: medialit lesson-stats --no-run --update-guide"


def test_update_guide_rewrites_only_the_table_between_the_markers(tmp_path):
    page = tmp_path / "overview.md"
    page.write_text("# Overview\n\nBefore.\n\n<!-- lesson-stats -->\nold\n<!-- /lesson-stats -->\n\nAfter.\n", encoding="utf-8")
    stats = [lessonstats.LessonStats(lesson="L99", notebook="99.ipynb", core_words=1000, extension_words=300, questions=4,
                                     response_rows=12, written_answers=1, timed_minutes=6)]
    assert lessonstats.update_guide(page, stats)
    text = page.read_text(encoding="utf-8")
    assert lessonstats.guide_table(text) == lessonstats.table(stats)
    assert text.startswith("# Overview\n\nBefore.\n\n<!-- lesson-stats -->\n| lesson |") and text.endswith("<!-- /lesson-stats -->\n\nAfter.\n")
    bare = tmp_path / "bare.md"
    bare.write_text("No table here.\n", encoding="utf-8")
    assert not lessonstats.update_guide(bare, stats) and bare.read_text(encoding="utf-8") == "No table here.\n"


def test_the_command_refuses_to_write_the_guide_from_a_run_or_from_some_lessons():
    done = run_medialit("lesson-stats", "--update-guide")
    assert done.returncode == 2 and "--no-run" in done.stderr

