"""Planning variants: their two store layers, release states, records and the target-layer lookup.

A variant is stored as ordinary layers of the project store (both backends, audit history for free):

* ``variants`` (no geometry): one row per variant, key ``variant_id`` (the variant's short name).
* ``variant_changes``: one row per changed feature, key ``<variant>|<layer>|<feature key>``; the action
  (``add``/``modify``/``remove``), the new attribute values as JSON (all values for ``add``, only the
  changed ones for ``modify``) and the geometry (3D; 2D target layers get it back without z): the new one
  where ``geometry_changed``, else the base feature's as it was when the change was recorded (so that a
  removed feature can still be shown where it was; on read the base geometry counts).

The base layers are never written by a variant; :mod:`twin.variants.read` applies the changes on read.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from shapely.geometry.base import BaseGeometry

from twin.errors import SchemaError, TwinError
from twin.store.base import Store
from twin.store.schema import Field, LayerSchema

VARIANTS = LayerSchema(
    name="variants",
    key="variant_id",
    title="Planungsvarianten",
    description="Benannte Änderungen am Bestand (Bäume pflanzen, entsiegeln, bauen …) mit Freigabestand",
    geometry_type=None,
    fields=(
        Field("variant_id", "text", "Kurzname"),
        Field("title", "text", "Titel"),
        Field("description", "text", "Beschreibung"),
        Field("release_state", "text", "Freigabe (intern/rat/oeffentlich)"),
        Field("created_by", "text", "Angelegt von"),
        Field("created_at", "datetime", "Angelegt am"),
        Field("updated_by", "text", "Geändert von"),
        Field("updated_at", "datetime", "Geändert am"),
    ),
)

VARIANT_CHANGES = LayerSchema(
    name="variant_changes",
    key="change_id",
    title="Änderungen der Planungsvarianten",
    description="Je Variante und Objekt eine Änderung: hinzufügen, ändern oder entfernen",
    geometry_type="GEOMETRY",
    has_z=True,
    fields=(
        Field("change_id", "text", "Änderungs-ID"),
        Field("variant_id", "text", "Variante"),
        Field("target_layer", "text", "Layer"),
        Field("feature_key", "text", "Objektschlüssel"),
        Field("action", "text", "Aktion (add/modify/remove)"),
        Field("new_values", "json", "Neue Attributwerte"),
        Field("geometry_changed", "boolean", "Geometrie geändert"),
    ),
)

SYSTEM_LAYERS = (VARIANTS.name, VARIANT_CHANGES.name)

INTERN, RAT, OEFFENTLICH = "intern", "rat", "oeffentlich"
#: release states in order of widening audience, with their German labels
STATE_LABELS = {INTERN: "intern", RAT: "für den Rat freigegeben", OEFFENTLICH: "öffentlich"}
#: audience (role) -> release states it may see; None = all (Verwaltung)
AUDIENCE_STATES: dict[str | None, tuple[str, ...]] = {
    None: (INTERN, RAT, OEFFENTLICH), "verwaltung": (INTERN, RAT, OEFFENTLICH),
    "rat": (RAT, OEFFENTLICH), "buerger": (OEFFENTLICH,),
}
ADD, MODIFY, REMOVE = "add", "modify", "remove"
ACTIONS = (ADD, MODIFY, REMOVE)
ACTION_LABELS = {ADD: "neu", MODIFY: "geändert", REMOVE: "entfernt"}


class VariantError(TwinError, ValueError):
    """A variant or one of its changes is invalid (German message); nothing was written."""


def parse_state(value: str) -> str:
    """A release state from its code or German label ('öffentlich', 'für den Rat freigegeben')."""
    v = str(value).strip().casefold().replace("ö", "oe")
    for code, label in STATE_LABELS.items():
        if v in (code, label.casefold().replace("ö", "oe")):
            return code
    raise VariantError(f"Unbekannter Freigabestand '{value}'; erlaubt sind: {', '.join(STATE_LABELS)}.")


def states_for(released_for: str | None) -> tuple[str, ...]:
    """Release states visible to an audience: None/'verwaltung' all, 'rat' rat+oeffentlich, 'buerger' oeffentlich."""
    try:
        return AUDIENCE_STATES[released_for]
    except KeyError:
        raise VariantError(f"Unbekannte Zielgruppe '{released_for}'; erlaubt: verwaltung, rat, buerger.") from None


@dataclass(frozen=True)
class Variant:
    """One planning variant as stored (``id`` is its short name)."""

    id: str
    title: str
    description: str = ""
    release_state: str = INTERN
    created_by: str | None = None
    created_at: str | None = None
    updated_by: str | None = None
    updated_at: str | None = None

    @property
    def name(self) -> str:
        return self.id

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.release_state, self.release_state)

    @classmethod
    def from_attrs(cls, a: dict[str, Any]) -> Variant:
        return cls(id=str(a["variant_id"]), title=a.get("title") or str(a["variant_id"]),
                   description=a.get("description") or "", release_state=a.get("release_state") or INTERN,
                   created_by=a.get("created_by"), created_at=a.get("created_at"),
                   updated_by=a.get("updated_by"), updated_at=a.get("updated_at"))


@dataclass
class Change:
    """One change of a variant to one feature of a target layer."""

    variant_id: str
    layer: str
    key: str
    action: str
    values: dict[str, Any] = field(default_factory=dict)
    #: the new geometry; None = unchanged (or removed)
    geometry: BaseGeometry | None = None
    #: where the feature is in the variant (or was, for a removal), for display
    shape: BaseGeometry | None = None

    @property
    def id(self) -> str:
        return change_id(self.variant_id, self.layer, self.key)


def change_id(variant_id: str, layer: str, key: str) -> str:
    return f"{variant_id}|{layer}|{key}"


@cache
def model_schemas() -> dict[str, LayerSchema]:
    """Every layer schema declared in the modules of :mod:`twin.model`, by layer name.

    A variant may add features to such a layer before the base data have any (plant the first trees).
    """
    import twin.model

    found: dict[str, LayerSchema] = {}
    for info in pkgutil.iter_modules(twin.model.__path__):
        module = importlib.import_module(f"twin.model.{info.name}")
        for value in vars(module).values():
            if isinstance(value, LayerSchema):
                found.setdefault(value.name, value)
    return found


def target_schema(store: Store, layer: str) -> LayerSchema:
    """The schema of a layer a variant may change: in the store, else declared in :mod:`twin.model`."""
    if layer in SYSTEM_LAYERS:
        raise SchemaError(f"Der Layer '{layer}' gehört zur Variantenverwaltung und kann nicht geplant werden.")
    if store.has_layer(layer):
        return store.schema(layer)
    schema = model_schemas().get(layer)
    if schema is None:
        raise SchemaError(f"Der Layer '{layer}' existiert nicht im Datenbestand.")
    return schema
