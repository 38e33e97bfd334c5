"""The role policy as data: which role sees which layers, columns, rows and aggregations.

A project's ``policy.toml`` (default: ``twin/policy/default_policy.toml``, the table of the brief)::

    [roles.rat]
    title = "Ratszwilling"
    hidden = ["owners", "sewer_reaches", …]          # decided: not visible at all
    rasters = ["dem", "dgm"]                         # raster kinds the role may see
    raster_rows = { starkregen_gefahr = "flood_runs.run_id" }  # …of released runs only

    [roles.rat.layers.parcels]                       # visible: these columns, geometry yes/no, rows
    columns = ["flurstueckskennzeichen", "amtliche_flaeche", "nutzung"]

    [roles.rat.layers.trees]
    columns = "*"
    exclude = ["kontrollbemerkung"]

    [roles.rat.aggregations.zaehler_faellig]         # only these figures leave the store
    title = "Wasserzähler je Straße und Jahr der Fälligkeit"
    layer = "water_meters"
    group_by = ["strasse", "jahr:eichung_gueltig_bis"]
    measures = { anzahl = "count" }
    rows = [{ field = "status", value = "eingebaut" }]
    min_group_size = 5

A role with ``all = true`` (the administration) sees and edits everything. For every other role each
layer of the project must be decided: listed under ``layers`` or in ``hidden`` (deny by default, and
a new layer is not silently visible). Checks against the actual layers are in :mod:`twin.policy.check`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ROLES = ("verwaltung", "rat", "buerger")
#: current policy file format; layers that came with a later format than a project's file are hidden for
#: Rat and Bürger until the file decides them (old projects keep loading, deny by default)
POLICY_FORMAT = 6
LAYERS_SINCE_FORMAT: dict[str, int] = {"flood_runs": 2, "flood_affected_buildings": 2, "flooded_roads": 2,
                                      "heat_runs": 3, "water_work_orders": 4, "field_packages": 4,
                                      "field_conflicts": 4, "sensors": 5, "land_use": 6, "land_potential": 6,
                                      "land_contacts": 6}
ROLE_TITLES = {"verwaltung": "Verwaltungszwilling", "rat": "Ratszwilling", "buerger": "Bürgerzwilling"}
#: what a variant's release state makes visible per role (``twin.variants`` stores the state)
RELEASED_FOR = {"verwaltung": None, "rat": ("rat", "oeffentlich"), "buerger": ("oeffentlich",)}
MEASURES = ("count", "sum", "avg", "min", "max")
GROUP_FUNCTIONS = ("jahr",)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RowRule(_Model):
    """One condition a row must meet: ``field op value``; several rules must all hold."""

    field: str
    op: Literal["eq", "ne", "in", "not_in", "null", "not_null", "lt", "le", "gt", "ge", "visible_in"] = "eq"
    #: for ``visible_in``: "layer.field" – the row is visible if its value occurs in that field of the
    #: rows of that layer the role may see (e.g. changes of released variants only)
    value: Any = None


class LayerRule(_Model):
    """How a visible layer looks to the role."""

    columns: list[str] | Literal["*"] = Field("*", description="sichtbare Spalten oder \"*\" für alle")
    exclude: list[str] = Field(default_factory=list, description="bei \"*\": diese Spalten nicht")
    geometry: bool = True
    rows: list[RowRule] = Field(default_factory=list)
    #: JSON column -> column naming the layer its keys belong to: only keys the role may see in that
    #: layer stay, rows about layers the role may not see are left out (variant changes)
    json_filter: dict[str, str] = Field(default_factory=dict)


class Aggregation(_Model):
    """Figures computed in the store; groups smaller than ``min_group_size`` are left out."""

    title: str
    layer: str
    group_by: list[str] = Field(default_factory=list)
    measures: dict[str, str]
    rows: list[RowRule] = Field(default_factory=list)
    min_group_size: int = Field(5, ge=1)

    @field_validator("measures")
    @classmethod
    def _measures(cls, v: dict[str, str]) -> dict[str, str]:
        if not v:
            raise ValueError("mindestens eine Kennzahl nötig, z. B. anzahl = \"count\"")
        for name, spec in v.items():
            fn = spec.split(":", 1)[0]
            if fn not in MEASURES or (fn == "count") != (":" not in spec):
                raise ValueError(f"Kennzahl '{name}' = '{spec}': erlaubt sind \"count\" oder "
                                 "\"sum:feld\", \"avg:feld\", \"min:feld\", \"max:feld\"")
        return v

    @field_validator("group_by")
    @classmethod
    def _group_by(cls, v: list[str]) -> list[str]:
        for g in v:
            if ":" in g and g.split(":", 1)[0] not in GROUP_FUNCTIONS:
                raise ValueError(f"Gruppierung '{g}': erlaubt sind ein Feld oder \"jahr:feld\"")
        return v


class RoleRule(_Model):
    """What one role sees."""

    title: str
    all: bool = Field(False, description="sieht und bearbeitet alles (Verwaltung)")
    layers: dict[str, LayerRule] = Field(default_factory=dict)
    hidden: list[str] = Field(default_factory=list)
    aggregations: dict[str, Aggregation] = Field(default_factory=dict)
    rasters: list[str] = Field(default_factory=list, description="sichtbare Rasterarten (dgm, dem, dom …) oder [\"*\"]")
    #: raster kind -> "layer.field": a raster of that kind is visible only if the part of its name before
    #: "/" occurs in that field of the rows of that layer the role may see (e.g. hazard maps of released
    #: simulation runs: ``starkregen_gefahr = "flood_runs.run_id"``)
    raster_rows: dict[str, str] = Field(default_factory=dict)
    pointclouds: bool = False


class FieldTeam(RoleRule):
    """A field team (Feldteam): what its tablet package holds, like a role, and which layers it edits.

    Every layer of ``edit`` must be visible to the team with its key; the other visible layers go into the
    package read-only (context). ``meter_changes = true`` adds the meter-change form (Zählerwechsel).
    """

    edit: list[str] = Field(default_factory=list, description="Layer, die das Team bearbeitet")
    meter_changes: bool = Field(False, description="Zählerwechsel im Feld erfassen")


class Policy(_Model):
    """The whole policy: one rule set per role, and per field team (format 4)."""

    format_version: Literal[1, 2, 3, 4, 5, 6] = POLICY_FORMAT
    roles: dict[Literal["verwaltung", "rat", "buerger"], RoleRule]
    field_teams: dict[str, FieldTeam] = Field(default_factory=dict)

    @field_validator("field_teams")
    @classmethod
    def _team_names(cls, v: dict[str, FieldTeam]) -> dict[str, FieldTeam]:
        for name, team in v.items():
            if name in ROLES:
                raise ValueError(f"Feldteam '{name}' heißt wie eine Rolle; bitte anders benennen")
            if team.all:
                raise ValueError(f"Feldteam '{name}': \"all = true\" gibt es nur für die Verwaltung")
        return v

    @field_validator("roles")
    @classmethod
    def _all_roles(cls, v: dict[str, RoleRule]) -> dict[str, RoleRule]:
        missing = [r for r in ROLES if r not in v]
        if missing:
            raise ValueError(f"es fehlen Rollen: {', '.join(missing)} (nötig: {', '.join(ROLES)})")
        return v

    def role(self, name: str) -> RoleRule:
        """The rule set of a role or a field team."""
        if name in self.roles:
            return self.roles[name]  # type: ignore[index]
        return self.field_teams[name]

    def knows(self, name: str) -> bool:
        return name in self.roles or name in self.field_teams
