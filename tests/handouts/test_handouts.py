"""Printable handouts: every question on paper, no answer key, links as printed addresses, printed by real Chromium.

The PDF tests need Debian's ``chromium`` and ``pdftotext`` (package
``poppler-utils``); without them they are skipped, except under CI
(``MEDIALIT_REQUIRE_BROWSER=1``), where a missing tool fails.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import nbformat
import pytest

from kit import kinds, settings
from kit.handouts import lesson_handout, render, write_handouts
from kit.questions import lesson_ids, load_bank, load_key
from tests.conftest import ROOT, run_medialit

LESSONS = ROOT / "lessons"
URL = re.compile(r"\]\((https?://(?:[^\s()\"]|\([^\s()\"]*\))+)")  # an address may hold balanced parentheses: 2199(2015)


def squeeze(text: str) -> str:
    """Text without whitespace or hyphens: pdftotext joins words hyphenated at a line end ("state-\\nsponsored")."""
    return re.sub(r"[\s\-‐]+", "", text)


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (apt-get install chromium poppler-utils)"
        if settings.require_browser():
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every lesson printed to PDF once, and each PDF's text."""
    need(settings.chromium())
    pdftotext = need("pdftotext")
    out = tmp_path_factory.mktemp("handouts")
    files = write_handouts(out)
    texts = {path.name: subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
             for path in files}
    return out, files, texts


@pytest.mark.slow
def test_one_pdf_per_lesson_and_one_with_all(printed):
    out, files, _ = printed
    stems = sorted(p.stem for p in LESSONS.glob("*.ipynb"))
    assert sorted(p.name for p in files) == sorted([f"{s}.pdf" for s in stems] + ["all-lessons.pdf"])
    assert all(p.read_bytes().startswith(b"%PDF-") for p in files)


@pytest.mark.slow
def test_every_question_prompt_is_in_its_lessons_pdf_and_in_the_whole(printed):
    _, files, texts = printed
    everything = squeeze(texts["all-lessons.pdf"])
    for notebook in sorted(LESSONS.glob("*.ipynb")):
        lesson = lesson_handout(notebook).lesson
        own = squeeze(texts[f"{notebook.stem}.pdf"])
        # pdftotext reads a table row cell by cell, so a wrapped label comes out around the row's choices to circle:
        # without the choices, the label's words are back in order.
        marks = {squeeze(f"{part.mark}{choice.label}") for question in load_bank(lesson)
                 for part in kinds.get(question.kind).paper(question) for choice in part.choices}
        unchoiced = own
        for mark in sorted(marks, key=len, reverse=True):
            unchoiced = unchoiced.replace(mark, "")
        for question in load_bank(lesson):
            assert squeeze(question.prompt) in own, f"{question.id} missing from {notebook.stem}.pdf"
            assert squeeze(question.prompt) in everything
            for option in question.options:
                assert squeeze(option.label) in own or squeeze(option.label) in unchoiced, f"{question.id}: option {option.id} missing"


@pytest.mark.slow
def test_links_are_printed_as_addresses(printed):
    _, _, texts = printed
    text = squeeze(texts["02-anatomy-of-an-argument.pdf"])
    for address in ["https://www.nato.int/cps/en/natohq/news_84445.htm", "http://activistpost.com/2014/12/"]:
        assert squeeze(address) in text


def test_the_html_never_holds_the_answer_key_and_does_not_read_it(tmp_path):
    for notebook in sorted(LESSONS.glob("*.ipynb")):
        handout = lesson_handout(notebook)
        with_key = render([handout], title="t")
        with settings.overridden(MEDIALIT_KEY="none"):
            assert render([lesson_handout(notebook)], title="t") == with_key
        for question_id, entry in load_key(handout.lesson).items():
            if len(entry.explanation) > 60:
                assert squeeze(entry.explanation) not in squeeze(with_key), f"{question_id}: the key's explanation is printed"


def test_widgets_show_their_text_equivalents_and_code_is_not_printed():
    notebook = LESSONS / "02-anatomy-of-an-argument.ipynb"
    html = render([lesson_handout(notebook)], title="t")
    document = nbformat.read(str(notebook), as_version=4)
    printed_outputs = [o for c in document.cells if c.cell_type == "code" and ".ask(" not in c.source
                       for o in c.outputs if o.output_type == "stream"]
    assert printed_outputs and all(squeeze(o.text[:80]) in squeeze(html.replace("&#34;", '"').replace("&#39;", "'"))
                                   for o in printed_outputs)
    assert "kit.data.load" not in html and "lesson.ask" not in html


def test_every_link_of_the_lesson_text_is_printed_as_its_address():
    for notebook in sorted(LESSONS.glob("*.ipynb")):
        document = nbformat.read(str(notebook), as_version=4)
        addresses = {u for c in document.cells if c.cell_type == "markdown" for u in URL.findall(c.source)}
        html = render([lesson_handout(notebook)], title="t").replace("&amp;", "&")
        for address in addresses:
            assert f"({address})</span>" in html, f"{notebook.name}: {address} not printed"


def test_the_page_loads_nothing_from_the_network():
    html = render([lesson_handout(LESSONS / "00-start-here.ipynb")], title="t")
    assert "default-src 'none'" in html
    assert not re.search(r'(src|href)="https?:', html) and "<script" not in html


def test_handouts_command_writes_html_and_names_unknown_lessons(tmp_path):
    done = run_medialit("handouts", str(tmp_path / "out"), "--lessons", "L00", "--html-only")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["00-start-here.html", "all-lessons.html"]
    done = run_medialit("handouts", str(tmp_path / "out"), "--lessons", "L42", "--html-only")
    assert done.returncode == 2 and "no lesson notebook for L42" in done.stderr


def test_a_missing_browser_is_a_clear_error(tmp_path):
    done = run_medialit("handouts", str(tmp_path / "out"), "--lessons", "L00",
                        env={"MEDIALIT_CHROMIUM": "no-such-chromium"})
    assert done.returncode == 2 and "no-such-chromium" in done.stderr and "--html-only" in done.stderr


def test_every_lesson_has_a_handout():
    assert sorted(lesson_handout(p).lesson for p in LESSONS.glob("*.ipynb")) == lesson_ids()


def test_a_notebook_asking_an_unknown_question_is_named(tmp_path):
    from kit.errors import KitError

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('lesson = kit.lesson.start("L00")'),
                                              nbformat.v4.new_code_cell('lesson.ask("q99")')])
    path = tmp_path / "broken.ipynb"
    nbformat.write(notebook, str(path))
    with pytest.raises(KitError, match="broken.ipynb: asks q99, which is not in the question bank of L00"):
        lesson_handout(path)


def test_a_written_answer_prints_its_sentence_frames(fixture_bank):
    from kit.handouts import question_html
    html = str(question_html(load_bank("L90")["L90.q07"], number=7))
    assert "Sentence starters" in html
    assert "<li>I would read laterally because ___.</li>" in html
    assert "(not only &lt;this&gt; one)" in html and "<this>" not in html
    assert html.index("Sentence starters") < html.index('class="lines"')  # starters above the writing lines


def test_folded_reveals_print_after_the_lesson_with_a_pointer_where_they_were(printed):
    """Chromium prints a closed <details> as its summary only; a handout prints every reveal at the end instead."""
    out, files, texts = printed
    checked = 0
    for notebook in sorted(LESSONS.glob("*.ipynb")):
        document = nbformat.read(str(notebook), as_version=4)
        summaries = [re.sub(r"<[^>]+>", "", s).strip() for c in document.cells if c.cell_type == "markdown"
                     for s in re.findall(r"<details\b[^>]*>\s*<summary>(.*?)</summary>", c.source, re.S)]
        if not summaries:
            continue
        text = squeeze(texts[f"{notebook.stem}.pdf"])
        assert squeeze("After you answer: the reveals") in text, notebook.name
        for number, summary in enumerate(summaries, 1):
            assert squeeze(f"{number}. {summary}") in text, f"{notebook.name}: reveal {number} ({summary}) not printed"
            assert squeeze(f'under "After you answer" ({number})') in text, f"{notebook.name}: no pointer to reveal {number}"
            checked += 1
    assert checked >= 8  # the lessons fold their reveals: at least one in most lessons


def test_a_source_check_prints_the_evidence_for_a_class_without_internet():
    from kit.handouts import question_html

    question = load_bank("L00")["L00.q19"]
    html = str(question_html(question, number=1)).replace("&#39;", "'")
    assert question.items and "No internet? Use what these pages say" in html
    for item in question.items:
        assert item.text in html and item.source in html
    assert "your choice" not in html  # the evidence is to read, not to circle
