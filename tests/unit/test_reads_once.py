"""validate() reads each dataset file once: counted with Python's audit hook for every real open()."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = r"""
import collections, sys
from pathlib import Path
opened = collections.Counter()
folder = Path(sys.argv[1]).resolve()
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(str(folder)):
        opened[Path(args[0]).relative_to(folder).as_posix()] += 1
from kit import datacheck
sys.addaudithook(hook)
problems = datacheck.validate(folder)
assert problems == [], problems[:3]
print("\n".join(f"{name} {count}" for name, count in sorted(opened.items())))
"""


def test_validate_opens_each_dataset_file_once(datasets_copy):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(datasets_copy)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    counts = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines())
    assert "claims.csv" in counts and "techniques.csv" in counts and "lexicons/hedges.txt" in counts
    assert {name: n for name, n in counts.items() if n != "1"} == {}
