"""What was knowable when: events on a timeline, with each article's date marked.

An event is drawn where it happened. When it became public only later
(``public_date``), a dotted line runs on to a square at the date it became
known. A vertical line marks each article's date: events to its left whose
dotted line crosses it had happened but were not yet public when the article
was written. That separates "unsupported at the time" from "contradicted by
what came out later".

>>> import pandas as pd
>>> events = pd.DataFrame({"date": ["2012-08-12", "2014-06-29"], "public_date": ["2015-05-18", None],
...                        "event": ["DIA report written", "Caliphate declared"], "category": ["document", "isis"]})
>>> plot = timeline(events, articles={"A1": "2014-12-18"})
>>> print(plot.alt)
Timeline of 2 events from 2012 to 2014 in 2 topics (document, isis); 1 became public later than it happened. A1 (18 Dec 2014): 2 events had happened by then, 1 of them not yet public.
"""

from __future__ import annotations

from typing import Any, Mapping

from kit.plots.figure import Plot
from kit.plots.style import LINESTYLES, OKABE_ITO, TEXT_COLOUR, finish, new_figure

EVENT_COLOUR = OKABE_ITO["blue"]
ARTICLE_COLOUR = OKABE_ITO["vermillion"]


def _article_dates(articles: Any) -> dict[str, Any]:
    import pandas as pd

    from kit import articles as kit_articles

    if articles is None:
        articles = [kit_articles.load(article_id) for article_id in kit_articles.ids()]
    if isinstance(articles, Mapping):
        pairs = list(articles.items())
    else:
        pairs = [(a.id, a.date) for a in articles]
    return {label: pd.Timestamp(date) for label, date in pairs if date is not None}


def _day(timestamp) -> str:
    return f"{timestamp.day} {timestamp:%b %Y}"


def timeline(events, *, articles: Any = None, start: Any = None, end: Any = None,
             title: str = "What was knowable when: events and the articles' dates") -> Plot:
    """Plot ``events`` (columns ``date``, ``event``, ``category``, optional ``public_date``).

    ``articles``: Article objects, or a mapping of label to date; by default
    the kit's two articles. Rows of category ``article`` are shown as article
    lines, not as events. ``start`` and ``end`` (dates, e.g. ``"2011"``) keep
    only the events that happened in that window.
    """
    import pandas as pd

    table = pd.DataFrame(events).copy()
    missing = {"date", "event", "category"} - set(table.columns)
    if missing:
        raise ValueError(f"timeline needs columns date, event and category (missing: {', '.join(sorted(missing))})")
    table = table[table["category"].astype("string") != "article"].copy()
    table["date"] = pd.to_datetime(table["date"])
    public = table["public_date"] if "public_date" in table.columns else pd.Series(pd.NaT, index=table.index)
    table["public_date"] = pd.to_datetime(public).fillna(table["date"])
    table["category"] = table["category"].astype("string")
    table = table.dropna(subset=["date"])
    if start is not None:
        table = table[table["date"] >= pd.Timestamp(str(start))]
    if end is not None:
        table = table[table["date"] <= pd.Timestamp(str(end))]
    table = table.sort_values(["date", "event"]).reset_index(drop=True)
    dates = _article_dates(articles)
    if table.empty:
        raise ValueError("timeline has no dated events to plot")

    lanes = list(dict.fromkeys(table["category"]))
    lane_of = {category: n for n, category in enumerate(lanes)}
    later = table["public_date"] > table["date"]

    figure, axes = new_figure(width=9, height=max(3.0, 0.45 * len(lanes) + 1.8))
    y = table["category"].map(lane_of)
    axes.scatter(table.loc[~later, "date"], y[~later], marker="o", s=36, color=EVENT_COLOUR, zorder=3,
                 label="event (public when it happened)")
    axes.scatter(table.loc[later, "date"], y[later], marker="o", s=36, facecolors="white", edgecolors=EVENT_COLOUR,
                 linewidths=1.5, zorder=3, label="event that became public later")
    for row, lane in zip(table[later].itertuples(), y[later]):
        axes.plot([row.date, row.public_date], [lane, lane], linestyle=":", color=EVENT_COLOUR, linewidth=1.2, zorder=2)
    axes.scatter(table.loc[later, "public_date"], y[later], marker="s", s=30, color=EVENT_COLOUR, zorder=3,
                 label="date it became public")
    for n, (label, date) in enumerate(dates.items()):
        axes.axvline(date, color=ARTICLE_COLOUR, linestyle=LINESTYLES[n % len(LINESTYLES)], linewidth=1.6, zorder=1,
                     label=f"article {label} ({_day(date)})")
        axes.annotate(label, xy=(date, 1), xycoords=("data", "axes fraction"), xytext=(3, -2 - 11 * n), textcoords="offset points",
                      va="top", ha="left", fontsize=9, fontweight="bold", color=TEXT_COLOUR)
    axes.set_yticks(range(len(lanes)), labels=lanes)
    axes.set_ylim(-0.7, len(lanes) - 0.3)
    axes.invert_yaxis()
    finish(axes, title=title, xlabel="Date", ylabel="Topic")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)

    data = table[[c for c in ("event_id", "date", "public_date", "event", "category") if c in table.columns]]
    return Plot(figure=figure, alt=_alt(table, lanes, later, dates), data=data, title=title)


def _alt(table, lanes: list[str], later, dates: dict) -> str:
    first, last = table["date"].min().year, table["date"].max().year
    events = "event" if len(table) == 1 else "events"
    parts = [
        f"Timeline of {len(table)} {events} from {first} to {last} in {len(lanes)} "
        f"topic{'s' if len(lanes) != 1 else ''} ({', '.join(lanes)}); "
        f"{int(later.sum())} became public later than {'it' if int(later.sum()) == 1 else 'they'} happened."
    ]
    for label, date in dates.items():
        happened = table["date"] <= date
        hidden = happened & (table["public_date"] > date)
        parts.append(
            f"{label} ({_day(date)}): {int(happened.sum())} event{'s' if int(happened.sum()) != 1 else ''} "
            f"had happened by then, {int(hidden.sum())} of them not yet public."
        )
    return " ".join(parts)
