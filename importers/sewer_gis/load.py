"""Sewer data from Shapefile/GeoPackage through a field-mapping profile -> ``sewer_nodes``, ``sewer_reaches``.

Point layers become nodes (target ``sewer_manholes``), line layers reaches (target ``sewer_reaches``);
a GeoPackage with both imports both in one transaction (nodes first, so that 2D reaches without invert
columns take the Sohlhöhe of their nodes). Layers that do not look like sewer data are listed and left.

Field mapping per layer, as for flat cadastre exports: ``self.profile`` (a :class:`MappingProfile`, the
path of a TOML profile, or a list of them – each applies to the layers of its target) wins; else a saved
project profile of the target whose columns are all present; else a proposal from :mod:`.synonyms`,
saved after a successful import as ``profiles/<target>_<stem>.toml``. Units (DN in m, heights in cm …)
come from the profile's ``units``, the column name, or – for a proposal – the values (DN all below 6 → m).

Phase 1 reads, maps, reprojects and validates everything (nothing written); phase 2 writes both layers
and the provenance row in one transaction. Re-import updates by Objektbezeichnung and is idempotent.
A row without class/inspection date keeps the condition the store has (e.g. from ISYBAU Zustandsdaten).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from importers.base import CancelToken, ImportPreview, ImportReport, Importer, ProgressFn, Ticker, resolve_file_crs
from importers.cadastre_flat.ogr import read_layer
from importers.profiles import MappingProfile, find_profile, load_profile, profiles_dir, propose, save_profile
from importers.sewer_gis.build import Builder, Row
from importers.sewer_gis.ogr import SUFFIXES, SewerLayer, list_layers
from importers.sewer_gis.synonyms import (TARGET_NODES, TARGET_REACHES, has_key, kind_of_target, synonyms_for,
                                          target_for)
from importers.sewer_gis.values import field_units, guess_units, map_row
from twin.crs import Reprojector
from twin.errors import ConfigError, CRSError, FormatError
from twin.model.sewer import SEWER_NODES, SEWER_REACHES
from twin.project import Project
from twin.store import Feature, Store

_SCHEMA = {"nodes": SEWER_NODES, "reaches": SEWER_REACHES}
_KIND_DE = {"nodes": "Punkte", "reaches": "Linien"}
_CONDITION = ("zustandsklasse", "inspektionsdatum")


@dataclass
class _Plan:
    """How one layer is read: its mapping, units, defaults and where the mapping came from."""

    layer: SewerLayer
    kind: str
    mapping: dict[str, str]
    units: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    crs: str | None = None
    profile: MappingProfile | None = None  #: the profile used (None: proposal)
    forced: bool = False  #: given to the importer (CLI ``--profile``, wizard), not found in the project
    source: Path | None = None  #: the TOML file a given profile came from


class SewerGISImporter(Importer):
    """Kanalkataster aus Shapefile und GeoPackage (Schächte als Punkte, Haltungen als Linien)."""

    name = "sewer_gis"
    title = "Kanalkataster (Shapefile, GeoPackage)"
    suffixes = SUFFIXES

    def __init__(self, source_crs: str | None = None,
                 profile: MappingProfile | str | Path | list[MappingProfile | str | Path] | None = None) -> None:
        self.source_crs = source_crs
        self.profile = profile

    # ----------------------------------------------------------------- detection
    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in SUFFIXES:
            return False
        try:
            return any(layer.looks_like_sewer for layer in list_layers(path))
        except Exception:  # noqa: BLE001 - whatever GDAL cannot read is not ours
            return False

    def preview(self, path: Path, project: Project) -> ImportPreview:
        """Format, CRS and the mapping of the first sewer layer (nodes first) with its first rows."""
        plans, _ = self._plans(project, Path(path))
        plan = plans[0]
        table, _ids = read_layer(Path(path), plan.layer.name, plan.encoding)
        schema = _SCHEMA[plan.kind]
        return ImportPreview(
            importer=self.name, title=f"{self.title} – Layer {plan.layer.name} ({_KIND_DE[plan.kind]})",
            crs=self.source_crs or table.crs, encoding=table.encoding, target=target_for(plan.kind),
            crs_note="aus der Datei (.prj / Datenquelle)" if table.crs else
            "Die Datei nennt kein Koordinatensystem – bitte angeben (z. B. EPSG:25832).",
            columns=table.columns, fields=[(f.name, f.title or f.name) for f in schema.fields
                                           if f.name != "source_file"],
            mapping=dict(plan.mapping), rows=table.rows[:20])

    # ----------------------------------------------------------------- import
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        plans, ignored = self._plans(project, path)
        ext, tol = project.config.project.extent, project.config.project.extent_tolerance

        def inside(xy: np.ndarray) -> bool:
            return ext is None or bool(((xy[:, 0] >= ext[0] - tol) & (xy[:, 0] <= ext[2] + tol)
                                        & (xy[:, 1] >= ext[1] - tol) & (xy[:, 1] <= ext[3] + tol)).all())

        builder = Builder(path.name, inside, report.problems)
        rows: dict[str, list[Row]] = {"nodes": [], "reaches": []}
        crs_names, unmapped, drivers = [], [], set()
        for i, plan in enumerate(plans):
            cancel.check(path)
            progress(0.4 * i / len(plans), f"Lese Layer {plan.layer.name} …")
            layer_rows, crs_name, table_cols, driver = self._read(project, path, plan)
            rows[plan.kind] += layer_rows
            crs_names.append(crs_name)
            drivers.add(driver)
            rest = [c for c in table_cols if c not in set(plan.mapping.values())]
            if rest:
                unmapped.append(f"{plan.layer.name}: {', '.join(rest)}")
        report.source_crs = ", ".join(dict.fromkeys(crs_names))
        cancel.check(path)
        progress(0.4, "Prüfe Kanalnetz …")
        for row in rows["nodes"]:
            builder.node(row)
        stored: dict[str, Any] = {}
        for row in rows["reaches"]:
            builder.reach(row, lambda key: self._stored_node(project, key, stored))
        if not builder.nodes and not builder.reaches:
            self.nothing_to_import(project, path, report, "Schächte oder Haltungen", builder.bounds)
        cancel.check(path)
        extra: dict[str, Any] = {
            "Format": ", ".join(sorted(d for d in drivers if d)) or path.suffix.lstrip(".").upper(),
            "Layer": ", ".join(f"{p.layer.name} ({_KIND_DE[p.kind]})" for p in plans)}
        if ignored:
            extra["nicht importierte Layer"] = ", ".join(ignored)
        if unmapped:  # said plainly, so that a column the mapping missed does not vanish unnoticed
            extra["nicht zugeordnete Spalten"] = "; ".join(unmapped)
        saved = self._profiles_to_save(project, path, plans)
        if saved:
            extra["Profil"] = ", ".join(p.name for p in saved)
        self._write(project, path, builder, report, extra, progress, cancel, actor)
        if not report.dry_run:
            for prof in saved:
                save_profile(prof, profiles_dir(project.root) / f"{prof.name}.toml")
        progress(1.0, report.summary())

    def _write(self, project: Project, path: Path, builder: Builder, report: ImportReport, extra: dict[str, Any],
               progress: ProgressFn, cancel: CancelToken, actor: str) -> None:
        """Phase 2: both layers and the provenance row in one transaction."""
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, SEWER_NODES, SEWER_REACHES)
            nodes = self._keep_condition(store, SEWER_NODES.name, builder.nodes)
            reaches = self._keep_condition(store, SEWER_REACHES.name, builder.reaches)
            ticker = Ticker(progress, cancel, path, len(nodes) + len(reaches))
            res_n = store.upsert(SEWER_NODES.name, ticker(nodes), actor=actor, provenance_id=pid)
            res_r = store.upsert(SEWER_REACHES.name, ticker(reaches), actor=actor, provenance_id=pid)
            report.counts = {
                "Schächte/Bauwerke": len(nodes), "Haltungen/Leitungen": len(reaches),
                "neu": res_n.inserted + res_r.inserted, "geändert": res_n.updated + res_r.updated,
                "unverändert": res_n.unchanged + res_r.unchanged,
                "übersprungen": len({p.feature for p in report.problems if "nicht importiert" in p.message}),
            }
            if report.source_crs:
                report.counts["Koordinatensystem"] = report.source_crs
            report.counts.update(extra)
            self.end_write(project, pid, report)

    # ----------------------------------------------------------------- phase 1 helpers
    def _plans(self, project: Project, path: Path) -> tuple[list[_Plan], list[str]]:
        """The sewer layers of the file with their mapping; the names of the layers left out."""
        if path.suffix.lower() not in SUFFIXES:
            raise FormatError("Unbekanntes Format für Kanaldaten (erwartet .shp oder .gpkg).", path=path)
        layers = list_layers(path)
        forced = self._forced_profiles()
        plans, ignored, used = [], [], set()
        for layer in layers:
            if layer.kind is None:
                ignored.append(f"{layer.name} ({layer.geometry_type or 'ohne Geometrie'})")
                continue
            target = target_for(layer.kind)
            candidates = [(p, src) for p, src in forced if p.target == target]
            prof, src = next(((p, s) for p, s in candidates if p.fits(layer.columns)), (None, None))
            if candidates and prof is None and sum(x.kind == layer.kind for x in layers) == 1:
                p = candidates[0][0]
                missing = sorted(set(p.source_columns()) - set(layer.columns))
                raise FormatError(f"Das Profil '{p.name}' passt nicht zum Layer '{layer.name}': Spalte(n) "
                                  f"{', '.join(missing)} fehlen (vorhanden: {', '.join(layer.columns)}).", path=path)
            is_forced = prof is not None
            if prof is None:
                prof = find_profile(project.root, target, layer.columns)
            if prof is None and not layer.looks_like_sewer:
                ignored.append(f"{layer.name} ({_KIND_DE[layer.kind]}, keine Kanalspalten)")
                continue
            if prof is not None:
                used.add(id(prof))
                plan = self._plan_from_profile(layer, prof, is_forced, path)
                plan.source = src
            else:
                plan = _Plan(layer, layer.kind, propose(layer.columns, synonyms_for(layer.kind)))
            if not has_key(plan.mapping, plan.kind):
                what = "Schachtnummer" if plan.kind == "nodes" else "Haltungsnummer (oder Zulauf- und Ablaufknoten)"
                raise FormatError(f"Layer '{layer.name}': keine Spalte für die {what} gefunden; vorhandene Spalten: "
                                  f"{', '.join(layer.columns) or '–'}. Bitte ein Profil angeben.", path=path)
            plans.append(plan)
        unused = [p.name for p, _src in forced if id(p) not in used]
        if unused:
            raise ConfigError(f"Das Profil '{unused[0]}' passt zu keinem Layer der Datei "
                              f"({', '.join(f'{x.name}: {x.geometry_type}' for x in layers)}).", path=path)
        if not plans:
            raise FormatError("Keine Kanaldaten erkannt: kein Punkt- oder Linienlayer mit Spalten für Schächte "
                              "(Schachtnummer, Deckel-/Sohlhöhe) oder Haltungen (Haltungsnummer, "
                              f"Zulauf-/Ablaufknoten, Sohlhöhen, DN). Layer: {', '.join(ignored) or '–'}. "
                              "Bitte ein Profil angeben.", path=path)
        return sorted(plans, key=lambda p: p.kind != "nodes"), ignored

    def _forced_profiles(self) -> list[tuple[MappingProfile, Path | None]]:
        """The profiles given to the importer, each with the file it came from (None: given as object)."""
        given = self.profile
        if given is None:
            return []
        items = given if isinstance(given, (list, tuple)) else [given]
        out = [(p, None) if isinstance(p, MappingProfile) else (load_profile(p), Path(p)) for p in items]
        for p, _src in out:
            if kind_of_target(p.target) is None:
                raise ConfigError(f"Das Profil '{p.name}' ist für '{p.target}', nicht für Kanaldaten "
                                  f"('{TARGET_NODES}' oder '{TARGET_REACHES}').")
        return out

    @staticmethod
    def _plan_from_profile(layer: SewerLayer, prof: MappingProfile, forced: bool, path: Path) -> _Plan:
        schema = _SCHEMA[layer.kind]
        unknown = sorted((set(prof.columns) | set(prof.units) | set(prof.defaults)) - set(schema.field_names))
        if unknown:
            raise ConfigError(f"Das Profil '{prof.name}' nennt unbekannte Zielfelder: {', '.join(unknown)} "
                              f"(bekannt: {', '.join(schema.field_names)}).")
        missing = sorted(set(prof.columns.values()) - set(layer.columns))
        if missing:
            raise FormatError(f"Das Profil '{prof.name}' passt nicht zum Layer '{layer.name}': Spalte(n) "
                              f"{', '.join(missing)} fehlen (vorhanden: {', '.join(layer.columns)}).", path=path)
        return _Plan(layer, layer.kind, dict(prof.columns), dict(prof.units), dict(prof.defaults), prof.encoding,
                     prof.crs, prof, forced)

    def _read(self, project: Project, path: Path, plan: _Plan) -> tuple[list[Row], str, list[str], str | None]:
        table, fids = read_layer(path, plan.layer.name, plan.encoding)
        if plan.profile is None:
            plan.units = guess_units(table, plan.mapping)
        units = field_units(plan.mapping, plan.units)
        srs = self.source_crs or table.crs or plan.crs
        if not srs:
            raise CRSError(f"Der Layer '{plan.layer.name}' nennt kein Koordinatensystem (keine .prj/SRS); bitte das "
                           "Quell-Koordinatensystem angeben (z. B. --crs EPSG:25832).", path=path)
        src_crs = resolve_file_crs(srs, path)
        epsg = src_crs.to_epsg(min_confidence=70)
        crs_name = f"EPSG:{epsg}" if epsg and not str(srs).upper().startswith(("EPSG:", "URN:")) else str(srs)
        if not table.crs and self.source_crs:
            plan.crs = self.source_crs  # saved with the profile: the next delivery will lack it too
        # GDAL hands out x/y (easting/longitude first) whatever the CRS's official axis order is
        to_project = Reprojector(src_crs, project.crs, swap_axes=False)
        rows = []
        for fid, raw, geom in zip(fids, table.rows, table.geometries):
            attrs, msgs = map_row(raw, plan.mapping, units, plan.defaults)
            row = Row(plan.layer.name, fid, attrs, None if isinstance(geom, str) else geom,
                      "Geometrie nicht lesbar (WKB)" if isinstance(geom, str) else None, msgs)
            if row.geometry is not None and not row.geometry.is_empty:
                try:
                    row.geometry = shapely.transform(row.geometry, to_project,
                                                     include_z=bool(shapely.has_z(row.geometry)))
                except (ValueError, shapely.errors.GEOSException) as exc:
                    row.geometry, row.geometry_problem = None, f"Geometrie nicht umrechenbar ({exc})"
            rows.append(row)
        return rows, crs_name, table.columns, table.driver

    @staticmethod
    def _stored_node(project: Project, key: str,
                     cache: dict[str, Any]) -> tuple[float, float, float | None] | None:
        """(x, y, Sohlhöhe) of a node imported earlier (a Shapefile of Haltungen after the one of Schächte)."""
        if key not in cache:
            f = project.store.get(SEWER_NODES.name, key) if project.store.has_layer(SEWER_NODES.name) else None
            cache[key] = None if f is None or f.geometry is None else (f.geometry.x, f.geometry.y,
                                                                        f.attrs.get("sohlhoehe"))
        return cache[key]

    @staticmethod
    def _keep_condition(store: Store, layer: str, items: list[tuple[dict[str, Any], Any]]) -> list[Feature]:
        """Features to write; a row without class and date keeps what the store has (inspection data)."""
        existing: dict[str, dict[str, Any]] = {}
        if store.has_layer(layer) and any(all(a.get(c) is None for c in _CONDITION) for a, _ in items):
            existing = {str(f.attrs["objektbezeichnung"]): f.attrs for f in store.features(layer)}
        out = []
        for attrs, geom in items:
            old = existing.get(str(attrs["objektbezeichnung"]))
            if old is not None and all(attrs.get(c) is None for c in _CONDITION):
                attrs = {**attrs, **{c: old.get(c) for c in _CONDITION}}
            out.append(Feature(attrs, geom))
        return out

    def _profiles_to_save(self, project: Project, path: Path, plans: list[_Plan]) -> list[MappingProfile]:
        """Proposed mappings, and profiles given from outside the project, to save for the next delivery."""
        out = []
        own_dir = profiles_dir(project.root).resolve()
        per_target: dict[str, int] = {}
        for p in plans:
            per_target[p.kind] = per_target.get(p.kind, 0) + 1
        for p in plans:
            outside = p.forced and p.source is not None and p.source.resolve().parent != own_dir
            if p.profile is not None and not outside:
                continue
            target = target_for(p.kind)
            name = f"{target}_{_safe(path.stem)}" + (f"_{_safe(p.layer.name)}" if per_target[p.kind] > 1 else "")
            out.append(MappingProfile(name=name, target=target, columns=p.mapping, units=p.units,
                                      defaults=p.defaults, crs=p.crs, encoding=p.encoding))
        return out


def _safe(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "datei"


__all__ = ["SewerGISImporter"]
