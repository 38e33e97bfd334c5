"""What a council report holds: key figures, data sources, before/after views and the title block (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np


@dataclass(frozen=True)
class KeyFigure:
    """One row of the key-figure table: the value in the plan as it is (Bestand) and in the variant.

    ``before``/``after`` are None where there is no value; ``note`` then says in German what is missing
    (e.g. „kein Starkregenlauf für diese Variante – bitte zuerst rechnen“), else it may explain the figure.
    """

    label: str
    before: float | None
    after: float | None
    unit: str = ""
    digits: int = 0
    note: str = ""

    @property
    def change(self) -> float | None:
        """Variant minus Bestand (None if either value is missing)."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def missing(self) -> bool:
        return self.before is None or self.after is None


class DataSource(NamedTuple):
    """A data source of the report and its date (import, run or last change)."""

    source: str
    date: dt.date | None


@dataclass(frozen=True)
class Viewpoint:
    """A camera for one before/after pair of 3D views.

    ``centre`` (x, y in the project CRS) is the point looked at; None = the whole scene (oblique overview
    fitted to everything drawn). ``azimuth`` (degrees clockwise from north, the direction the camera stands
    in, seen from the centre) and ``elevation`` (degrees above the horizon); ``distance`` in metres
    (None with a centre: 250 m).
    """

    name: str
    centre: tuple[float, float] | None = None
    azimuth: float = 200.0
    elevation: float = 38.0
    distance: float | None = None


@dataclass
class ViewPair:
    """The same viewpoint rendered in the Bestand and in the variant (RGB arrays, rows top to bottom)."""

    viewpoint: Viewpoint
    before: np.ndarray
    after: np.ndarray
    caption: str = ""


@dataclass
class ReportContent:
    """Everything the PDF shows, in order: title block, key figures, data sources, views."""

    municipality: str
    variant_title: str
    variant_description: str
    date: dt.date
    figures: list[KeyFigure] = field(default_factory=list)
    sources: list[DataSource] = field(default_factory=list)
    views: list[ViewPair] = field(default_factory=list)
    #: the twin the report was read through (e.g. „Ratszwilling“); empty for the administration's full view
    twin_title: str = ""
    notes: list[str] = field(default_factory=list)
