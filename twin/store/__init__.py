"""The spatial store: one API over GeoPackage (embedded default) and PostGIS (shared)."""

from twin.store.base import BBox, Feature, Store, UpsertResult
from twin.store.schema import Field, LayerSchema

__all__ = ["BBox", "Feature", "Field", "LayerSchema", "Store", "UpsertResult"]
