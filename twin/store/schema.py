"""Declared layer schemas: what a store table holds, independent of the backend."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from twin.errors import SchemaError

FIELD_TYPES = ("text", "integer", "real", "boolean", "datetime", "date", "json")
GEOMETRY_TYPES = (
    "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRY",
)
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
RESERVED = {"fid", "geom"}


@dataclass(frozen=True)
class Field:
    """One attribute column."""

    name: str
    type: str = "text"
    title: str | None = None

    def __post_init__(self) -> None:
        _check_ident(self.name, "Feldname")
        if self.name in RESERVED:
            raise SchemaError(f"Der Feldname '{self.name}' ist reserviert.")
        if self.type not in FIELD_TYPES:
            raise SchemaError(
                f"Feld '{self.name}': unbekannter Typ '{self.type}' (erlaubt: {', '.join(FIELD_TYPES)})."
            )


@dataclass(frozen=True)
class LayerSchema:
    """A vector layer (or attribute table when ``geometry_type`` is None) with a natural key."""

    name: str
    key: str
    fields: tuple[Field, ...]
    geometry_type: str | None = "GEOMETRY"
    has_z: bool = False
    title: str = ""
    description: str = ""
    #: holds personal data (DSGVO): the role policy never lets such a layer leave the store for Rat/Bürger
    personal: bool = False

    def __post_init__(self) -> None:
        _check_ident(self.name, "Layername")
        if self.geometry_type is not None and self.geometry_type not in GEOMETRY_TYPES:
            raise SchemaError(f"Layer '{self.name}': unbekannter Geometrietyp '{self.geometry_type}'.")
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise SchemaError(f"Layer '{self.name}': Feldnamen sind doppelt vergeben.")
        if self.key not in names:
            raise SchemaError(f"Layer '{self.name}': Schlüsselfeld '{self.key}' ist nicht deklariert.")

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def subset(self, fields: list[str] | tuple[str, ...], *, geometry: bool = True) -> LayerSchema:
        """The same layer restricted to ``fields`` (in declaration order) and, if not ``geometry``, no geometry."""
        wanted = set(fields)
        return replace(self, fields=tuple(f for f in self.fields if f.name in wanted),
                       geometry_type=self.geometry_type if geometry else None)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise SchemaError(f"Layer '{self.name}' hat kein Feld '{name}'.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "fields": [{"name": f.name, "type": f.type, "title": f.title} for f in self.fields],
            "geometry_type": self.geometry_type,
            "has_z": self.has_z,
            "title": self.title,
            "description": self.description,
            "personal": self.personal,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LayerSchema:
        return cls(
            name=d["name"],
            key=d["key"],
            fields=tuple(Field(**f) for f in d["fields"]),
            geometry_type=d.get("geometry_type"),
            has_z=bool(d.get("has_z")),
            title=d.get("title", ""),
            description=d.get("description", ""),
            personal=bool(d.get("personal", False)),
        )


def _check_ident(name: str, what: str) -> None:
    if not _IDENT.match(name or ""):
        raise SchemaError(
            f"{what} '{name}' ist ungültig: nur Kleinbuchstaben, Ziffern und '_' , beginnend mit einem Buchstaben."
        )
