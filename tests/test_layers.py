"""The package's stages import only the stages below them, and no module imports itself back
through others: every import counts, lazy ones inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "govstats"
#: Stages from the bottom up; the shared base modules sit below all of them.
BASE = {"errors", "cells", "paths", "periods"}
STAGES = ["reference", "ingest", "clean", "checks", "measure", "month", "render", "build", "cli", "__main__"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every govstats module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return {m for m in found if m.startswith("govstats")}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {m: imports_of(p, set(found)) - {m} for m, p in found.items()}


def stage(module: str) -> int:
    """0 for the package root and the shared base, else 1 + the stage's place in STAGES."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in BASE:
        return 0
    return STAGES.index(parts[1]) + 1 if parts[1] in STAGES else len(STAGES) + 1


def test_every_module_belongs_to_a_stage():
    unplaced = [m for m in modules() if m.count(".") and m.split(".")[1] not in BASE | set(STAGES)]
    assert unplaced == []


def test_every_import_names_a_module_that_exists():
    known = set(modules())
    missing = sorted((m, n) for m, targets in graph().items() for n in targets if n not in known)
    assert missing == []


def test_no_stage_imports_a_stage_above_it():
    upward = sorted((m, n) for m, targets in graph().items() for n in targets if stage(n) > stage(m))
    assert upward == []


def test_there_is_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("importer,imported", [("govstats.render.charts", "govstats.cli.main"),
                                               ("govstats.clean.rows", "govstats.checks.ledger")])
def test_an_upward_import_would_be_caught(importer, imported):
    assert stage(imported) > stage(importer)


def test_no_module_is_too_big_to_be_one_room():
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in modules().items()}
    assert {m: n for m, n in sizes.items() if n > 400} == {}
