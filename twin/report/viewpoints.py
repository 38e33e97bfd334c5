"""The viewpoints of a report's before/after views: the whole scene and the area the variant changes."""

from __future__ import annotations

import math

import shapely

from twin.errors import ReportError
from twin.project import Project
from twin.report.content import Viewpoint
from twin.report.figures import role_view
from twin.variants.manage import changes, get_variant

OVERVIEW = "Gesamtansicht"
CHANGE_AREA = "Änderungsbereich"
#: the change area fills about this share of the view's width; never closer than MIN_DISTANCE_M
CHANGE_FILL = 0.45
MIN_DISTANCE_M = 90.0
VIEW_ANGLE_DEG = 30.0


def changed_bounds(project: Project, variant_id: str, role: str | None = None) -> tuple[float, float, float, float]:
    """Bounding box (project CRS) of everything the variant adds, changes or removes, as the role sees it.

    :class:`ReportError` if the variant has no change with a geometry (then there is nothing to compare).
    """
    view = role_view(project, role)
    variant = get_variant(view.store, variant_id)
    shapes = [c.shape for c in changes(view.store, variant_id) if c.shape is not None and not c.shape.is_empty]
    if not shapes:
        raise ReportError(f"Die Variante „{variant.title}“ enthält noch keine Änderungen mit Lage (Bäume, "
                          "Flächen, Gebäude); ein Ratsbericht vergleicht Bestand und Variante – bitte zuerst "
                          "Änderungen planen.", feature=variant_id)
    return tuple(float(v) for v in shapely.total_bounds(shapes))  # type: ignore[return-value]


def change_viewpoint(bounds: tuple[float, float, float, float], name: str = CHANGE_AREA) -> Viewpoint:
    """A viewpoint onto a bounding box: centred on it, from far enough that it fills a good part of the view."""
    x0, y0, x1, y1 = bounds
    size = max(x1 - x0, y1 - y0, 1.0)
    distance = max(MIN_DISTANCE_M, size / CHANGE_FILL / (2 * math.tan(math.radians(VIEW_ANGLE_DEG) / 2)))
    return Viewpoint(name, centre=((x0 + x1) / 2, (y0 + y1) / 2), distance=round(distance, 1))


def default_viewpoints(project: Project, variant_id: str, role: str | None = None) -> list[Viewpoint]:
    """„Gesamtansicht“ (the whole scene) and „Änderungsbereich“ (the variant's changes)."""
    return [Viewpoint(OVERVIEW), change_viewpoint(changed_bounds(project, variant_id, role))]


_COMPASS = ("Nord", "Nordnordost", "Nordost", "Ostnordost", "Ost", "Ostsüdost", "Südost", "Südsüdost", "Süd",
            "Südsüdwest", "Südwest", "Westsüdwest", "West", "Westnordwest", "Nordwest", "Nordnordwest")


def compass(azimuth: float) -> str:
    """German compass direction (16 points) of an azimuth in degrees clockwise from north."""
    return _COMPASS[round((azimuth % 360.0) / 22.5) % 16]


def describe(viewpoint: Viewpoint, epsg: int | None = None) -> str:
    """One German sentence on where a view looks from (the caption under its heading)."""
    look = f"Blick aus {compass(viewpoint.azimuth)}, {viewpoint.elevation:g}° über dem Horizont".replace(".", ",")
    if viewpoint.centre is None:
        return f"Ganzes Projektgebiet; {look}."
    x, y = viewpoint.centre
    crs = f" (EPSG:{epsg})" if epsg else ""
    dist = f", aus {viewpoint.distance:.0f} m Entfernung" if viewpoint.distance else ""
    return f"Bereich um Rechtswert {x:.0f}, Hochwert {y:.0f}{crs}; {look}{dist}."
