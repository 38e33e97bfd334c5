"""Provenance, audit history and raster records of a store (a mix-in of :class:`twin.store.base.Store`)."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from twin.store.values import CHUNK, loads, now_iso

BBox = tuple[float, float, float, float]


class RecordsMixin:
    """Provenance rows, history (reverse deltas) and the raster register; needs the Store's tables."""

    def record_provenance(self, *, source_file: str, sha256: str, importer: str, counts: dict[str, Any],
                          actor: str = "system", source_crs: str | None = None) -> int:
        """Write one provenance row (source file, hash, time, counts); returns its id."""
        with self.transaction() as conn:
            res = conn.execute(sa.insert(self.provenance_table).values(
                source_file=source_file, sha256=sha256, importer=importer, imported_at=now_iso(), actor=actor,
                source_crs=source_crs, counts=json.dumps(counts, sort_keys=True, ensure_ascii=False),
            ))
            return int(res.inserted_primary_key[0])

    def update_provenance_counts(self, provenance_id: int, counts: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(sa.update(self.provenance_table).where(self.provenance_table.c.id == provenance_id)
                         .values(counts=json.dumps(counts, sort_keys=True, ensure_ascii=False)))

    def provenance(self) -> list[dict[str, Any]]:
        with self.transaction() as conn:
            rows = conn.execute(sa.select(self.provenance_table).order_by(self.provenance_table.c.id)).mappings().all()
        return [{**r, "counts": json.loads(r["counts"])} for r in rows]

    def history(self, layer: str | None = None, key: str | None = None) -> list[dict[str, Any]]:
        """Audit rows (who, when, what, old and new values), oldest first."""
        t = self.history_table
        stmt = sa.select(t).order_by(t.c.id)
        if layer:
            stmt = stmt.where(t.c.layer == layer)
        if key is not None:
            stmt = stmt.where(t.c.feature_key == str(key))
        with self.transaction() as conn:
            rows = conn.execute(stmt).mappings().all()
        out = [{**r, "old_values": loads(r["old_values"]), "new_values": loads(r["new_values"])} for r in rows]
        self._restore_inserts(out)
        return out

    def _restore_inserts(self, rows: list[dict[str, Any]]) -> None:
        """Fill ``new_values`` of insert rows, which the store does not write twice.

        History is kept as reverse deltas: an insert row names who, when and from which import; the
        values it wrote are the feature's values before its next change, i.e. the current row (or the
        old values of a later delete) with the old values of every later update put back.
        """
        todo = [r for r in rows if r["action"] == "insert" and r["new_values"] is None]
        by_layer: dict[str, set[str]] = {}
        for r in todo:
            if r["layer"] in self._schemas:
                by_layer.setdefault(r["layer"], set()).add(r["feature_key"])
        t = self.history_table
        for layer, keys in by_layer.items():
            schema, table = self.schema(layer), self.table(layer)
            events: dict[str, list[dict[str, Any]]] = {}
            current: dict[str, dict[str, Any]] = {}
            with self.transaction() as conn:
                for i in range(0, len(keys), CHUNK):
                    part = sorted(keys)[i:i + CHUNK]
                    for r in conn.execute(sa.select(t).where(t.c.layer == layer, t.c.feature_key.in_(part))
                                          .order_by(t.c.id)).mappings():
                        events.setdefault(r["feature_key"], []).append(dict(r))
                    for f in self._select(conn, schema, table, table.c[schema.key].in_(part), geometry=False):
                        current[str(f.attrs[schema.key])] = f.attrs
            restored: dict[int, dict[str, Any]] = {}
            for key, evs in events.items():
                state = dict(current[key]) if key in current else None
                for ev in reversed(evs):
                    if ev["action"] == "delete":
                        state = {k: v for k, v in (loads(ev["old_values"]) or {}).items() if k != "geometry"}
                    elif ev["action"] == "update" and state is not None:
                        state.update({k: v for k, v in (loads(ev["old_values"]) or {}).items() if k != "geometry"})
                    elif ev["action"] == "insert":
                        restored[ev["id"]] = ({n: (state or {}).get(n) for n in schema.field_names}
                                              if ev["new_values"] is None else loads(ev["new_values"]))
                        state = None
            for r in todo:
                if r["layer"] == layer and r["id"] in restored:
                    r["new_values"] = restored[r["id"]]

    # ----------------------------------------------------------------- rasters
    def register_raster(self, *, name: str, kind: str, path: str, crs: str, bounds: BBox,
                        resolution: tuple[float, float], sha256: str, provenance_id: int | None) -> None:
        """Record a raster file of the project (insert or replace by name)."""
        t = self.rasters_table
        values = dict(kind=kind, path=path, crs=crs, bounds=json.dumps(list(bounds)),
                      resolution=json.dumps(list(resolution)), sha256=sha256, provenance_id=provenance_id)
        with self.transaction() as conn:
            if conn.execute(sa.select(t.c.name).where(t.c.name == name)).first():
                conn.execute(sa.update(t).where(t.c.name == name).values(**values))
            else:
                conn.execute(sa.insert(t).values(name=name, **values))

    def rasters(self, kind: str | None = None) -> list[dict[str, Any]]:
        t = self.rasters_table
        stmt = sa.select(t).order_by(t.c.name)
        if kind:
            stmt = stmt.where(t.c.kind == kind)
        with self.transaction() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [{**r, "bounds": tuple(json.loads(r["bounds"])), "resolution": tuple(json.loads(r["resolution"]))}
                for r in rows]
