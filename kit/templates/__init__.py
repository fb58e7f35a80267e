"""The kit's Jinja2 templates, which a teacher can read and edit, and the one environment that loads them.

* ``base.html.j2``: the page frame shared by every HTML page (language, title, stylesheet);
* ``feedback-page.html.j2``: one student's feedback page (``medialit grade``);
* ``analytics-index.html.j2``: the class plots with their alt text (``medialit grade``);
* ``handout.html.j2``: printable lessons (``medialit handouts``);
* ``new-lesson/notebook.md.j2``: the cells of a lesson made by ``medialit new-lesson``.

Autoescape is ON for every template except Markdown (``*.md.j2``): a value
shown in an HTML page is escaped unless a template marks it ``|safe``, which
the templates do only for HTML built by escaping code (they say so beside it).
Markdown templates escape what they show with the ``md_text`` filter.

>>> page = render("analytics-index.html.j2", title="Class <analytics>", plots=[])
>>> page.startswith('<!DOCTYPE html>\\n<html lang="en">'), "<title>Class &lt;analytics&gt;</title>" in page
(True, True)
>>> autoescapes("feedback-page.html.j2"), autoescapes("new-lesson/notebook.md.j2")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kit.errors import KitError

FOLDER = Path(__file__).parent

#: Markdown characters that format text (or start maths in Jupyter), escaped so a value shows as typed.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]$|#])")


#: Characters kept as they are in a linked address (besides letters, digits and ``_.-~``); others are %-encoded.
_URL_SAFE = "!#$%&()*+,/:;=?@[]"


class TemplateProblem(KitError):
    """A template that cannot be loaded or rendered (a syntax error, an unknown variable), naming the file."""


def md_text(value) -> str:
    r"""Plain text shown as typed in Markdown: formatting characters escaped, ``<`` and ``&`` as entities, one line.

    >>> md_text('A *bold* "claim" costs $5 <b>{{x}}</b> \\ done')
    'A \\*bold\\* "claim" costs \\$5 &lt;b&gt;{{x}}&lt;/b&gt; \\\\ done'
    """
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md_body(value) -> str:
    r"""Markdown kept as Markdown, with ``$`` escaped (Jupyter reads it as maths) and ``<`` as an entity (no raw HTML).

    >>> md_body("It costs $4.5 million <b>now</b>.")
    'It costs \\$4.5 million &lt;b>now&lt;/b>.'
    """
    return re.sub(r"(?<!\\)\$", r"\\$", str(value)).replace("<", "&lt;")


def points(value) -> str:
    """A number of points without trailing zeros.

    >>> points(5.0), points(2.5)
    ('5', '2.5')
    """
    return format(value, "g")


def md_quote(value) -> str:
    """Every line of ``value`` as a Markdown block quote.

    >>> print(md_quote("One.\\n\\nTwo."))
    > One.
    >
    > Two.
    """
    return "\n".join(f"> {line}".rstrip() for line in str(value).split("\n"))


def md_url(value) -> str:
    """A web address as a Markdown link, characters that could end it or a table cell %-encoded; else text.

    >>> md_url("https://example.org/a_b?q=1|2"), md_url("javascript:alert(1)")
    ('<https://example.org/a_b?q=1%7C2>', 'javascript:alert(1)')
    """
    from urllib.parse import quote

    text = str(value).strip()
    if not re.match(r"https?://", text, re.I):
        return md_text(text)
    return f"<{quote(text, safe=_URL_SAFE)}>"


def python_string(value) -> str:
    """A Python string literal for ``value`` (double-quoted, every special character escaped).

    >>> print(python_string('articles/it\\'s "x".md'))
    "articles/it's \\"x\\".md"
    """
    import json

    return json.dumps(str(value))


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment of :data:`FOLDER` (built once; undefined variables are errors)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FOLDER),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "htm", "xml"),
                                            disabled_extensions=("md.j2",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md_text=md_text, md_body=md_body, python_string=python_string, points=points,
                       md_quote=md_quote, md_url=md_url)
    return env


def autoescapes(name: str) -> bool:
    """Whether the template ``name`` escapes every value it shows."""
    setting = environment().autoescape
    return bool(setting(name) if callable(setting) else setting)


@lru_cache(maxsize=2)
def _escaping(on: bool):
    return environment().overlay(autoescape=on)


def from_text(text: str, *, like: str):
    """Compile ``text``, a part of the template ``like``, escaping values as ``like`` does (its file extension).

    >>> from_text("{{ x }}", like="notes.md.j2").render(x="<b>"), from_text("{{ x }}", like="page.html.j2").render(x="<b>")
    ('<b>', '&lt;b&gt;')
    """
    return _escaping(autoescapes(like)).from_string(text)


def template(name: str):
    """The compiled template ``name`` (cached by Jinja2), or :class:`TemplateProblem` naming the file."""
    import jinja2

    try:
        return environment().get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(f"line {error.lineno}: {error.message}", path=FOLDER / name) from None
    except jinja2.TemplateNotFound:
        raise TemplateProblem("no such template", path=FOLDER / name) from None


def render(name: str, /, **context) -> str:
    """Render the template ``name`` with ``context``; a mistake in the template is a :class:`TemplateProblem`."""
    import jinja2

    try:
        return template(name).render(**context)
    except jinja2.UndefinedError as error:
        raise TemplateProblem(f"{error.message} (the variables it receives are listed at its top)",
                              path=FOLDER / name) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(f"line {error.lineno}: {error.message}", path=FOLDER / (error.name or name)) from None
