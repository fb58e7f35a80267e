"""Run every benchmark and print its figures (they print; they do not assert on timers)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n##### {script.name}", flush=True)
        done = subprocess.run([sys.executable, str(script)], cwd=HERE, stderr=subprocess.PIPE, text=True)
        errors = [line for line in done.stderr.splitlines() if "Kernel is running over TCP" not in line]
        if done.returncode != 0:
            failed.append(script.name)
            print("\n".join(errors[-20:]))
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}")
    sys.exit(1 if failed else 0)
