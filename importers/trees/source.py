"""Reading a tree delivery into raw columns: CSV (Arrow fast path, see ``csvread``) or a GIS point layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from importers.base import Problem
from importers.trees import columns as colconv
from importers.trees.csvread import read_csv
from twin.errors import FormatError

GIS_SUFFIXES = (".geojson", ".json", ".shp", ".gpkg")


@dataclass
class SourceTable:
    """A file read into columns of raw values, before mapping: ``cells[column][i]`` is row i's cell,
    ``lines[i]`` its line (CSV) or feature number (GIS)."""

    kind: str  # "csv" or "gis"
    columns: list[str]
    cells: dict[str, pa.Array]
    lines: np.ndarray
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str = "."
    file_crs: str | None = None
    xy: np.ndarray | None = None  # gis: (n, 2) point per row, NaN where there is none
    problems: list[Problem] = field(default_factory=list)
    layer: str | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def row(self, i: int) -> dict[str, Any]:
        """Row i as column -> raw value (for previews)."""
        return {c: self.cells[c][i].as_py() for c in self.columns}

    def head(self, n: int) -> SourceTable:
        """The first n rows."""
        xy = None if self.xy is None else self.xy[:n]
        return SourceTable(self.kind, self.columns, {c: a.slice(0, n) for c, a in self.cells.items()},
                           self.lines[:n], self.encoding, self.delimiter, self.decimal, self.file_crs, xy,
                           [], self.layer)


def read_table(path: Path, **csv_kw: Any) -> SourceTable:
    """CSV by suffix (or any text), GIS formats through pyogrio."""
    if path.suffix.lower() in GIS_SUFFIXES:
        return _read_gis(path)
    t = read_csv(path, **csv_kw)
    return SourceTable("csv", t.columns, t.cells, t.lines, t.encoding, t.delimiter, t.decimal,
                       problems=[Problem(m, line) for line, m in t.problems])


def gis_layer(path: Path) -> str | None:
    """The point layer of a GIS file whose fields look like a tree cadastre."""
    import pyogrio

    for name, gtype in pyogrio.list_layers(path):
        if gtype is not None and "point" in str(gtype).lower():
            info = pyogrio.read_info(path, layer=name)
            from importers.trees.propose import looks_like_trees

            if looks_like_trees(list(info["fields"]), need_xy=False):
                return str(name)
    return None


def _read_gis(path: Path) -> SourceTable:
    import pyogrio
    import shapely

    try:
        layer = gis_layer(path)
        if layer is None:
            raise FormatError("Die Datei enthält keinen Punkt-Layer mit Baumattributen.", path=path)
        meta, _fids, geoms, data = pyogrio.raw.read(path, layer=layer)
    except FormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - GDAL errors come in many types
        raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
    cols = [str(c) for c in meta["fields"]]
    n = len(geoms) if geoms is not None else 0
    xy = np.full((n, 2), np.nan)
    if n:
        shp = shapely.from_wkb(geoms)
        present = ~(shapely.is_missing(shp) | shapely.is_empty(shp))
        pts = shp[present]
        not_point = shapely.get_type_id(pts) != 0
        pts[not_point] = shapely.point_on_surface(pts[not_point])
        xy[present] = np.column_stack([shapely.get_x(pts), shapely.get_y(pts)])
    cells = {c: colconv.to_arrow(arr) for c, arr in zip(cols, data)}
    return SourceTable("gis", cols, cells, np.arange(1, n + 1), decimal=".", file_crs=meta.get("crs"), xy=xy,
                       layer=layer)
