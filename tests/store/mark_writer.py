"""A teacher marking written answers (driven by the concurrency tests).

usage: python mark_writer.py MARKS_FILE STUDENT N
Opens the marks file, prints ``ready``, waits for a line on stdin, then
records N marks (L07.q001 ...) for STUDENT, one save each, as the marking
notebook does.
"""

import sys

from kit.grading.marks import RubricMarks

path, student, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
marks = RubricMarks(path)
print("ready", flush=True)
sys.stdin.readline()
for k in range(1, count + 1):
    marks.set(student, f"L07.q{k:03d}", level=("proficient", "emergent", "basic")[k % 3], comment=f"{student} {k}")
