"""`medialit grade --lms ...` as a teacher runs it: the file, the report on screen, clear errors."""

from tests.conftest import run_medialit
from tests.lms.conftest import ROSTERS


def test_grade_with_lms_writes_the_file_and_shows_who_is_missing(submissions, tmp_path):
    done = run_medialit("grade", str(submissions), "--out", str(tmp_path), "--lessons", "L00,L01", "--quiet",
                        "--no-analytics", "--lms", "canvas", "--roster", str(ROSTERS / "canvas-gradebook-export.csv"),
                        "--assignment", "L00=Lesson 0: Start here (12340)")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "gradebook-canvas.csv").exists() and (tmp_path / "gradebook.csv").exists()
    assert "Alan Turing (id alan-turing)" in done.stdout and "row 6: Okafor, Chidi" in done.stdout
    assert "Roster matching (3 to check)" in done.stdout  # Alan, Chidi, and L00's points differ from Canvas's


def test_lms_options_are_checked_before_grading(submissions, tmp_path):
    done = run_medialit("grade", str(submissions), "--out", str(tmp_path), "--lms", "canvas")
    assert done.returncode == 2 and "--lms canvas needs --roster" in done.stderr
    done = run_medialit("grade", str(submissions), "--out", str(tmp_path), "--roster", "x.csv")
    assert done.returncode == 2 and "need --lms" in done.stderr
    done = run_medialit("grade", str(submissions), "--out", str(tmp_path), "--lms", "moodle", "--roster",
                        str(ROSTERS / "moodle-grade-export.csv"), "--assignment", "L00=1")
    assert done.returncode == 2 and "--assignment is for --lms canvas" in done.stderr
    assert not (tmp_path / "gradebook.csv").exists()


def test_a_missing_roster_is_named_before_grading(submissions, tmp_path):
    done = run_medialit("grade", str(submissions), "--out", str(tmp_path), "--lms", "moodle", "--roster", str(tmp_path / "nope.csv"))
    assert done.returncode == 2 and "nope.csv: roster file not found" in done.stderr
    assert not (tmp_path / "gradebook.csv").exists()
