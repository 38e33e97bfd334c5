"""twin.toml: the declarative project configuration, validated with pydantic.

Errors name the key (``layers[1].style.opacity``) and say in German what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from twin.errors import ConfigError

_HEX = re.compile(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
Colour = Annotated[str, Field(description="Farbe als #RRGGBB oder #RRGGBBAA")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _check_colour(v: str) -> str:
    if not _HEX.match(v):
        raise ValueError(f"'{v}' ist keine Farbe; erwartet wird #RRGGBB, z. B. #b5473a")
    return v.lower()


class StyleConfig(_Model):
    """How a layer is coloured: one colour, classes of an attribute, or a colour ramp."""

    color: Colour | None = None
    by: str | None = None
    classes: dict[str, Colour] = {}
    colormap: str | None = None
    default_color: Colour = "#c8c8c8"
    opacity: float = Field(1.0, ge=0.0, le=1.0)

    @field_validator("color", "default_color")
    @classmethod
    def _colour(cls, v: str | None) -> str | None:
        return None if v is None else _check_colour(v)

    @field_validator("classes")
    @classmethod
    def _classes(cls, v: dict[str, str]) -> dict[str, str]:
        return {k: _check_colour(c) for k, c in v.items()}


class LayerConfig(_Model):
    """One layer of the twin as the municipality declares it."""

    name: str
    title: str
    kind: Literal["terrain", "buildings", "sewer", "points", "pointcloud", "closures", "areas"]
    source: str
    visible: bool = True
    style: StyleConfig = StyleConfig()
    min_scale: float | None = Field(None, gt=0)
    max_scale: float | None = Field(None, gt=0)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _IDENT.match(v):
            raise ValueError("nur Kleinbuchstaben, Ziffern und '_', beginnend mit einem Buchstaben")
        return v

    @model_validator(mode="after")
    def _scales(self) -> LayerConfig:
        if self.min_scale and self.max_scale and self.min_scale < self.max_scale:
            raise ValueError("min_scale (kleinster Maßstab, z. B. 50000) muss größer sein als max_scale (z. B. 500)")
        return self


class ProjectSection(_Model):
    """Name, CRS and extent of the municipality."""

    name: str
    crs: int = 25832
    vertical_crs: int | None = 7837
    extent: tuple[float, float, float, float] | None = None
    extent_tolerance: float = Field(2000.0, ge=0)
    #: identity of the project (field packages name it; given at the first field export if missing)
    id: str | None = None

    @field_validator("crs")
    @classmethod
    def _crs(cls, v: int) -> int:
        from pyproj import CRS
        from pyproj.exceptions import CRSError

        try:
            crs = CRS.from_epsg(v)
        except CRSError:
            raise ValueError(f"EPSG:{v} ist kein bekanntes Koordinatensystem") from None
        if not crs.is_projected:
            raise ValueError(f"EPSG:{v} ({crs.name}) ist nicht projiziert; erwartet z. B. 25832 oder 25833")
        return v

    @field_validator("extent")
    @classmethod
    def _extent(cls, v: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
        if v is not None and not (v[0] < v[2] and v[1] < v[3]):
            raise ValueError("erwartet [xmin, ymin, xmax, ymax] mit xmin < xmax und ymin < ymax")
        return v


class StoreSection(_Model):
    """Where the data live: the project's GeoPackage, or a shared PostGIS database."""

    backend: Literal["gpkg", "postgis"] = "gpkg"
    dsn: str | None = None
    schema_name: str = "stadtzwilling"

    @model_validator(mode="after")
    def _dsn(self) -> StoreSection:
        if self.backend == "postgis" and not self.dsn:
            raise ValueError("für backend = \"postgis\" ist dsn (postgresql+psycopg://…) nötig")
        return self


class PublishedSection(_Model):
    """Set in a published twin (Rats-/Bürgerzwilling package): opened read-only, as this role."""

    role: Literal["rat", "buerger"]
    title: str
    published_at: str
    source_project: str


class TwinConfig(_Model):
    """The whole twin.toml."""

    format_version: Literal[1] = 1
    project: ProjectSection
    store: StoreSection = StoreSection()
    layers: list[LayerConfig] = []
    published: PublishedSection | None = None

    @model_validator(mode="after")
    def _unique_layers(self) -> TwinConfig:
        names = [layer.name for layer in self.layers]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"Layernamen doppelt vergeben: {', '.join(dup)}")
        return self

    def layer(self, name: str) -> LayerConfig:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ConfigError(f"twin.toml: Layer '{name}' ist nicht deklariert.")


def default_layers() -> list[LayerConfig]:
    """The layers a new project starts with."""
    return [
        LayerConfig(name="terrain", title="Gelände (DGM)", kind="terrain", source="dgm",
                    style=StyleConfig(colormap="gist_earth")),
        LayerConfig(name="buildings", title="Gebäude (3D)", kind="buildings", source="building_surfaces",
                    style=StyleConfig(by="surface_type", classes={
                        "RoofSurface": "#b5473a", "WallSurface": "#ece6d8", "GroundSurface": "#6e6e6e",
                        "ClosureSurface": "#9aa5b1"}, default_color="#c8c8c8")),
        LayerConfig(name="trees", title="Bäume", kind="points", source="trees",
                    style=StyleConfig(by="vitalitaet", classes={"0": "#2e8b3a", "1": "#7cb342", "2": "#f9a825",
                                                                "3": "#e65100", "4": "#8d2a0b"},
                                      default_color="#43a047")),
        LayerConfig(name="water_meters", title="Wasserzähler", kind="points", source="water_meters",
                    style=StyleConfig(by="zaehlerart", classes={"Warmwasserzähler": "#7b1fa2",
                                                                "Großwasserzähler": "#0d47a1",
                                                                "Verbundzähler": "#4a148c"},
                                      default_color="#1e88e5")),
        LayerConfig(name="pointcloud", title="Punktwolke (LiDAR)", kind="pointcloud", source="pointclouds",
                    style=StyleConfig(by="classification")),
        LayerConfig(name="sewer", title="Kanalnetz (Haltungen)", kind="sewer", source="sewer_reaches",
                    style=StyleConfig(by="zustandsklasse")),
        LayerConfig(name="closures", title="Verkehrssperrungen", kind="closures", source="road_closures",
                    style=StyleConfig(by="art", classes={"Vollsperrung": "#d32f2f", "Teilsperrung": "#f57c00",
                                                         "Baustelle": "#fbc02d", "Halteverbot": "#3949ab",
                                                         "Veranstaltung": "#8e24aa"}, default_color="#ef6c00"),
                    min_scale=10000),  # from 1:10 000 on: barriers of a few metres are not seen further out
    ]


_MESSAGES = {
    "missing": "Pflichtangabe fehlt",
    "extra_forbidden": "unbekannter Schlüssel (Tippfehler?)",
    "int_parsing": "muss eine ganze Zahl sein",
    "int_type": "muss eine ganze Zahl sein",
    "float_parsing": "muss eine Zahl sein",
    "float_type": "muss eine Zahl sein",
    "bool_parsing": "muss true oder false sein",
    "bool_type": "muss true oder false sein",
    "string_type": "muss ein Text in Anführungszeichen sein",
    "list_type": "muss eine Liste [...] sein",
    "tuple_type": "muss eine Liste [...] sein",
    "dict_type": "muss eine Tabelle sein",
    "too_short": "zu wenige Einträge",
    "too_long": "zu viele Einträge",
}


def _german(err: dict[str, Any]) -> str:
    t, ctx = err["type"], err.get("ctx", {})
    if t in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        op = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤", "less_than": "<"}[t]
        bound = next(iter(ctx.values()))
        return f"Wert muss {op} {bound} sein"
    if t == "literal_error":
        return f"erlaubt sind: {ctx.get('expected', '')}"
    if t == "value_error":
        return str(ctx.get("error", err["msg"]))
    return _MESSAGES.get(t, err["msg"])


def _loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(Datei)"


def parse_error_lines(exc: ValidationError) -> list[str]:
    """One German line per validation error: the key and what is wrong with it."""
    lines = []
    for err in exc.errors():
        got = err.get("input")
        shown = "" if err["type"] in ("missing",) or isinstance(got, dict) else f" (angegeben: {got!r})"
        lines.append(f"Schlüssel '{_loc(err['loc'])}': {_german(err)}{shown}")
    return lines


def parse_config(data: dict[str, Any], path: str | Path = "twin.toml") -> TwinConfig:
    """Validate a parsed twin.toml; raises :class:`ConfigError` naming the key and the problem."""
    try:
        return TwinConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("Die Projektkonfiguration ist ungültig:\n  " + "\n  ".join(parse_error_lines(exc)),
                          path=path) from None


def load_config(path: str | Path) -> TwinConfig:
    """Read and validate a twin.toml file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("Die Projektkonfiguration fehlt.", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"TOML-Syntaxfehler: {exc}", path=path, line=int(m.group(1)) if m else None) from None
    return parse_config(data, path)


def save_config(config: TwinConfig, path: str | Path) -> None:
    """Write twin.toml (only explicitly meaningful values; None is left out)."""
    data = config.model_dump(mode="json", exclude_none=True)
    Path(path).write_text(tomli_w.dumps(data), encoding="utf-8")
