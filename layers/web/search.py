"""The search index of the web twin: streets, addresses and parcel numbers with a position (no Qt).

Read from the published (role-filtered) store only: building addresses (``cadastre_buildings.lagebezeichnung``,
``buildings.address``), the streets of those addresses and of road closures, and parcel numbers. Each entry
is ``{"t": text, "a": kind, "p": [x, y, z]}`` in local scene coordinates (z on the ground).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import shapely

from twin.project import Project

_HOUSE_NUMBER = re.compile(r"^(?P<street>.*?\D)\s+(?P<number>\d+\s*[a-zA-Z]?(?:\s*-\s*\d+\s*[a-zA-Z]?)?)\s*(?:,.*)?$")


def street_of(address: str) -> str | None:
    """'Hauptstraße 12a' -> 'Hauptstraße'; 'Arcisstraße 21, München' -> 'Arcisstraße'; None without a number."""
    m = _HOUSE_NUMBER.match(address.strip())
    return m.group("street").strip() if m else None


def _point(geom) -> tuple[float, float] | None:
    if geom is None or geom.is_empty:
        return None
    p = shapely.point_on_surface(geom) if geom.geom_type in ("Polygon", "MultiPolygon") else \
        shapely.line_interpolate_point(shapely.line_merge(geom), 0.5, normalized=True) \
        if geom.geom_type in ("LineString", "MultiLineString") else shapely.centroid(geom)
    if p.is_empty:
        p = shapely.centroid(geom)
    return float(p.x), float(p.y)


def search_index(project: Project, origin: np.ndarray, heights: Callable[[np.ndarray], np.ndarray]) -> list[dict]:
    """All searchable places of the (published) project, streets first, then addresses and parcels."""
    store = project.store
    found: list[tuple[str, str, tuple[float, float]]] = []
    streets: dict[str, list[tuple[float, float]]] = {}
    for table, column in (("cadastre_buildings", "lagebezeichnung"), ("buildings", "address")):
        if not store.has_layer(table) or column not in {f.name for f in store.schema(table).fields}:
            continue
        for f in store.features(table):
            text, xy = f.attrs.get(column), _point(f.geometry)
            if not text or xy is None:
                continue
            for part in str(text).split(";"):  # several addresses of one building
                part = part.split(",")[0].strip()  # 'Am Anger 1, Markt Musterdorf': the place is the twin's
                found.append((part, "Adresse", xy))
                street = street_of(part)
                if street:
                    streets.setdefault(street, []).append(xy)
    if store.has_layer("road_closures"):
        for f in store.features("road_closures"):
            xy = _point(f.geometry)
            if f.attrs.get("strasse") and xy is not None:
                streets.setdefault(str(f.attrs["strasse"]).strip(), []).append(xy)
    if store.has_layer("parcels"):
        for f in store.features("parcels"):
            xy, number = _point(f.geometry), f.attrs.get("flurstuecksnummer")
            if number and xy is not None:
                where = f.attrs.get("gemarkung_name") or f.attrs.get("gemarkung")
                found.append((f"Flurstück {number}" + (f" (Gemarkung {where})" if where else ""), "Flurstück", xy))
    entries = [(name, "Straße", tuple(np.mean(pts, axis=0))) for name, pts in sorted(streets.items())]
    seen: set[str] = set()
    unique = []
    for text, kind, xy in entries + sorted(found, key=lambda e: _natural(e[0])):
        if text.casefold() in seen:
            continue
        seen.add(text.casefold())
        unique.append((text, kind, xy))
    if not unique:
        return []
    xy = np.array([e[2] for e in unique], dtype=float)
    z = heights(xy)
    return [{"t": t, "a": k, "p": [round(float(x - origin[0]), 2), round(float(y - origin[1]), 2),
                                    round(float(h - origin[2]), 2)]}
            for (t, k, _), (x, y), h in zip(unique, xy, z)]


def _natural(text: str) -> list:
    return [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", text)]
