"""datasets/datapackage.json is generated from kit.schema, and the Frictionless validator accepts the data."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit import datapackage
from tests.conftest import ROOT


def frictionless() -> str:
    """The ``frictionless`` command of this environment (installed by the ``test`` extra)."""
    found = Path(sys.executable).with_name("frictionless")
    command = str(found) if found.exists() else shutil.which("frictionless")
    assert command, "frictionless is missing: install the test extra (pip install -e '.[test]')"
    return command


def validate(descriptor: Path) -> subprocess.CompletedProcess:
    return subprocess.run([frictionless(), "validate", str(descriptor)], capture_output=True, text=True,
                          cwd=descriptor.parent, timeout=300)


def test_the_package_is_generated_from_the_schema():
    committed = (ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage.render(), "regenerate with: python -m kit.datapackage"


def test_frictionless_validate_passes_on_the_shipped_datasets():
    done = subprocess.run([frictionless(), "validate", "datasets/datapackage.json"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    for table in ("claims.csv", "sources.csv", "evidence.csv", "estimates.csv"):
        assert table in done.stdout


@pytest.mark.parametrize("old, new, file", [
    (",accurate,", ",probably-true,", "claims.csv"),                      # not in the verdict vocabulary
    ("\nE100,A1-01,", "\nE100,A1-99,", "evidence.csv"),                  # a claim that does not exist
    (",1952-02-18,", ",18/02/1952,", "timeline.csv"),                     # not an ISO date
])
def test_frictionless_rejects_a_corrupted_copy(old, new, file, datasets_copy):
    datapackage.write(datasets_copy)
    path = datasets_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = validate(datasets_copy / "datapackage.json")
    assert done.returncode != 0
    assert "INVALID" in done.stdout and file in done.stdout
