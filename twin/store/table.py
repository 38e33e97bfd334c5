"""A columnar batch of features: what bulk writers (importers) hand to ``Store.upsert``.

Building 100 000 ``Feature`` objects with a dict each costs more than the import itself;
an importer that parses its file column by column passes the columns on as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from shapely.geometry.base import BaseGeometry


@dataclass
class FeatureTable:
    """Features as columns: ``columns[name][i]`` is field ``name`` of feature i, ``geometry[i]`` its shape.

    A column is a list or a 1-D numpy array; ``None`` (and NaN in a float array) means no value.
    ``geometry`` is a sequence or object array of shapely geometries (or ``None``), or ``None`` for a
    layer without geometry. All columns have the same length.
    """

    columns: dict[str, Sequence[Any] | np.ndarray]
    geometry: Sequence[BaseGeometry | None] | np.ndarray | None = None
    _n: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        lengths = {len(v) for v in self.columns.values()}
        if self.geometry is not None:
            lengths.add(len(self.geometry))
        if len(lengths) > 1:
            raise ValueError(f"FeatureTable: Spalten verschieden lang ({sorted(lengths)})")
        self._n = lengths.pop() if lengths else 0

    def __len__(self) -> int:
        return self._n

    @classmethod
    def from_features(cls, features: Iterable[Any], names: Sequence[str] | None = None) -> FeatureTable:
        """Columns from ``Feature`` objects (attributes missing in a feature become ``None``)."""
        feats = list(features)
        if names is None:
            seen: dict[str, None] = {}
            for f in feats:
                seen.update(dict.fromkeys(f.attrs))
            names = list(seen)
        cols = {n: [f.attrs.get(n) for f in feats] for n in names}
        return cls(cols, [f.geometry for f in feats])

    def slice(self, start: int, stop: int) -> FeatureTable:
        """Rows start … stop-1 as a new table (views where the columns are arrays)."""
        geom = None if self.geometry is None else self.geometry[start:stop]
        return FeatureTable({n: c[start:stop] for n, c in self.columns.items()}, geom)

    def select(self, index: np.ndarray | Sequence[int]) -> FeatureTable:
        """The rows at these positions, in this order."""
        idx = np.asarray(index, dtype=np.intp)
        if len(idx) == self._n and (self._n == 0 or (idx[0] == 0 and np.all(np.diff(idx) == 1))):
            return self
        pos = idx.tolist()

        def take(col: Any) -> Any:
            if isinstance(col, np.ndarray):
                return col[idx]
            return list(map(col.__getitem__, pos))

        geom = None if self.geometry is None else take(self.geometry)
        return FeatureTable({n: take(c) for n, c in self.columns.items()}, geom)

    def attrs(self, i: int) -> dict[str, Any]:
        """Attributes of row i (NaN in a float column reads as ``None``)."""
        return {n: _scalar(c[i]) for n, c in self.columns.items()}

    def rows(self) -> Iterator[tuple[dict[str, Any], BaseGeometry | None]]:
        """(attributes, geometry) per row – the slow way, for small tables and updates."""
        for i in range(self._n):
            yield self.attrs(i), None if self.geometry is None else self.geometry[i]


def _scalar(v: Any) -> Any:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and v != v:
        return None
    return v


def column_values(col: Sequence[Any] | np.ndarray) -> list[Any]:
    """A column as a list of Python values (NaN → None, numpy scalars → Python)."""
    if isinstance(col, np.ndarray):
        if col.dtype.kind == "f":
            out = col.astype(object)
            out[np.isnan(col)] = None
            return out.tolist()
        if col.dtype.kind in "iub":
            return col.tolist()
        return [_scalar(v) for v in col.tolist()]
    return list(col)


__all__ = ["FeatureTable", "column_values"]
