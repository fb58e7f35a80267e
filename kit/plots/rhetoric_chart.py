"""Rhetoric compared: hits per 1,000 words of each lexicon, text by text.

Draws the table made by :func:`kit.text.compare` as grouped horizontal bars:
a group per text, a bar per lexicon (colour *and* hatch), the rate written at
the end of every bar. Each text's label carries its word count ``n``, and a
short sample is marked "(short sample)" because its rates are unreliable.

>>> import pandas as pd
>>> table = pd.DataFrame({"words": [900, 120], "certainty_per_1000": [6.1, 0.0], "loaded_per_1000": [9.8, 8.3],
...                       "short_sample": [False, True]}, index=pd.Index(["A1", "DW"], name="text"))
>>> print(rhetoric(table).alt)
Hits per 1,000 words in 2 texts. A1 (n=900): certainty 6.1, loaded 9.8. DW (n=120, short sample): certainty 0.0, loaded 8.3.
"""

from __future__ import annotations

from kit.plots.figure import Plot
from kit.plots.style import TEXT_COLOUR, finish, new_figure, series_style

SUFFIX = "_per_1000"


def _label(name, row) -> str:
    short = ", short sample" if bool(row.get("short_sample", False)) else ""
    return f"{name} (n={int(row['words'])}{short})"


def rhetoric(table, *, title: str = "Rhetoric compared: hits per 1,000 words") -> Plot:
    """Plot a comparison table (:func:`kit.text.compare`): columns ``words`` and ``<lexicon>_per_1000``."""
    import pandas as pd

    table = pd.DataFrame(table)
    lexicons = [c[: -len(SUFFIX)] for c in table.columns if c.endswith(SUFFIX)]
    if not lexicons or "words" not in table.columns:
        raise ValueError("rhetoric needs a comparison table from kit.text.compare (columns words and <lexicon>_per_1000)")
    if table.empty:
        raise ValueError("rhetoric needs at least one text")
    labels = [_label(name, row) for name, row in table.iterrows()]
    height = 0.8 / len(lexicons)
    figure, axes = new_figure(width=9, height=max(2.5, 0.35 * len(table) * len(lexicons) + 1.5))
    for n, lexicon in enumerate(lexicons):
        style = series_style(n)
        values = table[f"{lexicon}{SUFFIX}"].astype(float).fillna(0.0)
        y = [i + (n - (len(lexicons) - 1) / 2) * height for i in range(len(table))]
        bars = axes.barh(y, values, height=height * 0.92, color=style["color"], hatch=style["hatch"],
                         edgecolor="black", linewidth=0.6, label=lexicon)
        axes.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=2, fontsize=8, color=TEXT_COLOUR)
    axes.set_yticks(range(len(table)), labels=labels)
    axes.invert_yaxis()
    axes.margins(x=0.12)
    finish(axes, title=title, xlabel="Hits per 1,000 words", ylabel="Text")
    axes.legend(title="Lexicon", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    parts = [f"Hits per 1,000 words in {len(table)} text{'s' if len(table) != 1 else ''}."]
    for label, (_, row) in zip(labels, table.iterrows()):
        rates = ", ".join(f"{lexicon} {float(row[f'{lexicon}{SUFFIX}']):.1f}" for lexicon in lexicons)
        parts.append(f"{label}: {rates}.")
    return Plot(figure=figure, alt=" ".join(parts), data=table, title=title)
