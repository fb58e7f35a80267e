"""The store's modules import only downwards: atomicfile < answers < identity, with no cycle."""

import ast
from pathlib import Path

import kit

KIT = Path(kit.__file__).parent


def kit_imports(module: str) -> set[str]:
    """Every kit module that ``module`` imports, at the top or inside a function."""
    tree = ast.parse((KIT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "kit" or name.startswith("kit.")}


def test_atomicfile_is_the_lowest_layer():
    assert kit_imports("atomicfile") <= {"kit.errors", "kit.errors.KitError", "kit.settings"}


def test_the_answer_store_imports_nothing_from_identity_and_identity_uses_the_store():
    assert not {name for name in kit_imports("answers") if name.startswith("kit.identity")}
    assert "kit.answers" in kit_imports("identity")
    from kit import answers, identity

    assert identity.sanitise is answers.sanitise  # one definition, still reachable as kit.identity.sanitise
