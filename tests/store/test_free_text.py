"""A written answer is saved after a pause in typing, not on every keystroke, and never lost.

Saves are counted with the answers file's own ``revision`` (one more per save).
"""

import asyncio
import json
import os
import time

import pytest
from jupyter_client.manager import KernelManager

from kit.lesson import Lesson
from kit.text.segment import words
from kit.widgets.cards import PAUSE

ANSWER = ("Lateral reading means leaving the page to see what others say about who is behind it, "
          "because a site can describe itself any way it likes; checking the owner and funding first "
          "tells me whether to trust the claims before I spend time reading it all...")
assert len(ANSWER) == 250


def saved(lesson: Lesson) -> dict | None:
    """The saved record of the written answer (value, revision), read from the file."""
    if not lesson.store.path.exists():
        return None
    return json.loads(lesson.store.path.read_text(encoding="utf-8"))["answers"].get("L90.q07")


async def type_into(widget, text: str, *, start: str = "", delay: float = 0.002) -> list[str]:
    """Type ``text`` one character at a time as the browser reports it; return the word counts shown."""
    counts = []
    for i in range(1, len(text) + 1):
        widget.area.value = start + text[:i]
        counts.append(widget.count.value)
        await asyncio.sleep(delay)
    return counts


def test_typing_250_characters_saves_after_the_pauses_not_per_keystroke(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask("q07")
    thirds = [ANSWER[:80], ANSWER[80:170], ANSWER[170:]]

    async def student():
        typed, seen = "", []
        for part in thirds:
            counts = await type_into(widget, part, start=typed)
            typed += part
            assert saved(lesson) is None or saved(lesson)["value"] != typed  # not saved while typing...
            assert "saved when you pause" in widget._status.value
            await asyncio.sleep(PAUSE + 0.4)
            seen.append(saved(lesson))  # ...but after each pause
            assert counts[-1] == widget.count.value and f"{len(words(typed))} words" in counts[-1]
        return seen

    seen = asyncio.run(student())
    assert [s["value"] for s in seen] == [ANSWER[:80], ANSWER[:170], ANSWER]
    assert seen[-1]["revision"] <= 5 and seen[-1]["revision"] == 3  # one save per pause
    assert "(saved)" in widget._status.value and lesson.progress.answered == 1


def test_the_value_setter_save_and_check_save_at_once_and_cancel_the_wait(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask("q07")

    async def student():
        await type_into(widget, "Half a thought")
        widget.value = "Set by code"  # other code and tests rely on an immediate save
        assert saved(lesson) == {**saved(lesson), "value": "Set by code", "revision": 1}
        await type_into(widget, " and more", start="Set by code")
        widget.check()  # pressing Check saves what is typed first
        assert saved(lesson)["value"] == "Set by code and more"
        await type_into(widget, "!", start="Set by code and more")
        widget.save()
        assert saved(lesson)["value"] == "Set by code and more!"
        await asyncio.sleep(PAUSE + 0.4)  # the cancelled waits save nothing more

    asyncio.run(student())
    assert saved(lesson)["revision"] == 3


def test_without_an_event_loop_every_change_is_saved_at_once(fixture_bank, answers_dir):
    lesson = Lesson("L90", answers_folder=answers_dir)
    widget = lesson.ask("q07")
    for i in range(1, 6):
        widget.area.value = ANSWER[:i]
        assert saved(lesson) == {**saved(lesson), "value": ANSWER[:i], "revision": i}


# --------------------------------------------------------------------------- in a real kernel, typed as the browser does


@pytest.fixture
def kernel(fixture_bank, answers_dir, tmp_path):
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**os.environ}, cwd=str(tmp_path))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    yield manager, client
    client.stop_channels()
    if manager.is_alive():
        manager.shutdown_kernel(now=True)


def run(client, code: str) -> str:
    printed = []
    reply = client.execute_interactive(
        code, timeout=60,
        output_hook=lambda m: printed.append(m["content"]["text"]) if m["msg_type"] == "stream" else None,
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(printed)


def type_in_browser(client, model_id: str, text: str, *, start: str = "") -> None:
    """Send what JupyterLab sends for each keystroke in a Textarea: a comm update of its value."""
    for i in range(1, len(text) + 1):
        state = {"value": start + text[:i]}
        client.shell_channel.send(client.session.msg(
            "comm_msg", content={"comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []}}))
        time.sleep(0.005)


def wait_for(check, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    return check()


@pytest.mark.notebook
def test_in_a_real_kernel_typing_saves_after_a_pause_and_shutdown_keeps_the_rest(kernel, answers_dir):
    manager, client = kernel
    model_id = run(client, 'import kit\nlesson = kit.lesson.start("L90")\nw = lesson.ask("q07")\nprint(w.area.model_id)').strip()
    path = answers_dir / "anonymous" / "L90.json"

    def record():
        return json.loads(path.read_text(encoding="utf-8"))["answers"]["L90.q07"] if path.exists() else None

    type_in_browser(client, model_id, ANSWER)
    assert run(client, "print(w.area.value == w.value)").strip() == "True"  # every keystroke arrived
    assert run(client, "print(w.count.value)").count(f"{len(words(ANSWER))} words") == 1  # the count followed
    after_pause = wait_for(lambda: (r := record()) and r["value"] == ANSWER and r)
    assert after_pause["value"] == ANSWER and after_pause["revision"] <= 5, after_pause["revision"]
    saves = after_pause["revision"]

    type_in_browser(client, model_id, " Then I decide.", start=ANSWER)  # and close the notebook at once
    assert run(client, "print(w.area.value.endswith('decide.'), w._timer is not None)").split() == ["True", "True"]
    manager.shutdown_kernel(now=False)  # a graceful shutdown, as JupyterLab's "Shut Down Kernel"
    final = record()
    assert final["value"] == ANSWER + " Then I decide." and final["revision"] == saves + 1
