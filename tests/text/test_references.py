"""What a text cites: links, addresses, quoted titles and quotations."""

from __future__ import annotations

from kit import articles
from kit.text import find_references
from tests.text.helpers import fixture_article


def test_a1_links_and_quoted_headlines():
    table = find_references(articles.load("A1"))
    assert table[["kind", "text", "target", "sentence"]].values.tolist() == [
        ["link", "It was reported recently", "#", 8],
        ["link", "Deutsche Welle (DW)", "#", 8],
        ["link", "investigated", "#", 8],
        ["quoted title", "The Redirection: Is the Administration's new policy benefiting our enemies in the war on terrorism?", "#", 17],
        ["link", "are now confirmed to be operating under the banner of ISIS", "#", 23],
        ["quoted title", "C.I.A. Said to Aid in Steering Arms to Syrian Opposition", "#", 24],
        ["quoted title", "First Syria rebels armed and trained by CIA 'on way to battlefield'", "#", 24],
        ["quoted title", "Arms Airlift to Syria Rebels Expands, With Aid From C.I.A.", "#", 24],
        ["quoted title", "Official says CIA-funded weapons have begun to reach Syrian rebels; rebels deny receipt", "#", 24],
    ]


def test_a2_quotation_and_titles():
    table = find_references(articles.load("A2"))
    assert table[["kind", "text"]].values.tolist() == [
        ["quoted title", "How the Islamic State makes its money"],
        ["quotation", "probably the best-funded terrorist organization we have confronted"],
        ["link", "in an August 1, 2017 statement"],
        ["quoted title", "IS' supply channels through Turkey"],
        ["link", "2012 report (.pdf)"],
    ]


def test_markdown_test_articles():
    bridge = find_references(fixture_article("harbour-bridge.md"))
    assert bridge[["kind", "text", "target"]].values.tolist() == [
        ["quotation", "may need replacing within 10 years.", ""],
        ["quotation", "It is clear that the bridge is a disaster waiting to happen", ""],
        ["link", "inspection report", "https://ledger.example.org/docs/bridge-report.pdf"],
        ["quoted title", "Bridges at Risk in the U.S. Midwest", "#"],
        ["quotation", "The bridge is obviously safer with the work done", ""],
    ]
    library = find_references(fixture_article("library-hours.md"))
    assert library[["kind", "text", "sentence"]].values.tolist() == [
        ["link", "2022 county survey", 11],
        ["quoted title", "Library Visits Fall for Third Year", 12],
    ]


def test_bare_addresses_and_title_cues_in_plain_text():
    text = ('See https://example.org/report.pdf, then the report titled "Water use in dry years" and '
            'the minister\'s words: "we will not raise the price this year."')
    table = find_references(text)
    assert table[["kind", "text", "target"]].values.tolist() == [
        ["address", "https://example.org/report.pdf", "https://example.org/report.pdf"],
        ["quoted title", "Water use in dry years", ""],
        ["quotation", "we will not raise the price this year.", ""],
    ]
