"""Road closures (Verkehrssperrungen) from GeoJSON lists, as traffic authorities deliver them.

Detection by content: a GeoJSON FeatureCollection whose features carry a closure number and a start
date (German or English property names, see :data:`SYNONYMS`, e.g. ``Sperrnummer``/``sperrung_id``,
``Art``, ``Grund``, ``Straße``, ``Beginn``/``von``, ``Ende``/``bis``, ``Umleitung``, ``Zuständig``).
Lines (LineString/MultiLineString) are the closed sections. A feature with ``umleitung_fuer`` (or
``art`` = ``Umleitung``) is the detour line of the closure it names.

CRS: the GeoJSON-2008 member ``crs`` (``urn:ogc:def:crs:EPSG::25832`` – usual in German exports),
else WGS84 longitude/latitude (RFC 7946). Coordinates are x/y (easting/longitude first) either way.

Phase 1 reads and checks every feature with the same rules as the editor (:mod:`twin.closures`:
Art, Straße, Beginn required, Ende not before Beginn, line inside the project extent, dates ISO or
``30.11.2026``); a feature that fails is rejected with its number and a German reason. Phase 2 writes
closures, detours and the provenance row in one transaction; re-import updates by ``sperrung_id``
(unchanged closures stay unchanged). A closure of the file without a detour line loses a stored one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import shapely
from shapely.errors import ShapelyError
from shapely.geometry import shape

from importers.base import CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker
from importers.base import resolve_file_crs
from twin.closures import ClosureError, check_attrs, line_geometry
from twin.crs import Reprojector
from twin.errors import FormatError
from twin.model.closures import CLOSURE_LAYERS, ROAD_CLOSURE_DETOURS, ROAD_CLOSURES
from twin.project import Project
from twin.store import Feature

SUFFIXES = (".geojson", ".json")
MAX_SNIFF_BYTES = 50_000_000
WGS84 = "EPSG:4326"
#: target field -> accepted property names (normalised: lower case, umlauts spelled out, letters/digits only)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "sperrung_id": ("sperrungid", "sperrnummer", "sperrungsnummer", "sperrungnr", "nummer", "nr", "id",
                    "aktenzeichen", "az", "massnahmennummer", "closureid"),
    "art": ("art", "sperrart", "sperrungsart", "typ", "kategorie", "type"),
    "grund": ("grund", "anlass", "massnahme", "beschreibung", "reason"),
    "strasse": ("strasse", "str", "strassenname", "street"),
    "abschnitt": ("abschnitt", "bereich", "section"),
    "von": ("von", "beginn", "start", "gueltigvon", "ab", "datumvon", "from"),
    "bis": ("bis", "ende", "gueltigbis", "datumbis", "to", "until"),
    "umleitung": ("umleitung", "umleitungsstrecke", "detour"),
    "zustaendig": ("zustaendig", "zustaendigestelle", "behoerde", "stelle", "amt", "authority"),
    "bemerkung_intern": ("bemerkungintern", "internebemerkung", "bemerkung", "notiz", "intern"),
    "umleitung_fuer": ("umleitungfuer", "umleitungzu", "detourfor"),
}


def _norm(name: str) -> str:
    s = str(name).lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[^a-z0-9]", "", s)


def map_properties(props: dict[str, Any]) -> dict[str, Any]:
    """Properties of one feature under the target field names (first synonym present wins)."""
    by_norm = {_norm(k): v for k, v in props.items()}
    out = {}
    for target, names in SYNONYMS.items():
        for n in names:
            if n in by_norm and by_norm[n] not in (None, ""):
                out[target] = by_norm[n]
                break
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise FormatError("Die Datei ist kein UTF-8-Text (GeoJSON ist immer UTF-8).", path=path) from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"Kein gültiges JSON: {exc.msg} (Zeile {exc.lineno}).", path=path, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or \
            not isinstance(data.get("features"), list):
        raise FormatError("Keine GeoJSON-FeatureCollection.", path=path)
    return data


def looks_like_closures(data: dict[str, Any]) -> bool:
    for f in data.get("features", [])[:20]:
        m = map_properties((f or {}).get("properties") or {})
        if "sperrung_id" in m and ("von" in m or "umleitung_fuer" in m) and ("art" in m or "umleitung_fuer" in m):
            return True
    return False


def _crs_name(data: dict[str, Any]) -> str:
    crs = data.get("crs")
    if isinstance(crs, dict):
        name = (crs.get("properties") or {}).get("name")
        if name:
            return WGS84 if "crs84" in str(name).lower() else str(name)
    return WGS84


class ClosureImporter(Importer):
    """Verkehrssperrungen (GeoJSON-Liste der Verkehrsbehörde)."""

    name = "closures"
    title = "Verkehrssperrungen (GeoJSON)"
    suffixes = SUFFIXES

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in SUFFIXES or b"FeatureCollection" not in head or b"CityJSON" in head:
            return False
        try:
            if path.stat().st_size > MAX_SNIFF_BYTES:
                return False
            return looks_like_closures(_read(path))
        except Exception:  # noqa: BLE001 - sniffing never fails
            return False

    def preview(self, path: Path, project: Project) -> ImportPreview:
        data = _read(Path(path))
        rows = [dict((f.get("properties") or {})) for f in data["features"][:20]]
        return ImportPreview(importer=self.name, title=self.title, crs=_crs_name(data), encoding="utf-8",
                             target=ROAD_CLOSURES.name, rows=rows)

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        data = _read(path)
        name = _crs_name(data)
        report.source_crs = name
        reproject = Reprojector(resolve_file_crs(name, path), project.crs)
        cancel.check(path)
        progress(0.3, "Prüfe Sperrungen …")
        closures, detours, bounds = self._features(project, path, data, reproject, report)
        if not closures:
            self.nothing_to_import(project, path, report, "Sperrungen", bounds)
        cancel.check(path)
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, *CLOSURE_LAYERS)
            tick = Ticker(progress, cancel, path, len(closures) + len(detours))
            res = store.upsert(ROAD_CLOSURES.name, tick(closures), actor=actor, provenance_id=pid)
            dres = store.upsert(ROAD_CLOSURE_DETOURS.name, tick(detours), actor=actor, provenance_id=pid)
            with_detour = {f.attrs["sperrung_id"] for f in detours}
            stale = [f.attrs["sperrung_id"] for f in closures if f.attrs["sperrung_id"] not in with_detour]
            t = store.table(ROAD_CLOSURE_DETOURS.name)
            gone = store.keys(ROAD_CLOSURE_DETOURS.name, t.c.sperrung_id.in_(stale)) if stale else []
            removed = store.delete(ROAD_CLOSURE_DETOURS.name, gone, actor=actor, provenance_id=pid) if gone else 0
            cancel.check(path)
            report.counts = {
                "Sperrungen": len(closures), "neu": res.inserted, "geändert": res.updated,
                "unverändert": res.unchanged, "Umleitungen": len(detours), "Umleitungen neu": dres.inserted,
                "Umleitungen entfernt": removed,
                "übersprungen": len({p.feature for p in report.problems if p.feature}),
                "Koordinatensystem": name,
            }
            self.end_write(project, pid, report)
        progress(1.0, report.summary())

    def _features(self, project: Project, path: Path, data: dict[str, Any], reproject: Reprojector,
                  report: ImportReport) -> tuple[list[Feature], list[Feature], list[tuple]]:
        extent = project.config.project.extent
        closures: dict[str, Feature] = {}
        detours: dict[str, Feature] = {}
        raw_detours: list[tuple[int, dict[str, Any], Any]] = []
        bounds: list[tuple] = []
        for n, f in enumerate(data["features"], start=1):
            props = map_properties((f or {}).get("properties") or {})
            what = f"Objekt Nr. {n}"
            try:
                geom = _geometry(f, reproject)
            except (ValueError, TypeError, AttributeError, ShapelyError) as exc:
                report.problems.append(Problem(f"{what}: Geometrie nicht lesbar ({exc}); übersprungen",
                                               feature=str(props.get("sperrung_id") or n)))
                continue
            if geom is not None and not geom.is_empty:
                bounds.append(geom.bounds)
            is_detour = "umleitung_fuer" in props or _norm(props.get("art", "")) == "umleitung"
            if is_detour:
                raw_detours.append((n, props, geom))
                continue
            key = str(props.get("sperrung_id") or "").strip()
            if not key:
                report.problems.append(Problem(f"{what} ohne Sperrungsnummer; übersprungen"))
                continue
            if key in closures:
                report.problems.append(Problem("Sperrungsnummer kommt doppelt vor; dieses Objekt abgewiesen",
                                               feature=key))
                continue
            try:
                attrs = check_attrs({k: v for k, v in props.items() if k != "umleitung_fuer"}, key)
                line = line_geometry(geom, extent, key=key)
            except ClosureError as exc:
                report.problems.append(Problem(f"{exc.message}; übersprungen", feature=key))
                continue
            closures[key] = Feature({**attrs, "sperrung_id": key, "source_file": path.name}, line)
        for n, props, geom in raw_detours:
            key = str(props.get("umleitung_fuer") or props.get("sperrung_id") or "").strip()
            if key not in closures:
                report.problems.append(Problem(f"Umleitung (Objekt Nr. {n}) für unbekannte Sperrung '{key}'; "
                                               "übersprungen", feature=key or None))
                continue
            try:
                line = line_geometry(geom, extent, what="Die Umleitung", key=key)
            except ClosureError as exc:
                report.problems.append(Problem(f"{exc.message}; übersprungen", feature=key))
                continue
            text = props.get("umleitung") or closures[key].attrs.get("umleitung")
            detours[key] = Feature({"sperrung_id": key, "beschreibung": text, "source_file": path.name}, line)
        return list(closures.values()), list(detours.values()), bounds


def _geometry(f: dict[str, Any], reproject: Reprojector):
    g = (f or {}).get("geometry")
    if not g:
        return None
    geom = shape(g)
    if geom.is_empty or reproject.identity:
        return geom
    return shapely.transform(geom, lambda xy: reproject(xy)[:, :2])
