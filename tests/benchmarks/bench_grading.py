"""Grade a synthetic 1,000 students x 8 lessons beside the floor of reading and parsing their files
(goal: grading <= 3x that floor), and beside nbval on one answer-key notebook."""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

from kit.grading import collect, grade
from kit.questions import lesson_ids, load_bank, load_key
from kit.reports.write import write_reports
from tests.grading.synthetic import write_class

STUDENTS = 1000

if __name__ == "__main__":
    lessons = lesson_ids()
    banks = {lesson: load_bank(lesson) for lesson in lessons}
    keys = {lesson: load_key(lesson) for lesson in lessons}
    folder = Path(tempfile.mkdtemp()) / "class"
    start = time.perf_counter()
    files = write_class(folder, banks, keys, students=STUDENTS, seed=1)
    made = time.perf_counter() - start

    floor = float("inf")
    for _ in range(3):  # the floor: open, read and parse every answers file (best of three)
        start = time.perf_counter()
        for path in files:
            json.loads(Path(path).read_text(encoding="utf-8"))
        floor = min(floor, time.perf_counter() - start)

    reading = float("inf")
    for _ in range(3):  # the kit's own reading: links and sizes checked, shapes checked, typed records (no scoring)
        start = time.perf_counter()
        records, _ = collect([folder])
        reading = min(reading, time.perf_counter() - start)

    graded = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = grade([folder], lessons=lessons)
        graded = min(graded, time.perf_counter() - start)
    assert len(result.students) == STUDENTS and not result.problems

    start = time.perf_counter()
    write_reports(result, folder.parent / "grading")
    written = time.perf_counter() - start

    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-o", "addopts=",
                           "--nbval-lax", str(ROOT / "instructor-guide" / "answer-key" / "L02-key.ipynb")],
                          cwd=ROOT, capture_output=True, text=True)
    nbval = time.perf_counter() - start
    report(f"grading {STUDENTS} students x {len(lessons)} lessons ({len(files)} answers files)", [
        ("make the synthetic class (not part of grading)", made, "s"),
        ("floor: read and parse every answers file (best of 3)", floor, "s"),
        ("the kit's reading: checked and typed records, no scoring (best of 3)", reading, "s"),
        ("grade: read, check and score every file (best of 3)", graded, "s"),
        ("write gradebook, 1,000 feedback pages, plots", written, "s"),
        ("grade + reports", graded + written, "s"),
        ("nbval on ONE answer-key notebook (one student, one lesson)", nbval, "s"),
    ])
    print(f"  grade = {graded / floor:.2f}x the floor (goal <= 3x): {'met' if graded <= 3 * floor else 'NOT met'}; "
          f"{graded / reading:.2f}x the kit's own checked reading")
    print(f"  grade + reports {graded + written:.1f} s; "
          f"per answers file {1000 * graded / len(files):.2f} ms; nbval for one file {nbval:.1f} s "
          f"({nbval / (graded / len(files)):.0f}x slower per file) [nbval {'passed' if done.returncode == 0 else 'FAILED'}]")
