#!/usr/bin/env python3
"""Build the Windows distribution of Stadtzwilling (per-user install, no admin rights).

Minimal first stage: a zip with the Stadtzwilling wheel, optionally an offline wheelhouse of all
dependencies for 64-bit Windows and CPython 3.11, and two scripts:

* ``install.cmd``   creates a virtual environment in ``%LOCALAPPDATA%\\Stadtzwilling`` from the
  wheels in the zip (no internet, no admin rights) and a desktop shortcut to the launcher;
* ``stadtzwilling.cmd``  starts the app (``stadtzwilling open`` on a chosen project).

It still needs a Python 3.11 installation on the target machine; a self-contained signed
installer (embedded Python, MSI/Inno Setup) is the subject of a later issue.

    python build_installer.py [--out dist] [--with-dependencies]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent

INSTALL_CMD = r"""@echo off
rem Stadtzwilling {version} - Installation fuer den angemeldeten Benutzer (keine Adminrechte noetig)
setlocal
set TARGET=%LOCALAPPDATA%\Stadtzwilling
where py >nul 2>nul && (set PY=py -3.11) || (set PY=python)
echo Installiere Stadtzwilling {version} nach %TARGET% ...
%PY% -m venv "%TARGET%\venv" || goto :fehler
"%TARGET%\venv\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" {wheel_spec} || goto :fehler
copy /Y "%~dp0stadtzwilling.cmd" "%TARGET%\stadtzwilling.cmd" >nul
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Desktop')+'\Stadtzwilling.lnk');$s.TargetPath='%TARGET%\stadtzwilling.cmd';$s.Save()"
echo Fertig. Start ueber die Verknuepfung "Stadtzwilling" auf dem Desktop.
exit /b 0
:fehler
echo Installation fehlgeschlagen. Bitte die Meldung oben an die IT weitergeben.
exit /b 1
"""

LAUNCH_CMD = r"""@echo off
rem Startet Stadtzwilling; ohne Argument wird nach dem Projektordner gefragt.
set PROJEKT=%~1
if "%PROJEKT%"=="" set /p PROJEKT=Projektordner: 
"%LOCALAPPDATA%\Stadtzwilling\venv\Scripts\stadtzwilling.exe" open "%PROJEKT%"
"""


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def build(out: Path, with_dependencies: bool) -> Path:
    """Build the wheel (and wheelhouse) and pack the Windows zip; returns the zip path."""
    version = project_version()
    stage = out / f"Stadtzwilling-{version}-win64"
    if stage.exists():
        shutil.rmtree(stage)
    wheels = stage / "wheels"
    wheels.mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("stadtzwilling-*.whl")
    if with_dependencies:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:",
                        "--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
                        "-d", str(wheels), str(wheel)], check=True)
    spec = wheel.name if with_dependencies else f"{wheel.name} (Abhängigkeiten aus dem Internet)"
    install = INSTALL_CMD.format(version=version, wheel_spec=f'"%~dp0wheels\\{wheel.name}"')
    if not with_dependencies:
        install = install.replace("--no-index --find-links \"%~dp0wheels\" ", "")
    (stage / "install.cmd").write_text(install.replace("\n", "\r\n"), encoding="ascii")
    (stage / "stadtzwilling.cmd").write_text(LAUNCH_CMD.replace("\n", "\r\n"), encoding="ascii")
    shutil.copy(ROOT / "LICENSE", stage / "LICENSE.txt")
    shutil.copy(ROOT / "NOTICE.md", stage / "NOTICE.md")
    target = out / f"{stage.name}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(stage.rglob("*")):
            zf.write(f, f.relative_to(out))
    print(f"Erstellt: {target} ({spec})")
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Windows-Paket von Stadtzwilling bauen (Benutzerinstallation).")
    ap.add_argument("--out", type=Path, default=ROOT / "dist", help="Zielordner (Standard: dist)")
    ap.add_argument("--with-dependencies", action="store_true",
                    help="alle Abhängigkeiten als Windows-Wheels beilegen (Offline-Installation)")
    args = ap.parse_args(argv)
    build(args.out, args.with_dependencies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
