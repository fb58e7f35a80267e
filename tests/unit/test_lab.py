"""`medialit lab` opens JupyterLab on the lessons, offline."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_medialit_lab_serves_the_lessons(tmp_path):
    runtime = tmp_path / "runtime"
    env = {**os.environ, "BROWSER": "true", "JUPYTER_RUNTIME_DIR": str(runtime), "PYTHONUNBUFFERED": "1"}
    log = open(tmp_path / "lab.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "kit", "lab"], cwd=ROOT, env=env, text=True,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        info, deadline = None, time.monotonic() + 90
        while info is None and time.monotonic() < deadline:  # the server records its address in the runtime folder
            assert process.poll() is None, (tmp_path / "lab.log").read_text()
            found = sorted(runtime.glob("jpserver-*.json")) if runtime.exists() else []
            info = json.loads(found[0].read_text()) if found else None
            time.sleep(0.3)
        assert info, (tmp_path / "lab.log").read_text()
        assert info["root_dir"] == str(ROOT / "lessons")
        url, token = info["url"].rstrip("/"), info["token"]
        with urllib.request.urlopen(f"{url}/api/contents/00-start-here.ipynb?content=0&token={token}", timeout=10) as response:
            assert response.status == 200  # the server's root is the lessons folder
        with urllib.request.urlopen(f"{url}/lab/tree/00-start-here.ipynb?token={token}", timeout=10) as response:
            assert response.status == 200
        assert f"Lessons folder: {ROOT / 'lessons'}" in (tmp_path / "lab.log").read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_dry_run_says_what_it_would_do():
    done = subprocess.run([sys.executable, "-m", "kit", "lab", "--dry-run", "--port", "9999"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in done.stdout  # no network
    assert "--ServerApp.port=9999" in done.stdout and "00-start-here.ipynb" in done.stdout
