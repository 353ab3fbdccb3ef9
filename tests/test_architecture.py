"""The layer rules of docs/architecture.md, checked on every import of the package (also those inside functions)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _table(heading: str) -> list[list[str]]:
    """The rows of the first table after ``heading``."""
    lines = DOC.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return [[c.strip() for c in r.strip("|").split("|")] for r in lines[start:end] if r.startswith("| `")]


def _name(cell: str) -> str:
    name = re.match(r"`([\w.]+)`", cell).group(1)
    return name if name == "monitor" else f"monitor.{name}"


LAYERS = {_name(r[0]): int(r[1].split()[0]) for r in _table("## Modules and layers")}
PURE = {_name(r[0]): {"monitor." + m for m in re.findall(r"`(\w+)`", r[1])} for r in _table("may not import:")}


def _modules() -> dict[str, set[str]]:
    out = {}
    for path in (ROOT / "monitor").rglob("*.py"):
        parts = path.with_suffix("").relative_to(ROOT).parts
        name = ".".join(parts).removesuffix(".__init__")
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "monitor":
                if node.module == "monitor":
                    deps |= {f"monitor.{a.name}" if f"monitor.{a.name}" in LAYERS else "monitor" for a in node.names}
                else:
                    deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.split(".")[0] == "monitor"}
        out[name] = deps - {name}
    return out


MODULES = _modules()


def test_every_module_is_placed_in_a_layer():
    assert set(MODULES) == set(LAYERS), set(MODULES) ^ set(LAYERS)


def test_imports_go_to_the_same_or_a_lower_layer():
    wrong = [
        f"{mod} (layer {LAYERS[mod]}) imports {dep} (layer {LAYERS[dep]})"
        for mod, deps in MODULES.items()
        for dep in deps
        if LAYERS[dep] > LAYERS[mod]
    ]
    assert not wrong, wrong


def test_pure_modules_import_no_io():
    assert PURE["monitor.evaluate"]  # the table was read
    wrong = [f"{mod} imports {dep}" for mod, banned in PURE.items() for dep in MODULES[mod] & banned]
    assert not wrong, wrong


def _reach(start: str) -> set[str]:
    """Every module ``start`` imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for dep in MODULES.get(todo.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def test_no_import_cycle():
    cycles = [(mod, dep) for mod, deps in MODULES.items() for dep in deps if mod in _reach(dep)]
    assert not cycles, cycles


def test_the_reader_fingerprint_covers_every_module_a_parse_depends_on():
    # a stored list page's parse is reused while the reader's code is unchanged (crawl._reader_version): a module
    # the readers import but the fingerprint leaves out would keep a parse its fixed code no longer makes
    from monitor.crawl import READERS

    base = {"monitor", "monitor.records", "monitor.errors"}  # vocabulary, no reading
    read = {"monitor.parse"} | _reach("monitor.parse")
    assert read - base == {f"monitor.{name}" for name in READERS}


def test_no_function_over_60_lines():
    long = []
    for path in (ROOT / "monitor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})")
    assert not long, long
