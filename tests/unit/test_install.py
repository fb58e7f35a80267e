"""A regular (non-editable) install carries its datasets, lessons and key, and needs no checkout."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_a_wheel_install_finds_its_data_from_anywhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("medialit_kit-*.whl")
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    for variable in ("MEDIALIT_DATASETS", "MEDIALIT_LESSONS", "MEDIALIT_KEY", "MEDIALIT_ANSWERS"):
        env.pop(variable, None)
    code = (
        "import kit, kit.settings as r, kit.data, kit.datacheck, kit.questions\n"
        "print(kit.__file__)\nprint(r.datasets_dir())\nprint(len(kit.datacheck.validate()))\n"
        "print(','.join(kit.questions.lesson_ids()))\nprint(r.answer_key_dir())"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0].startswith(str(site / "kit"))
    assert out[1] == str(site / "kit" / "_bundled" / "datasets")
    assert out[2] == "0"  # the bundled datasets validate
    assert out[3].split(",")[:1] == ["L00"] and len(out[3].split(",")) == 8
    assert out[4] == str(site / "kit" / "_bundled" / "instructor-guide" / "answer-key")
    lab = subprocess.run([str(site / "bin" / "medialit"), "lab", "--dry-run"], cwd=elsewhere, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert f"Lessons folder: {elsewhere / 'medialit-lessons'}" in lab  # copied out of the package, never edited in place
    listing = subprocess.run([sys.executable, "-m", "zipfile", "-l", str(wheel)], capture_output=True, text=True).stdout
    assert "kit/_bundled/datasets/claims.csv" in listing and "kit/_bundled/lessons/00-start-here.ipynb" in listing
    assert "answers/" not in listing.replace("model-answers/", "") and ".ipynb_checkpoints" not in listing
