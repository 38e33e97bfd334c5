"""What a field package holds for a team: its layers, columns and form widgets (no I/O besides forms.toml).

The team's rule in the role policy (``[field_teams.NAME]``) decides the layers and columns, exactly as for a
role; ``forms.toml`` (or the project's ``feldformulare.toml``) adds the form widgets and code lists. Editable
layers get two package-only columns that QField fills itself: ``bearbeitet_von`` and ``bearbeitet_am``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from twin.config import parse_error_lines
from twin.errors import ConfigError
from twin.store.schema import LayerSchema

#: version of the package layout; a package of an older format is refused on sync
FIELD_FORMAT = 1
PACKAGE_GPKG = "daten.gpkg"
META_TABLE = "stadtzwilling_paket"
CODELIST_TABLE = "wertelisten"
METER_CHANGES = "meter_changes"
EDITED_BY, EDITED_AT = "bearbeitet_von", "bearbeitet_am"
DEFAULT_FORMS = Path(__file__).with_name("forms.toml")
PROJECT_FORMS = "feldformulare.toml"

Widget = Literal["text", "mehrzeilig", "werteliste", "mehrfachauswahl", "datum", "foto", "zahl", "zaehler",
                 "nur_lesen", "versteckt"]


@dataclass(frozen=True)
class FormField:
    """One column of a package table with its form widget.

    ``type`` is a store field type (text, integer, real, date, datetime, boolean, json). ``values`` are
    (stored value, label) pairs of the code list for "werteliste"/"mehrfachauswahl" (``codelist`` names it;
    "mehrfachauswahl" stores the chosen values as ``{a,b}`` like QGIS' value relation). ``default`` is a
    QGIS expression, re-applied on every edit if ``on_update``. ``package_only`` columns are not in the store.
    """

    name: str
    type: str
    title: str
    widget: Widget = "text"
    codelist: str | None = None
    values: tuple[tuple[str, str], ...] = ()
    required: bool = False
    default: str | None = None
    on_update: bool = False
    package_only: bool = False


@dataclass(frozen=True)
class PackageLayer:
    """One table of the package (``name`` in daten.gpkg; the store layer of the same name unless
    ``store_layer`` is None, as for the meter-change form)."""

    name: str
    title: str
    key: str | None
    geometry_type: str | None
    has_z: bool
    editable: bool
    fields: tuple[FormField, ...]
    store_layer: str | None = None
    #: only new rows count (meter changes: each row is one exchange)
    insert_only: bool = False
    #: the form's field order (others follow)
    order: tuple[str, ...] = field(default=())

    def field(self, name: str) -> FormField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def store_fields(self) -> list[str]:
        return [f.name for f in self.fields if not f.package_only]


# --------------------------------------------------------------------------- forms.toml
class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _CodeList(_Model):
    title: str
    values: list[tuple[str, str]]


class _FieldForm(_Model):
    widget: Widget = "text"
    codelist: str | None = None
    required: bool = False
    default: str | None = None
    title: str | None = None


class _LayerForm(_Model):
    title: str | None = None
    order: list[str] = []
    fields: dict[str, _FieldForm] = {}


class Forms(_Model):
    """The parsed forms file."""

    format_version: Literal[1] = 1
    codelists: dict[str, _CodeList] = {}
    layers: dict[str, _LayerForm] = {}
    meter_changes: _LayerForm = _LayerForm()

    def codelist(self, name: str) -> tuple[tuple[str, str], ...]:
        return tuple((str(v), str(t)) for v, t in self.codelists[name].values)


def load_forms(project_root: Path | None = None) -> Forms:
    """The project's ``feldformulare.toml`` if present, else the built-in forms; checked, errors with line."""
    path = DEFAULT_FORMS
    if project_root is not None and (Path(project_root) / PROJECT_FORMS).exists():
        path = Path(project_root) / PROJECT_FORMS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        forms = Forms.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML-Syntaxfehler: {exc}", path=path) from None
    except ValidationError as exc:
        raise ConfigError("Die Feldformulare sind ungültig:\n  " + "\n  ".join(parse_error_lines(exc)),
                          path=path) from None
    except OSError as exc:
        raise ConfigError(f"Die Feldformulare können nicht gelesen werden: {exc.strerror or exc}",
                          path=path) from None
    for lname, lf in [*forms.layers.items(), ("meter_changes", forms.meter_changes)]:
        for fname, ff in lf.fields.items():
            if ff.widget in ("werteliste", "mehrfachauswahl") and ff.codelist not in forms.codelists:
                raise ConfigError(f"Layer '{lname}', Feld '{fname}': Werteliste '{ff.codelist}' ist nicht "
                                  "unter [codelists] definiert", path=path)
    return forms


# --------------------------------------------------------------------------- layers of a team
_METER_CHANGE_FIELDS = (
    ("alter_zaehler", "text", "Alter Zähler (Zählernummer)"),
    ("zaehlerstand_alt", "real", "Endstand alter Zähler [m³]"),
    ("neuer_zaehler", "text", "Neuer Zähler (Zählernummer)"),
    ("zaehlerstand_neu", "real", "Anfangsstand neuer Zähler [m³]"),
    ("zaehlerart_neu", "text", "Zählerart neuer Zähler (leer: wie alter)"),
    ("eichjahr_neu", "integer", "Eichjahr neuer Zähler (leer: Jahr des Wechsels)"),
    ("wechseldatum", "date", "Datum des Wechsels"),
    ("monteur", "text", "Monteur/in"),
    ("bemerkung", "text", "Bemerkung"),
    ("foto", "text", "Foto"),
)


def _form_field(name: str, ftype: str, title: str, form: _FieldForm | None, forms: Forms, *,
                editable: bool, key: str | None) -> FormField:
    if form is None:
        widget = {"date": "datum", "datetime": "datum", "integer": "zahl", "real": "zahl"}.get(ftype, "text")
        form = _FieldForm(widget=widget)
    widget = form.widget if editable else "nur_lesen"
    values = forms.codelist(form.codelist) if form.codelist else ()
    return FormField(name=name, type=ftype, title=form.title or title, widget=widget, codelist=form.codelist,
                     values=values, required=editable and (form.required or name == key),
                     default=form.default if editable else None)


def _meta_fields() -> tuple[FormField, ...]:
    return (
        FormField(EDITED_BY, "text", "Bearbeitet von", "versteckt",
                  default="coalesce(@cloud_username, @user_full_name)", on_update=True, package_only=True),
        FormField(EDITED_AT, "datetime", "Bearbeitet am", "versteckt", default="now()", on_update=True,
                  package_only=True),
    )


def package_layers(team: str, schemas: dict[str, LayerSchema], policy: Any, forms: Forms) -> list[PackageLayer]:
    """The package tables of ``team``: ``schemas`` are the team's visible store layers (as the role session
    shows them, restricted to the visible columns), ``policy`` the project's policy."""
    rule = policy.field_teams[team]
    out: list[PackageLayer] = []
    for name in sorted(schemas, key=lambda n: (n not in rule.edit, n)):
        schema = schemas[name]
        editable = name in rule.edit
        lf = forms.layers.get(name, _LayerForm())
        fields = tuple(_form_field(f.name, f.type, f.title or f.name, lf.fields.get(f.name), forms,
                                   editable=editable, key=schema.key) for f in schema.fields)
        if editable:
            fields += _meta_fields()
        out.append(PackageLayer(name=name, title=lf.title or schema.title or name, key=schema.key,
                                geometry_type=schema.geometry_type, has_z=schema.has_z, editable=editable,
                                fields=fields, store_layer=name, order=tuple(lf.order)))
    if rule.meter_changes:
        mf = forms.meter_changes
        fields = tuple(_form_field(n, t, title, mf.fields.get(n), forms, editable=True, key=None)
                       for n, t, title in _METER_CHANGE_FIELDS) + _meta_fields()
        out.append(PackageLayer(name=METER_CHANGES, title=mf.title or "Zählerwechsel", key=None,
                                geometry_type=None, has_z=False, editable=True, fields=fields, insert_only=True,
                                order=tuple(f[0] for f in _METER_CHANGE_FIELDS)))
    return out
