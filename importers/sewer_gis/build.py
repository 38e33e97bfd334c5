"""Rows of a sewer GIS layer (mapped, reprojected) -> validated node and reach features.

Nodes: a 3D point at the cover (z = Deckelhöhe, else the point's own z, else Sohlhöhe).
Reaches: a 3D line at invert level from the Zulauf to the Ablauf node. A line with real z values
(not all 0) keeps them; a 2D line gets z linearly along its length from Sohlhöhe Zulauf to Ablauf,
taken from the reach's columns or – where the file has none – from the Sohlhöhe of its nodes (in this
file or already in the store). A line digitised against the flow is turned round when both nodes are
known. Every row that cannot be imported gives a Problem naming layer and feature id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPoint, Point
from shapely.geometry.base import BaseGeometry

from importers.base import Problem
from importers.sewer_gis import codes

#: (x, y, Sohlhöhe) of a node by Objektbezeichnung, or None
NodeLookup = Callable[[str], tuple[float, float, float | None] | None]


@dataclass
class Row:
    """One row of a layer after mapping and reprojection."""

    layer: str
    fid: int
    attrs: dict[str, Any]
    geometry: BaseGeometry | None
    geometry_problem: str | None = None
    messages: list[str] = field(default_factory=list)  #: values left empty (reported if the row is imported)

    @property
    def ident(self) -> str:
        return f"{self.layer} FID {self.fid}"


class Builder:
    """Collects node and reach features of one file; keys must be unique per layer kind across the file."""

    def __init__(self, source_file: str, inside: Callable[[np.ndarray], bool], problems: list[Problem]) -> None:
        self.source_file, self.inside, self.problems = source_file, inside, problems
        self.nodes: list[tuple[dict[str, Any], Point]] = []
        self.reaches: list[tuple[dict[str, Any], LineString]] = []
        self.node_xyz: dict[str, tuple[float, float, float | None]] = {}
        self._seen: dict[str, dict[str, str]] = {"nodes": {}, "reaches": {}}
        self.bounds: list[tuple[float, float, float, float]] = []

    def _skip(self, row: Row, what: str, key: str | None, why: str) -> None:
        name = f"{what} '{key}': " if key else ""
        self.problems.append(Problem(f"{name}{why}; nicht importiert", None, row.ident))

    def _unique(self, row: Row, kind: str, key: str, what: str) -> bool:
        """True (and the row's value messages reported) if the key is new in this file."""
        first = self._seen[kind].get(key)
        if first is not None:
            self._skip(row, what, key, f"Objektbezeichnung kommt doppelt vor (zuerst bei {first})")
            return False
        self._seen[kind][key] = row.ident
        self.problems += [Problem(f"{what} '{key}': {m}", None, row.ident) for m in row.messages]
        return True

    # ------------------------------------------------------------------ nodes
    def node(self, row: Row) -> None:
        a = row.attrs
        key = a.get("objektbezeichnung")
        if not key:
            self._skip(row, "Schacht", None, "keine Objektbezeichnung (Schachtnummer)")
            return
        pt, why = _point(row.geometry, row.geometry_problem)
        if pt is None:
            self._skip(row, "Schacht", key, why)
            return
        z = a.get("deckelhoehe")
        if z is None and pt.has_z and np.isfinite(pt.z) and pt.z != 0:
            z = float(pt.z)
        if z is None:
            z = a.get("sohlhoehe")
        if z is None:
            self._skip(row, "Schacht", key, "keine Höhe (Deckel- und Sohlhöhe fehlen)")
            return
        xy = np.array([[pt.x, pt.y]])
        self.bounds.append((pt.x, pt.y, pt.x, pt.y))
        if not self.inside(xy):
            self._skip(row, "Schacht", key, f"liegt außerhalb des Projektgebiets ({pt.x:.0f}, {pt.y:.0f})")
            return
        if not self._unique(row, "nodes", key, "Schacht"):
            return
        a["art"] = codes.node_art(a.get("art"), a.get("knotentyp"))
        if a.get("schachttiefe_m") is None and a.get("deckelhoehe") is not None and a.get("sohlhoehe") is not None:
            a["schachttiefe_m"] = round(a["deckelhoehe"] - a["sohlhoehe"], 3)
        a["source_file"] = self.source_file
        self.node_xyz[key] = (pt.x, pt.y, a.get("sohlhoehe"))
        self.nodes.append((a, Point(round(pt.x, 3), round(pt.y, 3), round(z, 3))))

    # ------------------------------------------------------------------ reaches
    def reach(self, row: Row, stored_node: NodeLookup) -> None:
        a = row.attrs
        zu, ab = a.get("knoten_zulauf"), a.get("knoten_ablauf")
        key = a.get("objektbezeichnung") or (f"{zu}-{ab}" if zu and ab else None)
        if not key:
            self._skip(row, "Haltung", None, "keine Objektbezeichnung (Haltungsnummer) und keine Zulauf-/Ablaufknoten")
            return
        a["objektbezeichnung"] = key
        line, why = _line(row.geometry, row.geometry_problem)
        if line is None:
            self._skip(row, "Haltung", key, why)
            return
        ends = [self._node(zu, stored_node), self._node(ab, stored_node)]
        xyz = shapely.get_coordinates(line, include_z=True) if line.has_z else shapely.get_coordinates(line)
        if None not in ends and _against_flow(xyz, ends):
            xyz = xyz[::-1]
        seg = np.hypot(*np.diff(xyz[:, :2], axis=0).T)
        if seg.sum() <= 0:
            self._skip(row, "Haltung", key, "Linie hat die Länge 0")
            return
        if xyz.shape[1] == 3 and np.isfinite(xyz[:, 2]).all() and np.any(xyz[:, 2] != 0):
            zs = xyz[:, 2]
            for fld, z in (("sohlhoehe_zulauf", zs[0]), ("sohlhoehe_ablauf", zs[-1])):
                if a.get(fld) is None:
                    a[fld] = round(float(z), 3)
        else:
            z0 = a.get("sohlhoehe_zulauf")
            z1 = a.get("sohlhoehe_ablauf")
            z0 = z0 if z0 is not None else (ends[0][2] if ends[0] else None)
            z1 = z1 if z1 is not None else (ends[1][2] if ends[1] else None)
            if z0 is None or z1 is None:
                missing = " und ".join(n for n, z in (("Zulauf", z0), ("Ablauf", z1)) if z is None)
                self._skip(row, "Haltung", key, f"Sohlhöhe {missing} fehlt (weder in einer Spalte der Haltung noch "
                                                "als Sohlhöhe eines bekannten Schachts)")
                return
            a["sohlhoehe_zulauf"], a["sohlhoehe_ablauf"] = z0, z1
            t = np.concatenate([[0.0], np.cumsum(seg)]) / seg.sum()
            zs = z0 + (z1 - z0) * t
        self.bounds.append((float(xyz[:, 0].min()), float(xyz[:, 1].min()), float(xyz[:, 0].max()),
                            float(xyz[:, 1].max())))
        if not self.inside(xyz[:, :2]):
            self._skip(row, "Haltung", key, f"liegt außerhalb des Projektgebiets ({xyz[0, 0]:.0f}, {xyz[0, 1]:.0f})")
            return
        if not self._unique(row, "reaches", key, "Haltung"):
            return
        if a.get("laenge_m") is None:
            a["laenge_m"] = round(float(seg.sum()), 2)
        a["art"] = codes.reach_art(a.get("art"))
        a["source_file"] = self.source_file
        self.reaches.append((a, LineString(np.round(np.column_stack([xyz[:, :2], zs]), 3))))

    def _node(self, key: str | None, stored_node: NodeLookup) -> tuple[float, float, float | None] | None:
        if not key:
            return None
        return self.node_xyz.get(key) or stored_node(key)


def _point(geom: BaseGeometry | None, problem: str | None) -> tuple[Point | None, str]:
    if problem:
        return None, problem
    if geom is None or geom.is_empty:
        return None, "leere Geometrie"
    if isinstance(geom, MultiPoint) and len(geom.geoms) == 1:
        geom = geom.geoms[0]
    if not isinstance(geom, Point):
        return None, f"keine Punktgeometrie ({geom.geom_type})"
    if not (np.isfinite(geom.x) and np.isfinite(geom.y)):
        return None, "ungültige Koordinaten (außerhalb des Koordinatensystems?)"
    return geom, ""


def _line(geom: BaseGeometry | None, problem: str | None) -> tuple[LineString | None, str]:
    if problem:
        return None, problem
    if geom is None or geom.is_empty:
        return None, "leere Geometrie"
    if isinstance(geom, MultiLineString):
        parts = list(geom.geoms)
        if len(parts) == 1:
            geom = parts[0]
        else:
            merged = shapely.line_merge(geom)
            if not isinstance(merged, LineString):
                return None, f"Linie aus {len(parts)} nicht zusammenhängenden Teilen"
            geom = merged
    if not isinstance(geom, LineString):
        return None, f"keine Liniengeometrie ({geom.geom_type})"
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, "ungültige Koordinaten (außerhalb des Koordinatensystems?)"
    return geom, ""


def _against_flow(xyz: np.ndarray, ends: list[tuple[float, float, float | None]]) -> bool:
    """True if the line starts at the Ablauf node and ends at the Zulauf node."""
    s, e = xyz[0, :2], xyz[-1, :2]
    zu, ab = np.array(ends[0][:2]), np.array(ends[1][:2])
    along = np.hypot(*(s - zu)) + np.hypot(*(e - ab))
    against = np.hypot(*(s - ab)) + np.hypot(*(e - zu))
    return against < along
