"""ESRI ASCII grid (``.asc``, header ``ncols/nrows/xllcorner|xllcenter/…/cellsize``) → DGM COG.

GDAL (rasterio) reads the grid; the CRS comes from a ``.prj`` next to the file if there is one
(GDAL reads it), else from ``source_crs`` (CLI ``--crs``); without either the import fails with a
CRSError. Everything else is :class:`importers.terrain.TerrainImporter`.
"""

from __future__ import annotations

from pathlib import Path

from importers.terrain import TerrainImporter


class AscGridImporter(TerrainImporter):
    name = "terrain_asc"
    title = "Geländemodell (ESRI ASCII Grid)"
    suffixes = (".asc",)
    format_name = "ESRI-ASCII-Grid"

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.lstrip()[:5].lower() == b"ncols"
