"""`medialit grade`: a pure function of answers and key, safe with any input."""

import csv
import json
import os
import random
from pathlib import Path


from kit.grading import RubricMarks, grade
from kit.questions import load_bank, load_key
from tests.conftest import FIXTURES, run_medialit
from tests.grading.synthetic import answers_document

MODEL = FIXTURES / "answer-key" / "model-answers" / "L90.json"


def write(path: Path, document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def student_file(folder: Path, student: str, name: str, answers: dict, lesson="L90") -> Path:
    document = {"schema": 1, "lesson": lesson, "student": {"id": student, "name": name},
                "updated": "2026-11-01T10:00:00Z", "answers": {q: {"value": v} for q, v in answers.items()}}
    return write(folder / f"{student}-{lesson}.json", document)


def test_model_answers_score_full_marks_and_written_answers_wait_for_the_rubric(fixture_bank):
    result = grade([MODEL], lessons=["L90"])
    (student,) = result.students
    lesson = student.lessons["L90"]
    statuses = {q.question.id: q.score.status for q in lesson.questions}
    assert statuses.pop("L90.q07") == "pending"
    assert set(statuses.values()) == {"correct"}
    assert lesson.points == lesson.max_points - 3  # all but the 3-point written answer
    assert result.exit_status == 0 and result.problems == []


def test_rubric_marks_complete_the_grade(fixture_bank, tmp_path):
    marks = RubricMarks(tmp_path / "marks.json")
    marks.set("model-answers", "L90.q07", level="emergent", comment="Say why self-description is not enough.")
    result = grade([MODEL], lessons=["L90"], marks=marks)
    q07 = next(q for q in result.students[0].lessons["L90"].questions if q.question.id == "L90.q07")
    assert (q07.score.points, q07.score.status, q07.mark_comment) == (1.5, "partial", "Say why self-description is not enough.")


def test_partial_credit_per_rule(fixture_bank, tmp_path):
    path = student_file(tmp_path, "ada", "Ada", {
        "L90.q02": ["author", "editor"],                            # jaccard: 1 of 4 -> 0.25 x 2
        "L90.q03": {"s09": "factual", "s22": "opinion", "s31": "factual"},  # 2 of 3 (opinion accepted)
        "L90.q05": {"p1": "supports", "p2": "qualifies"},            # 1 of 2
        "L90.q06": {"owner": "", "funding": "", "others_say": "", "flags": ["disclaimer", "no-corrections", "names-founder"], "verdict": "reliable"},
    })
    points = {q.question.id: q.score.points for q in grade([path], lessons=["L90"]).students[0].lessons["L90"].questions}
    assert points["L90.q02"] == 0.5 and points["L90.q03"] == 2.0 and points["L90.q05"] == 1.0 and points["L90.q06"] == 1.0


def test_bad_files_are_named_with_reasons_and_the_rest_are_graded(fixture_bank, tmp_path):
    folder = tmp_path / "collected"
    good = student_file(folder, "grace", "Grace Hopper", {"L90.q01": "stop"})
    write(folder / "truncated.json", '{"schema": 1, "lesson": "L90", "answ')
    write(folder / "not-json.txt", "hello")
    write(folder / "nested.json", "[" * 100_000 + "]" * 100_000)
    write(folder / "huge.json", '{"x": "' + "a" * 6_000_000 + '"}')
    write(folder / "list.json", [1, 2, 3])
    write(folder / "future.json", {"schema": 99, "lesson": "L90", "student": {"id": "x"}, "answers": {}})
    write(folder / "other-lesson.json", {"schema": 1, "lesson": "L99", "student": {"id": "y"}, "answers": {}})
    student_file(folder, "typed", "Wrong Types", {"L90.q01": 5, "L90.q03": ["s09"], "L90.q42": "x"})
    os.symlink(good, folder / "link.json")
    (folder / "sub").mkdir()
    write(folder / "sub" / "image.png", "\x89PNG")
    result = grade([folder, tmp_path / "missing.json"], lessons=["L90"])
    reasons = {Path(p.path).name: p.reason for p in result.problems if not p.graded}
    assert "was it cut short?" in reasons["truncated.json"]
    assert reasons["not-json.txt"] == "not a .json answers file or bundle"
    assert "nested too deeply" in reasons["nested.json"]
    assert "a submission is at most" in reasons["huge.json"]
    assert "does not hold a JSON object" in reasons["list.json"]
    assert "newer kit" in reasons["future.json"]
    assert "lesson 'L99' is unknown" in reasons["other-lesson.json"]
    assert "symbolic link" in reasons["link.json"]
    assert reasons["image.png"] == "not a .json answers file or bundle"
    assert reasons["missing.json"] == "no such file or folder"
    inside = [p.reason for p in result.problems if p.graded]
    assert "L90.q01: expected one option id (text), got int" in inside
    assert any(r.startswith("L90.q03: expected a mapping") for r in inside)
    assert any("unknown questions were ignored: L90.q42" in r for r in inside)
    assert sorted(s.id for s in result.students) == ["grace", "typed"]
    assert result.exit_status == 1


def test_duplicates_keep_the_newer_file_and_warn(fixture_bank, tmp_path):
    older = student_file(tmp_path / "a", "ada", "Ada", {"L90.q01": "trace"})
    newer_doc = json.loads(older.read_text())
    newer_doc["updated"] = "2026-11-02T10:00:00Z"
    newer_doc["answers"]["L90.q01"]["value"] = "stop"
    write(tmp_path / "b" / "ada.json", newer_doc)
    result = grade([tmp_path], lessons=["L90"])
    assert len(result.students) == 1 and result.students[0].lessons["L90"].questions[0].score.status == "correct"
    assert "ada handed in L90 twice" in result.warnings[0] and str(tmp_path / "b" / "ada.json") in result.warnings[0]


def test_hostile_names_and_text_are_neutralised_in_every_output(fixture_bank, tmp_path):
    hostile = student_file(tmp_path / "in", "../../../etc/passwd", '=HYPERLINK("http://evil.example","click")',
                           {"L90.q07": "<script>alert('x')</script> " + "word " * 20, "L90.q01": "trace"})
    plus = student_file(tmp_path / "in", "+cmd", "@SUM(A1)", {"L90.q01": "stop"})
    out = tmp_path / "out"
    done = run_medialit("grade", str(hostile), str(plus), "--lessons", "L90", "--out", str(out), "--no-analytics")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader((out / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()))
    names = {row[1]: row[0] for row in rows[1:]}
    assert names == {"etc-passwd": "'=HYPERLINK(\"http://evil.example\",\"click\")", "cmd": "'@SUM(A1)"}
    assert sorted(p.name for p in (out / "feedback").iterdir()) == ["cmd.html", "etc-passwd.html"]
    page = (out / "feedback" / "etc-passwd.html").read_text()
    assert "<script>" not in page and "&lt;" in page
    queue = json.loads((out / "free-text-queue.json").read_text())["items"]
    assert queue[0]["answer"].startswith("<script>")  # kept as data for the marker; escaped wherever shown


def test_grade_command_writes_gradebook_feedback_and_summary(fixture_bank, tmp_path):
    bank, key = load_bank("L90"), load_key("L90")
    rng = random.Random(3)
    for n in range(5):
        write(tmp_path / "in" / f"s{n}.json", answers_document(f"s{n}", f"Student {n}", bank, key, rng))
    write(tmp_path / "in" / "broken.json", "{")
    done = run_medialit("grade", str(tmp_path / "in"), "--lessons", "L90", "--out", str(tmp_path / "out"))
    assert done.returncode == 1  # one file failed
    assert "Graded 5 student(s) on L90." in done.stdout
    assert "1 file(s) could not be graded:" in done.stdout and "broken.json: is not valid JSON" in done.stdout
    header, *rows = list(csv.reader((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert header[:3] == ["Student", "ID", "L90 (15 pts)"] and header[3] == "Total (15 pts)" and len(rows) == 5
    assert {p.name for p in (tmp_path / "out" / "analytics").glob("*.png")} >= {"correct-rate-per-question.png", "claim-type-confusion.png", "rating-distribution.png"}
    assert 'alt="Bar chart of the share of students' in (tmp_path / "out" / "analytics" / "index.html").read_text()


def test_a_huge_written_answer_is_graded_and_shown_shortened(fixture_bank, tmp_path):
    huge = "evidence " * 400_000  # 3.6 MB of text in one answer, under the 5 MB file limit
    path = student_file(tmp_path / "in", "big", "Big Writer", {"L90.q07": huge, "L90.q01": "stop"})
    out = tmp_path / "out"
    done = run_medialit("grade", str(path), "--lessons", "L90", "--out", str(out), "--no-analytics")
    assert done.returncode == 0, done.stdout + done.stderr
    page = (out / "feedback" / "big.html").read_text()
    assert len(page) < 60_000 and "evidence evidence" in page and "\u2026" in page
