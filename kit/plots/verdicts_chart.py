"""Verdicts on the claims: one stacked bar per article, a segment per verdict.

Segments follow the order of the kit's verdict vocabulary (from *accurate* to
*opinion*) and each has its own colour *and* hatch; the count is written in
every segment, so the chart reads without colour.

>>> import pandas as pd
>>> claims = pd.DataFrame({"article_id": ["A1", "A1", "A2"], "verdict": ["accurate", "exaggerated", "accurate"]})
>>> print(verdicts(claims).alt)
Verdicts on 3 claims in 2 articles. A1: 2 claims: 1 accurate, 1 exaggerated. A2: 1 claim: 1 accurate.
"""

from __future__ import annotations

from kit.plots.figure import Plot
from kit.plots.style import OKABE_ITO, finish, new_figure

#: Colour and hatch per verdict (Okabe–Ito).
VERDICT_STYLE = {
    "accurate": (OKABE_ITO["bluish green"], ""),
    "misleading-framing": (OKABE_ITO["sky blue"], "//"),
    "exaggerated": (OKABE_ITO["yellow"], ".."),
    "unsupported-by-source": (OKABE_ITO["orange"], "xx"),
    "no-evidence-offered": (OKABE_ITO["reddish purple"], "\\\\"),
    "contradicted": (OKABE_ITO["vermillion"], "--"),
    "opinion": (OKABE_ITO["blue"], "oo"),
}


def verdicts(claims, *, title: str = "Verdicts on each article's claims") -> Plot:
    """Plot ``claims`` (columns ``article_id`` and ``verdict``, as in ``datasets/claims.csv``)."""
    import pandas as pd

    from kit.schema import VOCABULARIES

    table = pd.DataFrame(claims)
    missing = {"article_id", "verdict"} - set(table.columns)
    if missing:
        raise ValueError(f"verdicts needs columns article_id and verdict (missing: {', '.join(sorted(missing))})")
    if table.empty:
        raise ValueError("verdicts needs at least one claim")
    labels = VOCABULARIES["verdict"]
    unknown = sorted(set(table["verdict"].astype(str)) - set(labels))
    if unknown:
        raise ValueError(f"unknown verdicts {unknown}; expected one of {', '.join(labels)}")
    counts = pd.crosstab(table["article_id"].astype(str), table["verdict"].astype(str))
    order = [v for v in labels if v in counts.columns]
    counts = counts.reindex(columns=order, fill_value=0)
    counts.columns.name = None
    counts.index.name = "article_id"

    figure, axes = new_figure(width=9, height=max(2.5, 0.7 * len(counts) + 1.6))
    left = pd.Series(0, index=counts.index)
    for verdict in order:
        colour, hatch = VERDICT_STYLE[verdict]
        values = counts[verdict]
        bars = axes.barh(range(len(counts)), values, left=left, color=colour, hatch=hatch, edgecolor="black",
                         linewidth=0.6, label=labels[verdict])
        axes.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", fontsize=9,
                       bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        left = left + values
    axes.set_yticks(range(len(counts)), labels=list(counts.index))
    axes.invert_yaxis()
    finish(axes, title=title, xlabel="Number of claims", ylabel="Article")
    axes.legend(title="Verdict", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    total = int(counts.values.sum())
    parts = [f"Verdicts on {total} claim{'s' if total != 1 else ''} in {len(counts)} article{'s' if len(counts) != 1 else ''}."]
    for article, row in counts.iterrows():
        n = int(row.sum())
        listed = ", ".join(f"{int(row[v])} {labels[v]}" for v in order if row[v])
        parts.append(f"{article}: {n} claim{'s' if n != 1 else ''}: {listed}.")
    return Plot(figure=figure, alt=" ".join(parts), data=counts.reset_index(), title=title)
