"""The package's layout: each layer of macros/ imports only the layers below it, and no module imports itself
back through others. Annotation-only imports (``if TYPE_CHECKING:``) count for the layers, not for the cycles:
within the model, a record knows its type and a type's checks take records."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.data import ROOT

#: The layers, lowest first: data flows YAML -> records -> pages -> built site, and each layer uses only those before it.
LAYERS = ("common", "model", "types", "render", "checks", "load", "outputs", "glue", "tools")
PACKAGE = ROOT / "macros"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Return ``(module imported, only for annotations)`` for each import of ``macros`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only |= {id(inner) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("macros"):
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("macros")]
        found += [(name, id(node) in typing_only) for name in names]
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_is_in_a_layer():
    """Check that every module but the package's own entry points sits in one of the layers' folders."""
    loose = [m for m in MODULES if _layer(m) is None and m not in ("macros", "macros.__main__")]
    assert not loose, f"modules outside the layers {LAYERS}: {loose}"


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m)])
def test_layers_import_only_layers_below(module):
    """Check that a module imports nothing from a layer above its own (annotation-only imports included)."""
    mine = LAYERS.index(_layer(module))
    above = sorted({name for name, _ in _imports(MODULES[module]) if _layer(name) and LAYERS.index(_layer(name)) > mine})
    assert not above, f"{module} ({LAYERS[mine]}) imports from a layer above it: {above}"


def test_no_import_cycles():
    """Check that no module reaches itself through the modules it imports (at run time)."""
    graph = {m: {name for name, typing in _imports(p) if not typing and name in MODULES and name != m} for m, p in MODULES.items()}
    cycles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
