"""The layers of a Shapefile or GeoPackage with sewer data, read with pyogrio.

Point layers hold nodes (Schächte, Bauwerke), line layers reaches (Haltungen, Leitungen). The rows of a
layer are read by :func:`importers.cadastre_flat.ogr.read_layer`, with the GDAL feature id of every row,
so that problems can name the feature as the GIS shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

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
