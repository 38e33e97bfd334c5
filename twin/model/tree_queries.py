"""Questions about the tree layer that field staff and the Grünflächenamt ask (no importer needed)."""

from __future__ import annotations

from datetime import date

from twin.store import Feature
from twin.store.base import Store


def overdue_trees(store: Store, on_date: date) -> list[Feature]:
    """Trees whose next inspection (``naechste_kontrolle``) lies before ``on_date``, earliest first.

    Trees without a next inspection date are not listed (see :func:`trees_without_inspection_date`).
    """
    if not store.has_layer("trees"):
        return []
    t = store.table("trees")
    feats = store.features("trees", t.c.naechste_kontrolle.isnot(None))
    day = on_date.isoformat()
    out = [f for f in feats if str(f.attrs["naechste_kontrolle"])[:10] < day]
    return sorted(out, key=lambda f: (str(f.attrs["naechste_kontrolle"]), str(f.attrs["baumnummer"])))


def trees_without_inspection_date(store: Store) -> list[Feature]:
    """Trees with neither a last nor a next inspection date (they cannot be scheduled)."""
    if not store.has_layer("trees"):
        return []
    t = store.table("trees")
    return store.features("trees", t.c.naechste_kontrolle.is_(None) & t.c.letzte_kontrolle.is_(None))
