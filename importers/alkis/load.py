"""ALKIS NAS importer: AX_Flurstueck -> ``parcels``, AX_Gebaeude -> ``cadastre_buildings`` and
(personal data, only where the delivery has them) AX_Person -> ``owners``,
AX_Buchungsblatt/AX_Buchungsstelle/AX_Namensnummer -> ``land_register``.

Phase 1 streams and validates the whole file (:func:`importers.alkis.nas.parse_nas`), densifies
arcs (1 cm chord tolerance, see :mod:`importers.alkis.geometry`), reprojects into the project
CRS and checks the project extent per object; nothing is written. Phase 2 writes all layers
and the provenance row in one transaction. Natural keys: flurstueckskennzeichen for parcels,
gml:id (AAA Objektkennung) for everything else; a re-import updates changed objects only.

Tatsächliche Nutzung: each parcel's ``nutzung`` is the text of :mod:`importers.alkis.nutzung`
(use objects of the same file intersected with the parcel, e.g. "Landwirtschaft (Grünland) 82 %,
Wald (Laubholz) 18 %"); a file without use objects leaves it empty. NBA files
(:mod:`importers.alkis.nba`) delete and replace objects in the same transaction; there values
derived from objects the file does not contain (Nutzung of a parcel the file's use objects do
not cover, Lagebezeichnung, Gemarkung name) keep what is stored.

A flurstueckskennzeichen that occurs twice in one file is a Problem: the first object is
imported, the second rejected (never merged). ``berechnete_flaeche`` is the planar area of the
(densified) polygon in the file's own projected CRS (the official ALKIS reference system, so the
value is comparable with ``amtliche_flaeche`` and does not depend on the project CRS; for files
in geographic coordinates or repaired geometries: the area in the project CRS).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon

from importers.alkis import nba
from importers.alkis.codes import gebaeudefunktion_text
from importers.alkis.geometry import MAX_SAGITTA, build_multipolygon
from importers.alkis.nas import ADV_NS_MARK, NASFile, NASObject, parse_nas, read_head
from importers.alkis.nutzung import label as nutzung_label
from importers.alkis.nutzung import NUTZUNGSARTEN, parcel_shares, shares_text
from importers.alkis.uses import replaced_uses
from importers.base import CancelToken, ImportReport, Importer, Problem, ProgressFn, Ticker, resolve_file_crs
from twin.crs import Reprojector, file_axes_swapped, horizontal
from twin.errors import CRSError, ExtentError, FormatError
from twin.model.cadastre import CADASTRE_BUILDINGS, LAND_REGISTER, OWNERS, PARCELS
from twin.model.land_use import LAND_USE, group_of
from twin.project import Project
from twin.store import Feature


class NASImporter(Importer):
    """Cadastre from ALKIS NAS (AAA model, GID 6.0/7.x; Bestandsdatenauszug, NBA, WFS output; .xml/.gz)."""

    name = "alkis-nas"
    title = "Liegenschaftskataster (ALKIS NAS)"
    suffixes = (".xml", ".nas", ".gz", ".gml")

    def __init__(self, source_crs: str | None = None, max_sagitta: float = MAX_SAGITTA) -> None:
        self.source_crs = source_crs
        self.max_sagitta = max_sagitta

    def sniff(self, path: Path, head: bytes) -> bool:
        if head[:2] == b"\x1f\x8b":
            head = read_head(path)
        return ADV_NS_MARK.encode() in head and b"<" in head[:400]

    # ----------------------------------------------------------------- run
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        data = parse_nas(path, progress=lambda done, total: progress(0.5 * done / max(total, 1),
                                                                     f"Lese {path.name} …"),
                         cancel=lambda: cancel.cancelled, max_sagitta=self.max_sagitta)
        cancel.check(path)
        progress(0.5, "Prüfe und transformiere …")
        deletions = nba.resolve(data, report.problems)
        reproject = self._reprojectors(data, path, report, project)
        parcels, buildings, bounds = self._geo_features(project, data, reproject, report, path)
        owners, register = self._owner_features(data, path)
        if not parcels and not buildings and not owners and not register and not deletions:
            if bounds is not None:
                project.check_extent(bounds, path=path)
                raise ExtentError("Die Datei enthält keine importierbaren Flurstücke oder Gebäude.", path=path)
            raise FormatError("Die NAS-Datei enthält keine Flurstücke, Gebäude oder Eigentümerdaten.", path=path)
        coverage, uses = self._nutzung(data, parcels, reproject, report, path)
        cancel.check(path)

        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        jobs = [(PARCELS, parcels), (CADASTRE_BUILDINGS, buildings), (OWNERS, owners), (LAND_REGISTER, register),
                (LAND_USE, uses)]
        ticker = Ticker(progress, cancel, path, sum(len(f) for _, f in jobs), every=50)
        with store.transaction():
            pid = self.begin_write(project, path, report, actor)  # layers below: personal ones only if present
            if data.changes:  # NBA: values from objects not in this file stay as stored
                nba.keep_stored(store, PARCELS, parcels, nba.parcel_gaps(parcels, coverage, data))
                nba.keep_stored(store, CADASTRE_BUILDINGS, buildings, nba.building_gaps(buildings, data))
            deleted = nba.apply(store, deletions, actor=actor, provenance_id=pid)
            if uses and not data.changes:  # a full delivery replaces the tessellation where it has use objects
                gone = replaced_uses(store, uses, actor=actor, provenance_id=pid)
                if gone:
                    deleted[LAND_USE.name] = gone
            results = {}
            for schema, feats in jobs:
                if not feats and schema in (OWNERS, LAND_REGISTER, LAND_USE):
                    continue  # personal-data and use tables only where the delivery has such objects
                store.create_layer(schema)
                results[schema.name] = store.upsert(schema.name, ticker(feats), actor=actor, provenance_id=pid)
            report.counts = {
                "Flurstücke": len(parcels),
                "Gebäude": len(buildings),
                "Eigentümer": len(owners),
                "Buchungen": len(register),
                "Nutzungsobjekte": len(data.nutzung),
                "neu": sum(r.inserted for r in results.values()),
                "geändert": sum(r.updated for r in results.values()),
                "unverändert": sum(r.unchanged for r in results.values()),
                "gelöscht": sum(deleted.values()),
                "übersprungen": len({p.feature for p in report.problems if p.feature and _rejected(p)}),
                "je Ebene neu/geändert/unverändert": {n: f"{r.inserted}/{r.updated}/{r.unchanged}"
                                                      for n, r in results.items()},
            }
            if deletions.ids or deleted:
                report.counts["Löschaufträge"] = len(deletions.ids)
                report.counts["je Ebene gelöscht"] = deleted
            cancel.check(path)  # last chance: a cancel now still rolls everything back
            self.end_write(project, pid, report)
        progress(1.0, report.summary())

    # ----------------------------------------------------------------- Tatsächliche Nutzung
    def _nutzung(self, data: NASFile, parcels: list[Feature], reproject: dict, report: ImportReport,
                 path: Path) -> tuple[list[float], list[Feature]]:
        """Set ``nutzung`` of the parcel features; returns the share of each parcel covered by use objects and
        the use objects as features of :data:`LAND_USE`."""
        geoms, labels, uses = [], [], []
        for o in data.nutzung:
            if o.attrs.get("istWeitereNutzung"):
                continue  # overlay, not part of the tessellation
            what = f"Nutzungsobjekt {o.kind}"
            if o.polygons is None:
                report.problems.append(Problem(f"{what} {o.geometry_error or 'ohne Geometrie'}; bei der Nutzung "
                                               "nicht berücksichtigt", o.line, o.gml_id))
                continue
            rp, _projected = _pick(reproject, o, data)
            try:
                geom, note = build_multipolygon([(rp(ext), [rp(h) for h in holes]) for ext, holes in o.polygons])
            except Exception as exc:  # noqa: BLE001 - PROJ errors of any kind become a problem
                geom, note = None, f"Koordinaten nicht transformierbar ({exc})"
            if geom is None:
                report.problems.append(Problem(f"{what}: {note}; bei der Nutzung nicht berücksichtigt",
                                               o.line, o.gml_id))
                continue
            geoms.append(geom)
            labels.append(nutzung_label(o.kind, o.attrs))
            uses.append(Feature({"gml_id": o.gml_id, "objektart": o.kind,
                                 "nutzungsart": NUTZUNGSARTEN.get(o.kind, o.kind), "bezeichnung": labels[-1],
                                 "gruppe": group_of(o.kind), "flaeche_m2": round(float(geom.area), 2),
                                 "source_file": path.name}, geom))
        shares = parcel_shares([f.geometry for f in parcels], geoms, labels)
        for f, sh in zip(parcels, shares):
            f.attrs["nutzung"] = shares_text(sh)
        return [sum(sh.values()) for sh in shares], uses

    # ----------------------------------------------------------------- CRS
    def _reprojectors(self, data: NASFile, path: Path, report: ImportReport, project: Project) -> dict:
        """Per srsName used in the file (or the one given by the user): (Reprojector, source is projected)."""
        objs = [o for o in (*data.parcels, *data.buildings, *data.nutzung) if o.polygons]
        if self.source_crs:
            names = {None: self.source_crs}
            main = self.source_crs
        else:
            used = Counter(o.srs or data.srs_name for o in objs)
            if None in used or (not used and data.srs_name is None and objs):
                raise CRSError("Die Datei nennt kein Koordinatensystem (srsName fehlt); bitte das Quell-KBS "
                               "angeben.", path=path)
            names = {n: n for n in used}
            main = used.most_common(1)[0][0] if used else data.srs_name
        out = {}
        for key, name in names.items():
            src = resolve_file_crs(name, path)
            out[key] = (Reprojector(src, project.crs, swap_axes=file_axes_swapped(name)),
                        horizontal(src).is_projected)
        report.source_crs = main
        if self.source_crs:
            return {"*": out[None]}
        return out

    # ----------------------------------------------------------------- parcels and buildings
    def _geo_features(self, project: Project, data: NASFile, reproject: dict, report: ImportReport,
                      path: Path) -> tuple[list[Feature], list[Feature], tuple | None]:
        all_bounds: list[tuple] = []
        parcels: list[Feature] = []
        seen: dict[str, NASObject] = {}
        for o in data.parcels:
            a = o.attrs
            fsk = a.get("flurstueckskennzeichen")
            if not fsk:
                report.problems.append(Problem("Flurstück ohne Flurstückskennzeichen abgewiesen", o.line, o.gml_id))
                continue
            if fsk in seen:
                first = seen[fsk]
                report.problems.append(Problem(
                    f"Flurstückskennzeichen {fsk} kommt doppelt vor (schon Objekt '{first.gml_id}', Zeile "
                    f"{first.line}); dieses Objekt abgewiesen", o.line, o.gml_id))
                continue
            geom = self._geometry(o, reproject, data, report, all_bounds, project)
            if geom is None:
                continue
            seen[fsk] = o
            zaehler = _int(a.get("zaehler_text"))
            nenner = a.get("nenner")
            amtlich = _num(a.get("amtliche_flaeche_text"))
            if a.get("zaehler_text") and zaehler is None:
                report.problems.append(Problem(f"Zähler '{a['zaehler_text']}' ist keine Zahl", o.line, o.gml_id))
            parcels.append(Feature({
                "flurstueckskennzeichen": fsk,
                "land": a.get("land"),
                "gemarkung": a.get("gemarkung"),
                "gemarkung_name": data.gemarkungen.get((a.get("land"), a.get("gemarkung"))),
                "flur": _int(a.get("flurnummer_text")),
                "zaehler": zaehler,
                "nenner": nenner,
                "flurstuecksnummer": (f"{a.get('zaehler_text')}/{nenner}" if nenner else a.get("zaehler_text")),
                "amtliche_flaeche": amtlich,
                "berechnete_flaeche": round(self._area(o, geom, reproject, data), 2),
                "lagebezeichnung": self._lage(o, ("weistAuf", "zeigtAuf"), data),
                "nutzung": None,
                "gml_id": o.gml_id,
                "source_file": path.name,
            }, geom))
        buildings: list[Feature] = []
        seen_b: set[str] = set()
        for o in data.buildings:
            a = o.attrs
            if o.gml_id in seen_b:
                report.problems.append(Problem("gml:id kommt doppelt vor; dieses Gebäude abgewiesen", o.line,
                                               o.gml_id))
                continue
            geom = self._geometry(o, reproject, data, report, all_bounds, project)
            if geom is None:
                continue
            seen_b.add(o.gml_id)
            code = a.get("gebaeudefunktion")
            text, known = gebaeudefunktion_text(code)
            if not known:
                report.problems.append(Problem(f"Gebäudefunktion: unbekannter Schlüssel {code} (Gebäude trotzdem "
                                               "importiert)", o.line, o.gml_id))
            geschosse = _int(a.get("geschosse_text"))
            buildings.append(Feature({
                "gml_id": o.gml_id,
                "gebaeudefunktion": code,
                "gebaeudefunktion_text": text,
                "name": a.get("name"),
                "geschosse": geschosse,
                "lagebezeichnung": self._lage(o, ("zeigtAuf", "hat"), data),
                "source_file": path.name,
            }, geom))
        bounds = None
        if all_bounds:
            bounds = (min(b[0] for b in all_bounds), min(b[1] for b in all_bounds),
                      max(b[2] for b in all_bounds), max(b[3] for b in all_bounds))
        return parcels, buildings, bounds

    def _geometry(self, o: NASObject, reproject: dict, data: NASFile, report: ImportReport,
                  all_bounds: list, project: Project) -> MultiPolygon | None:
        what = "Flurstück" if o.kind == "AX_Flurstueck" else "Gebäude"
        if o.polygons is None:
            report.problems.append(Problem(f"{what} {o.geometry_error or 'ohne Geometrie'}; übersprungen",
                                           o.line, o.gml_id))
            return None
        rp, _projected = _pick(reproject, o, data)
        try:
            rings = [(rp(ext), [rp(h) for h in holes]) for ext, holes in o.polygons]
        except Exception as exc:  # noqa: BLE001 - PROJ errors of any kind become a per-object problem
            report.problems.append(Problem(f"{what}: Koordinaten nicht transformierbar ({exc}); übersprungen",
                                           o.line, o.gml_id))
            return None
        geom, note = build_multipolygon(rings)
        if geom is None:
            report.problems.append(Problem(f"{what}: {note}; übersprungen", o.line, o.gml_id))
            return None
        if note:
            o.repaired = True
            report.problems.append(Problem(f"{what}: {note}", o.line, o.gml_id))
        b = tuple(shapely.bounds(geom))
        all_bounds.append(b)
        if not project.overlaps_extent(b):
            report.problems.append(Problem(
                f"{what} liegt außerhalb des Projektgebiets ({b[0]:.0f}, {b[1]:.0f}); übersprungen",
                o.line, o.gml_id))
            return None
        return geom

    @staticmethod
    def _area(o: NASObject, geom: MultiPolygon, reproject: dict, data: NASFile) -> float:
        """Planar area in the file's projected CRS (see module docstring), else in the project CRS."""
        _rp, projected = _pick(reproject, o, data)
        if not projected or o.repaired:
            return geom.area
        return sum(_ring_area(ext) - sum(_ring_area(h) for h in holes) for ext, holes in o.polygons)

    @staticmethod
    def _lage(o: NASObject, props: tuple[str, ...], data: NASFile) -> str | None:
        texts = []
        for prop in props:
            for rid in o.refs.get(prop, []):
                lo = data.lage.get(rid)
                if lo is None:
                    continue
                t = _lage_text(lo, data)
                if t and t not in texts:
                    texts.append(t)
        return "; ".join(texts) or None

    # ----------------------------------------------------------------- owners (personal data)
    def _owner_features(self, data: NASFile, path: Path) -> tuple[list[Feature], list[Feature]]:
        owners = []
        for p in data.persons:
            a = p.attrs
            addr = [_address(data.addresses[r]) for r in p.refs.get("hat", []) if r in data.addresses]
            owners.append(Feature({
                "gml_id": p.gml_id,
                "nachname_oder_firma": a.get("nachnameOderFirma"),
                "vorname": a.get("vorname"),
                "geburtsname": a.get("geburtsname"),
                "geburtsdatum": a.get("geburtsdatum"),
                "anschrift": "; ".join(x for x in addr if x) or None,
                "source_file": path.name,
            }))
        blatt_by_id = {b.gml_id: b for b in data.blaetter}
        parcels_by_stelle: dict[str, list[str]] = {}
        for o in data.parcels:
            for sid in o.refs.get("istGebucht", []):
                parcels_by_stelle.setdefault(sid, []).append(o.gml_id)
        parcels_by_blatt: dict[str, list[str]] = {}
        for s in data.stellen:
            for bid in s.refs.get("istBestandteilVon", []):
                parcels_by_blatt.setdefault(bid, []).extend(parcels_by_stelle.get(s.gml_id, []))

        def kennzeichen(bid: str | None) -> str | None:
            b = blatt_by_id.get(bid) if bid else None
            return b.attrs.get("buchungsblattkennzeichen") if b else None

        register = []
        for b in data.blaetter:
            register.append(Feature({
                "gml_id": b.gml_id, "objektart": "AX_Buchungsblatt",
                "buchungsblattkennzeichen": b.attrs.get("buchungsblattkennzeichen"),
                "laufende_nummer": b.attrs.get("nummer"), "anteil": None, "person_id": None,
                "buchungsblatt_id": b.gml_id,
                "flurstueck_ids": sorted(set(parcels_by_blatt.get(b.gml_id, []))),
                "source_file": path.name,
            }))
        for s in data.stellen:
            bid = next(iter(s.refs.get("istBestandteilVon", [])), None)
            register.append(Feature({
                "gml_id": s.gml_id, "objektart": "AX_Buchungsstelle",
                "buchungsblattkennzeichen": kennzeichen(bid),
                "laufende_nummer": s.attrs.get("laufendeNummer"), "anteil": s.attrs.get("anteil"),
                "person_id": None, "buchungsblatt_id": bid,
                "flurstueck_ids": sorted(set(parcels_by_stelle.get(s.gml_id, []))),
                "source_file": path.name,
            }))
        for n in data.namensnummern:
            bid = next(iter(n.refs.get("istBestandteilVon", [])), None)
            register.append(Feature({
                "gml_id": n.gml_id, "objektart": "AX_Namensnummer",
                "buchungsblattkennzeichen": kennzeichen(bid),
                "laufende_nummer": n.attrs.get("laufendeNummer"), "anteil": n.attrs.get("anteil"),
                "person_id": next(iter(n.refs.get("benennt", [])), None), "buchungsblatt_id": bid,
                "flurstueck_ids": sorted(set(parcels_by_blatt.get(bid, []))) if bid else [],
                "source_file": path.name,
            }))
        return owners, register


def _pick(reproject: dict, o: NASObject, data: NASFile) -> tuple[Reprojector, bool]:
    return reproject.get("*") or reproject[o.srs or data.srs_name]


def _ring_area(xy) -> float:
    x, y = xy[:, 0] - xy[0, 0], xy[:, 1] - xy[0, 1]  # shifted: UTM coordinates would cost precision
    return abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))) / 2


def _rejected(p: Problem) -> bool:
    return "abgewiesen" in p.message or "übersprungen" in p.message


def _lage_text(lo: NASObject, data: NASFile) -> str | None:
    a = lo.attrs
    street = a.get("unverschluesselt")
    if street is None and a.get("schluessel"):
        key = a["schluessel"]
        street = data.catalogue.get(key) or f"Straßenschlüssel {''.join(key[:4])}-{key[4]}"
    if street is None:
        return None
    if a.get("hausnummer"):
        return f"{street} {a['hausnummer']}"
    if a.get("pseudonummer"):
        lfd = f", lfd. Nr. {a['laufendeNummer']}" if a.get("laufendeNummer") else ""
        return f"{street} (Pseudonummer {a['pseudonummer']}{lfd})"
    return street


def _address(o: NASObject) -> str | None:
    a = o.attrs
    street = " ".join(x for x in (a.get("strasse"), a.get("hausnummer")) if x)
    town = " ".join(x for x in (a.get("postleitzahlPostzustellung"), a.get("ort_Post")) if x)
    return ", ".join(x for x in (street, town, a.get("bestimmungsland")) if x) or None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _num(text: str | None) -> float | None:
    try:
        return float(text.replace(",", ".")) if text is not None else None
    except ValueError:
        return None
