"""Support in JupyterLab: the glossary link of a lesson opens the glossary rendered, and a written answer shows its
sentence starters."""

import pytest

from kit.questions import load_bank
from tests.browser import jlab

pytestmark = pytest.mark.browser


def test_lesson_00_shows_sentence_starters_and_its_glossary_link_opens_the_rendered_glossary(lab, page):
    jlab.open_notebook(page, lab, "00-start-here.ipynb")
    jlab.run_all(page)
    frames = load_bank("L00")["L00.q08"].frames
    help_text = page.locator(".medialit-L00-q08 .medialit-frames")
    help_text.wait_for(timeout=60_000)
    assert help_text.get_attribute("aria-label") == "Sentence starters for L00.q08"
    assert help_text.locator("li").all_inner_texts() == list(frames)
    page.locator(".jp-NotebookPanel:visible .jp-RenderedMarkdown a", has_text="glossary").first.click()
    viewer = page.locator(".jp-MarkdownViewer:visible")  # JupyterLab's Markdown Preview, its default for a linked .md
    viewer.wait_for(timeout=30_000)
    assert viewer.locator("h1").first.inner_text().strip().startswith("Glossary")
    assert viewer.locator("h2", has_text="Lateral reading").count() == 1
