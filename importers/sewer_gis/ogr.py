"""The layers of a Shapefile or GeoPackage with sewer data, read with pyogrio.

Point layers hold nodes (Schächte, Bauwerke), line layers reaches (Haltungen, Leitungen). Rows come back
as in :mod:`importers.cadastre_flat.ogr` (same :class:`FlatTable`, same value conversion), plus the
GDAL feature id of every row, so that problems can name the feature as the GIS shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError

from importers.cadastre_flat.ogr import FlatTable
from importers.cells import plain
from importers.sewer_gis.synonyms import looks_like_sewer
from twin.errors import FormatError

SUFFIXES = (".shp", ".gpkg")


@dataclass
class SewerLayer:
    """One layer of the file: name, ``"nodes"``/``"reaches"``/None (by geometry type) and its columns."""

    name: str
    kind: str | None
    geometry_type: str
    columns: list[str]

    @property
    def looks_like_sewer(self) -> bool:
        return self.kind is not None and looks_like_sewer(self.columns, self.kind)


def geometry_kind(geometry_type: str | None) -> str | None:
    """``"nodes"`` for point layers, ``"reaches"`` for line layers, else None."""
    t = str(geometry_type or "").lower()
    if "point" in t:
        return "nodes"
    if "line" in t or "curve" in t:
        return "reaches"
    return None


def list_layers(path: Path) -> list[SewerLayer]:
    """All layers of the file with kind and columns; FormatError if GDAL cannot open it."""
    try:
        layers = pyogrio.list_layers(str(path))
        out = []
        for name, gtype in layers:
            info = pyogrio.read_info(str(path), layer=str(name))
            out.append(SewerLayer(str(name), geometry_kind(gtype), str(gtype), [str(c) for c in info["fields"]]))
    except (DataSourceError, DataLayerError, OSError, ValueError) as exc:
        raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
    return out


def read_layer(path: Path, layer: str, encoding: str | None = None) -> tuple[FlatTable, list[int]]:
    """All rows of one layer with WKB decoded, and their feature ids; FormatError if GDAL cannot read it."""
    kw: dict[str, Any] = {"layer": layer, "return_fids": True}
    if encoding and path.suffix.lower() == ".shp":
        kw["encoding"] = encoding
    try:
        meta, fids, wkb, field_data = pyogrio.raw.read(str(path), **kw)
    except (DataSourceError, DataLayerError, OSError, ValueError) as exc:
        raise FormatError(f"Der Layer '{layer}' kann nicht gelesen werden: {exc}", path=path) from None
    columns = [str(c) for c in meta["fields"]]
    n = len(fids) if fids is not None else (len(wkb) if wkb is not None else 0)
    geoms: list[Any] = [None] * n
    if wkb is not None:
        for i, b in enumerate(wkb):
            if b is None:
                continue
            try:
                geoms[i] = shapely.from_wkb(b)
            except shapely.errors.GEOSException:
                geoms[i] = "unlesbar"
    rows = [{c: plain(field_data[j][i]) for j, c in enumerate(columns)} for i in range(n)]
    ids = [int(f) for f in fids] if fids is not None else list(range(n))
    table = FlatTable(layer=layer, columns=columns, rows=rows, geometries=geoms, crs=meta.get("crs"),
                      encoding=meta.get("encoding"), driver=meta.get("driver"))
    return table, ids
