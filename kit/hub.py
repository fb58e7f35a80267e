"""Where the lessons run: on a JupyterHub (who the student is) and under Voila (what to tell them).

On a JupyterHub every single-user server knows its user: JupyterHub sets
``JUPYTERHUB_USER``. When no name has been typed in lesson 00, that user name
is the student's name, so students on a hub never type it (a typed name still
wins). Voila shows a lesson as a page without code: there is no Run All and no
terminal, so the lesson header says what to do instead.

>>> from kit import settings
>>> with settings.overridden(JUPYTERHUB_USER="ada.lovelace@school.example"):
...     hub_user()
'ada.lovelace@school.example'
>>> with settings.overridden(JUPYTERHUB_USER=""):
...     hub_user() is None
True
>>> with settings.overridden(VOILA_SERVER_URL="/user/ada/"):
...     how_to_start()[:32]
'This page saves your answers as '
"""

from __future__ import annotations

from kit import settings

MAX_HUB_NAME = 200


def hub_user() -> str | None:
    """The hub user this server runs for (``JUPYTERHUB_USER``), or None outside a hub.

    The name is returned as JupyterHub gives it (its own rules keep it short and
    printable); :func:`kit.identity.sanitise` makes the id for the answers folder.
    """
    name = " ".join(settings.hub_user().split())
    if not name or len(name) > MAX_HUB_NAME or not name.isprintable():
        return None
    return name


def under_voila() -> bool:
    """True in a kernel Voila started (the student sees a page, not a notebook)."""
    return settings.under_voila()


def how_to_start() -> str:
    """One sentence telling the student how to work through the lesson where it runs."""
    if under_voila():
        return ("This page saves your answers as you choose them; when you have finished, "
                "press Hand in my answers below and keep the file it gives you.")
    return ("Run every cell (Run menu, Run All), answer in the boxes, and press Hand in my answers "
            "when you have finished.")
