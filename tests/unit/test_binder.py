"""The Binder configuration installs what the package needs."""

from __future__ import annotations

from tests.conftest import ROOT


def test_binder_installs_the_same_dependencies_as_the_package():
    import tomllib

    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    lines = (ROOT / ".binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line and not line.startswith("#")] == wanted
