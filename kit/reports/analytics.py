"""Class analytics as PNG files, each with alt text (in the PNG and in ``index.html``).

* correct rate per question;
* the claim-type confusion matrix of the tag tables (key's label x students' label);
* rating distributions: how often each credibility item was judged credible;
* pre/post: each student's share correct before and after, with the class effect size;
* item analysis: each question's difficulty against its discrimination, flagged items named.

Plots use matplotlib's object API (no pyplot, no global style change), the
Okabe-Ito palette and hatching or labels so that nothing relies on colour.
"""

from __future__ import annotations

import math
from typing import Any
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from kit.plots.style import PALETTE, finish, new_figure, series_style
from kit.templates import render


def results_by_question(result) -> dict[str, list]:
    """Every student's result for each question id, gathered once for all the plots."""
    gathered: dict[str, list] = defaultdict(list)
    for student in result.students:
        for lesson in student.lessons.values():
            for q in lesson.questions:
                gathered[q.question.id].append(q)
    return gathered


@dataclass(frozen=True)
class ClassPlot:
    name: str
    title: str
    alt: str
    figure: Any

    def save(self, folder: Path) -> Path:
        path = folder / f"{self.name}.png"
        self.figure.savefig(path, format="png", dpi=110, metadata={"Title": self.title, "Description": self.alt})
        return path


def correct_rates(result, by_question=None) -> ClassPlot:
    """Share of students with full credit on each question."""
    by_question = by_question if by_question is not None else results_by_question(result)
    rates = []
    for lesson in result.lessons:
        for question in result.banks[lesson]:
            outcomes = [q.score.status == "correct" for q in by_question[question.id] if q.score.status != "pending"]
            if outcomes:
                rates.append((question.id, sum(outcomes) / len(outcomes), len(outcomes)))
    figure, axes = new_figure(width=7, height=max(2.5, 0.28 * len(rates) + 1))
    labels = [r[0] for r in rates]
    values = [100 * r[1] for r in rates]
    axes.barh(range(len(rates)), values, color=PALETTE[0], edgecolor="black")
    axes.set_yticks(range(len(rates)), labels=labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    for y, value in enumerate(values):
        axes.text(min(value + 1, 92), y, f"{value:.0f}%", va="center", fontsize=7)
    title = "Correct rate per question"
    finish(axes, title=title, xlabel="Students with full credit (%)", ylabel="Question")
    hardest = sorted(rates, key=lambda r: r[1])[:3]
    alt = (f"Bar chart of the share of students with full credit on {len(rates)} auto-marked questions. "
           + ("Hardest: " + "; ".join(f"{q} {100 * r:.0f}% (n={n})" for q, r, n in hardest) + "." if hardest else "No answers yet."))
    return ClassPlot("correct-rate-per-question", title, alt, figure)


def claim_type_confusion(result, by_question=None) -> ClassPlot | None:
    """Counts of (key's claim type, student's claim type) over every tag-table row."""
    by_question = by_question if by_question is not None else results_by_question(result)
    pairs: Counter = Counter()
    labels: list[str] = []
    for lesson in result.lessons:
        for question in result.banks[lesson]:
            if question.spec.get("labels") != "vocab:claim_type":  # tables tagging claim types
                continue
            labels = [label.id for label in question.labels]
            answer = result.keys[lesson][question.id].answer
            for q in by_question[question.id]:
                if isinstance(q.value, dict):
                    for item, given in q.value.items():
                        if item in answer:
                            pairs[(answer[item], given)] += 1
    if not pairs:
        return None
    matrix = [[pairs[(truth, given)] for given in labels] for truth in labels]
    figure, axes = new_figure(width=6.5, height=5.5)
    image = axes.imshow(matrix, cmap="cividis")
    figure.colorbar(image, ax=axes, label="Rows tagged")
    axes.set_xticks(range(len(labels)), labels=labels, rotation=35, ha="right")
    axes.set_yticks(range(len(labels)), labels=labels)
    peak = max(max(row) for row in matrix) or 1
    for i, row in enumerate(matrix):
        for j, count in enumerate(row):
            axes.text(j, i, str(count), ha="center", va="center", fontsize=8, color="white" if count < peak / 2 else "black")
    title = "Claim types: answer key against students"
    finish(axes, title=title, xlabel="Students' claim type", ylabel="Answer key's claim type", grid_axis="both")
    axes.grid(False)
    total = sum(pairs.values())
    agree = sum(pairs[(label, label)] for label in labels)
    confusions = sorted(((n, t, g) for (t, g), n in pairs.items() if t != g), reverse=True)[:3]
    alt = (f"Confusion matrix of {total} tagged sentences: {agree} ({100 * agree / total:.0f}%) match the key. "
           + ("Most common confusions: " + "; ".join(f"{t} tagged as {g} ({n})" for n, t, g in confusions) + "." if confusions else ""))
    return ClassPlot("claim-type-confusion", title, alt, figure)


def rating_distribution(result, by_question=None) -> ClassPlot | None:
    """Share of students judging each credibility item credible, by whether it is in fact credible."""
    by_question = by_question if by_question is not None else results_by_question(result)
    rows = []
    for lesson in result.lessons:
        for question in result.banks[lesson]:
            judged = [q.judgement for q in by_question[question.id] if q.judgement is not None]
            if judged:
                rows.append((question.id, judged[0].credible, 100 * sum(j.said_credible for j in judged) / len(judged), len(judged)))
    if not rows:
        return None
    figure, axes = new_figure(width=7, height=max(2.5, 0.3 * len(rows) + 1.2))
    for y, (_, truth, share, _) in enumerate(rows):
        style = series_style(0 if truth else 1)
        axes.barh(y, share, color=style["color"], hatch=style["hatch"], edgecolor="black",
                  label="accurate item" if truth else "inaccurate or misleading item")
        axes.text(min(share + 1, 90), y, f"{share:.0f}%", va="center", fontsize=7)
    axes.set_yticks(range(len(rows)), labels=[f"{r[0]} ({'accurate' if r[1] else 'not accurate'})" for r in rows], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    axes.legend(unique.values(), unique.keys(), loc="lower right", fontsize=8)
    title = "How the class judged each credibility item"
    finish(axes, title=title, xlabel="Students judging the item credible (%)", ylabel="Credibility item")
    accurate = [r[2] for r in rows if r[1]]
    inaccurate = [r[2] for r in rows if not r[1]]
    alt = (f"Bar chart of {len(rows)} credibility items. Accurate items were judged credible by "
           f"{mean(accurate):.0f}% of students on average; inaccurate items by {mean(inaccurate):.0f}%." if accurate and inaccurate
           else f"Bar chart of {len(rows)} credibility items judged by the class.")
    return ClassPlot("rating-distribution", title, alt, figure)


def pre_post(result) -> ClassPlot | None:
    """Each student's share correct on the pre- and post-assessment, joined by a line."""
    pairs, effect = result.pre_post()
    if not pairs:
        return None
    figure, axes = new_figure(width=5, height=4.5)
    for _, before, after in pairs:
        axes.plot([0, 1], [100 * before, 100 * after], color="#999999", linewidth=0.8, marker="o", markersize=3)
    means = (100 * mean(p[1] for p in pairs), 100 * mean(p[2] for p in pairs))
    axes.plot([0, 1], means, color=PALETTE[0], linewidth=3, marker="s", markersize=8, label="class mean")
    axes.set_xticks([0, 1], labels=["before (lesson 00)", "after (lesson 07)"])
    axes.set_xlim(-0.3, 1.3)
    axes.set_ylim(-5, 105)
    effect_text = f"d_z = {effect:.2f}" if not math.isnan(effect) else "effect size needs 2+ students"
    title = f"Before and after the unit ({effect_text})"
    finish(axes, title=title, xlabel="Assessment", ylabel="Credibility items judged correctly (%)", grid_axis="y")
    axes.legend(loc="lower right", fontsize=8)
    alt = (f"Paired dot plot of {len(pairs)} students: mean share correct {means[0]:.0f}% before and {means[1]:.0f}% after; "
           f"{effect_text}.")
    return ClassPlot("pre-post", title, alt, figure)


def item_analysis(result, stats=None) -> ClassPlot | None:
    """Difficulty (x) against discrimination (y) of every question, practice and graded apart, flagged ones named."""
    from kit.grading.items import FLAG_BELOW
    from kit.grading.items import item_analysis as analyse

    stats = [s for s in (stats if stats is not None else analyse(result)) if not math.isnan(s.discrimination)]
    if not stats:
        return None
    figure, axes = new_figure(width=7, height=5)
    for number, use in enumerate(("practice", "graded")):
        chosen = [s for s in stats if s.use == use]
        if chosen:
            style = series_style(number)
            axes.scatter([100 * s.difficulty for s in chosen], [s.discrimination for s in chosen], color=style["color"],
                         marker=style["marker"], edgecolors="black", linewidths=0.5, s=40, label=f"{use} question")
    axes.axhline(FLAG_BELOW, color="black", linewidth=1, linestyle="--")
    flagged = [s for s in stats if s.flag]
    for s in flagged:
        axes.annotate(s.question, (100 * s.difficulty, s.discrimination), textcoords="offset points", xytext=(4, -10), fontsize=8)
    axes.set_xlim(-5, 105)
    axes.set_ylim(min(-0.5, min(s.discrimination for s in stats) - 0.1), 1.05)
    axes.legend(loc="upper left", fontsize=8)
    title = "Item analysis: difficulty and discrimination"
    finish(axes, title=title, xlabel="Difficulty: share of the points the class earned (%)",
           ylabel="Discrimination (corrected item-total r)", grid_axis="both")
    alt = (f"Scatter plot of {len(stats)} questions, difficulty on the x axis and discrimination on the y axis, with a dashed "
           f"line at {FLAG_BELOW:g}. Median discrimination {sorted(s.discrimination for s in stats)[len(stats) // 2]:.2f}. "
           + (f"{len(flagged)} flagged below the line, where stronger students do worse: "
              + "; ".join(f"{s.question} (difficulty {100 * s.difficulty:.0f}%, r = {s.discrimination:.2f}, n={s.n})" for s in flagged) + "."
              if flagged else "No question is flagged."))
    return ClassPlot("item-analysis", title, alt, figure)


def make_all(result) -> list[ClassPlot]:
    by_question = results_by_question(result)
    plots = [correct_rates(result, by_question), claim_type_confusion(result, by_question),
             rating_distribution(result, by_question), pre_post(result), item_analysis(result)]
    return [p for p in plots if p is not None]


def write_all(result, folder: Path) -> list[Path]:
    """Write every plot as PNG, and an ``index.html`` showing them with their alt text.

    The index is ``kit/templates/analytics-index.html.j2`` (a teacher can edit it).
    """
    folder.mkdir(parents=True, exist_ok=True)
    plots = make_all(result)
    paths = [plot.save(folder) for plot in plots]
    shown = [{"file": path.name, "title": plot.title, "alt": plot.alt} for plot, path in zip(plots, paths)]
    (folder / "index.html").write_text(render("analytics-index.html.j2", title="Class analytics", plots=shown),
                                       encoding="utf-8")
    return paths
