"""The plots' look: a colour-blind-safe palette, markers and hatches, and a figure factory.

Colours come from the Okabe–Ito palette, which stays distinguishable with the
common forms of colour blindness; every series also gets a marker or a hatch,
so nothing depends on colour alone (print in black and white and it still
reads). Figures are made with :class:`matplotlib.figure.Figure` directly:
no pyplot, no global state, no change to ``rcParams`` or the backend.

>>> figure, axes = new_figure(width=4, height=3)
>>> type(figure).__name__, len(PALETTE)
('Figure', 8)
"""

from __future__ import annotations

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Series colours in order (black last: it is kept for text and reference lines).
PALETTE = [OKABE_ITO[name] for name in ("blue", "orange", "bluish green", "reddish purple", "sky blue", "vermillion", "yellow", "black")]

#: A marker per series, in the same order as the palette.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]

#: A hatch per series, for bars.
HATCHES = ["", "//", "..", "xx", "\\\\", "--", "oo", "++"]

LINESTYLES = ["-", "--", "-.", ":"]

TEXT_COLOUR = OKABE_ITO["black"]
GRID_COLOUR = "#BBBBBB"


def series_style(number: int) -> dict:
    """Colour, marker and hatch of series ``number`` (0-based; cycles after eight)."""
    return {
        "color": PALETTE[number % len(PALETTE)],
        "marker": MARKERS[number % len(MARKERS)],
        "hatch": HATCHES[number % len(HATCHES)],
    }


def new_figure(*, width: float = 8, height: float = 4.5, dpi: int = 100):
    """A new :class:`~matplotlib.figure.Figure` (with an Agg canvas) and its axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    return figure, axes


def wrap(text: str, width: int = 30) -> str:
    """``text`` broken into lines of at most ``width`` characters (for long labels).

    >>> wrap("RAND Corporation, as quoted by The Washington Post", 30)
    'RAND Corporation, as quoted by\\nThe Washington Post'
    """
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def finish(axes, *, title: str, xlabel: str, ylabel: str, grid_axis: str = "x") -> None:
    """Title (wrapped), axis labels and a light grid behind the data."""
    axes.set_title(wrap(title, 70), loc="left", fontsize=12, fontweight="bold", color=TEXT_COLOUR)
    axes.set_xlabel(xlabel, color=TEXT_COLOUR)
    axes.set_ylabel(ylabel, color=TEXT_COLOUR)
    axes.grid(True, axis=grid_axis, color=GRID_COLOUR, linewidth=0.6, linestyle=":")
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
