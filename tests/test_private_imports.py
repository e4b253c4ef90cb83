"""No module of src/ may import another module's private (underscore) names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(source: str) -> list[str]:
    """Qualified private names taken from other modules: `from m import _x` or `m._x`."""
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> module it is bound to
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if _is_private(alias.name):
                    found.append(f"{node.module}.{alias.name}")
                else:
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    modules[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    modules[top] = top
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _is_private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            found.append(f"{modules[node.value.id]}.{node.attr}")
    return found


def test_no_module_imports_private_names_of_another() -> None:
    offences = {
        (path.relative_to(SRC).as_posix(), name)
        for path in SRC.rglob("*.py")
        for name in private_uses(path.read_text(encoding="utf-8"))
    }
    assert offences == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from a.b import _hidden, shown", ["a.b._hidden"]),
        ("from a import b as mod\nmod._x()", ["a.b._x"]),
        ("import a.b\na._y", ["a._y"]),
        ("from a import shown\nshown.__name__", []),
        ("class K:\n    def f(self):\n        return self._own", []),
    ],
)
def test_private_uses_detects_both_forms(source: str, expected: list[str]) -> None:
    assert private_uses(source) == expected
