"""The spatial store: one API over GeoPackage (embedded default) and PostGIS (shared)."""

from twin.store.base import BBox, Feature, Store, UpsertResult
from twin.store.schema import Field, LayerSchema
from twin.store.table import FeatureTable

__all__ = ["BBox", "Feature", "FeatureTable", "Field", "LayerSchema", "Store", "UpsertResult"]
