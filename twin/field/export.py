"""Export a field package for a team: ``daten.gpkg`` + a QGIS project that QField opens, and the snapshot the
sync compares against. What the team may see comes from its policy rule, read through its role session."""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shapely.geometry import box

from twin.cancel import cancel_fn
from twin.errors import Cancelled, ConfigError, ProjectError
from twin.field.package import write_package_gpkg
from twin.field.spec import FIELD_FORMAT, PACKAGE_GPKG, Forms, PackageLayer, load_forms, package_layers
from twin.files import staged_folder
from twin.model.field import FIELD_PACKAGES
from twin.store.base import BBox, Feature
from twin.store.values import now_iso

Progress = Callable[[float, str], None]
FIELD_DIR = "feld"
PHOTO_DIR = "DCIM"


@dataclass
class ExportResult:
    """What an export wrote."""

    package_id: str
    team: str
    path: Path
    qgs: Path
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def snapshot_path(project: Any, package_id: str, n: int) -> Path:
    """The tablet state number ``n`` of a package kept in the project (0 = as exported)."""
    return project.root / FIELD_DIR / package_id / f"stand_{n}.gpkg"


def team_layers(project: Any, team: str) -> tuple[list[PackageLayer], Forms]:
    """The package tables of ``team`` for this project (creates missing or older editable layers first)."""
    from twin.policy.check import known_schemas

    policy = project.policy
    if team not in policy.field_teams:
        known = ", ".join(policy.field_teams) or "keine – die Rollen-Policy hat keinen Abschnitt [field_teams]"
        raise ConfigError(f"Unbekanntes Feldteam '{team}' (bekannt: {known}).")
    rule = policy.field_teams[team]
    models = known_schemas()
    store = project.store
    with store.transaction():
        for name in rule.edit:
            store.create_layer(models[name])  # new, or evolved to the model's current fields
    session = project.session(team)
    schemas = {name: session.schema(name) for name in rule.layers if store.has_layer(name)}
    forms = load_forms(project.root)
    return package_layers(team, schemas, policy, forms), forms


def row_source(project: Any, team: str, bbox: BBox | None) -> Callable[[PackageLayer], list[Feature]]:
    """Rows of a package table as the team's role session gives them (inside ``bbox`` if given)."""
    session = project.session(team)

    def rows(layer: PackageLayer) -> list[Feature]:
        if layer.store_layer is None or not project.store.has_layer(layer.store_layer):
            return []
        if bbox is not None and layer.geometry_type is not None:
            return session.query_bbox(layer.store_layer, bbox)
        return session.features(layer.store_layer)

    return rows


def export_package(project: Any, team: str, out: str | Path, *, bbox: BBox | None = None,
                   title: str | None = None, actor: str = "system", progress: Progress | None = None,
                   cancel: Any = None, only: Mapping[str, Collection[str]] | None = None,
                   extra_meta: Mapping[str, Any] | None = None) -> ExportResult:
    """Write the field package of ``team`` to the folder ``out`` (new or empty) and register it.

    ``only`` narrows tables to the listed natural keys (a work list: the trees to water today); other tables
    stay as the team's rule gives them. ``extra_meta`` is stored in the package's metadata.

    The folder holds ``daten.gpkg``, ``<titel>.qgs`` and ``DCIM/`` for photos. Nothing is left behind on
    cancel or error: the folder is written hidden and placed as the last step of the registering transaction.
    """
    from twin.field.qgs import write_qgs

    out = Path(out)
    report = progress or (lambda f, m: None)
    stop = cancel_fn(cancel)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ProjectError(f"Der Zielordner '{out}' existiert und ist nicht leer.")
    t0 = time.perf_counter()
    report(0.0, "Ebenen des Feldteams bestimmen …")
    layers, forms = team_layers(project, team)
    package_id = uuid.uuid4().hex
    rule = project.policy.field_teams[team]
    title = title or f"{project.name} – {rule.title}"
    area = bbox if bbox is not None else project.config.project.extent
    meta = {"format": FIELD_FORMAT, "paket_id": package_id, "projekt_id": project.project_id,
            "projekt": project.name, "team": team, "team_titel": rule.title, "titel": title,
            "erstellt_am": now_iso(), "erstellt_von": actor, "bereich": list(area) if area else None,
            "ebenen": {ly.name: [f.name for f in ly.fields] for ly in layers}, **(extra_meta or {})}
    only = {name: {str(k) for k in keys} for name, keys in (only or {}).items()}
    for name in only:
        if not any(ly.store_layer == name for ly in layers):
            raise ConfigError(f"Die Tabelle '{name}' gehört nicht zum Feldpaket von {rule.title}.")
    source = row_source(project, team, bbox)
    done, max_fid = [0], {}

    def rows(layer: PackageLayer) -> list[Feature]:
        if stop():
            raise Cancelled()
        report(0.05 + 0.8 * done[0] / max(len(layers), 1), f"Schreibe {layer.title} …")
        done[0] += 1
        feats = source(layer)
        if layer.store_layer in only:
            key = project.store.schema(layer.store_layer).key
            feats = [f for f in feats if str(f.attrs.get(key)) in only[layer.store_layer]]
        if layer.editable:
            max_fid[layer.name] = max((f.fid for f in feats), default=0)
        return feats

    if out.exists():
        out.rmdir()
    snap = snapshot_path(project, package_id, 0)
    seconds: dict[str, float] = {}
    with staged_folder(out) as stage:
        gpkg = stage.path / PACKAGE_GPKG
        t1 = time.perf_counter()
        counts = write_package_gpkg(gpkg, project.crs, layers, rows, meta, forms)
        seconds["geopackage"] = time.perf_counter() - t1
        if stop():
            raise Cancelled()
        report(0.88, "Schreibe das QGIS-Projekt …")
        qgs_name = f"{_file_name(project.name)}_{team}.qgs"
        extent = area or _extent_of(project)
        write_qgs(stage.path / qgs_name, layers, title=title, crs=project.crs, extent=extent)
        (stage.path / PHOTO_DIR).mkdir()
        report(0.93, "Stand für den Abgleich festhalten …")
        snap.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(gpkg, snap)
            store = project.store
            with store.transaction():
                store.create_layer(FIELD_PACKAGES)
                store.upsert(FIELD_PACKAGES.name, [Feature({
                    "paket_id": package_id, "team": team, "titel": title, "erstellt_am": meta["erstellt_am"],
                    "erstellt_von": actor, "paketformat": FIELD_FORMAT, "ebenen": meta["ebenen"], "stand": 0,
                    "fid_zuordnung": {"max": max_fid, "neu": {}},
                    "zuletzt_synchronisiert": None, "synchronisationen": 0,
                }, box(*area) if area else None)], actor=actor)
                if stop():
                    raise Cancelled()
                stage.place()
        except BaseException:
            shutil.rmtree(snap.parent, ignore_errors=True)
            raise
    seconds["gesamt"] = time.perf_counter() - t0
    report(1.0, f"Feldpaket für {rule.title} geschrieben.")
    return ExportResult(package_id=package_id, team=team, path=out, qgs=out / qgs_name, counts=counts,
                        seconds=seconds)


def _file_name(title: str) -> str:
    """A file name from a title: letters and digits (umlauts too), words joined by "_"."""
    keep = "".join(c if c.isalnum() or c == "-" else " " for c in title)
    return "_".join(keep.split())[:60] or "Feldpaket"


def _extent_of(project: Any) -> BBox:
    ext = project.config.project.extent
    return tuple(ext) if ext else (0.0, 0.0, 1.0, 1.0)
