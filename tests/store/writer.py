"""A process that saves answers in a loop (driven by the durability and concurrency tests).

usage: python writer.py FOLDER STUDENT LESSON MODE [ARGS]
  count  PAD        save L90.q01 = {"n": i, "pad": "x" * PAD} for i = 1, 2, ... and print i after each save
  ids    FIRST N    save L90.q<k> = k for k in FIRST .. FIRST+N-1
"""

import sys
from pathlib import Path

from kit.answers import AnswerStore

folder, student, lesson, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
store = AnswerStore(student=student, lesson=lesson, folder=folder)
if mode == "count":
    pad = "x" * int(sys.argv[5])
    start = (store.get("L90.q01") or {}).get("n", 0)
    i = start
    while True:
        i += 1
        store.save("L90.q01", {"n": i, "pad": pad})
        print(i, flush=True)
elif mode == "ids":
    first, count = int(sys.argv[5]), int(sys.argv[6])
    for k in range(first, first + count):
        store.save(f"L90.q{k:04d}", k)
