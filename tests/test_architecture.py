"""Dependencies point one way (views -> layers -> twin, importers -> twin), kept by import-linter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("twin", "layers", "importers", "views", "cli")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run(cmd + ["--no-cache"], cwd=cwd, env=env, capture_output=True, text=True)


def test_contracts_kept():
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "3 kept, 0 broken" in out.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("twin", "from PySide6 import QtWidgets", "never import Qt"),
    ("layers", "import pyvistaqt", "never import Qt"),
    ("importers", "import views.app", "never import Qt"),
    ("twin", "import layers.scene", "The core imports neither"),
    ("layers", "import importers.base", "The layer engine does not import"),
])
def test_a_violation_is_caught(tmp_path, module, line, contract):
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / module / "_violation.py").write_text(line + "\n", encoding="utf-8")
    out = _lint(tmp_path)
    assert out.returncode != 0
    assert f"{contract}" in out.stdout and "BROKEN" in out.stdout
