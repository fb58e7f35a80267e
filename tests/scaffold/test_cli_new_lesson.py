"""Bad input through the real ``medialit new-lesson`` command: a clear message, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.text.helpers import ARTICLES, ROOT

MEDIALIT = Path(sys.executable).parent / "medialit"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [str(MEDIALIT)] if MEDIALIT.exists() else [sys.executable, "-m", "kit"]
    return subprocess.run([*command, "new-lesson", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith("medialit new-lesson: ") and result.stderr.count("\n") == 1
    return result.stderr.strip()


@pytest.mark.parametrize("name, content, message", [
    ("empty.md", b"", "empty.md: is empty"),
    ("only-front-matter.md", b'---\ntitle: "T"\n---\n\n', "only-front-matter.md: has no text after its front matter"),
    ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.md: looks like a binary file"),
    ("latin1.txt", "Le caf\u00e9 est ferm\u00e9 depuis lundi.".encode("latin-1"), "latin1.txt: is not UTF-8 text (byte 6 is 0xe9)"),
    ("bad-front.md", b"---\ntitle The\n---\nText.", "bad-front.md: line 2: front matter lines must look like 'key: value'"),
])
def test_unreadable_files_are_refused_with_the_reason(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    assert message in refused(run(name, "--out", "out", cwd=tmp_path))
    assert not (tmp_path / "out").exists()


def test_a_missing_file_and_a_bad_lesson_id(tmp_path):
    assert "nothing.md: no such file" in refused(run("nothing.md", cwd=tmp_path))
    text = refused(run(str(ARTICLES / "school-phones.txt"), "--lesson-id", "no spaces", cwd=tmp_path))
    assert "lesson id 'no spaces' must be 1 to 40 letters" in text


def test_a_5_mb_text_is_refused_quickly(tmp_path):
    (tmp_path / "book.txt").write_text("The council met again and nothing was decided. " * 110_000, encoding="utf-8")
    assert (tmp_path / "book.txt").stat().st_size > 5_000_000
    started = time.perf_counter()
    text = refused(run("book.txt", cwd=tmp_path))
    assert time.perf_counter() - started < 10
    assert "book.txt: is 5,170,000 characters (about 880,000 words); new-lesson makes lessons from articles of up to 300,000" in text


def test_success_then_refusal_to_overwrite(tmp_path):
    made = run(str(ARTICLES / "windpark-de.md"), "--out", "lesson", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Made lesson WINDPARK-DE from windpark-de.md (107 words, 7 sentences).")
    assert "language looks non-English: lexicon rates are not meaningful" in made.stdout
    again = refused(run(str(ARTICLES / "windpark-de.md"), "--out", "lesson", cwd=tmp_path))
    assert again == f"medialit new-lesson: {Path('lesson') / 'WINDPARK-DE.ipynb'} already exists; use --force to overwrite it"
    forced = run(str(ARTICLES / "windpark-de.md"), "--out", "lesson", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
