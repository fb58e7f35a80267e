"""`import kit` changes nothing: no backend or rcParams change, no pandas option, no output."""

import subprocess
import sys

CHECK = r"""
import contextlib, io, sys
import matplotlib, pandas
def state():
    params = {k: dict.__getitem__(matplotlib.rcParams, k) for k in matplotlib.rcParams.keys()}
    return params, pandas.get_option("display.max_rows"), pandas.get_option("mode.copy_on_write")
before = state()
printed = io.StringIO()
with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
    import kit
    for name in ("articles", "data", "text", "plots", "questions", "answers", "widgets", "lesson", "grading", "reports", "metrics"):
        getattr(kit, name)
    import kit.plots, kit.reports.analytics, kit.widgets.rubric, kit.cli
assert state() == before, "global state changed"
assert printed.getvalue() == "", printed.getvalue()
print("pyplot" if "matplotlib.pyplot" in sys.modules else "no pyplot")
"""


def test_importing_every_module_changes_no_global_state_and_prints_nothing():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no pyplot"


def test_import_kit_alone_loads_neither_pandas_nor_matplotlib():
    code = "import sys, kit; print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
