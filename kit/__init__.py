"""medialit-kit: trace an opinion article's claims to what its sources say.

The public API is small; each name lives in a module of its own and is
imported only when first used, so ``import kit`` is fast and changes nothing
(no matplotlib backend, no rcParams, no pandas options, no output).

>>> import kit
>>> kit.articles.load("A1").date.year
2014
>>> sorted(kit.data.load("claims")["article_id"].unique())
['A1', 'A2']
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = (
    "answers", "articles", "citations", "data", "datacheck", "feedback", "grading", "identity", "lesson",
    "errors", "metrics", "plots", "questions", "reports", "scaffold", "schema", "settings", "text",
    "widgets",
)

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str):
    if name in _SUBMODULES:
        module = importlib.import_module(f"kit.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
