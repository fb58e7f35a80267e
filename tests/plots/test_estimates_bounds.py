"""One-sided estimates ("up to", "at least") are drawn and described as bounds, not as points."""

import pandas as pd

from kit.plots import estimates


def test_bounds_given_alone_are_described_as_bounds():
    table = pd.DataFrame({
        "quantity": ["revenue"] * 3, "unit": ["USD million"] * 3, "period": ["2014", "2016", "2015"],
        "year": [2014, 2016, 2015], "low": [None, None, 500], "point": [None, None, None], "high": [1900, 870, None],
        "estimator": ["ICSR/EY", "ICSR/EY", "US official"],
    })
    chart = estimates(table)
    assert "ICSR/EY 2014: up to 1,900" in chart.alt and "ICSR/EY 2016: up to 870" in chart.alt
    assert "US official 2015: at least 500" in chart.alt
    markers = {c.get_paths()[0].vertices.round(2).tobytes() for c in chart.figure.axes[0].collections if hasattr(c, "get_paths") and c.get_paths()}
    assert len(markers) >= 2  # triangles, not the estimators' point markers only
