"""Helpers shared by the benchmarks: timing subprocesses and kernels, printing a table."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def time_python(code: str, *, repeat: int = 7, env: dict | None = None) -> float:
    """Median wall time (s) of running ``python -c code`` in a fresh interpreter, minus bare start-up."""
    def once(source: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", source], check=True, env=env, cwd=ROOT)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(repeat))
    return statistics.median(once(code) for _ in range(repeat)) - bare


def report(title: str, rows: list[tuple[str, float, str]]) -> None:
    """Print ``label: value unit`` rows under a title."""
    print(f"\n== {title} ==")
    width = max(len(label) for label, _, _ in rows)
    for label, value, unit in rows:
        print(f"  {label:<{width}}  {value:10.1f} {unit}")
