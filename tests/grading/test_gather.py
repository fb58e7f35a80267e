"""`medialit collect`: every student's answers from a hub's home folders into one folder; data only,
links never followed, everything left out named."""

import json
import time
from pathlib import Path

from kit.answers import AnswerStore
from kit.grading import grade
from kit.grading.gather import gather
from kit.submit import bundle
from tests.conftest import run_medialit


def home_with_answers(homes: Path, user: str, answers: dict[str, object], lesson: str = "L00") -> Path:
    folder = homes / user / "class-copy" / "answers"
    store = AnswerStore(student=user, lesson=lesson, folder=folder, student_name=user.title())
    for qid, value in answers.items():
        store.save(qid, value)
    return folder


def test_collect_copies_every_student_and_names_links_and_broken_files(tmp_path):
    homes = tmp_path / "home"
    home_with_answers(homes, "ada", {"L00.q01": "stop"})
    grace = home_with_answers(homes, "grace", {"L00.q01": "trace"})
    # a question bank and the release marker are JSON too, but not answers
    (homes / "ada" / "class-copy" / "questions").mkdir()
    (homes / "ada" / "class-copy" / "questions" / "L00.json").write_text(json.dumps({"lesson": "L00", "questions": []}))
    # links: a file and a folder pointing at another student's work, and one at a system file
    (homes / "eve" / "class-copy" / "answers" / "eve").mkdir(parents=True)
    (homes / "eve" / "class-copy" / "answers" / "eve" / "L00.json").symlink_to(grace / "grace" / "L00.json")
    (homes / "eve" / "stolen").symlink_to(homes / "ada")
    (homes / "eve" / "passwd.json").symlink_to("/etc/passwd")
    # a damaged answers file
    broken = homes / "mallory" / "answers" / "mallory" / "L00.json"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"schema": 1, "lesson": "L00", "answers": {')

    result = gather([homes], out=tmp_path / "submissions")

    assert sorted(str(p.relative_to(result.out)) for p in result.written) == ["ada/L00.json", "grace/L00.json"]
    assert json.loads((result.out / "ada" / "L00.json").read_text())["answers"]["L00.q01"]["value"] == "stop"
    skipped = {str(item.path.relative_to(homes)): item.reason for item in result.skipped}
    assert skipped.keys() == {"eve/class-copy/answers/eve/L00.json", "eve/stolen", "eve/passwd.json", "mallory/answers/mallory/L00.json"}
    assert skipped["eve/stolen"] == "is a symbolic link; not followed"
    assert "not valid JSON" in skipped["mallory/answers/mallory/L00.json"] or "JSON" in skipped["mallory/answers/mallory/L00.json"]
    assert result.other_json == 1
    summary = result.summary()
    assert "eve/stolen: is a symbolic link; not followed" in summary and "Collected 2 answers file(s) of 2 student(s)" in summary


def test_a_bundle_and_the_answers_file_of_the_same_lesson_keep_the_newer(tmp_path):
    answers = home_with_answers(tmp_path / "home", "ada", {"L00.q01": "trace"})
    handed_in = bundle(student="ada", answers_folder=answers, out=answers / "ada.medialit-submission.json").path
    time.sleep(1.1)  # timestamps have whole seconds
    AnswerStore(student="ada", lesson="L00", folder=answers, student_name="Ada").save("L00.q01", "stop")  # changed after handing in

    result = gather([tmp_path / "home"], out=tmp_path / "submissions")

    assert [str(p.relative_to(result.out)) for p in result.written] == ["ada/L00.json"]
    assert json.loads(result.written[0].read_text())["answers"]["L00.q01"]["value"] == "stop"
    assert result.duplicates and f"not {handed_in}" in result.duplicates[0]


def test_the_command_collects_then_grade_reads_the_folder(tmp_path):
    home_with_answers(tmp_path / "home", "ada", {"L00.q01": "stop"})
    home_with_answers(tmp_path / "home", "grace", {"L00.q01": "trace"})
    done = run_medialit("collect", str(tmp_path / "home"), "--out", str(tmp_path / "submissions"))
    assert done.returncode == 0, done.stderr
    assert f"medialit grade {tmp_path / 'submissions'}" in done.stdout
    result = grade([tmp_path / "submissions"], lessons=["L00"])
    assert [s.id for s in result.students] == ["ada", "grace"] and not result.problems

    empty = run_medialit("collect", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "other"))
    assert empty.returncode == 1 and "nothing-here: no such folder" in empty.stdout
