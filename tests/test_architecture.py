"""The import rules of docs/architecture.md that import-linter cannot say alone.

import-linter (``lint-imports``, run by scripts/test) checks the layers and the
forbidden directions declared in pyproject.toml. This test adds the rule
between modules, read from the manifests: a module imports another module
only through the submodules that module's manifest ``exports`` (its query
interface), and the module list names every folder under ``server/modules``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from server.modules import all_modules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("server", "meeting_protocol", "meeting_client",
                             exclude_type_checking_imports=True)


def _module_of(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) >= 3 and parts[:2] == ["server", "modules"]:
        return parts[2]
    return None


def test_every_module_folder_is_in_the_one_list() -> None:
    folders = {p.parent.name for p in (ROOT / "server" / "modules").glob("*/__init__.py")}
    listed = [m.name for m in all_modules()]
    assert sorted(listed) == sorted(folders)
    assert len(set(listed)) == len(listed)


def test_modules_import_each_other_only_through_their_exports(
        graph: grimp.ImportGraph) -> None:
    exports = {m.name: set(m.exports) for m in all_modules()}
    wrong = []
    for importer in sorted(graph.modules):
        source = _module_of(importer)
        if source is None:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            target = _module_of(imported)
            if target is None or target == source:
                continue
            parts = imported.split(".")
            submodule = parts[3] if len(parts) > 3 else ""
            if submodule not in exports[target]:
                wrong.append(f"{importer} -> {imported} (exports: {sorted(exports[target])})")
    assert not wrong, "imports past a module's declared interface:\n" + "\n".join(wrong)


def test_no_import_cycle_between_modules(graph: grimp.ImportGraph) -> None:
    edges: dict[str, set[str]] = {}
    for importer in graph.modules:
        source = _module_of(importer)
        if source is None:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            target = _module_of(imported)
            if target is not None and target != source:
                edges.setdefault(source, set()).add(target)
    order = [m.name for m in all_modules()]
    for source, targets in edges.items():
        for target in targets:
            # The list is in dependency order: a module only reads those before it.
            assert order.index(target) < order.index(source), f"{source} reads {target}"


def test_the_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
