"""Flat cadastre exports -> the ``parcels`` layer (same schema as the NAS importer).

Reads INSPIRE CadastralParcels GML and Shapefile/GeoPackage/GeoJSON parcel exports. Phase 1
reads, maps, validates and reprojects everything (nothing written); phase 2 writes the parcels
and the provenance row in one transaction. Re-import updates by flurstueckskennzeichen.

Field mapping (flat formats): ``self.profile`` (a :class:`MappingProfile` or the path of a TOML
profile) wins; else a saved project profile whose columns are all present
(:func:`importers.profiles.find_profile`); else a proposal from :data:`synonyms.PARCEL_SYNONYMS`.
A proposed mapping is saved after a successful import as ``profiles/parcels_<stem>.toml``.
Source columns the mapping leaves unused are listed in the report
(``counts["nicht zugeordnete Spalten"]``), so that nothing vanishes unnoticed.

INSPIRE ``cp:CadastralZoning`` files are rejected (no parcels; there is no zoning layer yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from importers.base import (
    CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker, read_head, resolve_file_crs,
)
from importers.cadastre_flat.inspire import CP_NS_PART, InspireFile, parse_inspire
from importers.cadastre_flat.ogr import OGR_SUFFIXES, FlatTable, read_columns, read_table
from importers.cadastre_flat.synonyms import KEY_FIELD, KEY_PARTS, PARCEL_SYNONYMS, TARGET
from importers.cells import to_float, to_int, to_text
from importers.profiles import MappingProfile, find_profile, load_profile, profiles_dir, propose, save_profile
from twin.crs import Reprojector, file_axes_swapped
from twin.errors import ConfigError, CRSError, FormatError
from twin.model.cadastre import PARCELS
from twin.project import Project
from twin.store import Feature

GML_SUFFIXES = (".gml", ".xml")
#: ALKIS flurstueckskennzeichen: Land(2) Gemarkung(4) Flur(3) Zähler(5) Nenner(4) Folge(2);
#: "___" where a Land has no Flur (Hamburg, Berlin)
_FSK = re.compile(r"^(\d{2})(\d{4})(\d{3}|___)(\d{5})([\d_]{4})([\d_]{2})$")
_TEXT_FIELDS = {f.name for f in PARCELS.fields if f.type == "text"}
_INT_FIELDS = {f.name for f in PARCELS.fields if f.type == "integer"}
_REAL_FIELDS = {f.name for f in PARCELS.fields if f.type == "real"}


@dataclass
class _Candidate:
    """One parcel read from the file, before validation."""

    ident: str  # how problems name it: gml:id or "Datensatz n"
    line: int | None
    attrs: dict[str, Any]
    geometry: BaseGeometry | None
    geometry_problem: str | None = None


class FlatCadastreImporter(Importer):
    """Flurstücke aus INSPIRE-GML (CadastralParcels), Shapefile, GeoPackage und GeoJSON."""

    name = "cadastre_flat"
    title = "Flurstücke (INSPIRE-GML, Shapefile, GeoPackage, GeoJSON)"
    suffixes = (".gml", ".xml", ".shp", ".gpkg", ".geojson", ".json")

    def __init__(self, source_crs: str | None = None, profile: MappingProfile | str | Path | None = None) -> None:
        self.source_crs = source_crs
        self.profile = profile

    # ----------------------------------------------------------------- detection
    def sniff(self, path: Path, head: bytes) -> bool:
        suffix = path.suffix.lower()
        if CP_NS_PART.encode() in head:
            return b"adv-online.de" not in head  # ALKIS NAS belongs to the NAS importer
        if suffix not in OGR_SUFFIXES:
            return False
        if suffix in (".geojson", ".json") and (b"CityJSON" in head or b"FeatureCollection" not in head):
            return False
        try:
            cols = read_columns(path)
        except Exception:  # noqa: BLE001 - whatever GDAL cannot read is not ours
            return False
        return _has_key(propose(cols, PARCEL_SYNONYMS))

    # ----------------------------------------------------------------- import
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        head = read_head(path)
        save_as: MappingProfile | None = None
        unmapped: list[str] = []
        if CP_NS_PART.encode() in head or path.suffix.lower() in GML_SUFFIXES:
            cands, fmt = self._read_inspire(project, path, report, cancel)
        else:
            cands, fmt, save_as, unmapped = self._read_flat(project, path, report, cancel)
        cancel.check(path)
        progress(0.5, "Prüfe Flurstücke …")
        parcels, bounds = self._validate(project, cands, report, path)
        if not parcels:
            if bounds is not None:
                project.check_extent(bounds, path=path)
            raise FormatError("Die Datei enthält keine importierbaren Flurstücke"
                              + (f" ({len(report.problems)} Problem(e): {report.problems[0]})"
                                 if report.problems else "") + ".", path=path)
        cancel.check(path)

        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, PARCELS)
            res = store.upsert(PARCELS.name, Ticker(progress, cancel, path, len(parcels))(parcels),
                               actor=actor, provenance_id=pid)
            report.counts = {
                "Flurstücke": len(parcels),
                "neu": res.inserted, "geändert": res.updated, "unverändert": res.unchanged,
                "übersprungen": len({p.feature for p in report.problems if p.feature}),
                "Format": fmt,
            }
            if save_as is not None:
                report.counts["Profil"] = save_as.name
            if unmapped:  # said plainly, so that a column the mapping missed does not vanish unnoticed
                report.counts["nicht zugeordnete Spalten"] = ", ".join(unmapped)
            self.end_write(project, pid, report)
        if save_as is not None and not report.dry_run:
            save_profile(save_as, profiles_dir(project.root) / f"{save_as.name}.toml")
        progress(1.0, report.summary())

    # ----------------------------------------------------------------- INSPIRE GML
    def _read_inspire(self, project: Project, path: Path, report: ImportReport,
                      cancel: CancelToken) -> tuple[list[_Candidate], str]:
        parsed: InspireFile = parse_inspire(path, cancel=lambda: cancel.cancelled)
        cancel.check(path)
        if not parsed.parcels:
            if parsed.zonings:
                raise FormatError(
                    f"Die Datei enthält keine Flurstücke (CadastralZoning): {parsed.zonings} Katasterbezirk(e) "
                    "(Gemarkung/Flur/Land) statt cp:CadastralParcel; Bezirksgrenzen werden nicht importiert.",
                    path=path)
            raise FormatError("Die Datei enthält keine Flurstücke (nur "
                              + ", ".join(f"{n}× {k}" for k, n in parsed.other.items()) + ").", path=path)
        reprojectors: dict[str, Reprojector] = {}

        def to_project(srs: str) -> Reprojector:
            if srs not in reprojectors:
                crs = resolve_file_crs(srs, path)
                # coordinates are as written in the file: the axis order follows the srsName form
                reprojectors[srs] = Reprojector(crs, project.crs, swap_axes=file_axes_swapped(srs))
            return reprojectors[srs]

        default_srs = self.source_crs or parsed.srs_name
        if not default_srs:
            raise CRSError("Die Datei nennt kein Koordinatensystem (srsName fehlt); bitte das Quell-KBS angeben.",
                           path=path)
        to_project(default_srs)
        report.source_crs = default_srs
        cands = []
        for p in parsed.parcels:
            ident = p.gml_id or p.key or f"Flurstück in Zeile {p.line}"
            local = p.local_id
            oid = local[len("urn:adv:oid:"):] if local and local.startswith("urn:adv:oid:") else local
            attrs: dict[str, Any] = {
                KEY_FIELD: p.key,
                "flurstuecksnummer": p.label,
                "amtliche_flaeche": p.area_value,
                "gml_id": oid or p.gml_id,
            }
            geom, gprob = None, p.geometry_problem
            if gprob is None and p.polygons:
                rep = to_project(self.source_crs or p.srs_name or default_srs)
                try:
                    polys = [Polygon(rep(rings[0])[:, :2], [rep(r)[:, :2] for r in rings[1:]]) for rings in p.polygons]
                    geom = MultiPolygon(polys)
                except (ValueError, shapely.errors.GEOSException) as exc:
                    gprob = f"Geometrie nicht lesbar ({exc})"
            if p.area_text is not None and p.area_value is None:
                report.problems.append(Problem(f"areaValue '{p.area_text}' ist keine Zahl; Fläche bleibt leer",
                                               p.line, None))
            cands.append(_Candidate(ident, p.line, attrs, geom, gprob))
        return cands, "INSPIRE CadastralParcels"

    # ----------------------------------------------------------------- Shapefile / GeoPackage / GeoJSON
    def preview(self, path: Path, project: Project) -> ImportPreview:
        """Format, CRS and proposed column mapping (flat exports) with the first rows, for the wizard."""
        prev = ImportPreview(importer=self.name, title=self.title)
        if path.suffix.lower() not in OGR_SUFFIXES:
            prev.crs_note = "Koordinatensystem laut GML (srsName)."
            return prev
        table = read_table(path)
        prof, _ = self._resolve_profile(project, table.columns)
        prev.crs, prev.encoding, prev.target, prev.columns = table.crs, table.encoding, TARGET, table.columns
        prev.crs_note = ("aus der Datei (.prj / Datenquelle)" if table.crs
                         else "Die Datei nennt kein Koordinatensystem – bitte angeben (z. B. EPSG:25832).")
        prev.fields = [(f.name, f.title or f.name) for f in PARCELS.fields
                       if f.name not in ("berechnete_flaeche", "source_file")]
        prev.mapping = dict(prof.columns) if prof is not None else propose(table.columns, PARCEL_SYNONYMS)
        prev.rows = table.rows[:20]
        return prev

    def _resolve_profile(self, project: Project, columns: list[str]) -> tuple[MappingProfile | None, bool]:
        """The profile to use and whether it came from outside the project's saved profiles."""
        if self.profile is not None:
            prof = self.profile if isinstance(self.profile, MappingProfile) else load_profile(self.profile)
            return prof, True
        return find_profile(project.root, TARGET, columns), False

    def _read_flat(self, project: Project, path: Path, report: ImportReport,
                   cancel: CancelToken) -> tuple[list[_Candidate], str, MappingProfile | None, list[str]]:
        if path.suffix.lower() not in OGR_SUFFIXES:
            raise FormatError("Unbekanntes Format für Flurstücke (erwartet .shp, .gpkg, .geojson oder INSPIRE-GML).",
                              path=path)
        try:
            columns = read_columns(path)
        except FormatError:
            raise
        except Exception as exc:  # noqa: BLE001 - GDAL's own errors
            raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
        prof, forced = self._resolve_profile(project, columns)
        if prof is not None:
            if prof.target != TARGET:
                raise ConfigError(f"Das Profil '{prof.name}' ist für '{prof.target}', nicht für Flurstücke.")
            unknown = sorted(set(prof.columns) - set(PARCELS.field_names))
            if unknown:
                raise ConfigError(f"Das Profil '{prof.name}' nennt unbekannte Zielfelder: {', '.join(unknown)} "
                                  f"(bekannt: {', '.join(PARCELS.field_names)}).")
            missing = sorted(set(prof.columns.values()) - set(columns))
            if missing:
                raise FormatError(f"Das Profil '{prof.name}' passt nicht zur Datei: Spalte(n) {', '.join(missing)} "
                                  f"fehlen (vorhanden: {', '.join(columns)}).", path=path)
            mapping = dict(prof.columns)
        else:
            mapping = propose(columns, PARCEL_SYNONYMS)
        if not _has_key(mapping):
            raise FormatError("Keine Spalte für das Flurstückskennzeichen gefunden (und nicht Gemarkung, Flur und "
                              f"Zähler); vorhandene Spalten: {', '.join(columns) or '–'}. Bitte ein Profil angeben.",
                              path=path)
        encoding = prof.encoding if prof is not None else None
        table: FlatTable = read_table(path, encoding=encoding)
        cancel.check(path)

        srs = self.source_crs or table.crs or (prof.crs if prof is not None else None)
        if not srs:
            raise CRSError("Die Datei nennt kein Koordinatensystem (keine .prj/SRS); bitte das Quell-KBS angeben.",
                           path=path)
        src_crs = resolve_file_crs(srs, path)
        epsg = src_crs.to_epsg(min_confidence=70)
        report.source_crs = f"EPSG:{epsg}" if epsg and not str(srs).upper().startswith(("EPSG:", "URN:")) else str(srs)
        # GDAL hands out x/y (easting/longitude first) whatever the CRS's official axis order is
        to_project = Reprojector(src_crs, project.crs, swap_axes=False)

        cands = []
        for i, (row, geom) in enumerate(zip(table.rows, table.geometries), start=1):
            if i % 500 == 0:
                cancel.check(path)
            attrs = _map_row(row, mapping)
            ident = f"Datensatz {i}"
            gprob = None
            if isinstance(geom, str):
                geom, gprob = None, "Geometrie nicht lesbar (WKB)"
            elif geom is not None and not geom.is_empty:
                try:
                    geom = shapely.transform(geom, to_project, include_z=bool(shapely.has_z(geom)))
                except (ValueError, shapely.errors.GEOSException) as exc:
                    geom, gprob = None, f"Geometrie nicht umrechenbar ({exc})"
            cands.append(_Candidate(ident, None, attrs, geom, gprob))
        save_as = None
        if prof is None or (forced and not isinstance(self.profile, MappingProfile)
                            and Path(self.profile).resolve().parent != profiles_dir(project.root).resolve()):
            save_as = MappingProfile(name=f"{TARGET}_{_safe(path.stem)}", target=TARGET, columns=mapping,
                                     crs=self.source_crs if self.source_crs and not table.crs else None,
                                     encoding=encoding)
        used = set(mapping.values())
        unmapped = [c for c in table.columns if c not in used]
        return cands, table.driver or path.suffix.lstrip(".").upper(), save_as, unmapped

    # ----------------------------------------------------------------- validation
    def _validate(self, project: Project, cands: list[_Candidate], report: ImportReport,
                  path: Path) -> tuple[list[Feature], tuple | None]:
        out: list[Feature] = []
        seen: dict[str, str] = {}
        all_bounds = []
        for c in cands:
            _complete(c.attrs)
            key = c.attrs.get(KEY_FIELD)
            if not key:
                report.problems.append(Problem("kein Flurstückskennzeichen; übersprungen", c.line, c.ident))
                continue
            geom, why = _parcel_geometry(c.geometry, c.geometry_problem)
            if geom is None:
                report.problems.append(Problem(f"Flurstück '{key}': {why}; übersprungen", c.line, c.ident))
                continue
            b = tuple(geom.bounds)
            all_bounds.append(b)
            if key in seen:
                report.problems.append(Problem(
                    f"Flurstückskennzeichen '{key}' kommt doppelt vor (zuerst bei '{seen[key]}', erneut bei "
                    f"'{c.ident}'); das zweite wird übersprungen", c.line, c.ident))
                continue
            seen[key] = c.ident
            if not project.overlaps_extent(b):
                report.problems.append(Problem(
                    f"Flurstück '{key}' liegt außerhalb des Projektgebiets ({b[0]:.0f}, {b[1]:.0f}); übersprungen",
                    c.line, c.ident))
                continue
            attrs = {k: v for k, v in c.attrs.items() if k in PARCELS.field_names}
            attrs["berechnete_flaeche"] = round(float(geom.area), 2)
            attrs["source_file"] = path.name
            out.append(Feature(attrs, geom))
        bounds = None
        if all_bounds:
            a = np.asarray(all_bounds)
            bounds = (float(a[:, 0].min()), float(a[:, 1].min()), float(a[:, 2].max()), float(a[:, 3].max()))
        return out, bounds


# --------------------------------------------------------------------- helpers
def _has_key(mapping: dict[str, str]) -> bool:
    return KEY_FIELD in mapping or all(p in mapping for p in KEY_PARTS)


def _safe(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "datei"


def _map_row(row: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for target, col in mapping.items():
        v = row.get(col)
        if target in _INT_FIELDS:
            attrs[target] = to_int(v)
        elif target in _REAL_FIELDS:
            attrs[target] = to_float(v)
        else:
            attrs[target] = to_text(v)
    return attrs


def _complete(a: dict[str, Any]) -> None:
    """Fill what follows from what is there: parts from the Kennzeichen, the Kennzeichen from the parts."""
    if a.get("nenner") in ("0", "0000", "____"):
        a["nenner"] = None
    gem = a.get("gemarkung")
    if gem is not None and not str(gem).isdigit():  # a name in a "GEMARKUNG" column
        a.setdefault("gemarkung_name", None)
        a["gemarkung_name"] = a["gemarkung_name"] or gem
        a["gemarkung"] = None
    gem = a.get("gemarkung")
    if gem is not None and len(str(gem)) == 6 and (not a.get("land") or str(a["land"]) == str(gem)[:2]):
        a["land"], a["gemarkung"] = str(gem)[:2], str(gem)[2:]  # Land + Gemarkung in one column
    key = a.get(KEY_FIELD)
    m = _FSK.match(key.replace(" ", "")) if key else None
    if m:
        land, gmk, flur, zae, nen, _folge = m.groups()
        a.setdefault("land", None)
        a["land"] = a["land"] or land
        if not a.get("gemarkung"):
            a["gemarkung"] = gmk
        if a.get("flur") is None and flur.isdigit():
            a["flur"] = int(flur)
        if a.get("zaehler") is None:
            a["zaehler"] = int(zae)
        if a.get("nenner") is None and nen.strip("_").lstrip("0"):
            a["nenner"] = nen.strip("_").lstrip("0")
    elif not key and a.get("gemarkung") and a.get("flur") is not None and a.get("zaehler") is not None:
        gmk = str(a["gemarkung"]).zfill(4)
        land = str(a["land"]).zfill(2) if a.get("land") else None
        if land and len(land) == 2 and land.isdigit() and len(gmk) == 4 and gmk.isdigit():
            nen = str(a.get("nenner") or "").zfill(4) if a.get("nenner") else "____"
            a[KEY_FIELD] = f"{land}{gmk}{int(a['flur']):03d}{int(a['zaehler']):05d}{nen}__"
            a["land"] = land
    if not a.get("flurstuecksnummer") and a.get("zaehler") is not None:
        a["flurstuecksnummer"] = f"{a['zaehler']}/{a['nenner']}" if a.get("nenner") else str(a["zaehler"])


def _parcel_geometry(geom: BaseGeometry | None, problem: str | None) -> tuple[MultiPolygon | None, str]:
    """The parcel geometry as a 2D MultiPolygon, or None and the German reason."""
    if problem:
        return None, problem
    if geom is None or geom.is_empty:
        return None, "leere Geometrie"
    geom = shapely.force_2d(geom)
    if isinstance(geom, Polygon):
        geom = MultiPolygon([geom])
    elif not isinstance(geom, MultiPolygon):
        polys = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon)] \
            if geom.geom_type == "GeometryCollection" else []
        if not polys:
            return None, f"keine Flächengeometrie ({geom.geom_type})"
        geom = MultiPolygon(polys)
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, "ungültige Koordinaten (außerhalb des Koordinatensystems?)"
    if not geom.is_valid:
        return None, f"ungültige Geometrie ({shapely.is_valid_reason(geom)})"
    if geom.area <= 0:
        return None, "Fläche 0"
    return geom, ""
