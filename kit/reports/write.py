"""Write every grading output into one folder."""

from __future__ import annotations

import json
from pathlib import Path

from kit.answers import write_json_atomic
from kit.grading import ClassResult, forms, free_text_queue, items
from kit.reports import gradebook, pages


def write_reports(result: ClassResult, out: Path, *, analytics: bool = True) -> dict[str, Path]:
    """Write the gradebook, feedback pages, the written-answer queue and (optionally) the class plots.

    Returns what was written, by label, for the summary.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {"Gradebook (CSV for your LMS)": gradebook.write(result, out / "gradebook.csv")}
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
    (out / "problems.json").write_text(
        json.dumps([{"file": str(p.path), "reason": p.reason, "graded": p.graded} for p in result.problems], indent=1),
        encoding="utf-8",
    )
    return written
