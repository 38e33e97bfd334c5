"""Shared fixtures: real sample project, real stores on both backends (GeoPackage, PostGIS)."""

from __future__ import annotations

import faulthandler
import os
import shutil
import uuid
from pathlib import Path

import pytest

from run import CRASH_DIR_ENV  # set by run.py: where a crashing test process writes its threads' stacks
from tests.pg_server import postgis_dsn, require_postgis, unavailable_reason

pytest_plugins = ["tests.qt_fixtures"]  # GUI fixtures (Qt is imported only when a test uses them)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SAMPLE_REAL = ROOT / "sample_data" / "real"
SAMPLE_EXTENT = (690000.0, 5335000.0, 691000.0, 5336000.0)


@pytest.hookimpl(trylast=True)  # after pytest's faulthandler plugin, which writes to stderr
def pytest_configure(config) -> None:
    """Under ``run.py test``: a crash (segfault, abort) dumps every thread's stack to a file of its own, which
    run.py prints after the run, so the crashing thread is not lost in a worker's interleaved stderr."""
    folder = os.environ.get(CRASH_DIR_ENV)
    if folder:
        name = f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}.txt"
        config._crash_file = open(Path(folder) / name, "w")  # noqa: SIM115 - open until the process ends
        faulthandler.enable(file=config._crash_file, all_threads=True)


def _postgis() -> str:
    dsn = postgis_dsn()
    if dsn is None:
        if require_postgis():
            pytest.fail(f"PostGIS ist hier Pflicht (CI), aber nicht verfügbar: {unavailable_reason()}")
        pytest.skip(f"kein PostgreSQL/PostGIS auf diesem Rechner ({unavailable_reason()}); .ci/run installiert es")
    return dsn


@pytest.fixture(params=["gpkg", "postgis"])
def backend(request) -> str:
    """Runs a test once per store backend."""
    if request.param == "postgis":
        _postgis()
    return request.param


@pytest.fixture
def new_project(tmp_path, backend):
    """Factory: a new empty project on the current backend (PostGIS: own schema, dropped afterwards)."""
    from twin.config import StoreSection
    from twin.project import Project

    made = []

    def make(extent=SAMPLE_EXTENT, crs: int = 25832, name: str = "Testgemeinde") -> Project:
        store = None
        if backend == "postgis":
            store = StoreSection(backend="postgis", dsn=_postgis(), schema_name=f"t_{uuid.uuid4().hex[:12]}")
        p = Project.create(tmp_path / f"proj{len(made)}", crs=crs, name=name, extent=extent, store=store)
        made.append(p)
        return p

    yield make
    for p in made:
        if backend == "postgis":
            p.store.drop()
        else:
            p.close()


@pytest.fixture(scope="session")
def sample_project_dir(tmp_path_factory) -> Path:
    """The sample municipality, built once per session through the real importers (GeoPackage)."""
    from importers.sample import build_sample_project

    dest = tmp_path_factory.mktemp("sample") / "musterdorf"
    project, _ = build_sample_project(dest)
    project.close()
    return dest


@pytest.fixture
def sample_project(sample_project_dir, tmp_path):
    """A private copy of the sample project (tests may change it)."""
    from twin.project import Project

    dest = tmp_path / "sample"
    shutil.copytree(sample_project_dir, dest)
    p = Project.open(dest)
    yield p
    p.close()


@pytest.fixture
def project_dir(sample_project_dir, tmp_path) -> Path:
    """A private copy of the sample project folder, for commands that open the project themselves (CLI)."""
    d = tmp_path / "p"
    shutil.copytree(sample_project_dir, d)
    return d


@pytest.fixture(autouse=True, scope="session")
def _qt_offscreen_default():
    """Qt tests run on Xvfb (pytest-xvfb) when it is installed; else Qt's offscreen platform."""
    if not os.environ.get("DISPLAY") and shutil.which("Xvfb") is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    yield


@pytest.fixture
def ogr2ogr_available():
    """The GDAL peer: .ci/run installs gdal-bin, so on CI a missing ogr2ogr is an error, elsewhere a skip."""
    if shutil.which("ogr2ogr") is None:
        if require_postgis():  # true on CI
            pytest.fail("ogr2ogr fehlt, .ci/run installiert gdal-bin")
        pytest.skip("gdal-bin (ogr2ogr) nicht installiert")


@pytest.fixture(scope="session")
def gdal_python() -> str:
    """A Python with GDAL's own bindings (osgeo), to edit GeoPackages through OGR as QGIS/QField do.

    .ci/run installs python3-gdal, so on CI a missing one is an error, elsewhere a skip.
    """
    import subprocess

    for exe in ("/usr/bin/python3", shutil.which("python3") or ""):
        if exe and subprocess.run([exe, "-c", "from osgeo import ogr"], capture_output=True).returncode == 0:
            return exe
    if require_postgis():  # true on CI
        pytest.fail("Python mit GDAL (osgeo) fehlt, .ci/run installiert python3-gdal")
    pytest.skip("python3-gdal (osgeo) nicht installiert")
