#!/usr/bin/env python3
"""Build Stadtzwilling as a self-contained application (PyInstaller) and, on Windows, its installer (NSIS).

    python build_installer.py [--out dist] [--work build/pyinstaller] [--no-installer]
    python build_installer.py --check-installer-script      # compile the NSIS script against a dummy folder

1. PyInstaller bundles the command line ``stadtzwilling`` (``cli.main:main``) with Python, every
   dependency and the data it needs into one folder ``<out>/Stadtzwilling/`` (``stadtzwilling.exe``
   on Windows, ``stadtzwilling`` elsewhere, libraries in ``_internal/``). The spec is generated
   here: our packages with all their non-Python files (so assets such as the web viewer's
   ``layers/web/js`` and ``static`` come along without touching this script), the source files of
   the sample municipality (``sample_data/``: ``stadtzwilling sample DIR`` works from the bundle) and
   what the native dependencies load at run time (GDAL/PROJ data, the pygeodiff library, pvlib's
   Linke turbidity, pygeoapi's templates when it is installed).
2. On Windows NSIS packs the folder into ``<out>/Stadtzwilling-<version>-setup.exe`` from
   ``installer/stadtzwilling.nsi``: installation per user without admin rights into
   ``%LOCALAPPDATA%\\Programs\\Stadtzwilling``, start-menu entry, German (and English) texts,
   ``.szpkg``/``.twinpkg`` opened with ``stadtzwilling open``, and an uninstaller registered for the
   user ("Apps & Features").

On Linux the same script builds the bundle only; ``--check-installer-script`` lets makensis compile
the installer script against a small dummy folder, so the script is checked on every platform.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTALLER_DIR = ROOT / "installer"
NSIS_SCRIPT = INSTALLER_DIR / "stadtzwilling.nsi"

APP_NAME = "Stadtzwilling"  # folder of the bundle, installer and start-menu name
EXE_NAME = "stadtzwilling"  # the executable (stadtzwilling.exe on Windows)
OUR_PACKAGES = ("twin", "layers", "views", "importers", "cli")

#: what the sample municipality is built from; generators (*.py) and the prebuilt project stay out
SAMPLE_SOURCES = ("real", "musterdorf")
SAMPLE_SKIP_SUFFIXES = {".py", ".pyc"}

#: modules PyInstaller cannot see (imported by name at run time) and packages with run-time data
HIDDEN_IMPORTS = ("lazrs", "psycopg_binary", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql.psycopg",
                  "h5py", "tzdata", "vtkmodules.vtkRenderingOpenGL2", "vtkmodules.vtkInteractionStyle",
                  "vtkmodules.vtkRenderingFreeType", "vtkmodules.vtkRenderingUI")
#: (numba's C extensions import numba._devicearray, the threading layers … by name)
SUBMODULE_PACKAGES = ("rasterio", "pyogrio", "pyproj", "laspy", "geoalchemy2", "rich._unicode_data",
                      "pythermalcomfort", "numba", "llvmlite")
DATA_PACKAGES = ("rasterio", "pyogrio", "pyproj", "pyvista", "pythermalcomfort", "superqt", "tzdata")
DYLIB_PACKAGES = ("pygeodiff",)
#: optional dependencies bundled when installed: package -> (packages whose modules are loaded by name,
#: packages with data files); pygeoapi loads its providers and process managers from strings
OPTIONAL_PACKAGES = {"pygeoapi": (("pygeoapi",), ("pygeoapi", "pygeofilter"))}
#: binaries a package hook collects although nothing we load links them (pyarrow's Flight RPC and S3)
DROP_BINARIES = ("arrow_flight", "arrow_s3")
#: pvlib ships ~30 MB of data; the heat simulation reads only these two files
PVLIB_DATA = ("LinkeTurbidities.h5", "Altitude.h5")

#: never in the bundle: test and bench tools, other GUI toolkits, notebooks
EXCLUDES = ("tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pytest_xvfb", "landlab", "requireit",
            "playwright", "importlinter", "grimp", "IPython", "ipykernel", "ipywidgets", "jupyter_client",
            "jupyter_core", "notebook", "nbformat", "PyQt5", "PyQt6", "PySide2", "trame", "trame_vtk",
            "trame_client", "trame_server", "panel", "bokeh", "sphinx", "docutils", "setuptools", "pip",
            "PyInstaller", "tests", "bench", "llvmlite.tests", "numba.tests", "pandas.tests",
            "scipy.tests", "matplotlib.tests", "pyvista.demos", "pyvista.examples.downloads", "statsmodels",
            # pyarrow: the file systems and RPC we never use (each pulls a large libarrow_*)
            "pyarrow.flight", "pyarrow._flight", "pyarrow._s3fs", "pyarrow._gcsfs", "pyarrow._azurefs",
            "pyarrow._hdfs", "pyarrow.cuda", "pyarrow._cuda") + tuple(
    # pyvista names every VTK module for type checkers; these (VTK-m accelerators, simulation and
    # chemistry readers, VR, web) are not used by a municipal twin: about a fifth of VTK's size (554 -> 432 MB)
    f"vtkmodules.{m}" for m in (
        "vtkAcceleratorsVTKmCore", "vtkAcceleratorsVTKmDataModel", "vtkAcceleratorsVTKmFilters",
        "vtkDomainsChemistry", "vtkDomainsChemistryOpenGL2", "vtkIOChemistry", "vtkIOIOSS", "vtkIOExodus",
        "vtkIOParallelExodus", "vtkIOCGNSReader", "vtkIOCONVERGECFD", "vtkIOFDS", "vtkIOERF", "vtkIOEngys",
        "vtkIOFLUENTCFF", "vtkIOLANLX3D", "vtkIOOMF", "vtkIOAvmesh", "vtkIOMotionFX", "vtkIOH5Rage", "vtkIOH5part",
        "vtkIOLSDyna", "vtkIOParallelLSDyna", "vtkIOTRUCHAS", "vtkIOVPIC", "vtkIOVeraOut", "vtkIOMINC",
        "vtkIOSegY", "vtkIOPIO", "vtkIOAMR", "vtkFiltersAMR", "vtkRenderingVolumeAMR", "vtkIONetCDF",
        "vtkIOMovie", "vtkIOOggTheora", "vtkIOVideo", "vtkRenderingVR", "vtkRenderingVRModels",
        "vtkRenderingOpenXR", "vtkWebCore", "vtkWebGLExporter", "vtkRenderingVtkJS", "vtkTestingRendering",
        "vtkTestingSerialization", "vtkSerializationManager", "vtkIOCityGML", "vtkGeovisCore"))

ENTRY_SCRIPT = '''"""Entry point of the bundled application (generated by build_installer.py)."""
from cli.main import main

if __name__ == "__main__":
    main()
'''

SPEC_TEMPLATE = '''# -*- mode: python -*-
# Generated by build_installer.py; do not edit (edit the lists in build_installer.py instead).
import os

from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs, collect_submodules

datas = {datas!r}
binaries = []
hiddenimports = list({hidden!r})
for pkg in {our!r} + {submodules!r}:
    hiddenimports += collect_submodules(pkg, filter=lambda name: ".tests" not in name)
for pkg in {data_packages!r}:
    datas += collect_data_files(pkg)
for pkg in {dylibs!r}:  # loaded with ctypes; on Windows pygeodiff names its DLL *.pyd
    binaries += collect_dynamic_libs(pkg, search_patterns=["*.dll", "*.pyd", "*.dylib", "lib*.so"])

a = Analysis(
    [{entry!r}],
    pathex=[{root!r}],
    binaries=binaries,
    datas=datas,
    hiddenimports=hiddenimports,
    excludes=list({excludes!r}),
    noarchive=False,
)
a.binaries = [b for b in a.binaries if not any(p in os.path.basename(b[0]) for p in {drop!r})]
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name={exe!r}, console=True, upx=False,
          strip=False, debug=False)
coll = COLLECT(exe, a.binaries, a.datas, name={app!r}, upx=False, strip=False)
'''


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _is_data(path: Path) -> bool:
    return (path.is_file() and path.suffix not in {".py", ".pyc", ".pyo"} and "__pycache__" not in path.parts
            and not path.name.startswith("."))


def package_data(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every non-Python file of our packages and the sample sources, as (file, folder in the bundle)."""
    out: list[tuple[str, str]] = []
    for pkg in OUR_PACKAGES:
        for f in sorted((root / pkg).rglob("*")):
            if _is_data(f):
                out.append((str(f), f.parent.relative_to(root).as_posix()))
    sample = root / "sample_data"
    for f in sorted(sample.glob("*")):
        if _is_data(f) and f.suffix not in SAMPLE_SKIP_SUFFIXES:
            out.append((str(f), "sample_data"))
    for sub in SAMPLE_SOURCES:
        for f in sorted((sample / sub).rglob("*")):
            if _is_data(f) and f.suffix not in SAMPLE_SKIP_SUFFIXES:
                out.append((str(f), f.parent.relative_to(root).as_posix()))
    for f in (root / "LICENSE", root / "NOTICE.md"):
        out.append((str(f), "."))
    return out


def _pvlib_data() -> list[tuple[str, str]]:
    try:
        import pvlib
    except ImportError:
        return []
    folder = Path(pvlib.__file__).parent / "data"
    return [(str(folder / name), "pvlib/data") for name in PVLIB_DATA if (folder / name).exists()]


def write_spec(work: Path) -> Path:
    """Write the entry script and the PyInstaller spec into ``work``; returns the spec."""
    work.mkdir(parents=True, exist_ok=True)
    optional = [name for name in OPTIONAL_PACKAGES if importlib.util.find_spec(name) is not None]
    submodules = SUBMODULE_PACKAGES + tuple(m for name in optional for m in OPTIONAL_PACKAGES[name][0])
    optional_data = tuple(p for name in optional for p in OPTIONAL_PACKAGES[name][1])
    entry = work / f"{EXE_NAME}_entry.py"
    entry.write_text(ENTRY_SCRIPT, encoding="utf-8")
    spec = work / f"{EXE_NAME}.spec"
    spec.write_text(SPEC_TEMPLATE.format(
        datas=package_data() + _pvlib_data(), hidden=HIDDEN_IMPORTS, our=OUR_PACKAGES, submodules=submodules,
        data_packages=DATA_PACKAGES + optional_data, dylibs=DYLIB_PACKAGES, entry=str(entry), root=str(ROOT),
        excludes=EXCLUDES, drop=DROP_BINARIES, exe=EXE_NAME, app=APP_NAME), encoding="utf-8")
    return spec


def bundle_size(folder: Path) -> tuple[int, int]:
    """Number of files and bytes in ``folder`` (symbolic links, which PyInstaller makes on Linux, not counted)."""
    files = size = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            if not os.path.islink(os.path.join(dirpath, name)):
                files += 1
                size += st.st_size
    return files, size


def bundle_executable(bundle: Path) -> Path:
    return bundle / (f"{EXE_NAME}.exe" if os.name == "nt" else EXE_NAME)


def build_bundle(out: Path, work: Path) -> Path:
    """Run PyInstaller (one folder); returns ``<out>/Stadtzwilling``."""
    spec = write_spec(work)
    bundle = out / APP_NAME
    if bundle.exists():
        shutil.rmtree(bundle)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out), "--workpath", str(work / "build"), str(spec)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    exe = bundle_executable(bundle)
    if not exe.exists():
        raise SystemExit(f"PyInstaller hat {exe} nicht erzeugt.")
    return bundle


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    if os.name == "nt":
        for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
            if base and (Path(base) / "NSIS" / "makensis.exe").exists():
                return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def nsis_defines(bundle: Path, setup: Path, version: str) -> dict[str, str]:
    parts = [re.match(r"\d*", p).group() or "0" for p in version.split("+")[0].split(".")]
    numeric = ".".join((parts + ["0"] * 4)[:4])  # VIProductVersion wants four numbers: 0.2.0rc1 -> 0.2.0.0
    size_kb = bundle_size(bundle)[1] // 1024
    return {"APP_VERSION": version, "APP_VERSION_NUMERIC": numeric, "BUNDLE_DIR": str(bundle),
            "OUT_FILE": str(setup), "LICENSE_FILE": str(ROOT / "LICENSE"), "EXE_NAME": f"{EXE_NAME}.exe",
            "ESTIMATED_SIZE_KB": str(size_kb)}


def build_installer(bundle: Path, setup: Path, version: str, makensis: str | None = None) -> Path:
    """Compile ``installer/stadtzwilling.nsi`` over ``bundle`` into ``setup`` (makensis)."""
    makensis = makensis or find_makensis()
    if makensis is None:
        raise SystemExit("makensis nicht gefunden: NSIS 3 installieren (https://nsis.sourceforge.io) "
                         "oder --no-installer angeben.")
    setup.parent.mkdir(parents=True, exist_ok=True)
    defines = nsis_defines(bundle, setup, version)
    with tempfile.TemporaryDirectory() as tmp:
        # the licence page of a Unicode installer reads UTF-8 only with a byte order mark
        licence = Path(tmp) / "LICENSE.txt"
        licence.write_text((ROOT / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8-sig")
        defines["LICENSE_FILE"] = str(licence)
        cmd = [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8"]  # -WX: warnings are errors
        cmd += [f"-D{k}={v}" for k, v in defines.items()]
        cmd.append(str(NSIS_SCRIPT))
        subprocess.run(cmd, check=True)
    if not setup.exists():
        raise SystemExit(f"makensis hat {setup} nicht erzeugt.")
    return setup


def check_installer_script(out: Path) -> Path:
    """Compile the NSIS script against a small dummy bundle (syntax and plugins checked by makensis)."""
    dummy = out / "nsis-check" / APP_NAME
    if dummy.parent.exists():
        shutil.rmtree(dummy.parent)
    (dummy / "_internal").mkdir(parents=True)
    (dummy / f"{EXE_NAME}.exe").write_bytes(b"MZ dummy")
    (dummy / "_internal" / "base_library.zip").write_bytes(b"dummy")
    return build_installer(dummy, dummy.parent / f"{APP_NAME}-check-setup.exe", project_version())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Stadtzwilling als eigenständige App bauen (PyInstaller, "
                                             "unter Windows mit Installer für den Benutzer, NSIS).")
    ap.add_argument("--out", type=Path, default=ROOT / "dist", help="Zielordner (Standard: dist)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                    help="Arbeitsordner von PyInstaller (Standard: build/pyinstaller)")
    ap.add_argument("--no-installer", action="store_true", help="unter Windows nur den App-Ordner bauen")
    ap.add_argument("--check-installer-script", action="store_true",
                    help="nur das NSIS-Skript gegen einen Platzhalter-Ordner übersetzen (prüft das Skript)")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if args.check_installer_script:
        setup = check_installer_script(out)
        print(f"NSIS-Skript in Ordnung: {setup}")
        return 0
    started = time.perf_counter()
    bundle = build_bundle(out, args.work.resolve())
    files, size = bundle_size(bundle)
    size_mb = size / 1e6
    print(f"App-Ordner: {bundle} ({size_mb:.0f} MB, {files} Dateien, {time.perf_counter() - started:.0f} s)")
    if platform.system() == "Windows" and not args.no_installer:
        setup = build_installer(bundle, out / f"{APP_NAME}-{project_version()}-setup.exe", project_version())
        print(f"Installer: {setup} ({setup.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
