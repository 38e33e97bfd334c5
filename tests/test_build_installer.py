"""build_installer.py packs a per-user Windows distribution (wheel + install/launch scripts)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_windows_zip(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    (zpath,) = tmp_path.glob("Stadtzwilling-*-win64.zip")
    with zipfile.ZipFile(zpath) as zf:
        names = zf.namelist()
        install = zf.read(next(n for n in names if n.endswith("install.cmd"))).decode("ascii")
        wheel_name = next(n for n in names if n.endswith(".whl"))
        zf.extract(wheel_name, tmp_path)
    assert any(n.endswith("LICENSE.txt") for n in names) and any(n.endswith("NOTICE.md") for n in names)
    assert "%LOCALAPPDATA%" in install and "\r\n" in install  # per-user, Windows line ends
    with zipfile.ZipFile(tmp_path / wheel_name) as whl:
        files = whl.namelist()
        meta = whl.read(next(n for n in files if n.endswith("METADATA"))).decode()
    for pkg in ("twin/store/gpkg.py", "importers/citygml/parse.py", "layers/scene.py", "views/app.py", "cli/main.py"):
        assert pkg in files, pkg
    assert "License-Expression: EUPL-1.2" in meta
    assert "Requires-Dist: PySide6-Essentials" in meta
