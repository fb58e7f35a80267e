"""Every plot: title, labelled axes, colour plus marker or hatch, exact alt text, no global side effects."""

from __future__ import annotations

import base64
import subprocess
import sys

import matplotlib
import pandas as pd
import pytest

import kit.plots as kp
from kit import data

EVENTS = pd.DataFrame({
    "event_id": ["T001", "T002", "T003", "T004", "T005"],
    "date": ["2007-02-25", "2012-08-12", "2014-06-29", "2014-11-27", "2017-05-23"],
    "public_date": [None, "2015-05-18", None, None, None],
    "event": ["Hersh article", "DIA report written", "Caliphate declared", "DW report", "Marawi siege"],
    "category": ["document", "document", "isis", "turkey", "southeast-asia"],
})
ESTIMATES = pd.DataFrame({
    "quantity": ["revenue"] * 4 + ["oil"], "unit": ["USD million per year"] * 4 + ["USD million per day"],
    "period": ["2014", "2015", "2016", "2014", "2014"], "year": [2014, 2015, 2016, 2014, 2014],
    "low": [967, 1000, None, None, 1], "point": [None, None, None, 1000, None], "high": [1889, 2400, None, None, 2],
    "estimator": ["ICSR/EY", "ICSR/EY", "ICSR/EY", "Treasury", "IHS"],
})
TABLE = pd.DataFrame(
    {"words": [819, 40], "certainty_per_1000": [9.77, 0.0], "hedges_per_1000": [3.66, 25.0], "short_sample": [False, True]},
    index=pd.Index(["A1", "DW excerpt"], name="text"),
)
CLAIMS = pd.DataFrame({
    "article_id": ["A1"] * 4 + ["A2"] * 3,
    "verdict": ["accurate", "contradicted", "exaggerated", "accurate", "opinion", "no-evidence-offered", "accurate"],
})


def snapshot():
    """rcParams without resolving the backend (reading "backend" normally imports pyplot)."""
    return dict(dict.items(matplotlib.rcParams))  # the stored values: never resolves the backend


def all_plots():
    return [
        kp.timeline(EVENTS, articles={"A1": "2014-12-18", "A2": "2017-08-11"}),
        kp.estimates(ESTIMATES, quantity="revenue"),
        kp.rhetoric(TABLE),
        kp.verdicts(CLAIMS),
    ]


def test_alt_texts_describe_the_data_exactly():
    timeline, estimates, rhetoric, verdicts = all_plots()
    assert timeline.alt == (
        "Timeline of 5 events from 2007 to 2017 in 4 topics (document, isis, turkey, southeast-asia); "
        "1 became public later than it happened. A1 (18 Dec 2014): 4 events had happened by then, 1 of them not yet "
        "public. A2 (11 Aug 2017): 5 events had happened by then, 0 of them not yet public."
    )
    assert estimates.alt == (
        "revenue (USD million per year): 3 estimates by 2 estimators, 2014 to 2015. ICSR/EY 2014: 967 to 1,889; "
        "Treasury 2014: 1,000; ICSR/EY 2015: 1,000 to 2,400. 1 row without numbers left out."
    )
    assert rhetoric.alt == (
        "Hits per 1,000 words in 2 texts. A1 (n=819): certainty 9.8, hedges 3.7. "
        "DW excerpt (n=40, short sample): certainty 0.0, hedges 25.0."
    )
    assert verdicts.alt == (
        "Verdicts on 7 claims in 2 articles. A1: 4 claims: 2 accurate, 1 exaggerated, 1 contradicted by evidence. "
        "A2: 3 claims: 1 accurate, 1 unsupported (no evidence offered), 1 opinion (not checkable)."
    )


def test_every_plot_has_title_labelled_axes_and_no_colour_only_encoding():
    for plot in all_plots():
        axes = plot.figure.axes[0]
        assert axes.get_title(loc="left") and axes.get_xlabel() and axes.get_ylabel()
        assert plot.figure.__class__.__module__ == "matplotlib.figure"
    timeline, estimates, rhetoric, verdicts = all_plots()
    assert {p.get_hatch() for p in verdicts.figure.axes[0].patches} >= {"", "..", "--", "\\\\", "oo"}
    assert {p.get_hatch() for p in rhetoric.figure.axes[0].patches} == {"", "//"}
    legend = estimates.figure.axes[0].get_legend()
    assert [h.get_marker() for h in legend.legend_handles] == ["o", "s"]
    assert [t.get_text() for t in legend.get_texts()] == ["ICSR/EY", "Treasury"]
    labels = [t.get_text() for t in timeline.figure.axes[0].get_legend().get_texts()]
    assert labels == ["event (public when it happened)", "event that became public later", "date it became public",
                      "article A1 (18 Dec 2014)", "article A2 (11 Aug 2017)"]


def test_plot_data_and_notebook_display():
    timeline, estimates, rhetoric, verdicts = all_plots()
    assert list(verdicts.data.columns) == ["article_id", "accurate", "exaggerated", "no-evidence-offered", "contradicted", "opinion"]
    assert verdicts.data.set_index("article_id").loc["A1", "accurate"] == 2
    assert list(estimates.data["estimator"]) == ["ICSR/EY", "Treasury", "ICSR/EY"]
    assert list(timeline.data["event_id"]) == ["T001", "T002", "T003", "T004", "T005"]
    bundle = verdicts._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    assert bundle["text/plain"] == verdicts.alt == repr(verdicts)
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert f'alt="{verdicts.alt}"' in bundle["text/html"] and "<img src=\"data:image/png;base64," in bundle["text/html"]
    assert verdicts.png() == verdicts.png()


def test_making_every_plot_changes_no_global_style(tmp_path):
    before = snapshot()
    plots = all_plots()
    for n, plot in enumerate(plots):
        plot._repr_mimebundle_()
        plot.save(tmp_path / f"plot{n}.svg")
    assert snapshot() == before


def test_pyplot_is_never_imported():
    script = (
        "import sys, pandas as pd, kit.plots as kp\n"
        "kp.verdicts(pd.DataFrame({'article_id': ['A1'], 'verdict': ['accurate']}))._repr_mimebundle_()\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout == "False\n", result.stderr


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="choose a quantity: the table has 2 \\(revenue; oil\\)"):
        kp.estimates(ESTIMATES)
    with pytest.raises(ValueError, match="no estimates of 'gas'"):
        kp.estimates(ESTIMATES, quantity="gas")
    with pytest.raises(ValueError, match="unknown verdicts \\['false'\\]"):
        kp.verdicts(pd.DataFrame({"article_id": ["A1"], "verdict": ["false"]}))
    with pytest.raises(ValueError, match="missing: category"):
        kp.timeline(EVENTS.drop(columns=["category"]))
    with pytest.raises(ValueError, match="comparison table"):
        kp.rhetoric(pd.DataFrame({"words": [1]}))


def test_timeline_window_and_default_articles():
    plot = kp.timeline(EVENTS, start="2012", end="2015")
    assert list(plot.data["event_id"]) == ["T002", "T003", "T004"]
    assert "A1 (18 Dec 2014): 3 events had happened by then, 1 of them not yet public." in plot.alt


def test_plots_of_the_kits_datasets():
    timeline = kp.timeline(data.load("timeline"))
    assert timeline.alt.startswith("Timeline of ") and "A1 (18 Dec 2014): " in timeline.alt
    estimates = data.load("estimates")
    quantity = estimates["quantity"].value_counts().index[0]
    plot = kp.estimates(estimates, quantity=quantity)
    assert plot.alt.startswith(f"{quantity} (") and len(plot.data) == (estimates["quantity"] == quantity).sum()
