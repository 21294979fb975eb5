"""The benchmarks still run: each bench/*.py imports, and every command it starts (``python -m macros build --root``)
names a `tksk` command and options that exist. The benches themselves take minutes and print figures (they are run
by hand, not by the suite), so this is what keeps them from rotting silently: ``bench/editions.py`` once called
``python -m macros.tools.publish``, a module that no longer had a main, and stopped at an empty branch."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

from macros.tools.cli import main
from tests.support.data import ROOT

BENCHES = sorted((ROOT / "bench").glob("*.py"))


def _commands(path: Path) -> list[list[str]]:
    """Return, for each ``-m`` in a command list that starts with a Python (``[sys.executable, "-m", ...]``, not
    ``["git", "commit", "-m", ...]``), the string parts after it; None stands for a part computed at run time."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.List) and node.elts and not isinstance(node.elts[0], ast.Constant):
            words = [e.value if isinstance(e, ast.Constant) and isinstance(e.value, str) else None for e in node.elts]
            found += [words[i + 1:] for i, word in enumerate(words) if word == "-m"]
    return found


@pytest.mark.parametrize("path", BENCHES, ids=lambda p: p.name)
def test_bench_imports(path, monkeypatch):
    """Check that the bench module loads (its imports from macros/ and tests/ exist) without running its main."""
    monkeypatch.syspath_prepend(str(ROOT))
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    assert callable(getattr(module, "main", None)), f"{path.name} has no main()"


@pytest.mark.parametrize("path", BENCHES, ids=lambda p: p.name)
def test_bench_commands_exist(path, capsys):
    """Check that each `python -m macros COMMAND --option` a bench runs is a tksk command with those options, and that
    any other module it runs with -m can run as a program."""
    for words in _commands(path):
        module = words[0]
        if module == "macros":
            command = words[1]
            with pytest.raises(SystemExit) as stopped:
                main([command, "--help"])
            said = capsys.readouterr().out
            assert stopped.value.code == 0, f"{path.name}: tksk {command} does not exist"
            options = [w for w in words[2:] if w and w.startswith("--")]
            assert all(o in said for o in options), f"{path.name}: tksk {command} has not all of {options}"
        else:
            spec = importlib.util.find_spec(module)
            assert spec is not None, f"{path.name}: no module {module}"
            runnable = spec.submodule_search_locations is not None or module in sys.stdlib_module_names
            runnable = runnable or "__main__" in Path(spec.origin).read_text(encoding="utf-8")
            assert runnable, f"{path.name}: {module} cannot run with -m"
