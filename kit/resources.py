"""Where the kit's data lives: the datasets, the lessons and the answer key.

In a source checkout (``pip install -e .``) these are the top-level folders
``datasets/``, ``lessons/`` and ``instructor-guide/`` beside ``kit/``. A regular
install (``pip install .``) copies the same folders into ``kit/_bundled/`` inside
the wheel, so an installed kit needs no checkout. Environment variables move
each folder (useful on JupyterHub or for a student copy):

=========================  ==============================================
``MEDIALIT_DATASETS``      folder holding ``claims.csv`` and the rest
``MEDIALIT_LESSONS``       folder holding the lesson notebooks
``MEDIALIT_KEY``           folder holding the answer key (``none`` = no key)
=========================  ==============================================

>>> (datasets_dir() / "claims.csv").name
'claims.csv'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DIR = PACKAGE_DIR / "_bundled"
RELEASE_MARKER = ".medialit-release.json"


def release_folder() -> Path | None:
    """The student copy we are running in (``medialit release`` output), if any.

    A kernel runs in the notebook's folder, so the marker file sits beside the lessons.
    """
    here = Path.cwd()
    return here if (here / RELEASE_MARKER).is_file() else None


def project_root() -> Path:
    """The folder that holds ``datasets/``: the bundled copy if installed, else the checkout."""
    if (BUNDLED_DIR / "datasets").is_dir():
        return BUNDLED_DIR
    return PACKAGE_DIR.parent


def _from_env(variable: str, default: Path) -> Path:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else default


def datasets_dir() -> Path:
    """Folder of the datasets (``MEDIALIT_DATASETS`` overrides; a student copy uses its own)."""
    release = release_folder()
    return _from_env("MEDIALIT_DATASETS", release / "datasets" if release else project_root() / "datasets")


def lessons_dir() -> Path:
    """Folder of the lesson notebooks (``MEDIALIT_LESSONS`` overrides; a student copy uses its own)."""
    release = release_folder()
    return _from_env("MEDIALIT_LESSONS", release if release else project_root() / "lessons")


def instructor_guide_dir() -> Path:
    """Folder of the instructor guide."""
    return project_root() / "instructor-guide"


def answer_key_dir() -> Path | None:
    """Folder of the answer key, or None when there is none (a student copy).

    ``MEDIALIT_KEY=none`` turns the key off; so does running in a student
    copy (a folder with ``.medialit-release.json``, written by ``medialit release``).
    """
    value = os.environ.get("MEDIALIT_KEY", "").strip()
    if value.lower() == "none":
        return None
    if value:
        return Path(value).expanduser()
    if release_folder() is not None:
        return None
    folder = instructor_guide_dir() / "answer-key"
    return folder if folder.is_dir() else None
