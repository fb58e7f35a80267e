"""Shared fixtures: a fixture question bank, a fresh answers folder, a datasets copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PYTHON = sys.executable


@pytest.fixture
def answers_dir(tmp_path, monkeypatch) -> Path:
    """A fresh answers folder, also set as $MEDIALIT_ANSWERS for subprocesses."""
    folder = tmp_path / "answers"
    folder.mkdir()
    monkeypatch.setenv("MEDIALIT_ANSWERS", str(folder))
    return folder


@pytest.fixture
def fixture_bank(monkeypatch) -> str:
    """Point the kit at the test bank (lesson L90 with every question kind) and its key."""
    monkeypatch.setenv("MEDIALIT_LESSONS", str(FIXTURES / "lessons"))
    monkeypatch.setenv("MEDIALIT_KEY", str(FIXTURES / "answer-key"))
    return "L90"


@pytest.fixture
def datasets_copy(tmp_path) -> Path:
    """A private copy of datasets/ to corrupt."""
    target = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", target, ignore=shutil.ignore_patterns("_incoming"))
    return target


def run_medialit(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real ``medialit`` command (as ``python -m kit``)."""
    return subprocess.run(
        [PYTHON, "-m", "kit", *args], capture_output=True, text=True, cwd=cwd or ROOT,
        env={**os.environ, **(env or {})}, timeout=300,
    )
