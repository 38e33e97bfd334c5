"""Sync a field package back into the twin: the tablet's changes, rebased on the office's, in one transaction.

The three states are GeoPackages of the same layout, compared by pygeodiff:

* **base** – the tablet state synced last time (``feld/<paket>/stand_<n>.gpkg``; stand 0 = as exported),
* **office** – the store now, written again as the package (same fids: store row ids, plus the fids the
  tablet gave to features it created),
* **tablet** – the package as it comes back.

``rebase(base, office, tablet)`` merges the tablet's changes onto the office state and reports every field
changed on both sides; the changeset office → merged is what the tablet adds. It is applied through the
store API (audit history with who and when); a conflicting field keeps the office value and becomes a row
of ``field_conflicts`` with base, office and tablet value, until it is resolved explicitly
(:mod:`twin.field.resolve`). A tablet state that was synced already changes nothing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pygeodiff

from twin.cancel import cancel_fn
from twin.errors import Cancelled, PackageError
from twin.field.export import FIELD_DIR, row_source, snapshot_path, team_layers
from twin.field.merge import MergePlan, SyncResult, field_or_none
from twin.field.package import read_meta, write_package_gpkg
from twin.field.spec import FIELD_FORMAT, PACKAGE_GPKG, FormField, PackageLayer
from twin.model.field import FIELD_PACKAGES
from twin.store.base import BBox, Feature

Progress = Callable[[float, str], None]
#: fids of features the office created after the export are moved up here, clear of the tablet's new fids
OFFICE_FID_OFFSET = 1_000_000_000

__all__ = ["SyncResult", "check_package", "package_gpkg", "sync_package"]


# --------------------------------------------------------------------------- locating and checking
def package_gpkg(path: str | Path) -> Path:
    """The GeoPackage of a package given as folder, .qgs or .gpkg."""
    p = Path(path)
    gpkg = p / PACKAGE_GPKG if p.is_dir() else p.with_name(PACKAGE_GPKG) if p.suffix.lower() in (".qgs", ".qgz") else p
    if not gpkg.is_file():
        raise PackageError(f"Im Feldpaket fehlt die Datei '{PACKAGE_GPKG}'.", path=p)
    return gpkg


def check_package(project: Any, gpkg: Path) -> tuple[dict[str, Any], Feature]:
    """The package's metadata and registry row; :class:`PackageError` (German) if it must be refused."""
    meta = read_meta(gpkg)
    fmt, pid = meta.get("format"), meta.get("paket_id")
    if not isinstance(fmt, int) or not pid:
        raise PackageError("Das ist kein Stadtzwilling-Feldpaket (Paketangaben unvollständig).", path=gpkg)
    if meta.get("projekt_id") != project.project_id:
        raise PackageError(f"Das Feldpaket stammt aus dem Projekt '{meta.get('projekt')}' (ID "
                           f"{meta.get('projekt_id')}), nicht aus '{project.name}' (ID {project.project_id}). "
                           "Es wird nicht übernommen.", path=gpkg)
    if fmt < FIELD_FORMAT:
        raise PackageError(f"Das Feldpaket hat das ältere Paketformat {fmt} (aktuell {FIELD_FORMAT}). Es wird "
                           "nicht übernommen; bitte die Änderungen mit der Version abgleichen, die es erstellt "
                           "hat, und ein neues Paket ausgeben.", path=gpkg)
    if fmt > FIELD_FORMAT:
        raise PackageError(f"Das Feldpaket hat das neuere Paketformat {fmt}; diese Version von Stadtzwilling "
                           f"kennt nur {FIELD_FORMAT}. Bitte Stadtzwilling aktualisieren.", path=gpkg)
    store = project.store
    row = store.get(FIELD_PACKAGES.name, pid) if store.has_layer(FIELD_PACKAGES.name) else None
    if row is None:
        raise PackageError(f"Das Feldpaket {pid[:8]} ist in diesem Projekt nicht registriert (gelöscht oder aus "
                           "einer anderen Kopie des Projekts). Es wird nicht übernommen.", path=gpkg)
    return meta, row


def sync_layers(project: Any, team: str, meta: dict[str, Any]) -> list[PackageLayer]:
    """The package's tables with exactly the columns it was exported with; columns the team may no longer
    edit are kept for the comparison but never written to the store."""
    current = {ly.name: ly for ly in team_layers(project, team)[0]}
    out = []
    for name, cols in meta["ebenen"].items():
        cur = current.get(name)
        fields = []
        for col in cols:
            f = field_or_none(cur, col)
            fields.append(f if f is not None else FormField(col, "text", col, "versteckt", package_only=True))
        if cur is None:
            cur = PackageLayer(name=name, title=name, key=None, geometry_type=None, has_z=False, editable=False,
                               fields=())
        out.append(replace(cur, fields=tuple(fields)))
    return out


# --------------------------------------------------------------------------- the sync
def sync_package(project: Any, package: str | Path, *, actor: str | None = None, progress: Progress | None = None,
                 cancel: Any = None) -> SyncResult:
    """Merge the tablet's changes of ``package`` into the store (one transaction); see the module doc."""
    t0 = time.perf_counter()
    report = progress or (lambda f, m: None)
    stop = cancel_fn(cancel)
    src = package_gpkg(package)
    report(0.0, "Feldpaket prüfen …")
    meta, reg = check_package(project, src)
    pid, team = meta["paket_id"], meta["team"]
    stand = int(reg.attrs.get("stand") or 0)
    base = snapshot_path(project, pid, stand)
    if not base.is_file():
        raise PackageError(f"Der Abgleichstand {stand} des Pakets fehlt im Projekt ({base}); ohne ihn kann nicht "
                           "sicher zusammengeführt werden.", path=src)
    layers = sync_layers(project, team, meta)
    editable = [ly for ly in layers if ly.editable]
    fids = reg.attrs.get("fid_zuordnung") or {"max": {}, "neu": {}}
    seconds: dict[str, float] = {}
    work_root = project.root / FIELD_DIR / pid
    with tempfile.TemporaryDirectory(prefix=".abgleich-", dir=work_root) as tmp:
        tmpd = Path(tmp)
        tablet = tmpd / "tablet.gpkg"
        _copy_sqlite(src, tablet)  # a consistent copy, including what is still in a -wal file
        diff = pygeodiff.GeoDiff()
        t1 = time.perf_counter()
        ch_all = tmpd / "tablet_alle.bin"
        diff.create_changeset(str(base), str(tablet), str(ch_all))
        if not diff.has_changes(str(ch_all)):
            seconds["gesamt"] = time.perf_counter() - t0
            report(1.0, "Keine neuen Änderungen auf dem Tablet.")
            return SyncResult(pid, team, stand, unchanged=True, seconds=seconds)
        seconds["tablet_aenderungen"] = time.perf_counter() - t1
        if stop():
            raise Cancelled()
        report(0.15, "Stand im Büro zusammenstellen …")
        t1 = time.perf_counter()
        office = tmpd / "buero.gpkg"
        source = _office_rows(project, team, meta, fids)
        write_package_gpkg(office, project.crs, editable, source, meta)
        seconds["buero_stand"] = time.perf_counter() - t1
        if stop():
            raise Cancelled()
        report(0.35, "Änderungen zusammenführen (pygeodiff) …")
        t1 = time.perf_counter()
        names = [ly.name for ly in editable]
        read_only_changes = _read_only_changes(diff, ch_all, tmpd, {ly.name for ly in layers} - set(names))
        merge = pygeodiff.GeoDiff()
        merge.set_tables_to_include(names)
        merged, conflict_file = tmpd / "zusammen.gpkg", tmpd / "konflikte.json"
        shutil.copyfile(tablet, merged)
        ch = tmpd / "neu.bin"
        try:
            merge.rebase(str(base), str(office), str(merged), str(conflict_file))
            merge.create_changeset(str(office), str(merged), str(ch))
        except pygeodiff.GeoDiffLibError as exc:
            raise PackageError(f"Die Änderungen des Tablets lassen sich nicht zusammenführen (pygeodiff: "
                               f"{str(exc).strip()[:300]}). Es wurde nichts übernommen.", path=src) from None
        changes = _list(merge, ch, tmpd / "neu.json")
        conflicts = _list_json(conflict_file) if conflict_file.exists() else []
        seconds["zusammenfuehren"] = time.perf_counter() - t1
        if stop():
            raise Cancelled()
        t1 = time.perf_counter()
        plan = MergePlan(project, meta, layers, base, office, merged, tablet, src.parent)
        plan.collect(changes, conflicts, read_only_changes)
        new_stand = stand + 1
        snap = snapshot_path(project, pid, new_stand)
        shutil.copyfile(tablet, snap)  # referenced only once the transaction below commits
        try:
            result = plan.apply(reg, new_stand, fids, actor, report, stop)
        except BaseException:
            snap.unlink(missing_ok=True)
            plan.remove_copied_photos()
            raise
        seconds["uebernehmen"] = time.perf_counter() - t1
    seconds["gesamt"] = time.perf_counter() - t0
    result.seconds = seconds
    report(1.0, result.summary())
    return result


def _copy_sqlite(src: Path, dst: Path) -> None:
    try:
        con = sqlite3.connect(src.as_posix())
        try:
            out = sqlite3.connect(dst.as_posix())
            with out:
                con.backup(out)
            out.close()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise PackageError(f"Das Feldpaket kann nicht gelesen werden: {exc}", path=src) from None


def _office_rows(project: Any, team: str, meta: dict[str, Any], fids: dict[str, Any]):
    """Rows of the store as the package shows them, with the fids the tablet knows."""
    bbox: BBox | None = tuple(meta["bereich"]) if meta.get("bereich") else None
    source = row_source(project, team, bbox)
    highest, created = fids.get("max", {}), fids.get("neu", {})

    def rows(layer: PackageLayer) -> list[Feature]:
        top, mine = int(highest.get(layer.name, 0)), created.get(layer.name, {})
        out = []
        for f in source(layer):
            key = str(f.attrs.get(layer.key)) if layer.key else None
            fid = mine.get(key) if key in mine else f.fid if f.fid <= top else OFFICE_FID_OFFSET + f.fid
            out.append(Feature(f.attrs, f.geometry, fid=int(fid)))
        return out

    return rows


def _list(diff: pygeodiff.GeoDiff, changeset: Path, out: Path) -> list[dict[str, Any]]:
    if not diff.has_changes(str(changeset)):
        return []
    diff.list_changes(str(changeset), str(out))
    return _list_json(out)


def _list_json(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8")).get("geodiff", [])


def _read_only_changes(diff: pygeodiff.GeoDiff, changeset: Path, tmpd: Path, tables: set[str]) -> list[dict]:
    """Changes the tablet made to tables it may only read (QField does not allow it; GDAL would)."""
    if not tables:
        return []
    return [c for c in _list(diff, changeset, tmpd / "alle.json") if c.get("table") in tables]


