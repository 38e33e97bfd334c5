"""CityJSON file -> :class:`importers.citygml.model.CityModelFile` (file coordinates, no database)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from importers.citygml.geometry import GeometryError, clean_ring, kind_from_normal
from importers.citygml.model import SURFACE_KINDS, CityBuilding, CityModelFile, ParseProblem, Surface
from twin.errors import FormatError, TwinIOError

#: CityObject types that become rows of the ``buildings`` layer
BUILDING_TYPES = ("Building", "BuildingPart")
_SOLIDS = ("Solid",)
_MULTI_SOLIDS = ("MultiSolid", "CompositeSolid")
_SURFACES = ("MultiSurface", "CompositeSurface")

_NUMBER_ATTRIBUTES = {
    "measuredHeight": ("measured_height", float),
    "storeysAboveGround": ("storeys_above_ground", int),
    "yearOfConstruction": ("year_of_construction", int),
}
_TEXT_ATTRIBUTES = {"function": "function", "usage": "usage", "roofType": "roof_type", "name": "name",
                    "creationDate": "creation_date"}


def parse_cityjson(path: str | Path) -> CityModelFile:
    """All Building and BuildingPart objects of a CityJSON file or a CityJSONSeq (``.city.jsonl``) file.

    Raises :class:`FormatError` (German, with line and column for JSON syntax errors) if the file is not
    CityJSON or is inconsistent (vertex index out of range, bad transform); :class:`TwinIOError` if it
    cannot be read. Unusable geometries of single objects are listed in ``problems``.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TwinIOError(f"Datei kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
    if not raw.strip():
        raise FormatError("Keine CityJSON-Datei: die Datei ist leer.", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"Die Datei ist nicht UTF-8-kodiert (Byte {exc.start}).", path=path) from None
    features: list[tuple[int, dict[str, Any]]] | None = None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise FormatError(f"Ungültiges JSON in Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg}", path=path,
                              line=exc.lineno) from None
        doc, features = _sequence(text, path)  # one JSON text per line: CityJSONSeq
    if not isinstance(doc, dict) or doc.get("type") != "CityJSON":
        raise FormatError("Keine CityJSON-Datei: es fehlt \"type\": \"CityJSON\".", path=path)
    version = str(doc.get("version", ""))
    if not version:
        raise FormatError("CityJSON-Datei ohne Versionsangabe (\"version\").", path=path)
    metadata = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
    srs = metadata.get("referenceSystem") or metadata.get("crs", {}).get("epsg") if metadata else None
    if isinstance(srs, int):
        srs = f"EPSG:{srs}"
    model = CityModelFile(path=path, version=version if features is None else f"{version} (CityJSONSeq)",
                          srs_name=str(srs).strip() if srs else None, srs_dimension=3)
    if features is None:
        objects = doc.get("CityObjects")
        if not isinstance(objects, dict):
            raise FormatError("CityJSON-Datei ohne \"CityObjects\".", path=path)
        _read_objects(model, objects, _vertices(doc, path), path)
        wanted = {b.gml_id for b in model.buildings} | {q.gml_id for q in model.problems if q.gml_id}
        _set_lines(model, 0, 0, object_lines(raw, wanted).get)
    else:
        objects = {}
        for line, feat in features:
            n_b, n_p = len(model.buildings), len(model.problems)
            try:
                vertices = _vertices({"vertices": feat.get("vertices", []), "transform": doc.get("transform")}, path)
                _read_objects(model, feat["CityObjects"], vertices, path)
            except FormatError as exc:
                raise FormatError(f"{exc.message} (CityJSONFeature in Zeile {line})", path=path, line=line) from None
            objects.update(feat["CityObjects"])
            _set_lines(model, n_b, n_p, lambda _oid, n=line: n)
    # a Building without geometry of its own takes the LoD of its parts
    lods = {b.gml_id: b.lod for b in model.buildings}
    for b in model.buildings:
        if b.lod == 0:
            kids = [lods.get(c, 0) for c in objects[b.gml_id].get("children") or []]
            b.lod = max(kids, default=0)
    return model


def _read_objects(model: CityModelFile, objects: dict[str, Any], vertices: np.ndarray, path: Path) -> None:
    """Append the buildings and building parts of ``objects`` (one file or one CityJSONFeature) to ``model``."""
    for oid, obj in objects.items():
        if not isinstance(obj, dict) or obj.get("type") not in BUILDING_TYPES:
            continue
        parent_id = None
        if obj["type"] == "BuildingPart":
            parents = [p for p in obj.get("parents") or [] if p in objects]
            parent_id = parents[0] if parents else None
        lod, surfaces = _surfaces(obj, oid, vertices, path, model.problems)
        if lod == 0 and not obj.get("children"):
            model.problems.append(ParseProblem(None, oid, f"{obj['type']} ohne verwendbare Geometrie"))
        model.buildings.append(CityBuilding(gml_id=oid, parent_id=parent_id, lod=lod,
                                            attributes=_attributes(obj, oid, model.problems),
                                            surfaces=surfaces, line=None))  # type: ignore[arg-type]


def _set_lines(model: CityModelFile, first_building: int, first_problem: int, line_of) -> None:
    """Line numbers for the buildings and problems appended since the given positions."""
    for b in model.buildings[first_building:]:
        b.line = line_of(b.gml_id)  # type: ignore[assignment]
    for i in range(first_problem, len(model.problems)):
        q = model.problems[i]
        line = line_of(q.gml_id) if q.gml_id else None
        if q.line is None and line is not None:
            model.problems[i] = ParseProblem(line, q.gml_id, q.message)


def _sequence(text: str, path: Path) -> tuple[dict[str, Any], list[tuple[int, dict[str, Any]]]]:
    """A CityJSONSeq file: the header object (first line) and every CityJSONFeature with its line."""
    header: dict[str, Any] | None = None
    features: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"Ungültiges JSON in Zeile {n}, Spalte {exc.colno}: {exc.msg}", path=path,
                              line=n) from None
        if header is None:
            if not isinstance(obj, dict) or obj.get("type") != "CityJSON":
                raise FormatError("Keine CityJSON-Datei: die erste Zeile ist kein CityJSON-Objekt.", path=path, line=n)
            header = obj
        elif not isinstance(obj, dict) or obj.get("type") != "CityJSONFeature" \
                or not isinstance(obj.get("CityObjects"), dict):
            raise FormatError("CityJSONSeq: jede Zeile nach der ersten muss ein CityJSONFeature mit "
                              "\"CityObjects\" sein.", path=path, line=n)
        else:
            features.append((n, obj))
    assert header is not None  # the text was not empty and not one JSON document
    return header, features


_KEY_OPENS_OBJECT = re.compile(rb'"((?:[^"\\\n]|\\.)*)"\s*:\s*\{')


def object_lines(raw: bytes, ids: set[str]) -> dict[str, int]:
    """1-based line where each of ``ids`` opens its entry under "CityObjects" (ids not found are left out).

    A key followed by ``{`` after the "CityObjects" key is an object entry; ids elsewhere (in "children",
    "parents") are followed by ``,`` or ``]`` and do not match. A minified file has everything in line 1.
    """
    start = raw.find(b'"CityObjects"')
    if start < 0 or not ids:
        return {}
    out: dict[str, int] = {}
    line, pos = raw.count(b"\n", 0, start) + 1, start
    for m in _KEY_OPENS_OBJECT.finditer(raw, start + len(b'"CityObjects"')):
        try:
            key = json.loads(b'"' + m.group(1) + b'"')
        except ValueError:
            continue
        if key in ids and key not in out:
            line += raw.count(b"\n", pos, m.start())
            pos = m.start()
            out[key] = line
            if len(out) == len(ids):
                break
    return out


def _vertices(doc: dict[str, Any], path: Path) -> np.ndarray:
    """Real-world vertex coordinates (n, 3): quantised integers × scale + translate where a transform is given."""
    try:
        verts = np.asarray(doc.get("vertices", []), dtype=np.float64)
    except (TypeError, ValueError):
        raise FormatError("\"vertices\" enthält Einträge, die keine Koordinaten (x, y, z) sind.", path=path) from None
    if verts.size == 0:
        return np.zeros((0, 3))
    if verts.ndim != 2 or verts.shape[1] != 3:
        raise FormatError("\"vertices\" muss eine Liste von Punkten mit je drei Zahlen (x, y, z) sein.", path=path)
    transform = doc.get("transform")
    if transform is not None:
        try:
            scale = np.asarray(transform["scale"], dtype=np.float64)
            translate = np.asarray(transform["translate"], dtype=np.float64)
            if scale.shape != (3,) or translate.shape != (3,):
                raise ValueError
        except (KeyError, TypeError, ValueError):
            raise FormatError("\"transform\" braucht \"scale\" und \"translate\" mit je drei Zahlen.",
                              path=path) from None
        verts = verts * scale + translate
    if not np.isfinite(verts).all():
        raise FormatError("\"vertices\" enthält Koordinaten, die keine endlichen Zahlen sind.", path=path)
    return verts


def _lod_value(geom: dict[str, Any]) -> float:
    try:
        return float(geom.get("lod", 0))
    except (TypeError, ValueError):
        return 0.0


def _surfaces(obj: dict[str, Any], oid: str, vertices: np.ndarray, path: Path,
              problems: list[ParseProblem]) -> tuple[int, list[Surface]]:
    """Surfaces of the geometry with the highest LoD that yields any."""
    geoms = [g for g in obj.get("geometry") or [] if isinstance(g, dict)]
    if any(g.get("type") == "GeometryInstance" for g in geoms):
        problems.append(ParseProblem(None, oid, "Vorlagen-Geometrie (GeometryInstance) wird nicht unterstützt; "
                                                "übersprungen"))
    usable = [g for g in geoms if g.get("type") in (*_SOLIDS, *_MULTI_SOLIDS, *_SURFACES)]
    for geom in sorted(usable, key=_lod_value, reverse=True):
        surfaces = _geometry_surfaces(geom, oid, vertices, path, problems)
        if surfaces:
            return max(int(_lod_value(geom)), 1), surfaces
    return 0, []


def _geometry_surfaces(geom: dict[str, Any], oid: str, vertices: np.ndarray, path: Path,
                       problems: list[ParseProblem]) -> list[Surface]:
    """(semantic index, polygon) pairs of one geometry, grouped into :class:`Surface` records."""
    gtype, boundaries = geom["type"], geom.get("boundaries") or []
    semantics = geom.get("semantics") if isinstance(geom.get("semantics"), dict) else {}
    values = semantics.get("values")
    # flatten to a list of (surface boundary, semantic index)
    flat: list[tuple[Any, Any]] = []
    try:
        if gtype in _SURFACES:
            flat = [(s, _at(values, i)) for i, s in enumerate(boundaries)]
        elif gtype in _SOLIDS:
            flat = [(s, _at(values, 0, i)) for i, s in enumerate(boundaries[0] if boundaries else [])]
        else:
            flat = [(s, _at(values, k, 0, i)) for k, solid in enumerate(boundaries)
                    for i, s in enumerate(solid[0] if solid else [])]
    except (TypeError, IndexError, KeyError):
        problems.append(ParseProblem(None, oid, f"Geometrie '{gtype}' hat eine ungültige Struktur; übersprungen"))
        return []
    sem_surfaces = semantics.get("surfaces") or []
    grouped: dict[int, list] = {}
    plain: list[Surface] = []
    for k, (boundary, sem) in enumerate(flat):
        poly = _polygon(boundary, vertices, oid, path, problems)
        if poly is None:
            continue
        if isinstance(sem, int) and 0 <= sem < len(sem_surfaces):
            grouped.setdefault(sem, []).append(poly)
        else:
            plain.append(Surface(kind_from_normal(poly[0]), [poly], f"{oid}#p{k}", derived=True))
    out = []
    for sem, polys in sorted(grouped.items()):
        kind = str(sem_surfaces[sem].get("type", "")) if isinstance(sem_surfaces[sem], dict) else ""
        out.append(Surface(kind if kind in SURFACE_KINDS else "Unclassified", polys, f"{oid}#s{sem}"))
    return out + plain


def _at(values: Any, *index: int) -> Any:
    """``values[i][j]...`` or None where the semantics leave it out (null)."""
    for i in index:
        if values is None:
            return None
        values = values[i]
    return values


def _polygon(boundary: Any, vertices: np.ndarray, oid: str, path: Path, problems: list[ParseProblem]):
    """[exterior, *interiors] as (n, 3) arrays; None (with a problem) for rings with fewer than 3 points."""
    rings = []
    for j, ring in enumerate(boundary):
        try:
            idx = np.asarray(ring, dtype=np.int64)
        except (TypeError, ValueError):
            raise FormatError(f"Objekt '{oid}': Ring mit Einträgen, die keine Punktnummern sind.", path=path) from None
        if idx.ndim != 1:
            raise FormatError(f"Objekt '{oid}': Ring mit falscher Verschachtelung.", path=path)
        if idx.size and (idx.min() < 0 or idx.max() >= len(vertices)):
            bad = int(idx.max() if idx.max() >= len(vertices) else idx.min())
            raise FormatError(f"Objekt '{oid}': Punktnummer {bad} liegt außerhalb der Punktliste "
                              f"(0 … {len(vertices) - 1}).", path=path)
        try:
            rings.append(clean_ring(vertices[idx], None))
        except GeometryError:
            if j == 0:
                problems.append(ParseProblem(None, oid, "Fläche mit weniger als 3 Punkten übersprungen"))
                return None
    return rings or None


def _attributes(obj: dict[str, Any], oid: str, problems: list[ParseProblem]) -> dict[str, object]:
    attrs: dict[str, object] = {
        "function": None, "usage": None, "roof_type": None, "measured_height": None,
        "storeys_above_ground": None, "name": None, "year_of_construction": None,
        "creation_date": None, "address": _address(obj.get("address")), "generic": {},
    }
    generic: dict[str, object] = attrs["generic"]  # type: ignore[assignment]
    for key, value in (obj.get("attributes") or {}).items():
        if key in _NUMBER_ATTRIBUTES and value not in (None, ""):
            target, convert = _NUMBER_ATTRIBUTES[key]
            try:
                attrs[target] = convert(float(value)) if convert is int else convert(value)
            except (TypeError, ValueError):
                problems.append(ParseProblem(None, oid, f"Attribut {key} '{str(value)[:30]}' ist keine Zahl; ignoriert"))
        elif key in _TEXT_ATTRIBUTES and value not in (None, ""):
            attrs[_TEXT_ATTRIBUTES[key]] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        elif value is not None:
            generic[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return attrs


def _address(addr: Any) -> str | None:
    """CityJSON address (an object in 1.x, a list of objects in 2.0) as one line."""
    if isinstance(addr, list):
        addr = addr[0] if addr else None
    if not isinstance(addr, dict):
        return None
    def get(*keys: str) -> str:
        return next((str(addr[k]) for k in keys if addr.get(k) not in (None, "")), "")
    street = " ".join(p for p in (get("ThoroughfareName", "thoroughfareName"),
                                  get("ThoroughfareNumber", "thoroughfareNumber")) if p)
    place = " ".join(p for p in (get("PostalCode", "postalCode"), get("LocalityName", "locality")) if p)
    return ", ".join(p for p in (street, place) if p) or None
