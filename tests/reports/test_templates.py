"""The templates: autoescape on for HTML and off for Markdown, a comment naming their variables, a clear error."""

from __future__ import annotations

import json
import random
import re

import pytest
from PIL import Image

from kit.grading import grade
from kit.questions import load_bank, load_key
from kit.reports import analytics
from kit.templates import FOLDER, TemplateProblem, autoescapes, render
from tests.grading.synthetic import answers_document
from tests.reports.htmlparse import parse

TEMPLATES = sorted(str(p.relative_to(FOLDER)) for p in FOLDER.rglob("*.j2"))


def test_html_templates_escape_and_markdown_templates_do_not():
    html = [name for name in TEMPLATES if name.endswith(".html.j2")]
    markdown = [name for name in TEMPLATES if name.endswith(".md.j2")]
    assert {"base.html.j2", "feedback-page.html.j2", "analytics-index.html.j2"} <= set(html)
    assert markdown == ["new-lesson/notebook.md.j2"] and len(html) + len(markdown) == len(TEMPLATES)
    assert all(autoescapes(name) for name in html) and not any(autoescapes(name) for name in markdown)


@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_opens_with_a_comment_listing_what_it_receives(name):
    text = (FOLDER / name).read_text(encoding="utf-8")
    comment = re.match(r"\{#-?(.*?)-?#\}", text, re.S)
    assert comment and "Receives:" in comment.group(1)
    for variable in re.findall(r"\{\{-? *([a-z_]+)", text):  # every top-level variable it shows is described
        assert variable in comment.group(1) or re.search(rf"\{{% (for|set) {variable}\b", text), variable


def test_the_analytics_index_shows_every_plot_with_its_alt_text(fixture_bank, tmp_path):
    bank, key = load_bank("L90"), load_key("L90")
    rng = random.Random(4)
    for n in range(6):
        (tmp_path / f"s{n}.json").write_text(json.dumps(answers_document(f"s{n}", f"S{n}", bank, key, rng)))
    paths = analytics.write_all(grade([tmp_path], lessons=["L90"]), tmp_path / "analytics")
    assert len(paths) >= 3
    tree = parse((tmp_path / "analytics" / "index.html").read_text(encoding="utf-8"))
    figures = tree.all("figure")
    assert [f.all("img")[0].attrs["src"] for f in figures] == [p.name for p in paths]
    for figure, path in zip(figures, paths):
        written = Image.open(path).text  # the PNG carries its own title and alt text
        assert figure.all("img")[0].attrs["alt"] == written["Description"]
        assert figure.all("figcaption")[0].plain() == " ".join(f"{written['Title']}: {written['Description']}".split())


def test_hostile_alt_text_stays_inside_its_attribute():
    hostile = '"><img src=x onerror=alert(1)> <script>alert(1)</script>'
    page = render("analytics-index.html.j2", title="Class", plots=[{"file": "a.png", "title": "T", "alt": hostile}])
    tree = parse(page)
    (image,) = tree.all("img")
    assert image.attrs == {"src": "a.png", "alt": hostile} and tree.all("script") == []


def test_a_missing_variable_or_template_names_the_file():
    with pytest.raises(TemplateProblem, match=r"analytics-index.html.j2: 'plots' is undefined"):
        render("analytics-index.html.j2", title="Class")
    with pytest.raises(TemplateProblem, match=r"no-such.html.j2: no such template"):
        render("no-such.html.j2")


@pytest.mark.slow
def test_an_installed_wheel_carries_the_templates_and_uses_them(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT
    from tests.text.helpers import ARTICLES

    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "wheels"), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp_path / "wheels").glob("medialit_kit-*.whl")
    listing = subprocess.run([sys.executable, "-m", "zipfile", "-l", str(wheel)], capture_output=True, text=True).stdout
    for name in TEMPLATES:
        assert f"kit/templates/{name}" in listing
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = ("import kit.templates as t, kit.scaffold as s\n"
            "print(t.FOLDER)\n"
            "print(t.render('analytics-index.html.j2', title='<Class>', plots=[]).count('&lt;Class&gt;'))\n"
            f"made = s.new_lesson({str(ARTICLES / 'harbour-bridge.md')!r}, out='out')\n"
            "print(made.notebook.read_text(encoding='utf-8').count('# Claim breakdown: Council Votes'))\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:3] == [str(site / "kit" / "templates"), "2", "1"]
