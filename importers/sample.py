"""The sample municipality: a project built from ``sample_data/`` through the real importers."""

from __future__ import annotations

import sys
from pathlib import Path

from importers.base import CancelToken, ImportReport, ProgressFn, import_files
from importers.sensors.sample import add_sample_sensors
from twin.land.sample import add_sample_land
from twin.project import Project
from twin.variants.sample import add_sample_variants

# next to the packages; in the bundled app (PyInstaller, build_installer.py) in its data folder sys._MEIPASS
SAMPLE_DIR = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "sample_data"
SAMPLE_EXTENT = (690000.0, 5335000.0, 691000.0, 5336000.0)  # DGM1 tile 690/5335 (Bayern)


def sample_files(sample_dir: Path = SAMPLE_DIR) -> list[Path]:
    """The native-format source files of the sample, in import order (terrain first)."""
    files = [sample_dir / "real" / "BY_DGM1_690_5335.tif", sample_dir / "real" / "DEBY_LOD2_4959457.gml"]
    # every data file of the synthetic part, in name order (generators name them so that order fits)
    files += sorted(p for p in (sample_dir / "musterdorf").iterdir()
                    if p.is_file() and p.suffix.lower() not in _NOT_DATA and not p.name.startswith("."))
    return files


_NOT_DATA = {".md", ".py", ".txt", ".toml", ".properties", ".gfs"}


def build_sample_project(dest: str | Path, *, sample_dir: Path = SAMPLE_DIR, progress: ProgressFn | None = None,
                         cancel: CancelToken | None = None) -> tuple[Project, list[ImportReport]]:
    """Create the sample project 'Markt Musterdorf' in ``dest`` and import the sample files."""
    project = Project.create(dest, crs=25832, name="Markt Musterdorf (Beispiel)", extent=SAMPLE_EXTENT)
    reports = import_files(project, sample_files(sample_dir), progress=progress, cancel=cancel)
    add_sample_variants(project)  # planning variants "Marktplatz entsiegeln …" and "Neubau Kita Am Anger"
    add_sample_sensors(project)  # soil moisture at trees, surface temperature, sewer level (synthetic, up to now)
    add_sample_land(project)  # vacant plots found from ALKIS, a few with status, a vacancy and a brownfield
    return project, reports
