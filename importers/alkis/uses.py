"""Use objects of a full delivery replace the stored tessellation where the delivery has use objects."""

from __future__ import annotations

import shapely

from twin.model.land_use import LAND_USE
from twin.store import Feature, Store


def replaced_uses(store: Store, uses: list[Feature], *, actor: str, provenance_id: int | None) -> int:
    """Delete stored use objects that lie in the area the new ones cover but are not among them (in ALKIS a
    changed use is a new object with a new Objektkennung; the old one ends). Inside the caller's transaction;
    returns the number deleted (their old values go to the audit history)."""
    if not store.has_layer(LAND_USE.name):
        return 0
    new_ids = {str(f.attrs["gml_id"]) for f in uses}
    covered = shapely.union_all([f.geometry for f in uses])
    x0, y0, x1, y1 = covered.bounds
    stale = [f for f in store.query_bbox(LAND_USE.name, (x0, y0, x1, y1))
             if str(f.attrs["gml_id"]) not in new_ids and f.geometry is not None
             and covered.contains(f.geometry.representative_point())]
    if not stale:
        return 0
    return store.delete(LAND_USE.name, [str(f.attrs["gml_id"]) for f in stale], actor=actor,
                        provenance_id=provenance_id)
