"""Open JupyterLab on the lessons, offline, with the kit's data.

In a source checkout the lessons open where they are (``lessons/``). From an
installed kit the lessons are copied once into a working folder (by default
``./medialit-lessons``) so students never write inside the installed package;
a lesson already there is never overwritten.

>>> plan = plan_launch(folder=None, port=8899, open_browser=False)
>>> "--ServerApp.port=8899" in plan.command
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kit import settings

DEFAULT_FOLDER = "medialit-lessons"
FIRST_LESSON = "00-start-here.ipynb"


@dataclass
class LaunchPlan:
    """What ``medialit lab`` will do: the folder it opens and the command it runs."""

    folder: Path
    command: list[str]
    copied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def lessons_are_in_checkout() -> bool:
    """True when the lessons live in a writable source checkout (not inside site-packages)."""
    folder = settings.lessons_dir()
    return settings.BUNDLED_DIR not in folder.resolve().parents and os.access(folder, os.W_OK)


def prepare_folder(target: Path) -> tuple[list[str], list[str]]:
    """Copy the lesson notebooks and their glossary into ``target``; return (copied, kept) file names."""
    source = settings.lessons_dir()
    target.mkdir(parents=True, exist_ok=True)
    copied, kept = [], []
    glossary = [source / settings.GLOSSARY] if (source / settings.GLOSSARY).exists() else []
    for path in [*sorted(source.glob("*.ipynb")), *glossary]:  # every lesson links the glossary
        destination = target / path.name
        if destination.exists():
            kept.append(path.name)
        else:
            shutil.copy2(path, destination)
            copied.append(path.name)
    return copied, kept


def plan_launch(*, folder: Path | None, port: int | None, open_browser: bool) -> LaunchPlan:
    """Decide the folder and the JupyterLab command without running anything."""
    if folder is None and lessons_are_in_checkout():
        target, copied, kept = settings.lessons_dir(), list[str](), list[str]()
    else:
        target = Path(folder or DEFAULT_FOLDER).resolve()
        copied, kept = [], []
    command = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={target}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.default_url=/lab/tree/{FIRST_LESSON}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    if port:
        command += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return LaunchPlan(folder=target, command=command, copied=copied, kept=kept)


def launch(*, folder: Path | None = None, port: int | None = None, open_browser: bool = True, dry_run: bool = False) -> int:
    """Open JupyterLab on the lessons; return its exit status."""
    plan = plan_launch(folder=folder, port=port, open_browser=open_browser)
    if not dry_run and plan.folder != settings.lessons_dir():
        plan.copied, plan.kept = prepare_folder(plan.folder)
    print(f"Lessons folder: {plan.folder}")
    if plan.copied:
        print(f"Copied {len(plan.copied)} lesson(s) into it.")
    if plan.kept:
        print(f"Kept your own copy of {len(plan.kept)} lesson(s) already there.")
    print("Answers are saved in the 'answers' folder beside the lessons.")
    if dry_run:
        print("Would run: " + " ".join(plan.command))
        return 0
    try:
        return subprocess.call(plan.command, cwd=plan.folder)
    except KeyboardInterrupt:
        return 0
