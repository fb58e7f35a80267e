"""Every docstring example in kit/ runs and gives the output it shows."""

import doctest
import importlib
import pkgutil

import pytest

import kit

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(kit.__path__, prefix="kit.")
    if name not in ("kit.__main__",)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write files write here
    monkeypatch.setenv("MEDIALIT_ANSWERS", str(tmp_path / "answers"))
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
