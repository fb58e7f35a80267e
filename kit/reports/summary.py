"""The terminal side of grading: a progress bar for large classes and a summary.

>>> bar = ProgressBar(total=4, width=8, stream=None)
>>> bar.render(2)
'Grading [####    ] 2/4 lesson files'
"""

from __future__ import annotations

import math
import sys
from typing import Mapping
from statistics import mean


class ProgressBar:
    """A one-line text progress bar (no dependency), redrawn at most 100 times."""

    def __init__(self, total: int = 0, *, width: int = 30, stream=sys.stderr, minimum: int = 50):
        """Shown only for ``minimum`` lesson files or more (a large class)."""
        self.total, self.width, self.stream, self.minimum = total, width, stream, minimum
        self._last = -1

    def render(self, done: int) -> str:
        filled = int(self.width * done / self.total) if self.total else self.width
        return f"Grading [{'#' * filled}{' ' * (self.width - filled)}] {done}/{self.total} lesson files"

    def __call__(self, done: int, total: int) -> None:
        self.total = total
        if total < self.minimum:
            return
        step = int(100 * done / total) if total else 100
        if self.stream is None or (step == self._last and done != total):
            return
        self._last = step
        self.stream.write("\r" + self.render(done) + ("\n" if done == total else ""))
        self.stream.flush()


def summary(result, written: Mapping[str, object]) -> str:
    """What happened, in plain words, with every refused file and its reason."""
    lines = [f"Graded {len(result.students)} student(s) on {', '.join(result.lessons)}."]
    if result.not_chosen:
        lines.append(f"Answers to {result.not_chosen} lesson file(s) of other lessons were left out, as asked (--lessons).")
    if result.students:
        totals = [s.points for s in result.students]
        lines.append(f"Class mean: {mean(totals):.1f} of {result.total_max:g} points (lowest {min(totals):g}, highest {max(totals):g}).")
        rated = [s.discernment() for s in result.students if s.discernment().n]
        if rated:
            d = [m.d_prime for m in rated if not math.isnan(m.d_prime)]
            if d:
                lines.append(f"Discernment d' across the class: mean {mean(d):.2f} (n = {len(d)} students).")
    pairs, effect = result.pre_post()
    if pairs:
        lines.append(
            f"Pre/post assessment: {len(pairs)} student(s) took both; mean share correct "
            f"{mean(p[1] for p in pairs):.0%} before, {mean(p[2] for p in pairs):.0%} after"
            + (f"; class effect size d_z = {effect:.2f}." if not math.isnan(effect) else ".")
        )
        if any(q.spec.get("form") for bank in result.banks.values() for q in bank):
            from kit.grading.forms import counterbalanced

            lines.append(counterbalanced(result).summary() + " Details: pre-post-forms.csv.")
    pending = sum(len([q for q in s.pending() if q.value is not None]) for s in result.students)
    if pending:
        lines.append(f"{pending} written answer(s) wait for rubric marking (instructor-guide/rubric-marking.ipynb).")
    for warning in result.warnings:
        lines.append(f"Warning: {warning}")
    refused = [p for p in result.problems if not p.graded]
    partial = [p for p in result.problems if p.graded]
    if refused:
        lines.append(f"{len(refused)} file(s) could not be graded:")
        lines += [f"  - {p}" for p in refused]
    if partial:
        lines.append(f"{len(partial)} problem(s) inside files that were otherwise graded:")
        lines += [f"  - {p}" for p in partial]
    for label, path in written.items():
        lines.append(f"{label}: {path}")
    return "\n".join(lines)
