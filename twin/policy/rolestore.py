"""A role session dressed as a read-only store, so the layer engine builds a twin variant from the policy.

The layer builders read ``project.store`` (``has_layer``, ``schema``, ``features``, ``rasters`` …). Given
a :class:`RoleStore` instead, every one of those reads goes through :class:`RoleSession` – hidden layers
do not exist, hidden columns are not selected, hidden rows are filtered in the query – so the Rats-
and Bürgerzwilling are composed by construction, not by hiding things in the view. Anything else of
the store (history, provenance, raw connections, writes) is refused.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from twin.errors import AccessDenied, StoreError
from twin.policy.session import RoleSession
from twin.store.base import BBox, Feature
from twin.store.schema import LayerSchema


class RoleStore:
    """Read-only, policy-bound stand-in for a :class:`twin.store.base.Store`."""

    def __init__(self, session: RoleSession) -> None:
        self.session = session
        self.backend = session.store.backend

    def has_layer(self, name: str) -> bool:
        return name in self.session.layer_names()

    def layer_names(self) -> list[str]:
        return self.session.layer_names()

    def schema(self, name: str) -> LayerSchema:
        return self.session.schema(name)

    def table(self, name: str) -> sa.Table:
        """The table, to build filters with; a filter on a hidden column is refused when it is used."""
        self.session.schema(name)  # AccessDenied for a hidden layer
        return self.session.store.table(name)

    def features(self, layer: str, where: Any = None) -> list[Feature]:
        return self.session.features(layer, where)

    def get(self, layer: str, key: str) -> Feature | None:
        return self.session.get(layer, key)

    def keys(self, layer: str, where: Any = None) -> list[str]:
        key = self.schema(layer).key
        return [str(f.attrs[key]) for f in self.features(layer, where)]

    def count(self, layer: str) -> int:
        return self.session.count(layer)

    def query_bbox(self, layer: str, bbox: BBox, *, geometry: bool = True) -> list[Feature]:
        feats = self.session.query_bbox(layer, bbox)
        if not geometry:
            for f in feats:
                f.geometry = None
        return feats

    def rasters(self, kind: str | None = None) -> list[dict[str, Any]]:
        return self.session.rasters(kind)

    def _read_only(self, *_: Any, **__: Any) -> Any:
        raise StoreError(f"Der {self.session.title} ist eine Leseansicht; hier wird nichts geändert.")

    upsert = delete = create_layer = register_raster = _read_only

    def __getattr__(self, name: str) -> Any:
        raise AccessDenied(f"'{name}' ist im {self.session.title} nicht verfügbar.")
