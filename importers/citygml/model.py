"""Plain records produced by the CityGML parser (file coordinates, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: surface kinds of CityGML 1.0/2.0 buildings; anything else is 'Unclassified'
SURFACE_KINDS = (
    "RoofSurface",
    "WallSurface",
    "GroundSurface",
    "ClosureSurface",
    "OuterCeilingSurface",
    "OuterFloorSurface",
)

Ring = np.ndarray
"""float64 array (n, 3) in file coordinates and file axis order; closing point not repeated."""
Polygon = list[Ring]
"""[exterior ring, *interior rings]"""


@dataclass
class Surface:
    """One semantic surface (or one face whose kind was derived from its normal)."""

    kind: str
    polygons: list[Polygon]
    gml_id: str | None
    derived: bool = False


@dataclass
class CityBuilding:
    """A bldg:Building or bldg:BuildingPart with its attributes and surfaces.

    ``attributes`` keys: function, usage, roof_type, measured_height (float, m),
    storeys_above_ground (int), name, year_of_construction (int), creation_date,
    address (one line or None), generic (dict[str, str]).
    """

    gml_id: str
    parent_id: str | None
    lod: int
    attributes: dict[str, object]
    surfaces: list[Surface]
    line: int


@dataclass
class ParseProblem:
    """Something in the file that was skipped or could not be read; message in German."""

    line: int | None
    gml_id: str | None
    message: str


@dataclass
class CityModelFile:
    """The parsed content of one CityGML file."""

    path: Path
    version: str
    srs_name: str | None
    srs_dimension: int
    buildings: list[CityBuilding] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)
