"""Write every grading output into one folder (every JSON file atomically, through :mod:`kit.atomicfile`).

>>> import json, tempfile
>>> from kit.grading import ClassResult
>>> out = Path(tempfile.mkdtemp())
>>> sorted(write_reports(ClassResult(lessons=[], banks={}, keys={}), out))
['Feedback pages, one per student', 'Gradebook (CSV, with analytics)', 'Written answers to mark']
>>> json.loads((out / "problems.json").read_text(encoding="utf-8"))
[]
"""

from __future__ import annotations

from pathlib import Path

from kit.atomicfile import write_json_atomic
from kit.grading import ClassResult, forms, free_text_queue, items
from kit.reports import gradebook, pages


def write_reports(result: ClassResult, out: Path, *, analytics: bool = True, lms=None) -> dict[str, Path]:
    """Write the gradebook, feedback pages, the written-answer queue and (optionally) the class plots.

    ``lms`` (a :class:`kit.reports.lms.LmsOptions`) adds the import file for that LMS.

    Returns what was written, by label, for the summary.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {"Gradebook (CSV, with analytics)": gradebook.write(result, out / "gradebook.csv")}
    if lms is not None:
        from kit.reports import lms as lms_files

        written.update(lms_files.write(result, out, lms))
    pages.write_all(result, out / "feedback")
    written["Feedback pages, one per student"] = out / "feedback"
    queue = free_text_queue(result)
    write_json_atomic(out / "free-text-queue.json", {"schema": 1, "items": queue})
    written["Written answers to mark"] = out / "free-text-queue.json"
    if result.students:
        written["Item analysis (difficulty, discrimination, flags)"] = items.write_csv(items.item_analysis(result), out / "item-analysis.csv")
        if any(q.spec.get("form") for bank in result.banks.values() for q in bank):
            written["Pre/post forms (counterbalanced gain, form difficulty)"] = forms.write_csv(forms.counterbalanced(result), out / "pre-post-forms.csv")
    if analytics and result.students:
        from kit.reports import analytics as class_plots

        class_plots.write_all(result, out / "analytics")
        written["Class analytics (PNG)"] = out / "analytics"
    write_json_atomic(out / "problems.json",
                      [{"file": str(p.path), "reason": p.reason, "graded": p.graded} for p in result.problems])
    return written
