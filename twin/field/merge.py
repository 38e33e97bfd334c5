"""Sorting a sync's changes into store writes and conflicts, and applying them in one transaction.

Input is pygeodiff's changeset office → merged and its conflict report (see :mod:`twin.field.sync`); rows are
read from the package GeoPackages (base, office, merged, tablet) by fid. Updates write only the fields the
tablet really changed (a geometry only if its shape changed: GDAL rewrites the blob of every edited
feature), inserts get their key, meter changes run as one operation each; everything else becomes a row of
``field_conflicts`` that waits for an explicit decision.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from twin.errors import Cancelled
from twin.field.export import FIELD_DIR
from twin.field.package import read_rows
from twin.field.spec import EDITED_AT, EDITED_BY, METER_CHANGES, FormField, PackageLayer
from twin.model.field import (
    DELETION, FIELD_CONFLICTS, FIELD_PACKAGES, FIELD_VALUE, GONE, KEY_TAKEN, METER_CHANGE, OPEN,
)
from twin.store.base import Feature
from twin.store.values import canonical_wkb, now_iso, wkt

Progress = Callable[[float, str], None]
READ_ONLY = "nicht_bearbeitbar"
_ACTIONS = {"insert": "Neues Objekt", "update": "Änderung", "delete": "Löschung"}



@dataclass
class SyncResult:
    """What one sync did."""

    package_id: str
    team: str
    stand: int
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    meter_changes: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    photos: int = 0
    unchanged: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """German one-paragraph summary."""
        if self.unchanged:
            return "Keine neuen Änderungen auf dem Tablet – nichts übernommen."
        parts = [f"{n} neu in {layer}" for layer, n in sorted(self.inserted.items()) if n]
        parts += [f"{n} geändert in {layer}" for layer, n in sorted(self.updated.items()) if n]
        if self.meter_changes:
            parts.append(f"{self.meter_changes} Zählerwechsel")
        text = "Übernommen: " + (", ".join(parts) if parts else "nichts") + "."
        if self.photos:
            text += f" {self.photos} Foto(s) abgelegt."
        if self.conflicts:
            text += (f" {len(self.conflicts)} Konflikt(e) zu entscheiden – diese Werte wurden nicht "
                     "übernommen, sie stehen in der Konfliktliste.")
        return text


def field_or_none(layer: PackageLayer | None, name: str) -> FormField | None:
    if layer is None:
        return None
    try:
        return layer.field(name)
    except KeyError:
        return None


def _columns(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def _json_value(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool, list, dict)):
        return v
    if hasattr(v, "geom_type"):
        return wkt(v)
    return str(v)


# --------------------------------------------------------------------------- planning and applying
@dataclass
class _Edit:
    layer: PackageLayer
    fid: int
    kind: str  # insert, update, delete
    columns: list[str] = field(default_factory=list)


class MergePlan:
    """The tablet's changes sorted into store writes and conflicts, then applied in one transaction."""

    def __init__(self, project: Any, meta: dict[str, Any], layers: list[PackageLayer], base: Path, office: Path,
                 merged: Path, tablet: Path, package_dir: Path) -> None:
        self.project, self.meta = project, meta
        self.layers = {ly.name: ly for ly in layers}
        self.base, self.office, self.merged, self.tablet, self.package_dir = base, office, merged, tablet, package_dir
        self.edits: list[_Edit] = []
        self.conflicted: dict[tuple[str, int], dict[str, Any]] = defaultdict(dict)
        self.conflict_rows: list[dict[str, Any]] = []
        self.read_only: list[dict[str, Any]] = []
        self.copied: list[Path] = []
        self.stand = 0

    # ----------------------------------------------------------------- collecting
    def collect(self, changes: list[dict], conflicts: list[dict], read_only: list[dict]) -> None:
        cols = {name: _columns(self.merged, name) for name, ly in self.layers.items() if ly.editable}
        for c in changes:
            layer = self.layers[c["table"]]
            names = cols[layer.name]
            vals = {names[x["column"]]: x for x in c["changes"]}
            fid = int(vals["fid"].get("old", vals["fid"].get("new")))
            changed = [n for n in vals if n != "fid" and "new" in vals[n]]
            self.edits.append(_Edit(layer, fid, c["type"], changed))
        for c in conflicts:
            layer = self.layers.get(c.get("table"))
            if layer is None:
                continue
            names = cols[layer.name]
            for x in c.get("changes", []):
                col = names[x["column"]] if isinstance(x.get("column"), int) else str(x.get("column"))
                self.conflicted[(layer.name, int(c["fid"]))][col] = x
        self.read_only = read_only

    # ----------------------------------------------------------------- applying
    def apply(self, reg: Feature, new_stand: int, fids: dict[str, Any], actor: str | None, report: Progress,
              stop: Callable[[], bool]) -> SyncResult:
        from twin.model.meters import MeterChangeError, change_meter

        project, store = self.project, self.project.store
        pid, team = self.meta["paket_id"], self.meta["team"]
        result = SyncResult(pid, team, new_stand)
        self.stand = new_stand
        created = {k: dict(v) for k, v in (fids.get("neu") or {}).items()}
        by_layer: dict[str, list[_Edit]] = defaultdict(list)
        for e in self.edits:
            by_layer[e.layer.name].append(e)
        total = max(len(self.edits), 1)
        done = 0
        with store.transaction() as conn:
            store.create_layer(FIELD_CONFLICTS)
            for name, edits in by_layer.items():
                layer = edits[0].layer
                fid_list = [e.fid for e in edits]
                new_rows = read_rows(self.merged, layer, fid_list)
                office_rows = read_rows(self.office, layer, fid_list)
                if layer.name == METER_CHANGES:
                    for e in edits:
                        row = new_rows.get(e.fid) or office_rows.get(e.fid)
                        if e.kind != "insert":
                            self._conflict(METER_CHANGE, layer, e.fid, None, data=row,
                                           message="Ein schon übernommener Zählerwechsel wurde auf dem Tablet "
                                                   "nachträglich geändert oder gelöscht; bitte im Büro prüfen.")
                            continue
                        a = row.attrs
                        try:
                            with conn.begin_nested():
                                change_meter(project, a.get("alter_zaehler") or "", a.get("neuer_zaehler") or "",
                                             _date(a.get("wechseldatum")), a.get("zaehlerstand_alt"),
                                             a.get("zaehlerstand_neu") or 0.0, self._actor(row, actor),
                                             zaehlerart=a.get("zaehlerart_neu"), eichjahr=a.get("eichjahr_neu"))
                            result.meter_changes += 1
                        except (MeterChangeError, ValueError, TypeError) as exc:
                            self._conflict(METER_CHANGE, layer, e.fid, None, data=row,
                                           message=f"Zählerwechsel nicht möglich: {exc}")
                    done += len(edits)
                    continue
                keys_by_fid = {fid: str(r.attrs[layer.key]) for fid, r in office_rows.items()}
                stored = {str(f.attrs[layer.key]): f for f in store.features(
                    layer.name, store.table(layer.name).c[layer.key].in_(sorted(set(keys_by_fid.values()))))}
                writes: dict[str, list[Feature]] = defaultdict(list)
                new_keys = sorted({str(r.attrs[layer.key]) for e in edits if e.kind == "insert"
                                   for r in [new_rows.get(e.fid)] if r is not None and r.attrs.get(layer.key)})
                taken = set(store.keys(layer.name, store.table(layer.name).c[layer.key].in_(new_keys))) \
                    if new_keys else set()  # keys the tablet's new features may not take
                for e in edits:
                    if stop():
                        raise Cancelled()
                    row = new_rows.get(e.fid)
                    if e.kind == "delete":
                        old = office_rows.get(e.fid)
                        self._conflict(DELETION, layer, e.fid, old.attrs.get(layer.key) if old else None,
                                       data=old, message="Auf dem Tablet gelöscht. Löschen bestätigen oder "
                                                         "Objekt behalten.")
                        continue
                    if e.kind == "insert":
                        self._insert(layer, e, row, created, writes, taken, actor, result)
                        continue
                    key = keys_by_fid.get(e.fid)
                    feat = stored.get(key) if key is not None else None
                    if feat is None:
                        self._conflict(GONE, layer, e.fid, key, data=row,
                                       message="Das Objekt gibt es im Datenbestand nicht mehr; die Änderung "
                                               "vom Tablet wurde nicht übernommen.")
                        continue
                    attrs, geom, n = dict(feat.attrs), feat.geometry, 0
                    for col in e.columns:
                        if col in self.conflicted.get((layer.name, e.fid), {}):
                            continue
                        if col == "geom":  # GDAL rewrites the blob of every edited feature: compare shapes
                            office = office_rows.get(e.fid)
                            if office is None or not _same_shape(row.geometry, office.geometry):
                                geom, n = row.geometry, n + 1
                            continue
                        f = field_or_none(layer, col)
                        if f is None or f.package_only:
                            continue
                        if f.widget == "nur_lesen" or col == layer.key:
                            self._conflict(READ_ONLY, layer, e.fid, key, field=col, data=row,
                                           message=f"Das Feld '{f.title}' ist im Feld nur zu lesen; der Wert vom "
                                                   "Tablet wurde nicht übernommen.")
                            continue
                        attrs[col], n = row.attrs.get(col), n + 1
                    if n:
                        writes[self._actor(row, actor)].append(Feature(attrs, geom))
                        result.updated[layer.name] = result.updated.get(layer.name, 0) + 1
                for who, feats in writes.items():
                    self._take_photos(layer, feats)
                    store.upsert(layer.name, feats, actor=who)
                done += len(edits)
                report(0.5 + 0.4 * done / total, f"{layer.title}: Änderungen übernommen …")
            self._record_conflicts()
            for c in self.read_only:
                layer, fid = self.layers[c["table"]], _fid_of(c)
                row = read_rows(self.tablet, layer, [fid]).get(fid) or read_rows(self.base, layer, [fid]).get(fid)
                key = row.attrs.get(layer.key) if row is not None and layer.key else None
                self._conflict(READ_ONLY, layer, fid, key, data=row,
                               message=f"{_ACTIONS.get(c['type'], 'Änderung')} im Layer '{layer.title}', der im "
                                       "Feld nur zu lesen ist; nicht übernommen.")
            if self.conflict_rows:
                store.upsert(FIELD_CONFLICTS.name, [Feature(r) for r in self.conflict_rows],
                             actor=actor or f"Feldsynchronisation {team}")
            result.conflicts = list(self.conflict_rows)
            store.upsert(FIELD_PACKAGES.name, [Feature({
                **reg.attrs, "stand": new_stand, "zuletzt_synchronisiert": now_iso(),
                "synchronisationen": int(reg.attrs.get("synchronisationen") or 0) + 1,
                "fid_zuordnung": {"max": fids.get("max", {}), "neu": created},
            }, reg.geometry)], actor=actor or f"Feldsynchronisation {team}")
            report(0.95, "Abschließen …")
            if stop():
                raise Cancelled()
        result.photos = len(self.copied)
        return result

    def _insert(self, layer: PackageLayer, e: _Edit, row: Feature, created: dict[str, dict[str, int]],
                writes: dict[str, list[Feature]], taken: set[str], actor: str | None, result: SyncResult) -> None:
        attrs = {f.name: row.attrs.get(f.name) for f in layer.fields if not f.package_only}
        key = attrs.get(layer.key)
        if key in (None, ""):  # a generated key was not among the ones looked up beforehand
            key = f"{self.meta['team']}-{self.meta['paket_id'][:6]}-{e.fid}"
            attrs[layer.key] = key
            if self.project.store.get(layer.name, key) is not None:
                taken.add(key)
        key = str(key)
        if key in taken:
            self._conflict(KEY_TAKEN, layer, e.fid, key, data=row,
                           message=f"Auf dem Tablet neu angelegt, aber '{key}' gibt es schon im Datenbestand. "
                                   "Übernehmen (überschreibt die Werte) oder verwerfen.")
            return
        taken.add(key)
        writes[self._actor(row, actor)].append(Feature(attrs, row.geometry))
        created.setdefault(layer.name, {})[key] = e.fid
        result.inserted[layer.name] = result.inserted.get(layer.name, 0) + 1

    def _record_conflicts(self) -> None:
        """One conflict row per field changed on both sides (the office value stayed in the store), or one
        per feature the office deleted while the tablet changed it."""
        for (lname, fid), cols in self.conflicted.items():
            layer = self.layers[lname]
            office = read_rows(self.office, layer, [fid]).get(fid)
            key = str(office.attrs[layer.key]) if office is not None and layer.key else None
            if office is None:
                tablet = read_rows(self.tablet, layer, [fid]).get(fid)
                key = str(tablet.attrs[layer.key]) if tablet is not None and layer.key else None
                self._conflict(GONE, layer, fid, key, data=tablet,
                               message="Im Büro gelöscht, auf dem Tablet geändert; nicht übernommen.")
                continue
            for col in cols:
                f = field_or_none(layer, col)
                if col == "geom":
                    base = read_rows(self.base, layer, [fid]).get(fid)
                    tablet = read_rows(self.tablet, layer, [fid]).get(fid)
                    if base is None or tablet is None or not _same_shape(base.geometry, tablet.geometry):
                        self._value_conflict(layer, fid, col, key)
                elif f is not None and not f.package_only:
                    self._value_conflict(layer, fid, col, key)

    def _value_conflict(self, layer: PackageLayer, fid: int, col: str, key: str | None) -> None:
        base = read_rows(self.base, layer, [fid]).get(fid)
        office = read_rows(self.office, layer, [fid]).get(fid)
        tablet = read_rows(self.tablet, layer, [fid]).get(fid)

        def val(r: Feature | None) -> Any:
            if r is None:
                return None
            return _json_value(r.geometry if col == "geom" else r.attrs.get(col))

        self._conflict(FIELD_VALUE, layer, fid, key, field=col, data=tablet,
                       values=(val(base), val(office), val(tablet)),
                       message=f"„{_title(layer, col)}“ wurde im Büro und auf dem Tablet geändert.")

    def _conflict(self, kind: str, layer: PackageLayer, fid: int, key: Any, *, field: str | None = None,
                  data: Feature | None = None, values: tuple[Any, Any, Any] | None = None,
                  message: str = "") -> None:
        pid, stand = self.meta["paket_id"], self.stand
        cid = f"{pid[:6]}-{stand}-{len(self.conflict_rows) + 1}"  # short: typed on the command line
        attrs = data.attrs if data is not None else {}
        payload = None
        if data is not None:
            payload = {k: _json_value(v) for k, v in data.attrs.items()}
            if data.geometry is not None:
                payload["geometry"] = wkt(data.geometry)
        b, o, t = values if values is not None else (None, None, None)
        self.conflict_rows.append({
            "konflikt_id": cid, "paket_id": pid, "stand": stand, "art": kind, "layer": layer.name,
            "objekt": None if key is None else str(key), "feld": field, "wert_basis": b, "wert_buero": o,
            "wert_tablet": t, "daten_tablet": payload, "meldung": message,
            "bearbeitet_von": attrs.get(EDITED_BY), "bearbeitet_am": _json_value(attrs.get(EDITED_AT)),
            "status": OPEN, "entscheidung": None, "entschieden_von": None, "entschieden_am": None,
        })

    def _actor(self, row: Feature | None, actor: str | None) -> str:
        """Who, for the history: the name QField recorded (else the syncing user), the team and the day of the
        edit on the tablet – per day, so that one person's edits are written in one batch."""
        team = self.meta.get("team_titel") or self.meta["team"]
        who = (row.attrs.get(EDITED_BY) if row is not None else None) or actor
        when = row.attrs.get(EDITED_AT) if row is not None else None
        tablet = f"Tablet, bearbeitet am {str(when)[:10]}" if when else "Tablet"
        return f"{who} (Feldteam {team}, {tablet})" if who else f"Feldteam {team} ({tablet})"

    def _take_photos(self, layer: PackageLayer, feats: list[Feature]) -> None:
        """Copy photos the rows name from the package into the project; the row then names the copy."""
        photo_cols = [f.name for f in layer.fields if f.widget == "foto" and not f.package_only]
        if not photo_cols:
            return
        dest_dir = self.project.root / FIELD_DIR / "fotos" / self.meta["paket_id"]
        for feat in feats:
            for col in photo_cols:
                rel = feat.attrs.get(col)
                if not rel or str(rel).startswith(f"{FIELD_DIR}/"):
                    continue
                src = (self.package_dir / str(rel)).resolve()
                if not src.is_file() or self.package_dir.resolve() not in src.parents:
                    continue
                dest_dir.mkdir(parents=True, exist_ok=True)
                dest = dest_dir / src.name
                shutil.copyfile(src, dest)
                self.copied.append(dest)
                feat.attrs[col] = dest.relative_to(self.project.root).as_posix()

    def remove_copied_photos(self) -> None:
        for p in self.copied:
            p.unlink(missing_ok=True)


def _title(layer: PackageLayer, col: str) -> str:
    if col == "geom":
        return "Lage (Geometrie)"
    f = field_or_none(layer, col)
    return f.title if f is not None else col


def _same_shape(a: Any, b: Any) -> bool:
    """Same geometry regardless of how the GeoPackage blob was written (envelope, byte order)."""
    return canonical_wkb(a) == canonical_wkb(b)


def _fid_of(change: dict[str, Any]) -> int:
    for x in change.get("changes", []):
        if x.get("column") == 0:
            return int(x.get("old", x.get("new")))
    return -1


def _date(v: Any):
    from datetime import date

    if v is None:
        raise ValueError("Datum des Wechsels fehlt")
    return date.fromisoformat(str(v)[:10])
