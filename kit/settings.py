"""Every setting of the kit in one place: the ``MEDIALIT_*`` variables and the folders they move.

In a source checkout (``pip install -e .``) the data are the top-level folders
``datasets/``, ``lessons/`` and ``instructor-guide/`` beside ``kit/``; a regular
install copies them into ``kit/_bundled/`` inside the wheel. Each variable in
:data:`VARIABLES` moves or switches one thing; the README's table of settings
is generated from it (a test keeps the two equal). Two inputs that are not the
kit's own are read here too: ``JUPYTERHUB_USER`` (set by JupyterHub) and
``VOILA_SERVER_URL`` (set by Voila in the kernels it starts).

A **student copy** (``medialit release``) holds a marker file
``.medialit-release.json`` at its top. The kit finds it from the notebook's own
path (``JPY_SESSION_NAME``, set by Jupyter for every kernel) or from the working
folder, looking in that folder and every folder above it, so a kernel started
in a subfolder of the copy still runs without the key.

>>> (datasets_dir() / "claims.csv").name
'claims.csv'
>>> [v.name for v in VARIABLES][:2]
['MEDIALIT_ANSWERS', 'MEDIALIT_DATASETS']
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DIR = PACKAGE_DIR / "_bundled"
RELEASE_MARKER = ".medialit-release.json"
PRACTICE_KEY = "practice-key"  # a student copy's key folder: practice questions only
GLOSSARY = "glossary.md"  # lessons/glossary.md: the words in bold, linked from every lesson's first cell
OFF_WORDS = ("off", "0", "no", "false")


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, what it does, and its default."""

    name: str
    meaning: str
    default: str


VARIABLES: tuple[Variable, ...] = (
    Variable("MEDIALIT_ANSWERS", "folder where students' answers are saved (on a hub: a per-user folder)",
             "`answers/` in the notebook's folder"),
    Variable("MEDIALIT_DATASETS", "folder holding `claims.csv` and the other datasets",
             "the student copy's `datasets/`, else the kit's own"),
    Variable("MEDIALIT_LESSONS", "folder holding the lesson notebooks and `questions/`",
             "the student copy, else the kit's own `lessons/`"),
    Variable("MEDIALIT_KEY", "folder holding the answer key; `none` turns the key off",
             "`practice-key/` (practice questions only) in a student copy, else `instructor-guide/answer-key/`"),
    Variable("MEDIALIT_FEEDBACK", "`off` hides the Check button even where the key is present", "on"),
    Variable("MEDIALIT_STUDENT_ANSWERS", "answers file that the answer-key notebooks check",
             "the model answers"),
    Variable("MEDIALIT_GRADING", "folder of a grading run, read by the rubric-marking notebook", "`../grading`"),
    Variable("MEDIALIT_CHROMIUM", "the Chromium binary that prints handouts and that the browser tests drive", "`chromium` on the PATH"),
    Variable("MEDIALIT_REQUIRE_BROWSER", "(tests) `1` makes a missing browser a failure, not a skip (CI sets it)",
             "unset"),
    Variable("MEDIALIT_PROXY", "(tests) the configurable-http-proxy the hub tests start",
             "`tests/hub/node/node_modules/.bin/configurable-http-proxy`"),
    Variable("MEDIALIT_REQUIRE_HUB", "(tests) `1` makes a missing JupyterHub or proxy a failure, not a skip (CI sets it)",
             "unset"),
    Variable("JUPYTERHUB_USER", "(read, set by JupyterHub) the hub user: the student's name when none has been typed",
             "unset"),
    Variable("VOILA_SERVER_URL", "(read, set by Voila in its kernels) the lessons then speak of buttons, not Run All",
             "unset"),
)
NAMES = frozenset(v.name for v in VARIABLES)


def get(name: str) -> str:
    """The value of a kit variable, stripped ("" when unset).

    >>> get("MEDIALIT_NOT_A_SETTING")
    Traceback (most recent call last):
    KeyError: 'MEDIALIT_NOT_A_SETTING is not a setting of the kit (see kit.settings.VARIABLES)'
    """
    if name not in NAMES:
        raise KeyError(f"{name} is not a setting of the kit (see kit.settings.VARIABLES)")
    return os.environ.get(name, "").strip()


def _path(name: str, default: Path) -> Path:
    value = get(name)
    return Path(value).expanduser() if value else default


def markdown_table() -> str:
    """The settings as a Markdown table (the README shows it)."""
    rows = ["| variable | what it does | default |", "|---|---|---|"]
    rows += [f"| `{v.name}` | {v.meaning} | {v.default} |" for v in VARIABLES]
    return "\n".join(rows)


# --------------------------------------------------------------------------- where things are


def project_root() -> Path:
    """The folder that holds ``datasets/``: the bundled copy if installed, else the checkout."""
    if (BUNDLED_DIR / "datasets").is_dir():
        return BUNDLED_DIR
    return PACKAGE_DIR.parent


def _places() -> list[Path]:
    """Where this kernel runs: the notebook's folder (when Jupyter says) and the working folder."""
    places = []
    session = os.environ.get("JPY_SESSION_NAME", "").strip()
    if session:
        notebook = Path(session).expanduser()
        if not notebook.is_absolute():
            notebook = Path.cwd() / notebook
        places.append(notebook.parent)
    places.append(Path.cwd())
    return places


def release_folder() -> Path | None:
    """The top of the student copy we run in (``medialit release`` output), if any.

    Looks for the marker in the notebook's folder and the working folder, and in
    every folder above them.
    """
    for place in _places():
        for folder in (place, *place.parents):
            if (folder / RELEASE_MARKER).is_file():
                return folder
    return None


def datasets_dir() -> Path:
    """Folder of the datasets (``MEDIALIT_DATASETS`` overrides; a student copy uses its own)."""
    release = release_folder()
    return _path("MEDIALIT_DATASETS", release / "datasets" if release else project_root() / "datasets")


def lessons_dir() -> Path:
    """Folder of the lesson notebooks (``MEDIALIT_LESSONS`` overrides; a student copy uses its own)."""
    release = release_folder()
    return _path("MEDIALIT_LESSONS", release if release else project_root() / "lessons")


def questions_dir() -> Path:
    """Folder of the question banks."""
    return lessons_dir() / "questions"


def instructor_guide_dir() -> Path:
    """Folder of the instructor guide."""
    return project_root() / "instructor-guide"


def answer_key_dir() -> Path | None:
    """Folder of the answer key, or None when there is none (``MEDIALIT_KEY=none``); a student copy's practice key."""
    value = get("MEDIALIT_KEY")
    if value.lower() == "none":
        return None
    if value:
        return Path(value).expanduser()
    release = release_folder()
    if release is not None:
        return release / PRACTICE_KEY if (release / PRACTICE_KEY).is_dir() else None
    folder = instructor_guide_dir() / "answer-key"
    return folder if folder.is_dir() else None


def answers_dir() -> Path:
    """Where answers are kept: ``MEDIALIT_ANSWERS``, or ``answers/`` in the working folder."""
    return _path("MEDIALIT_ANSWERS", Path.cwd() / "answers")


def feedback_enabled() -> bool:
    """False when ``MEDIALIT_FEEDBACK`` is off (the Check button is then hidden even with a key)."""
    return (get("MEDIALIT_FEEDBACK") or "on").lower() not in OFF_WORDS


def student_answers_file() -> Path | None:
    """The answers file the answer-key notebooks check (``MEDIALIT_STUDENT_ANSWERS``), if set."""
    value = get("MEDIALIT_STUDENT_ANSWERS")
    return Path(value).expanduser() if value else None


def grading_dir(default: Path | str = "../grading") -> Path:
    """The grading folder the rubric-marking notebook reads (``MEDIALIT_GRADING``)."""
    return _path("MEDIALIT_GRADING", Path(default))


def chromium() -> str:
    """The Chromium binary the browser tests and handouts use (``MEDIALIT_CHROMIUM``)."""
    return get("MEDIALIT_CHROMIUM") or "chromium"


def require_browser() -> bool:
    """True under CI, where a missing browser fails the browser tests instead of skipping them."""
    return get("MEDIALIT_REQUIRE_BROWSER").lower() not in ("", *OFF_WORDS)


def require_hub() -> bool:
    """True under CI, where a missing JupyterHub or proxy fails the hub tests instead of skipping them."""
    return get("MEDIALIT_REQUIRE_HUB").lower() not in ("", *OFF_WORDS)


def hub_user() -> str:
    """The JupyterHub user name this server runs for (``JUPYTERHUB_USER``), "" outside a hub."""
    return get("JUPYTERHUB_USER")


def under_voila() -> bool:
    """True in a kernel started by Voila (it sets ``VOILA_SERVER_URL`` for the kernels it starts)."""
    return bool(get("VOILA_SERVER_URL"))


@contextmanager
def overridden(**values: str) -> Iterator[None]:
    """Set kit variables for the duration of a ``with`` block (kernels started inside inherit them).

    >>> with overridden(MEDIALIT_FEEDBACK="off"):
    ...     feedback_enabled()
    False
    """
    unknown = set(values) - NAMES
    if unknown:
        raise KeyError(f"not settings of the kit: {', '.join(sorted(unknown))}")
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
