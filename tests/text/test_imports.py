"""Importing kit.text and kit.plots changes nothing and loads no heavy library."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import matplotlib
def snapshot():  # stored values only (reading "backend" normally imports pyplot)
    return dict(dict.items(matplotlib.rcParams))  # the stored values: never resolves the backend
before = snapshot()
import kit.text, kit.plots, kit.scaffold
loaded = [m for m in ("pandas", "matplotlib.pyplot", "matplotlib.figure", "ipywidgets") if m in sys.modules]
assert snapshot() == before
print("loaded:", loaded)
"""


def test_import_has_no_side_effects():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "loaded: []\n"
    assert result.stderr == ""
