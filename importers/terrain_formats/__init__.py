"""Terrain models in the text formats the German states publish: ASCII XYZ grids (DGM1) and ESRI ASCII grids."""

from importers.terrain_formats.asc import AscGridImporter
from importers.terrain_formats.xyz import XYZGridImporter

__all__ = ["AscGridImporter", "XYZGridImporter"]
