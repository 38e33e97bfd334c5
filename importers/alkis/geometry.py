"""NAS (GML 3.2) geometry -> coordinate rings -> shapely polygons.

NAS writes areas as ``gml:Surface/gml:patches/gml:PolygonPatch`` whose rings are
``gml:Ring/gml:curveMember/gml:Curve/gml:segments`` with ``gml:LineStringSegment``,
``gml:Arc``, ``gml:ArcString`` and ``gml:Circle`` segments; WFS output and flat profiles use
``gml:Polygon/gml:LinearRing``; several areas come as ``gml:MultiSurface`` or
``gml:CompositeSurface``. All of these are read here.

**Arcs** (three points per arc: start, a point on the arc, end; ``ArcString``: 2n+1 points;
``Circle``: three points on the full circle) are replaced by chords so that no chord is
further than :data:`MAX_SAGITTA` = **0.01 m** (1 cm) from the true arc (the sagitta
``s = r·(1 − cos(Δφ/2))`` of every chord is ≤ 1 cm). Start and end points are kept exactly,
so neighbouring segments still meet. With a 1 cm sagitta the area of a polygon differs from
the exact circular area by less than ``2/3 · s · arc length`` per arc (≈ 0.2 m² for a
30 m arc) and converges to it as the tolerance shrinks (tested). Three collinear points are
a straight line. Coordinates are densified in the file's CRS, then reprojected.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from lxml import etree
from shapely.geometry import MultiPolygon, Polygon

GML = "http://www.opengis.net/gml/3.2"
#: the maximal distance between an arc and its chords [m, in the file's CRS units]
MAX_SAGITTA = 0.01
#: hard limit of chords per arc (protects against absurd radii in broken data)
MAX_CHORDS = 20000

Ring = np.ndarray  # (n, 2)
PolygonRings = tuple[Ring, list[Ring]]  # exterior, interiors


class GeometryError(ValueError):
    """A geometry element cannot be read (message in German)."""


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _dim(el: etree._Element) -> int:
    node = el
    while node is not None:
        d = node.get("srsDimension")
        if d:
            return int(d)
        node = node.getparent()
    return 2


def positions(el: etree._Element) -> np.ndarray:
    """The (n, 2) points of a segment/ring element (posList, or pos/pointProperty children)."""
    pl = el.find(f"{{{GML}}}posList")
    if pl is not None:
        d = int(pl.get("srsDimension") or _dim(el))
        try:
            vals = np.array((pl.text or "").split(), dtype=float)
        except ValueError as exc:
            raise GeometryError(f"Koordinatenliste nicht lesbar ({exc})") from None
        if len(vals) % d:
            raise GeometryError(f"Koordinatenliste hat {len(vals)} Werte, nicht durch {d} teilbar")
        return vals.reshape(-1, d)[:, :2]
    pts = []
    for p in el.iter(f"{{{GML}}}pos"):
        try:
            pts.append([float(v) for v in (p.text or "").split()][:2])
        except ValueError as exc:
            raise GeometryError(f"Koordinate nicht lesbar ({exc})") from None
    if not pts:
        raise GeometryError(f"gml:{_local(el)} ohne Koordinaten")
    return np.array(pts, dtype=float)


# --------------------------------------------------------------------- arcs
def arc_points(p1, p2, p3, max_sagitta: float = MAX_SAGITTA, full_circle: bool = False) -> np.ndarray:
    """Points of the circular arc from p1 through p2 to p3 (or the full circle through them)."""
    p1, p2, p3 = (np.asarray(p, dtype=float) for p in (p1, p2, p3))
    # work relative to p1: UTM coordinates (~5e6) would cost precision
    b, c = p2 - p1, p3 - p1
    cross = b[0] * c[1] - b[1] * c[0]
    scale = max(np.hypot(*b), np.hypot(*c), 1e-12)
    if abs(cross) <= 1e-12 * scale * scale:
        if full_circle:
            raise GeometryError("Kreis aus drei Punkten auf einer Geraden")
        return np.array([p1, p2, p3])
    d = 2.0 * cross
    bb, cc = b @ b, c @ c
    ux = (c[1] * bb - b[1] * cc) / d
    uy = (b[0] * cc - c[0] * bb) / d
    centre = np.array([ux, uy])  # relative to p1
    r = math.hypot(ux, uy)
    a1 = math.atan2(-uy, -ux)
    a3 = math.atan2(c[1] - uy, c[0] - ux)
    ccw = cross > 0
    two_pi = 2 * math.pi
    if full_circle:
        sweep = two_pi if ccw else -two_pi
    elif ccw:
        sweep = (a3 - a1) % two_pi
    else:
        sweep = -((a1 - a3) % two_pi)
    if max_sagitta >= r:
        step = math.pi / 2
    else:
        step = 2.0 * math.acos(1.0 - max_sagitta / r)
    n = min(MAX_CHORDS, max(2, math.ceil(abs(sweep) / step)))
    ang = a1 + sweep * np.arange(n + 1) / n
    pts = np.column_stack([centre[0] + r * np.cos(ang), centre[1] + r * np.sin(ang)]) + p1
    pts[0] = p1
    pts[-1] = p1 if full_circle else p3
    return pts


def _arc_string(pts: np.ndarray, max_sagitta: float) -> np.ndarray:
    if len(pts) < 3 or len(pts) % 2 == 0:
        raise GeometryError(f"Kreisbogen mit {len(pts)} Punkten (erwartet 3, 5, 7 …)")
    parts = [arc_points(pts[i], pts[i + 1], pts[i + 2], max_sagitta) for i in range(0, len(pts) - 2, 2)]
    return _join(parts)


def _same(a: np.ndarray, b: np.ndarray, tol: float) -> bool:
    """Two points within ``tol`` in x and y (cheaper than np.allclose for one pair)."""
    return abs(float(a[0]) - float(b[0])) <= tol and abs(float(a[1]) - float(b[1])) <= tol


def _join(parts: list[np.ndarray]) -> np.ndarray:
    """Concatenate point sequences, dropping the repeated joint point."""
    out: list[np.ndarray] = []
    for p in parts:
        if len(p) == 0:
            continue
        if out and _same(out[-1][-1], p[0], 1e-9):
            p = p[1:]
        out.append(p)
    return np.concatenate(out) if out else np.empty((0, 2))


# --------------------------------------------------------------------- curves and rings
def curve_points(el: etree._Element, max_sagitta: float = MAX_SAGITTA) -> np.ndarray:
    """Points of any GML curve element (Curve, LineString, CompositeCurve, OrientableCurve, LinearRing)."""
    kind = _local(el)
    if kind in ("LineString", "LinearRing", "LineStringSegment"):
        return positions(el)
    if kind in ("Arc", "ArcString"):
        return _arc_string(positions(el), max_sagitta)
    if kind == "Circle":
        pts = positions(el)
        if len(pts) != 3:
            raise GeometryError(f"gml:Circle mit {len(pts)} statt 3 Punkten")
        return arc_points(*pts, max_sagitta=max_sagitta, full_circle=True)
    if kind == "Curve":
        segs = el.find(f"{{{GML}}}segments")
        if segs is None:
            raise GeometryError("gml:Curve ohne gml:segments")
        return _join([curve_points(s, max_sagitta) for s in segs if isinstance(s.tag, str)])
    if kind in ("CompositeCurve", "Ring"):
        return _join([curve_points(_only_child(m), max_sagitta) for m in el.iter(f"{{{GML}}}curveMember")
                      if m.getparent() is el])
    if kind == "OrientableCurve":
        base = el.find(f"{{{GML}}}baseCurve")
        pts = curve_points(_only_child(base), max_sagitta)
        return pts[::-1] if el.get("orientation") == "-" else pts
    if kind in ("ArcByCenterPoint", "CircleByCenterPoint", "CubicSpline", "BSpline", "Clothoid", "GeodesicString",
                "OffsetCurve", "ArcStringByBulge", "ArcByBulge"):
        raise GeometryError(f"Kurventyp gml:{kind} wird nicht unterstützt")
    raise GeometryError(f"unerwartetes Element gml:{kind} in einer Kurve")


def _only_child(el: etree._Element | None) -> etree._Element:
    if el is None:
        raise GeometryError("leere Geometrie-Eigenschaft")
    kids = [k for k in el if isinstance(k.tag, str)]
    if len(kids) != 1:
        raise GeometryError(f"{_local(el)}: {len(kids)} statt genau einer Geometrie (xlink-Verweise auf "
                            "Geometrien werden nicht aufgelöst)")
    return kids[0]


_CURVE_MEMBER, _CURVE, _SEGMENTS = f"{{{GML}}}curveMember", f"{{{GML}}}Curve", f"{{{GML}}}segments"
_LSS, _POSLIST = f"{{{GML}}}LineStringSegment", f"{{{GML}}}posList"


def _plain_ring(ring: etree._Element) -> np.ndarray | None:
    """The points of a gml:Ring made only of 2D LineStringSegments with posList (the usual NAS
    ring: one gml:Curve per edge), read in one go; None for anything else (arcs, pos, 3D …)."""
    texts = []
    for member in ring:
        if member.tag != _CURVE_MEMBER or len(member) != 1 or member[0].tag != _CURVE:
            return None
        segs = member[0].find(_SEGMENTS)
        if segs is None:
            return None
        for seg in segs:
            if seg.tag != _LSS or len(seg) != 1:
                return None
            pl = seg[0]
            if pl.tag != _POSLIST or pl.get("srsDimension") not in (None, "2") or not pl.text:
                return None
            texts.append(pl.text)
    if not texts or _dim(ring) != 2:
        return None
    parts = [t.split() for t in texts]
    sizes = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    if (sizes < 4).any() or (sizes % 2).any():
        return None  # the general path reports the error
    try:
        pts = np.array([v for p in parts for v in p], dtype=float).reshape(-1, 2)
    except ValueError:
        return None
    starts = np.cumsum(sizes // 2)[:-1]  # first point of every segment but the first
    joint = (np.abs(pts[starts] - pts[starts - 1]) <= 1e-9).all(axis=1)
    if joint.any():
        keep = np.ones(len(pts), dtype=bool)
        keep[starts[joint]] = False
        pts = pts[keep]
    return pts


def _ring(prop: etree._Element, max_sagitta: float) -> Ring:
    el = _only_child(prop)
    pts = _plain_ring(el) if el.tag == f"{{{GML}}}Ring" else None
    if pts is None:
        pts = curve_points(el, max_sagitta)
    if len(pts) < 3:
        raise GeometryError(f"Ring mit nur {len(pts)} Punkten")
    if not _same(pts[0], pts[-1], 1e-6):
        gap = float(np.hypot(*(pts[0] - pts[-1])))
        if gap > 0.01:
            raise GeometryError(f"Ring nicht geschlossen (Lücke {gap:.3f} m)")
        pts = np.vstack([pts, pts[:1]])
    return pts


def _polygon(el: etree._Element, max_sagitta: float) -> PolygonRings:
    ext = el.find(f"{{{GML}}}exterior")
    if ext is None:
        raise GeometryError(f"gml:{_local(el)} ohne gml:exterior")
    holes = [_ring(i, max_sagitta) for i in el.findall(f"{{{GML}}}interior")]
    return _ring(ext, max_sagitta), holes


def surface_rings(el: etree._Element, max_sagitta: float = MAX_SAGITTA) -> list[PolygonRings]:
    """The polygons (exterior + interiors) of a GML surface element of any kind."""
    kind = _local(el)
    if kind in ("Polygon", "PolygonPatch", "Rectangle"):
        return [_polygon(el, max_sagitta)]
    if kind == "Surface":
        patches = el.find(f"{{{GML}}}patches")
        if patches is None:
            raise GeometryError("gml:Surface ohne gml:patches")
        return [r for p in patches if isinstance(p.tag, str) for r in surface_rings(p, max_sagitta)]
    if kind in ("MultiSurface", "CompositeSurface", "Shell"):
        out: list[PolygonRings] = []
        for m in el:
            if not isinstance(m.tag, str):
                continue
            lm = _local(m)
            if lm in ("surfaceMember",):
                out += surface_rings(_only_child(m), max_sagitta)
            elif lm == "surfaceMembers":
                for s in m:
                    if isinstance(s.tag, str):
                        out += surface_rings(s, max_sagitta)
        if not out:
            raise GeometryError(f"gml:{kind} ohne Flächen")
        return out
    if kind == "OrientableSurface":
        return surface_rings(_only_child(el.find(f"{{{GML}}}baseSurface")), max_sagitta)
    raise GeometryError(f"gml:{kind} ist keine Fläche")


def build_multipolygon(polys: list[PolygonRings]) -> tuple[MultiPolygon | None, str | None]:
    """A valid MultiPolygon from rings; invalid input is repaired (make_valid) with a note."""
    try:
        parts = [Polygon(ext, holes) for ext, holes in polys]
    except (ValueError, shapely.errors.GEOSException) as exc:
        return None, f"Polygon nicht lesbar ({exc})"
    if not parts:
        return None, "keine Fläche"
    geom = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, "ungültige Koordinaten (NaN/unendlich)"
    note = None
    if len(parts) > 1 and not geom.is_valid and all(p.is_valid for p in parts):
        # patches of one surface that only share edges: one area, nothing to report
        union = shapely.union_all(parts)
        if abs(union.area - sum(p.area for p in parts)) <= 1e-6 * max(union.area, 1.0):
            merged = [p for p in shapely.get_parts(union) if isinstance(p, Polygon)]
            return MultiPolygon(merged), None
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        fixed = shapely.make_valid(geom)
        fixed_parts = [p for p in shapely.get_parts(fixed) if isinstance(p, Polygon) and p.area > 0]
        if not fixed_parts:
            return None, f"ungültige Fläche ({reason}), nicht reparierbar"
        note = f"ungültige Fläche ({reason}) repariert (make_valid)"
        return MultiPolygon(fixed_parts), note
    return MultiPolygon(parts) if isinstance(geom, Polygon) else geom, note
