"""ISYBAU XML importer: Stammdaten and Zustandsdaten -> ``sewer_nodes``, ``sewer_reaches``, ``sewer_observations``.

Phase 1 parses the whole file (FormatError with the line number if the XML is broken), picks the CRS
(``source_crs`` / CLI ``--crs`` first, else the file's CRSLage, see ``codes.CRS_LAGE``; a file without
CRSLage needs ``source_crs`` and gets a warning), strips the zone prefix of UTM Rechtswerte
(32570396.3 -> 570396.3 in zone 32; Gauß-Krüger keeps its zone digit, which EPSG:3146x expects),
reprojects into the project CRS and builds the features; nothing is written. Phase 2 writes all three
layers and the provenance row in one transaction.

Geometry: a node is a point at the cover (DMP point, z = Deckelhöhe; else the SMP point at Sohlhöhe).
A reach is a 3D line along its own polyline from the file, or – where the file has none – from the
Zulauf to the Ablauf node; z runs linearly along the line from Sohlhöhe Zulauf to Sohlhöhe Ablauf.

Condition: each observation is a row of ``sewer_observations`` (key ``Objekt|H/K|Datum|Auftrag|Nr``).
The class of an object is the worst (smallest, DWA-M 149-3) class of its newest inspection, taken from
all observations in the store and in the file, so Stamm- and Zustandsdaten may come in either order.
Re-import updates by Objektbezeichnung and is idempotent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from shapely.geometry import LineString, Point as SPoint

from importers.base import CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker, \
    resolve_file_crs
from importers.isybau.codes import lage_epsg
from importers.isybau.parse import IsybauFile, Node, Reach, detect_version, parse_isybau
from twin.crs import Reprojector, horizontal
from twin.errors import CRSError
from twin.model.sewer import SEWER_LAYERS, SEWER_NODES, SEWER_OBSERVATIONS, SEWER_REACHES
from twin.project import Project
from twin.store import Feature


class IsybauImporter(Importer):
    """Sewer network (Kanalkataster) and condition data from ISYBAU XML 2013/2017."""

    name = "isybau"
    title = "Kanalkataster (ISYBAU XML 2013/2017)"
    suffixes = (".xml",)

    def __init__(self, source_crs: str | None = None) -> None:
        #: CRS of the file (CLI ``--crs``): required where the file has no CRSLage; overrides it otherwise
        self.source_crs = source_crs

    def sniff(self, path: Path, head: bytes) -> bool:
        return detect_version(head) is not None

    def preview(self, path: Path, project: Project) -> ImportPreview:
        parsed = parse_isybau(Path(path))
        lage = sorted(parsed.crs_lage)
        crs, note = None, ""
        if self.source_crs:
            crs, note = self.source_crs, "Angegeben."
        elif lage and lage_epsg(lage[0]):
            crs, note = f"EPSG:{lage_epsg(lage[0])}", f"Aus der Datei (CRSLage {lage[0]})."
        else:
            note = "Die Datei nennt kein Lagesystem (CRSLage); bitte das Koordinatensystem angeben."
        return ImportPreview(importer=self.name, title=f"{self.title} – Version {parsed.version}", crs=crs,
                             crs_note=note, encoding="ISO-8859-1")

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        parsed = parse_isybau(path, progress=lambda d, t: progress(0.4 * d / max(t, 1), f"Lese {path.name} …"),
                              cancel=lambda: cancel.cancelled)
        report.problems += [Problem(m, line, key) for m, line, key in parsed.problems]
        cancel.check(path)
        has_geometry = bool(parsed.nodes or parsed.reaches)
        nodes: list[Feature] = []
        reaches: list[Feature] = []
        bounds = None
        if has_geometry:
            crs_name = self._crs(parsed, path, report)
            report.source_crs = crs_name
            progress(0.4, "Prüfe Kanalnetz …")
            nodes, reaches, bounds = self._features(project, parsed, crs_name, path, report)
        observations = [Feature(dict(o.attrs, source_file=path.name)) for insp in parsed.inspections
                        for o in insp.observations]
        for f in observations:
            f.attrs["beobachtung_id"] = None  # set below (keeps the key first in the dict for readability)
        for f, o in zip(observations, (o for insp in parsed.inspections for o in insp.observations)):
            f.attrs["beobachtung_id"] = o.key
        if not nodes and not reaches and not observations:
            self.nothing_to_import(project, path, report, "Kanalobjekte", bounds)
        cancel.check(path)
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, *SEWER_LAYERS)
            classes = self._classes(store, observations)
            for f in nodes:
                f.attrs["zustandsklasse"], f.attrs["inspektionsdatum"] = classes.get(
                    ("sewer_nodes", f.attrs["objektbezeichnung"]), (None, None))
            for f in reaches:
                f.attrs["zustandsklasse"], f.attrs["inspektionsdatum"] = classes.get(
                    ("sewer_reaches", f.attrs["objektbezeichnung"]), (None, None))
            ticker = Ticker(progress, cancel, path, len(nodes) + len(reaches) + len(observations))
            res_n = store.upsert("sewer_nodes", ticker(nodes), actor=actor, provenance_id=pid)
            res_r = store.upsert("sewer_reaches", ticker(reaches), actor=actor, provenance_id=pid)
            res_o = store.upsert("sewer_observations", ticker(observations), actor=actor, provenance_id=pid)
            # objects imported earlier whose class the observations of this file change
            in_file = {(s, f.attrs["objektbezeichnung"]) for s, fs in (("sewer_nodes", nodes),
                                                                     ("sewer_reaches", reaches)) for f in fs}
            updated = {"sewer_nodes": [], "sewer_reaches": []}
            for (layer, key), (cls, date) in classes.items():
                if (layer, key) in in_file:
                    continue
                feat = store.get(layer, key)
                if feat is not None and (feat.attrs.get("zustandsklasse"), _iso(feat.attrs.get("inspektionsdatum"))) \
                        != (cls, date):
                    feat.attrs["zustandsklasse"], feat.attrs["inspektionsdatum"] = cls, date
                    updated[layer].append(feat)
            n_class = 0
            for layer, feats in updated.items():
                if feats:
                    n_class += store.upsert(layer, feats, actor=actor, provenance_id=pid).updated
            cancel.check(path)
            report.counts = {
                "Schächte/Bauwerke": len(nodes), "Haltungen/Leitungen": len(reaches),
                "Beobachtungen": len(observations),
                "neu": res_n.inserted + res_r.inserted + res_o.inserted,
                "geändert": res_n.updated + res_r.updated + res_o.updated,
                "unverändert": res_n.unchanged + res_r.unchanged + res_o.unchanged,
                "Zustandsklasse aktualisiert": n_class,
                "übersprungen": len({(p.line, p.feature) for p in report.problems if "nicht importiert" in p.message}),
                "ISYBAU": parsed.version,
            }
            if report.source_crs:
                report.counts["Koordinatensystem"] = report.source_crs
            if parsed.crs_hoehe:
                report.counts["Höhensystem"] = parsed.crs_hoehe
            self.end_write(project, pid, report)
        progress(1.0, report.summary())

    # ----------------------------------------------------------------- phase 1 helpers
    def _crs(self, parsed: IsybauFile, path: Path, report: ImportReport) -> str:
        lage = sorted(parsed.crs_lage)
        if self.source_crs:
            if not lage:
                report.problems.append(Problem(
                    f"Die Datei nennt kein Lagesystem (CRSLage); verwendet wird das angegebene {self.source_crs}"))
            return self.source_crs
        if not lage:
            raise CRSError("Die Datei nennt kein Lagesystem (CRSLage fehlt); bitte das Quell-Koordinatensystem "
                           "angeben (z. B. --crs EPSG:25832).", path=path)
        if len(lage) > 1:
            raise CRSError(f"Die Datei nennt mehrere Lagesysteme ({', '.join(lage)}); bitte getrennt liefern oder "
                           "das Koordinatensystem angeben.", path=path)
        epsg = lage_epsg(lage[0])
        if epsg is None:
            raise CRSError(f"Unbekanntes ISYBAU-Lagesystem '{lage[0]}'; bitte das Koordinatensystem angeben "
                           "(--crs).", path=path)
        return f"EPSG:{epsg}"

    def _features(self, project: Project, parsed: IsybauFile, crs_name: str, path: Path, report: ImportReport):
        crs = resolve_file_crs(crs_name, path)
        zone_text = horizontal(crs).utm_zone
        zone = int(zone_text[:-1]) if zone_text else None
        to_project = Reprojector(crs, project.crs)
        records: list[Node | Reach] = [*parsed.nodes, *parsed.reaches]
        xy, owner = [], []
        for i, rec in enumerate(records):
            for p in rec.points:
                xy.append((p.x, p.y))
                owner.append(i)
        raw = np.array(xy, dtype=float).reshape(-1, 2)
        owner_a = np.array(owner, dtype=np.int64)
        bad = np.zeros(len(raw), dtype=bool)
        if len(raw):
            prefixed = raw[:, 0] >= 1e7
            if prefixed.any():
                if zone is None:
                    bad |= prefixed
                else:
                    zones = np.floor(raw[prefixed, 0] / 1e6).astype(int)
                    wrong = zones != zone
                    if wrong.any():
                        raise CRSError(f"Rechtswert mit Zone {zones[wrong][0]}, das Koordinatensystem {crs_name} ist "
                                       f"aber Zone {zone}; bitte das richtige Koordinatensystem angeben.", path=path)
                    raw[prefixed, 0] -= zone * 1e6
        out = to_project(raw) if len(raw) else raw
        for i in np.unique(owner_a[bad]):
            report.problems.append(Problem("Rechtswert mit Zonenvorsatz passt nicht zum Koordinatensystem "
                                           f"{crs_name}; nicht importiert", records[i].line, records[i].key))
        pos: dict[int, np.ndarray] = {}
        for i in np.unique(owner_a):
            sel = (owner_a == i) & ~bad
            if sel.any():
                pos[int(i)] = out[sel]
        bounds = (float(out[~bad, 0].min()), float(out[~bad, 1].min()), float(out[~bad, 0].max()),
                  float(out[~bad, 1].max())) if (~bad).any() else None
        ext, tol = project.config.project.extent, project.config.project.extent_tolerance

        def inside(x: np.ndarray, y: np.ndarray) -> bool:
            return ext is None or bool(((x >= ext[0] - tol) & (x <= ext[2] + tol) & (y >= ext[1] - tol)
                                        & (y <= ext[3] + tol)).all())

        nodes: list[Feature] = []
        node_xy: dict[str, tuple[float, float, float | None]] = {}
        seen: set[str] = set()
        for i, n in enumerate(parsed.nodes):
            if n.key in seen:
                report.problems.append(Problem("Objektbezeichnung kommt doppelt vor; nicht importiert", n.line, n.key))
                continue
            pts = pos.get(i)
            if pts is None:
                if not any(n.key == p.feature for p in report.problems):
                    report.problems.append(Problem("Knoten ohne Koordinaten; nicht importiert", n.line, n.key))
                continue
            valid = [p for p in n.points]
            k = next((j for j, p in enumerate(valid) if p.attr == "DMP"),
                     next((j for j, p in enumerate(valid) if p.attr == "SMP"), 0))
            k = min(k, len(pts) - 1)
            z = n.attrs["deckelhoehe"] if n.attrs["deckelhoehe"] is not None else n.attrs["sohlhoehe"]
            if z is None:
                z = next((p.z for p in valid if p.z is not None), None)
            if z is None:
                report.problems.append(Problem("Knoten ohne Höhe (Deckel- und Sohlhöhe fehlen); nicht importiert",
                                               n.line, n.key))
                continue
            x, y = float(pts[k, 0]), float(pts[k, 1])
            if not inside(np.array([x]), np.array([y])):
                report.problems.append(Problem(f"liegt außerhalb des Projektgebiets ({x:.0f}, {y:.0f}); "
                                               "nicht importiert", n.line, n.key))
                continue
            seen.add(n.key)
            node_xy[n.key] = (x, y, n.attrs["sohlhoehe"])
            nodes.append(Feature({"objektbezeichnung": n.key, **n.attrs, "hoehensystem": parsed.crs_hoehe,
                                  "source_file": path.name}, SPoint(round(x, 3), round(y, 3), round(z, 3))))
        reaches: list[Feature] = []
        seen = set()
        base = len(parsed.nodes)
        for j, r in enumerate(parsed.reaches):
            if r.key in seen:
                report.problems.append(Problem("Objektbezeichnung kommt doppelt vor; nicht importiert", r.line, r.key))
                continue
            pts = pos.get(base + j)
            a = r.attrs
            if pts is None or len(pts) < 2:
                ends = [node_xy.get(a["knoten_zulauf"] or ""), node_xy.get(a["knoten_ablauf"] or "")]
                if None in ends:
                    ends = [self._stored_node(project, a["knoten_zulauf"]), self._stored_node(project, a["knoten_ablauf"])]
                if None in ends:
                    report.problems.append(Problem("Haltung ohne Geometrie und ohne bekannte Zulauf-/Ablaufknoten; "
                                                   "nicht importiert", r.line, r.key))
                    continue
                pts = np.array([[e[0], e[1]] for e in ends])
                node_z = [e[2] for e in ends]
            else:
                pts = pts[:, :2]
                node_z = [r.points[0].z, r.points[-1].z]
            z0 = a["sohlhoehe_zulauf"] if a["sohlhoehe_zulauf"] is not None else node_z[0]
            z1 = a["sohlhoehe_ablauf"] if a["sohlhoehe_ablauf"] is not None else node_z[1]
            if z0 is None or z1 is None:
                report.problems.append(Problem("Sohlhöhe Zulauf/Ablauf fehlt; nicht importiert", r.line, r.key))
                continue
            seg = np.hypot(*np.diff(pts, axis=0).T)
            if seg.sum() <= 0:
                report.problems.append(Problem("Haltung hat die Länge 0; nicht importiert", r.line, r.key))
                continue
            t = np.concatenate([[0.0], np.cumsum(seg)]) / seg.sum()
            zs = z0 + (z1 - z0) * t
            if not inside(pts[:, 0], pts[:, 1]):
                report.problems.append(Problem(f"liegt außerhalb des Projektgebiets ({pts[0, 0]:.0f}, {pts[0, 1]:.0f}); "
                                               "nicht importiert", r.line, r.key))
                continue
            seen.add(r.key)
            line = LineString(np.round(np.column_stack([pts, zs]), 3))
            reaches.append(Feature({"objektbezeichnung": r.key, **a, "hoehensystem": parsed.crs_hoehe,
                                    "source_file": path.name}, line))
        return nodes, reaches, bounds

    @staticmethod
    def _stored_node(project: Project, key: str | None):
        if not key or not project.store.has_layer("sewer_nodes"):
            return None
        f = project.store.get("sewer_nodes", key)
        if f is None or f.geometry is None:
            return None
        return (f.geometry.x, f.geometry.y, f.attrs.get("sohlhoehe"))

    @staticmethod
    def _classes(store, observations: list[Feature]) -> dict[tuple[str, str], tuple[int | None, str | None]]:
        """(layer, Objektbezeichnung) -> (worst class of the newest inspection, its date), from the store and
        this file (the file's rows win over stored rows with the same key)."""
        rows: dict[str, dict] = {}
        if store.has_layer(SEWER_OBSERVATIONS.name):
            for f in store.features(SEWER_OBSERVATIONS.name):
                rows[f.attrs["beobachtung_id"]] = f.attrs
        for f in observations:
            rows[f.attrs["beobachtung_id"]] = f.attrs
        newest: dict[tuple[str, str], str] = {}
        for a in rows.values():
            k = (a["objekt_layer"], a["objektbezeichnung"])
            d = _iso(a.get("inspektionsdatum")) or ""
            if d >= newest.get(k, ""):
                newest[k] = d
        worst: dict[tuple[str, str], int | None] = {}
        for a in rows.values():
            k = (a["objekt_layer"], a["objektbezeichnung"])
            if (_iso(a.get("inspektionsdatum")) or "") != newest[k]:
                continue
            cls = a.get("klasse_inspektion")
            if cls is None:
                cls = a.get("zustandsklasse")
            cur = worst.get(k)
            worst[k] = cls if cur is None else (cur if cls is None else min(cur, cls))
        return {k: (worst.get(k), newest[k] or None) for k in newest}


def _iso(v) -> str | None:
    if v is None:
        return None
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


__all__ = ["IsybauImporter", "SEWER_NODES", "SEWER_REACHES"]
