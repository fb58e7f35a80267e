"""Practice mock-ups for lesson 07's transfer part: a post, a chart, a quote card and a sponsored article.

The kit draws every mock-up itself: no photo, logo or outlet's look is copied,
photos are described in words, and each image carries the label "Made for
practice by medialit-kit" (the label is in its alt text too). Each is about a
real claim that the lesson's key checks against sources in
``datasets/sources.csv`` (listed in :data:`SOURCES`). The chart keeps its
misleading axis on purpose: that is what students are asked to spot. Colours
come from the Okabe–Ito palette.

>>> print(mockup("quote").alt)  # doctest: +ELLIPSIS
Quote card, made for practice by medialit-kit. ...Mark Twain...
>>> sorted(MOCKUPS)
['chart', 'post', 'quote', 'sponsored']
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.plots.figure import Plot
from kit.plots.style import GRID_COLOUR, OKABE_ITO, TEXT_COLOUR, finish, new_figure, wrap

LABEL = "Made for practice by medialit-kit: not a real post, page or advert"


@dataclass(frozen=True)
class Card:
    """The text of one mock-up that is not a chart."""

    kind: str
    header: str
    lines: tuple[str, ...]
    photo: str = ""
    footer: str = ""


POST = Card(
    kind="Social-media post",
    header="@planet_alerts_now (an invented account) · 22 Aug 2019",
    lines=("The Amazon is burning RIGHT NOW. This is what the lungs of our planet look like today. "
           "Share before it's too late! #PrayForTheAmazon",),
    photo="[Photo, described: an aerial view of rainforest; on one side green trees, "
          "on the other thick smoke and flames]",
    footer="Shared thousands of times",
)

QUOTE = Card(
    kind="Quote card",
    header="Quote of the day",
    lines=("\u201cA lie can travel halfway around the world while the truth is putting on its shoes.\u201d",
           "\u2014 Mark Twain"),
)

SPONSORED = Card(
    kind="Sponsored article",
    header="SPONSORED CONTENT \u00b7 Paid for by an invented brain-game app company",
    lines=("Ten minutes of brain games a day can lift your grades and protect your memory, science shows",
           "Our games train the exact parts of the brain you use at school. Players say they feel sharper "
           "within a week. Try it free today."),
)

#: Source ids (``datasets/sources.csv``) behind each mock-up's claim.
SOURCES = {
    "post": ("transfer-afp-2019-amazon-photos", "transfer-bbc-2019-amazon-fires"),
    "chart": ("transfer-fairmark-2013-atra-rates",),
    "quote": ("transfer-freakonomics-2011-lie-travels",),
    "sponsored": ("transfer-reuters-2016-lumosity",),
}

#: The chart's data: the top US federal income-tax rate in 2012, and the rate that applied to the top bracket
#: from 2013 once the 2001 and 2003 cuts lapsed for it (``transfer-fairmark-2013-atra-rates``).
TAX_RATES = (("2012 (now)", 35.0), ("From 1 Jan 2013", 39.6))
AXIS_FLOOR = 34.0


def _card(card: Card) -> Plot:
    from matplotlib.patches import FancyBboxPatch, Rectangle

    figure, axes = new_figure(width=7, height=4.2)
    axes.set_axis_off()
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.add_patch(FancyBboxPatch((0.02, 0.04), 0.96, 0.92, boxstyle="round,pad=0.01", facecolor="white",
                                  edgecolor=TEXT_COLOUR, linewidth=1.2))
    axes.add_patch(Rectangle((0.02, 0.86), 0.96, 0.10, facecolor=OKABE_ITO["sky blue"], edgecolor="none"))
    axes.text(0.05, 0.91, card.header, fontsize=10, fontweight="bold", color=TEXT_COLOUR, va="center")
    y = 0.78
    for number, line in enumerate(card.lines):
        big = card.kind != "Social-media post" and number == 0
        text = wrap(line, 48 if big else 70)
        axes.text(0.05, y, text, fontsize=14 if big else 10.5, fontweight="bold" if big else "normal",
                  color=TEXT_COLOUR, va="top", style="italic" if card.kind == "Quote card" and big else "normal")
        y -= 0.075 * (text.count("\n") + 1) * (1.3 if big else 1.0) + 0.04
    if card.photo:
        axes.add_patch(Rectangle((0.05, 0.2), 0.9, y - 0.2, facecolor="#E8E8E8", edgecolor=GRID_COLOUR, hatch=".."))
        axes.text(0.5, (y + 0.2) / 2, wrap(card.photo, 60), fontsize=10, ha="center", va="center", color=TEXT_COLOUR,
                  bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "none"})
    if card.footer:
        axes.text(0.05, 0.14, card.footer, fontsize=9, color=TEXT_COLOUR)
    axes.text(0.5, 0.075, LABEL, fontsize=9, ha="center", color=OKABE_ITO["vermillion"], fontweight="bold")
    words = " ".join(card.lines)
    photo = f" {card.photo}" if card.photo else ""
    footer = f" {card.footer}." if card.footer else ""
    alt = f"{card.kind}, made for practice by medialit-kit. {card.header}. {words}{photo}{footer}"
    return Plot(figure=figure, alt=alt, data=None, title=f"{card.kind} (made for practice by medialit-kit)")


def _chart() -> Plot:
    import pandas as pd

    data = pd.DataFrame(TAX_RATES, columns=["when", "top_rate"])
    figure, axes = new_figure(width=6, height=4.2)
    bars = axes.bar(data["when"], data["top_rate"], color=[OKABE_ITO["blue"], OKABE_ITO["vermillion"]],
                    hatch=["", "//"], edgecolor="black", width=0.6)
    axes.bar_label(bars, labels=[f"{v:g}%" for v in data["top_rate"]], fontsize=12, fontweight="bold")
    axes.set_ylim(AXIS_FLOOR, 42)
    finish(axes, title="IF THE TAX CUTS EXPIRE: the top tax rate", xlabel="When",
           ylabel="Top federal income-tax rate (%)", grid_axis="y")
    axes.text(0.5, 0.97, LABEL, transform=axes.transAxes, ha="center", va="top", fontsize=8,
              color=OKABE_ITO["vermillion"], fontweight="bold")
    low, high = (value for _, value in TAX_RATES)
    alt = (f"Bar chart, made for practice by medialit-kit, titled 'IF THE TAX CUTS EXPIRE: the top tax rate'. "
           f"Two bars: {low:g}% for 2012 (now) and {high:g}% from 1 January 2013. The vertical axis starts at "
           f"{AXIS_FLOOR:g}%, not 0, so the second bar is drawn {(high - AXIS_FLOOR) / (low - AXIS_FLOOR):.1f} "
           f"times as tall as the first.")
    return Plot(figure=figure, alt=alt, data=data, title="IF THE TAX CUTS EXPIRE: the top tax rate")


MOCKUPS = {"post": POST, "chart": None, "quote": QUOTE, "sponsored": SPONSORED}


def mockup(name: str) -> Plot:
    """The mock-up ``name`` (one of :data:`MOCKUPS`) as a :class:`~kit.plots.Plot` with alt text."""
    if name not in MOCKUPS:
        raise ValueError(f"unknown mock-up {name!r}; expected one of {', '.join(sorted(MOCKUPS))}")
    card = MOCKUPS[name]
    return _chart() if card is None else _card(card)
