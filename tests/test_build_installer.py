"""build_installer.py: the bundled app (PyInstaller, one folder) and the per-user Windows installer (NSIS).

The bundle is built once per module into a temporary folder; the bundled executable then builds the
sample municipality from the data inside the bundle and renders the main window headless. The NSIS
script is compiled by the real makensis against a small dummy folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import build_installer  # noqa: E402  (a script at the project root, not a package)

NSIS_TEXT = (ROOT / "installer" / "stadtzwilling.nsi").read_text(encoding="utf-8")


def _ci() -> bool:
    """On CI (``CI`` set, as for the PostGIS tests) a missing makensis is an error: .ci/run installs nsis."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _makensis() -> str:
    found = build_installer.find_makensis()
    if found is None:
        if _ci():
            pytest.fail("makensis fehlt (CI installiert nsis)")
        pytest.skip("makensis (NSIS 3) ist nicht installiert")
    return found


def _env() -> dict[str, str]:
    """The environment of a user: no project sources on the path, no forced Qt platform."""
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "QT_QPA_PLATFORM", "STADTZWILLING_RENDER", "VIRTUAL_ENV")}


# ----------------------------------------------------------------- the bundle
@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--out", str(out / "dist"),
                             "--work", str(out / "work"), "--no-installer"],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    assert "App-Ordner:" in result.stdout
    shutil.rmtree(out / "work", ignore_errors=True)  # PyInstaller's intermediate files (~ the bundle's size)
    yield out / "dist" / "Stadtzwilling"
    shutil.rmtree(out / "dist", ignore_errors=True)  # 1.5 GB; pytest keeps the last three temporary folders


def _run(bundle: Path, *args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(build_installer.bundle_executable(bundle)), *args], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=timeout)


def test_bundle_holds_app_data_and_sample_sources(bundle):
    internal = bundle / "_internal"
    assert build_installer.bundle_executable(bundle).is_file()
    # every non-Python file of our packages (generic: new assets such as twin/publish/web come along)
    ours = build_installer.package_data()
    assert any(dest == "twin/policy" for _, dest in ours) and any(dest == "sample_data/real" for _, dest in ours)
    for src, dest in ours:
        assert (internal / dest / Path(src).name).is_file(), f"{dest}/{Path(src).name} fehlt im App-Ordner"
    assert not (internal / "sample_data" / "project").exists()  # built by the user, not shipped
    assert not list((internal / "sample_data").rglob("*.py"))  # generators stay in the repository
    # what the native libraries load at run time
    assert list(internal.rglob("proj.db")), "PROJ-Datenbank (pyproj/rasterio) fehlt"
    assert (internal / "rasterio" / "gdal_data").is_dir() and (internal / "pyogrio" / "gdal_data").is_dir()
    assert list((internal / "pygeodiff").glob("*pygeodiff*")), "native pygeodiff-Bibliothek fehlt"
    assert (internal / "pvlib" / "data" / "LinkeTurbidities.h5").is_file()
    assert list((internal / "PySide6").rglob("*qoffscreen*")) and list((internal / "PySide6").rglob("*qxcb*"))
    # test and bench tools stay out
    for name in ("landlab", "pytest", "_pytest", "playwright", "PyInstaller", "tests", "bench"):
        assert not (internal / name).exists(), name


def test_bundled_cli_runs(bundle, tmp_path):
    result = _run(bundle, "--help", cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    for command in ("open", "sample", "publish", "starkregen", "hitze", "field"):
        assert command in result.stdout


def _roof_pixels(rgb: np.ndarray) -> int:
    """Pixels in the shaded roof red of the buildings (the terrain ramp has no such colour)."""
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return int(((r > 90) & (r - g > 45) & (r - b > 45) & (np.abs(g - b) < 35)).sum())


@pytest.fixture(scope="module")
def bundled_sample(bundle, tmp_path_factory) -> Path:
    """The sample municipality, built by the bundled ``stadtzwilling sample`` from the data in the bundle."""
    work = tmp_path_factory.mktemp("bundled_sample")
    project = work / "musterdorf"
    made = _run(bundle, "sample", str(project), cwd=work)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    return project


def test_bundled_sample_command_builds_the_sample(bundled_sample):
    assert (bundled_sample / "twin.gpkg").is_file() and (bundled_sample / "twin.toml").is_file()
    assert list((bundled_sample / "rasters").rglob("*.tif")), "Gelände der Beispielgemeinde fehlt"


@pytest.mark.gui
@pytest.mark.parametrize(("render", "platform"), [(None, ("xvfb", "offscreen")), ("offscreen", ("offscreen",))])
def test_bundled_app_renders_the_sample_headless(bundle, bundled_sample, tmp_path, render, platform):
    """No screen: the bundled app starts its own Xvfb (if installed) or uses Qt offscreen (forced here)."""
    shot = tmp_path / "bundle_screenshot.png"
    env = _env()
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if render:
        env["STADTZWILLING_RENDER"] = render
    result = subprocess.run([str(build_installer.bundle_executable(bundle)), "open", str(bundled_sample),
                             "--screenshot", str(shot)], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert any(f"(Darstellung: {p})" in result.stdout for p in platform), result.stdout
    rgb = np.asarray(Image.open(shot).convert("RGB"))
    assert rgb.shape[:2] == (900, 1400)
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) > 500 and rgb.std() > 20
    centre = rgb[200:700, 350:1050]  # inside the 3D view: terrain and buildings, not a uniform area
    assert centre.std() > 15 and len(np.unique(centre.reshape(-1, 3), axis=0)) > 300
    assert _roof_pixels(rgb) > 30, "keine Gebäude im Bild"


def test_bundled_heat_simulation_runs(bundle, bundled_sample, tmp_path):
    """numba/llvmlite (compiled kernels, user-wide cache of a frozen app), pvlib and pythermalcomfort work bundled."""
    project = tmp_path / "musterdorf"
    shutil.copytree(bundled_sample, project)
    result = _run(bundle, "hitze", str(project), "--zellgroesse", "10", "--von", "12", "--bis", "13", cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Hitzestress" in result.stdout
    assert list((project / "rasters" / "hitze").rglob("*.tif")), "keine Hitzekarten geschrieben"


def test_bundled_web_export_has_its_assets(bundle, bundled_sample, tmp_path):
    """The static web viewer's files (non-Python files of our packages) are found inside the bundle."""
    site = tmp_path / "web"
    result = _run(bundle, "publish", str(bundled_sample), "--role", "buerger", "--web", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (site / "index.html").is_file()
    assert list(site.glob("*.js")), "kein JavaScript des Web-Viewers"


# ----------------------------------------------------------------- the installer script
def test_nsis_script_is_per_user_german_with_associations():
    text = NSIS_TEXT
    assert "RequestExecutionLevel user" in text and "RequestExecutionLevel admin" not in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\Stadtzwilling"' in text
    assert "SetShellVarContext current" in text and "HKLM" not in text and "SetShellVarContext all" not in text
    assert 'MUI_LANGUAGE "German"' in text.split('MUI_LANGUAGE "English"')[0]  # German is the default
    assert '"$SMPROGRAMS\\Stadtzwilling.lnk" "$INSTDIR\\${EXE_NAME}" "open"' in text
    assert 'HKCU "Software\\Classes\\${PROGID}\\shell\\open\\command" "" \'"$INSTDIR\\${EXE_NAME}" open "%1"\'' in text
    assert '!insertmacro REGISTER_EXTENSION ".szpkg"' in text and '!insertmacro REGISTER_EXTENSION ".twinpkg"' in text
    for ext in (".szpkg", ".twinpkg"):
        assert f'!insertmacro UNREGISTER_EXTENSION "{ext}"' in text
    assert 'WriteRegStr HKCU "${UNINSTALL_REGKEY}" "UninstallString"' in text
    assert "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Stadtzwilling" in text
    assert 'RMDir /r "$INSTDIR"' not in text  # never wipe a folder the user may have chosen


def test_makensis_compiles_the_installer(tmp_path):
    makensis = _makensis()
    dummy = tmp_path / "Stadtzwilling"
    (dummy / "_internal" / "twin").mkdir(parents=True)
    (dummy / "stadtzwilling.exe").write_bytes(b"MZ" + b"\0" * 100)
    payload = np.random.default_rng(1).bytes(3_000_000)  # incompressible: proves the folder is packed
    (dummy / "_internal" / "twin" / "payload.bin").write_bytes(payload)
    setup = build_installer.build_installer(dummy, tmp_path / "out" / "Stadtzwilling-test-setup.exe", "0.1.0",
                                            makensis=makensis)
    data = setup.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 3_000_000
    assert b"Nullsoft" in data


def test_check_installer_script_option(tmp_path):
    _makensis()
    result = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--check-installer-script",
                             "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NSIS-Skript in Ordnung" in result.stdout
    assert list(tmp_path.rglob("*-setup.exe"))


def test_makensis_rejects_a_broken_script(tmp_path, monkeypatch):
    """The check is real: a script error (here an unknown instruction) fails the build."""
    makensis = _makensis()
    broken = tmp_path / "kaputt.nsi"
    broken.write_text(NSIS_TEXT.replace("WriteUninstaller", "SchreibeUninstaller", 1), encoding="utf-8")
    monkeypatch.setattr(build_installer, "NSIS_SCRIPT", broken)
    dummy = tmp_path / "Stadtzwilling"
    dummy.mkdir()
    (dummy / "stadtzwilling.exe").write_bytes(b"MZ")
    with pytest.raises(subprocess.CalledProcessError):
        build_installer.build_installer(dummy, tmp_path / "setup.exe", "0.1.0", makensis=makensis)


def test_nsis_version_and_size_defines(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"x" * 4096)
    d = build_installer.nsis_defines(tmp_path, tmp_path / "s.exe", "1.2.3")
    assert d["APP_VERSION"] == "1.2.3" and d["APP_VERSION_NUMERIC"] == "1.2.3.0"
    assert d["ESTIMATED_SIZE_KB"] == "4" and d["EXE_NAME"] == "stadtzwilling.exe"
    assert build_installer.nsis_defines(tmp_path, tmp_path / "s.exe", "0.2.0rc1+abc")["APP_VERSION_NUMERIC"] \
        == "0.2.0.0"
