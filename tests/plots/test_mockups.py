"""Lesson 07's practice mock-ups: labelled as made for practice, described in words, sourced."""

import pytest

from kit import citations
from kit.plots import mockup
from kit.plots.mockups_chart import MOCKUPS, SOURCES


@pytest.mark.parametrize("name", sorted(MOCKUPS))
def test_each_mockup_is_labelled_described_and_sourced(name):
    plot = mockup(name)
    assert "made for practice by medialit-kit" in plot.alt
    assert plot.title and plot.png().startswith(b"\x89PNG")
    texts = [t.get_text() for axes in plot.figure.axes for t in axes.texts]
    assert any("Made for practice by medialit-kit" in t for t in texts), "the image itself carries the label"
    for source_id in SOURCES[name]:
        assert citations.cite(source_id).url


def test_the_chart_has_axis_labels_and_states_its_truncated_axis():
    plot = mockup("chart")
    axes = plot.figure.axes[0]
    assert axes.get_xlabel() and axes.get_ylabel() and axes.get_title(loc="left")
    assert axes.get_ylim()[0] == 34 and "starts at 34%, not 0" in plot.alt
    assert list(plot.data["top_rate"]) == [35.0, 39.6]


def test_an_unknown_mockup_is_named_in_the_error():
    with pytest.raises(ValueError, match="unknown mock-up 'video'"):
        mockup("video")
