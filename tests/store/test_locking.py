"""A save waits a bounded time for another process's lock, then says which file is locked."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.answers import AnswerStore
from kit.atomicfile import LockTimeout, locked, write_json_atomic
from kit.errors import KitError

HOLDER = Path(__file__).with_name("holder.py")


def hold_lock(path: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_lock_held_by_another_process_makes_a_save_fail_after_the_timeout(tmp_path):
    store = AnswerStore(student="ada", lesson="L90", folder=tmp_path, lock_timeout=1.5)
    store.save("L90.q01", "stop")
    holder = hold_lock(store.path)
    try:
        start = time.monotonic()
        with pytest.raises(LockTimeout) as caught:
            store.save("L90.q01", "find")
        waited = time.monotonic() - start
    finally:
        holder.kill()
        holder.wait()
    assert 1.4 <= waited < 5, waited  # waited for the lock, then gave up: no hang
    message = str(caught.value)
    assert str(store.path) in message and "1.5 s" in message and "L90.json.lock" in message
    assert isinstance(caught.value, KitError) and isinstance(caught.value, OSError)  # widgets report OSErrors
    assert json.loads(store.path.read_text())["answers"]["L90.q01"]["value"] == "stop"  # untouched
    store.save("L90.q01", "find")  # the holder is gone (killed, not released): the lock is free again
    assert AnswerStore(student="ada", lesson="L90", folder=tmp_path).get("L90.q01") == "find"


def test_the_widget_says_not_saved_when_the_file_stays_locked(fixture_bank, answers_dir):
    from kit.lesson import Lesson

    lesson = Lesson("L90", answers_folder=answers_dir)
    lesson.store.lock_timeout = 0.5
    widget = lesson.ask("q01")
    widget.value = "stop"
    holder = hold_lock(lesson.store.path)
    try:
        widget.value = "find"
    finally:
        holder.kill()
        holder.wait()
    assert "Not saved" in widget._status.value and "L90.json" in widget._status.value
    assert "Your answer is still on screen" in widget._status.value and widget.value == "find"


def test_locked_is_exclusive_within_the_timeout_and_writes_whole_files(tmp_path):
    path = tmp_path / "marks.json"
    with locked(path, timeout=1):
        with pytest.raises(LockTimeout, match="marks.json"):
            with locked(path, timeout=0.2):
                pass
        write_json_atomic(path, {"é": [1, 2]})
    assert json.loads(path.read_text(encoding="utf-8")) == {"é": [1, 2]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["marks.json", "marks.json.lock"]
