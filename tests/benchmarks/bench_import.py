"""How long `import kit` takes, beside `import pandas` alone (fresh interpreter each time)."""

from _common import report, time_python

if __name__ == "__main__":
    pandas = time_python("import pandas")
    kit = time_python("import kit")
    kit_data = time_python("import kit.data, kit.articles; kit.data.load('claims')")
    stack = time_python("import ipywidgets, pandas, matplotlib")
    kit_lesson = time_python("import kit.lesson, kit.data, kit.plots")
    report("import time (median of 7, interpreter start-up subtracted)", [
        ("import pandas (floor)", 1000 * pandas, "ms"),
        ("import kit", 1000 * kit, "ms"),
        ("import kit.data + load claims", 1000 * kit_data, "ms"),
        ("import ipywidgets, pandas, matplotlib (floor)", 1000 * stack, "ms"),
        ("import kit.lesson, kit.data, kit.plots", 1000 * kit_lesson, "ms"),
    ])
    print(f"  import kit is {kit / pandas:.2f}x import pandas; the lesson stack is {kit_lesson / stack:.2f}x its floor")
