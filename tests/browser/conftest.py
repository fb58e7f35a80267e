"""JupyterLab in headless Chromium: a server per test module, a fresh browser per test.

Chromium is Debian's (`apt-get install chromium`); Playwright's own browser
download is not used. Without Chromium the browser tests are skipped with a
message, unless MEDIALIT_REQUIRE_BROWSER=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit import settings
from tests.conftest import ROOT

SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    """Debian's Chromium, or the browser named by MEDIALIT_CHROMIUM (e.g. Chrome on another system)."""
    explicit = settings.get("MEDIALIT_CHROMIUM")
    if explicit:
        found = explicit if Path(explicit).exists() else None
    else:
        found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found:
        return found
    message = "Debian's Chromium is not installed (apt-get install chromium): the browser tests need it"
    if settings.require_browser():
        pytest.fail(message + " and MEDIALIT_REQUIRE_BROWSER=1 makes that a failure", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    answers: Path
    process: subprocess.Popen

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={self.token}&reset"


def start_lab(root: Path, env_extra: dict[str, str] | None = None) -> Lab:
    """Start JupyterLab on 127.0.0.1 with its own settings, workspace and runtime folders."""
    settings = root.parent / "lab-settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    # render every cell (no virtual scrolling), so every widget is in the page
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
    for name in ("workspaces", "runtime"):
        (root.parent / name).mkdir(exist_ok=True)
    answers = root / "answers"
    port, token = free_port(), "medialit-test-token"
    env = {**os.environ, "MEDIALIT_ANSWERS": str(answers), "JUPYTER_RUNTIME_DIR": str(root.parent / "runtime"),
           **(env_extra or {})}
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={root.parent / 'workspaces'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = open(root.parent / "lab.log", "w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited: {(root.parent / 'lab.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return Lab(url=url, token=token, root=root, answers=answers, process=process)
        except OSError:
            time.sleep(0.3)
    stop_lab(process)
    raise RuntimeError("JupyterLab did not answer within 60 s")


def stop_lab(process: subprocess.Popen) -> None:
    """Stop the server and every kernel it started (they share its process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def copy_lessons(target: Path, notebooks: list[Path]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for notebook in notebooks:
        shutil.copy(notebook, target / notebook.name)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a temporary copy of the lessons."""
    chromium_path()
    base = tmp_path_factory.mktemp("lab")
    copy_lessons(base / "root", sorted((ROOT / "lessons").glob("*.ipynb")) + [ROOT / "lessons" / settings.GLOSSARY])
    server = start_lab(base / "root")
    yield server
    stop_lab(server.process)


@pytest.fixture
def page(tmp_path):
    """A fresh headless Chromium page (persistent context in a new user-data folder)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on("dialog", lambda dialog: dialog.accept())  # "leave page?" when reloading a notebook
        yield page
        context.close()
