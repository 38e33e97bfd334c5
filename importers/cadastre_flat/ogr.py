"""Shapefile, GeoPackage and GeoJSON parcels read with pyogrio (no geopandas needed).

Coordinates come back from GDAL in x/y (easting/longitude first) order whatever the CRS says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError

from importers.cells import plain
from twin.errors import FormatError

OGR_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json")


@dataclass
class FlatTable:
    layer: str | None
    columns: list[str]
    rows: list[dict[str, Any]]
    geometries: list[Any]  # shapely geometry or None, one per row
    crs: str | None  # as GDAL reports it (EPSG:xxxx or WKT), None if the file has none
    encoding: str | None
    driver: str | None


def polygon_layer(path: Path) -> str | None:
    """The first layer with a polygon geometry type (None: single-layer formats, take the default)."""
    try:
        layers = pyogrio.list_layers(str(path))
    except (DataSourceError, DataLayerError, OSError) as exc:
        raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
    if len(layers) <= 1:
        return None
    for name, gtype in layers:
        if gtype and "polygon" in str(gtype).lower():
            return str(name)
    return str(layers[0][0])


def read_columns(path: Path) -> list[str]:
    """Only the column names (for sniffing and profile lookup)."""
    info = pyogrio.read_info(str(path), layer=polygon_layer(path))
    return [str(c) for c in info["fields"]]


def read_table(path: Path, encoding: str | None = None) -> FlatTable:
    """All rows of the (first polygon) layer with WKB decoded; FormatError if GDAL cannot read it."""
    return read_layer(path, polygon_layer(path), encoding)[0]


def read_layer(path: Path, layer: str | None, encoding: str | None = None) -> tuple[FlatTable, list[int]]:
    """All rows of one layer with WKB decoded (undecodable -> "unlesbar") and their feature ids."""
    kw: dict[str, Any] = {"layer": layer, "return_fids": True}
    if encoding and path.suffix.lower() == ".shp":
        kw["encoding"] = encoding
    try:
        meta, fids, wkb, field_data = pyogrio.raw.read(str(path), **kw)
    except (DataSourceError, DataLayerError, OSError, ValueError) as exc:
        what = f"Der Layer '{layer}'" if layer else "Die Datei"
        raise FormatError(f"{what} kann nicht gelesen werden: {exc}", path=path) from None
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
