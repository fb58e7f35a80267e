"""Estimates with their ranges: one quantity, by estimator and year.

A single number hides how unsure everyone was. Each estimate is drawn as a
vertical bar from ``low`` to ``high`` with its central figure (``point``) as a
marker; each estimator has its own colour *and* marker, and estimators are
set side by side within a year so their bars do not hide each other. An
estimate that gives only a range has a hollow marker at its middle; one that
gives only a point has no bar; a bound given alone ("up to", "at least") is a
triangle pointing the way the true value may lie, on a dotted line.

>>> import pandas as pd
>>> df = pd.DataFrame({"quantity": ["revenue"] * 3, "unit": ["USD million"] * 3, "period": ["2014", "2015", "2015"],
...                    "year": [2014, 2015, 2015], "low": [1000, 870, None], "point": [None, None, 1200],
...                    "high": [1900, 1900, None], "estimator": ["ICSR/EY", "ICSR/EY", "Treasury"]})
>>> print(estimates(df).alt)
revenue (USD million): 3 estimates by 2 estimators, 2014 to 2015. ICSR/EY 2014: 1,000 to 1,900; ICSR/EY 2015: 870 to 1,900; Treasury 2015: 1,200.
"""

from __future__ import annotations

from kit.plots.figure import Plot
from kit.plots.style import finish, new_figure, series_style, wrap

#: How many estimates the alt text lists one by one.
ALT_LIMIT = 12


def _number(value) -> str:
    return f"{float(value):,.6g}"


def _describe(row) -> str:
    low, point, high = (None if _missing(v) else v for v in (row.low, row.point, row.high))
    if low is not None and high is not None:
        figure = f"{_number(low)} to {_number(high)}"
        return f"{figure} (central {_number(point)})" if point is not None else figure
    if point is None and high is not None:
        return f"up to {_number(high)}"
    if point is None and low is not None:
        return f"at least {_number(low)}"
    return _number(point)


def _missing(value) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def estimates(df, *, quantity: str | None = None, title: str | None = None, log_scale: bool = False) -> Plot:
    """Plot the estimates of ``quantity`` (columns of ``datasets/estimates.csv``).

    ``quantity`` may be left out when the table holds only one.
    """
    import pandas as pd
    from matplotlib.lines import Line2D

    table = pd.DataFrame(df).copy()
    missing = {"quantity", "year", "low", "point", "high", "estimator"} - set(table.columns)
    if missing:
        raise ValueError(f"estimates needs columns quantity, year, low, point, high and estimator (missing: {', '.join(sorted(missing))})")
    quantities = list(dict.fromkeys(table["quantity"].astype("string")))
    if quantity is None:
        if len(quantities) != 1:
            raise ValueError(f"choose a quantity: the table has {len(quantities)} ({'; '.join(quantities)})")
        quantity = quantities[0]
    table = table[table["quantity"].astype("string") == quantity]
    if table.empty:
        raise ValueError(f"no estimates of {quantity!r} (quantities: {'; '.join(quantities)})")
    for column in ("low", "point", "high"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    usable = table[["low", "point", "high"]].notna().any(axis=1)
    dropped = int((~usable).sum())
    table = table[usable].sort_values(["year", "estimator"]).reset_index(drop=True)
    unit = str(table["unit"].iloc[0]) if "unit" in table.columns and len(table) else ""

    estimators = list(dict.fromkeys(table.sort_values(["estimator"])["estimator"]))
    width = 0.7 / max(1, len(estimators))
    figure, axes = new_figure(width=8, height=4.5)
    handles = []
    for n, estimator in enumerate(estimators):
        style = series_style(n)
        rows = table[table["estimator"] == estimator]
        x = rows["year"].astype(float) + (n - (len(estimators) - 1) / 2) * width
        ranged = rows["low"].notna() & rows["high"].notna()
        axes.vlines(x[ranged], rows.loc[ranged, "low"], rows.loc[ranged, "high"], color=style["color"], linewidth=2.2)
        for end in ("low", "high"):
            axes.scatter(x[ranged], rows.loc[ranged, end], marker="_", s=120, color=style["color"])
        point = rows["point"]
        axes.scatter(x[point.notna()], point[point.notna()], marker=style["marker"], s=55, color=style["color"],
                     edgecolors="black", linewidths=0.6, zorder=3)
        upper = rows["high"].notna() & rows["low"].isna() & point.isna()  # "up to"
        lower = rows["low"].notna() & rows["high"].isna() & point.isna()  # "at least"
        axes.vlines(x[upper], 0, rows.loc[upper, "high"], color=style["color"], linewidth=1.4, linestyles="dotted")
        axes.scatter(x[upper], rows.loc[upper, "high"], marker="v", s=70, color=style["color"], edgecolors="black",
                     linewidths=0.6, zorder=3)
        for xv, yv in zip(x[lower], rows.loc[lower, "low"]):
            axes.annotate("", xy=(xv, yv * 1.35), xytext=(xv, yv),
                          arrowprops={"arrowstyle": "-|>", "color": style["color"], "linestyle": "dotted", "linewidth": 1.4})
        axes.scatter(x[lower], rows.loc[lower, "low"], marker="^", s=70, color=style["color"], edgecolors="black",
                     linewidths=0.6, zorder=3)
        midpoint = ((rows["low"] + rows["high"]) / 2).where(point.isna())
        axes.scatter(x[midpoint.notna()], midpoint[midpoint.notna()], marker=style["marker"], s=55, facecolors="white",
                     edgecolors=style["color"], linewidths=1.4, zorder=3)
        handles.append(Line2D([], [], color=style["color"], marker=style["marker"], markeredgecolor="black",
                              markeredgewidth=0.6, linewidth=2.2, label=wrap(estimator, 32)))
    years = sorted(table["year"].astype(int).unique())
    axes.set_xticks(years, labels=[str(y) for y in years])
    axes.set_xlim(min(years) - 0.6, max(years) + 0.6)
    if log_scale:
        axes.set_yscale("log")
    title = title or f"Estimates of {quantity}: ranges by source and year"
    axes.text(0, -0.16, "Bar: low to high. Filled marker: central figure. Hollow marker: middle of a range given without one.\n"
              "Triangle on a dotted line: a bound given alone (pointing down: 'up to'; pointing up: 'at least').",
              transform=axes.transAxes, fontsize=8, va="top")
    finish(axes, title=title, xlabel="Year", ylabel=unit or quantity, grid_axis="y")
    axes.legend(handles=handles, title="Estimator", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    alt = _alt(table, quantity, unit, estimators, years, dropped)
    columns = [c for c in ("estimate_id", "estimator", "period", "year", "low", "point", "high", "unit", "source_id") if c in table.columns]
    return Plot(figure=figure, alt=alt, data=table[columns], title=title)


def _alt(table, quantity, unit, estimators, years, dropped) -> str:
    count = len(table)
    span = f"{years[0]} to {years[-1]}" if years[0] != years[-1] else f"{years[0]}"
    head = (
        f"{quantity}{f' ({unit})' if unit else ''}: {count} estimate{'s' if count != 1 else ''} by "
        f"{len(estimators)} estimator{'s' if len(estimators) != 1 else ''}, {span}."
    )
    items = [f"{row.estimator} {getattr(row, 'period', row.year)}: {_describe(row)}" for row in table.head(ALT_LIMIT).itertuples()]
    text = f"{head} {'; '.join(items)}"
    if count > ALT_LIMIT:
        text += f"; and {count - ALT_LIMIT} more"
    text += "."
    if dropped:
        text += f" {dropped} row{'s' if dropped != 1 else ''} without numbers left out."
    return text
