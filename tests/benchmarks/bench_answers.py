"""Answer saving latency (median, goal <= 20 ms), saves per typed written answer, and 50 widgets in a real kernel."""

import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from _common import ROOT, report
from nbclient import NotebookClient

FIXTURES = ROOT / "tests" / "fixtures"


def save_latency(samples: int = 300) -> tuple[float, float]:
    from kit.answers import AnswerStore

    folder = Path(tempfile.mkdtemp())
    store = AnswerStore(student="bench", lesson="L90", folder=folder)
    for k in range(40):  # a realistic file: 40 answered questions
        store.save(f"L90.q{k:02d}", {"row": "x" * 50})
    timings = []
    for i in range(samples):
        start = time.perf_counter()
        store.save("L90.q01", "stop" if i % 2 else "trace")
        timings.append(time.perf_counter() - start)
    floor = []
    path = folder / "plain.json"
    document = json.loads(store.path.read_text())
    for _ in range(samples):
        start = time.perf_counter()
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document))
        os.replace(temporary, path)
        floor.append(time.perf_counter() - start)
    return statistics.median(timings), statistics.median(floor)


def free_text_saves(length: int = 250) -> tuple[int, int, float]:
    """Saves (the file's revision count) for a ``length``-character answer typed one key at a time.

    Returns (saves with the kernel's event loop running: after the pause;
    saves with no loop: one per keystroke, as every keystroke was saved before;
    seconds from the last keystroke to the saved answer).
    """
    from kit.lesson import Lesson

    os.environ.update(MEDIALIT_LESSONS=str(FIXTURES / "lessons"), MEDIALIT_KEY=str(FIXTURES / "answer-key"))
    text = ("Who is behind this site, and what do others say about it? " * 10)[:length]

    def revisions(lesson) -> int:
        return json.loads(lesson.store.path.read_text())["answers"]["L90.q07"]["revision"]

    async def type_and_wait(widget, lesson) -> float:
        for i in range(1, length + 1):
            widget.area.value = text[:i]
            await asyncio.sleep(0.005)
        typed = time.perf_counter()
        while not lesson.store.path.exists() or lesson.store.get("L90.q07") != text:
            await asyncio.sleep(0.01)
        return time.perf_counter() - typed

    lesson = Lesson("L90", answers_folder=Path(tempfile.mkdtemp()), feedback=False)
    wait = asyncio.run(type_and_wait(lesson.ask("q07"), lesson))
    debounced = revisions(lesson)
    lesson = Lesson("L90", answers_folder=Path(tempfile.mkdtemp()), feedback=False)
    widget = lesson.ask("q07")
    for i in range(1, length + 1):
        widget.area.value = text[:i]
    return debounced, revisions(lesson), wait


BUILD = """
import time
from IPython.display import display
import kit
lesson = kit.lesson.start("L90")
start = time.perf_counter()
for n in range(50):
    display(lesson.ask(f"q0{n % 8 + 1}"))
elapsed = time.perf_counter() - start
print(f"{elapsed:.4f}")
"""


def widgets_in_kernel() -> tuple[float, float, float]:
    """(kernel start + imports, 50 widgets built and displayed inside the kernel, whole notebook)."""
    os.environ.update(MEDIALIT_LESSONS=str(FIXTURES / "lessons"), MEDIALIT_KEY=str(FIXTURES / "answer-key"),
                      MEDIALIT_ANSWERS=tempfile.mkdtemp())
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import ipywidgets, pandas, matplotlib")])
    start = time.perf_counter()
    NotebookClient(floor_nb, kernel_name="python3").execute()
    floor = time.perf_counter() - start
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(BUILD)])
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3").execute()
    total = time.perf_counter() - start
    inside = float(nb.cells[0].outputs[-1]["text"].split()[-1])
    return floor, inside, total


if __name__ == "__main__":
    median, floor = save_latency()
    report("answer store", [
        ("median save (lock, fsync, rename; 40 answers in file)", 1000 * median, "ms"),
        ("floor: plain write + rename, no fsync, no lock", 1000 * floor, "ms"),
    ])
    print(f"  goal <= 20 ms: {'met' if median <= 0.020 else 'NOT met'}")
    debounced, per_key, wait = free_text_saves()
    report("written answer: 250 characters typed one at a time", [
        ("saves now (after a 1 s pause in typing)", debounced, "saves"),
        ("saves before (one per keystroke; still so with no event loop)", per_key, "saves"),
        ("last keystroke to answer saved", 1000 * wait, "ms"),
    ])
    print(f"  goal <= 5 saves per answer: {'met' if debounced <= 5 else 'NOT met'}")
    kernel_floor, inside, total = widgets_in_kernel()
    report("widgets in a real kernel", [
        ("floor: kernel start + import ipywidgets, pandas, matplotlib", 1000 * kernel_floor, "ms"),
        ("build and display 50 widgets (inside the kernel)", 1000 * inside, "ms"),
        ("whole notebook: kernel start + kit + 50 widgets", 1000 * total, "ms"),
    ])
