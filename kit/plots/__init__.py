"""Plots for the lessons: accessible, colour-blind safe, and free of global side effects.

Every function returns a :class:`Plot` with ``.figure`` (a matplotlib Figure
made without pyplot), ``.alt`` (the data in words: counts and ranges) and
``.data`` (the DataFrame plotted). In a notebook a Plot shows as an image
with its alt text; its plain-text form is the alt text.

==================  ===================================================================
:func:`timeline`    events and each article's date: what was knowable when
:func:`estimates`   estimates with low-high ranges, by estimator and year
:func:`rhetoric`    hits per 1,000 words per lexicon, text by text (:func:`kit.text.compare`)
:func:`verdicts`    claims per article by verdict, stacked
:func:`mockup`      lesson 07's practice mock-ups (a post, a chart, a quote card, a sponsored article)
==================  ===================================================================

Importing this package imports neither matplotlib nor pandas; nothing here
touches ``rcParams``, the backend or pandas options.
"""

from kit.plots.estimates_chart import estimates
from kit.plots.figure import Plot
from kit.plots.mockups_chart import mockup
from kit.plots.rhetoric_chart import rhetoric
from kit.plots.style import HATCHES, MARKERS, OKABE_ITO, PALETTE
from kit.plots.timeline_chart import timeline
from kit.plots.verdicts_chart import verdicts

__all__ = ["HATCHES", "MARKERS", "OKABE_ITO", "PALETTE", "Plot", "estimates", "mockup", "rhetoric", "timeline", "verdicts"]
