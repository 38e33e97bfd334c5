"""Checks of a policy against the layers it talks about; every problem with its line in policy.toml."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable

import twin.model
from twin.policy.lines import line_of
from twin.policy.model import LAYERS_SINCE_FORMAT, Aggregation, LayerRule, Policy, RowRule
from twin.store.schema import LayerSchema

_NUMERIC = ("integer", "real")
#: layer schemas outside twin.model (the planning variants keep theirs with their code)
_MORE_MODELS = ("twin.variants.model",)


def known_schemas(extra: Iterable[LayerSchema] = ()) -> dict[str, LayerSchema]:
    """Every layer schema of the domain model (``twin.model.*``) plus ``extra`` (the store's layers)."""
    out = dict(_model_schemas())
    for s in extra:
        out[s.name] = s
    return out


@functools.cache
def _model_schemas() -> dict[str, LayerSchema]:
    out: dict[str, LayerSchema] = {}
    modules = [f"twin.model.{m.name}" for m in pkgutil.iter_modules(twin.model.__path__)] + list(_MORE_MODELS)
    for name in modules:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, LayerSchema):
                out.setdefault(value.name, value)
    return out


def check_policy(policy: Policy, schemas: dict[str, LayerSchema],
                 lines: dict[tuple[str, ...], int]) -> list[str]:
    """German problems ("Zeile 12: …"), empty if the policy is consistent with ``schemas``."""
    problems: list[str] = []

    def say(loc: tuple, msg: str) -> None:
        line = line_of(lines, loc)
        problems.append(f"Zeile {line}: {msg}" if line else msg)

    rules = [(("roles", r), r, rule) for r, rule in policy.roles.items()]
    rules += [(("field_teams", t), t, team) for t, team in policy.field_teams.items()]
    for base, role, rule in rules:
        if rule.all:
            if rule.layers or rule.hidden or rule.aggregations:
                say(base + ("all",), f"Rolle '{role}': \"all = true\" sieht alles; Einzelregeln (layers, hidden, "
                                     "aggregations) daneben widersprechen sich")
            continue
        for name in rule.hidden:
            if name not in schemas:
                say(base + ("hidden",), f"Rolle '{role}': unbekannter Layer '{name}' in hidden")
            if name in rule.layers:
                say(base + ("layers", name), f"Rolle '{role}': Layer '{name}' ist zugleich sichtbar und in "
                                             "hidden – widersprüchlich")
        for name, lr in rule.layers.items():
            _check_layer(role, name, lr, schemas, base + ("layers", name), say)
            for r in lr.rows:
                ref = str(r.value).split(".")[0] if r.op == "visible_in" else None
                if ref is not None and ref not in rule.layers:
                    say(base + ("layers", name, "rows"), f"Rolle '{role}', Layer '{name}': 'visible_in' verweist "
                                                         f"auf '{ref}', den die Rolle nicht sieht – widersprüchlich")
        for name, agg in rule.aggregations.items():
            _check_aggregation(role, name, agg, schemas, base + ("aggregations", name), say)
        for kind, ref in rule.raster_rows.items():
            layer, _, col = ref.partition(".")
            loc = base + ("raster_rows",)
            if not col or layer not in schemas or col not in schemas[layer].field_names:
                say(loc, f"Rolle '{role}': raster_rows '{kind}' braucht \"layer.spalte\" eines bekannten Layers, "
                         f"nicht '{ref}'")
            elif layer not in rule.layers:
                say(loc, f"Rolle '{role}': raster_rows '{kind}' verweist auf '{layer}', den die Rolle nicht sieht – "
                         "widersprüchlich")
        for name in getattr(rule, "edit", []):
            lr = rule.layers.get(name)
            if lr is None:
                say(base + ("edit",), f"Feldteam '{role}': Layer '{name}' soll bearbeitet werden, ist für das Team "
                                      "aber nicht sichtbar (unter layers fehlt eine Regel)")
            elif lr.rows:
                say(base + ("edit",), f"Feldteam '{role}': Layer '{name}' wird bearbeitet und darf daher keine "
                                      "Zeilenregeln haben")
        undecided = sorted(n for n in set(schemas) - set(rule.layers) - set(rule.hidden)
                           if LAYERS_SINCE_FORMAT.get(n, 1) <= policy.format_version)
        if undecided:
            say(base, f"Rolle '{role}': für diese Layer fehlt eine Regel (unter layers oder in hidden): "
                      f"{', '.join(undecided)}")
    return problems


def _check_layer(role: str, name: str, lr: LayerRule, schemas: dict[str, LayerSchema], loc: tuple, say) -> None:
    schema = schemas.get(name)
    if schema is None:
        say(loc, f"Rolle '{role}': unbekannter Layer '{name}'")
        return
    if schema.personal:
        say(loc, f"Rolle '{role}': Layer '{name}' enthält personenbezogene Daten und darf nur im "
                 "Verwaltungszwilling sichtbar sein")
    fields = set(schema.field_names)
    listed = [] if lr.columns == "*" else lr.columns
    for col in [*listed, *lr.exclude]:
        if col not in fields:
            key = "columns" if col in listed else "exclude"
            say(loc + (key,), f"Rolle '{role}', Layer '{name}': unbekannte Spalte '{col}'")
    both = sorted(set(listed) & set(lr.exclude))
    if both:
        say(loc + ("exclude",), f"Rolle '{role}', Layer '{name}': Spalte(n) {', '.join(both)} zugleich sichtbar "
                                "und ausgeschlossen – widersprüchlich")
    if (lr.columns != "*" and schema.key not in lr.columns) or schema.key in lr.exclude:
        say(loc + ("columns",), f"Rolle '{role}', Layer '{name}': das Schlüsselfeld '{schema.key}' muss sichtbar sein")
    if lr.geometry and schema.geometry_type is None and "geometry" in lr.model_fields_set:
        say(loc + ("geometry",), f"Rolle '{role}', Layer '{name}': der Layer hat keine Geometrie")
    _check_rows(role, name, lr.rows, schema, loc + ("rows",), say)
    for col, target in lr.json_filter.items():
        if col not in fields or schema.field(col).type != "json":
            say(loc + ("json_filter",), f"Rolle '{role}', Layer '{name}': json_filter braucht eine JSON-Spalte, "
                                        f"nicht '{col}'")
        if target not in fields:
            say(loc + ("json_filter",), f"Rolle '{role}', Layer '{name}': unbekannte Spalte '{target}' in json_filter")


def _check_aggregation(role: str, name: str, agg: Aggregation, schemas: dict[str, LayerSchema], loc: tuple,
                       say) -> None:
    schema = schemas.get(agg.layer)
    if schema is None:
        say(loc + ("layer",), f"Rolle '{role}', Kennzahl '{name}': unbekannter Layer '{agg.layer}'")
        return
    if schema.personal:
        say(loc + ("layer",), f"Rolle '{role}', Kennzahl '{name}': Layer '{agg.layer}' ist personenbezogen; "
                              "daraus werden keine Kennzahlen außerhalb der Verwaltung gebildet")
    fields = {f.name: f.type for f in schema.fields}
    for g in agg.group_by:
        col = g.split(":", 1)[-1]
        if col not in fields:
            say(loc + ("group_by",), f"Rolle '{role}', Kennzahl '{name}': unbekannte Spalte '{col}' in group_by")
    for m, spec in agg.measures.items():
        if ":" not in spec:
            continue
        fn, col = spec.split(":", 1)
        if col not in fields:
            say(loc + ("measures",), f"Rolle '{role}', Kennzahl '{name}': unbekannte Spalte '{col}' in '{m}'")
        elif fn in ("sum", "avg") and fields[col] not in _NUMERIC:
            say(loc + ("measures",), f"Rolle '{role}', Kennzahl '{name}': '{spec}' braucht eine Zahlenspalte")
    _check_rows(role, name, agg.rows, schema, loc + ("rows",), say)


def _check_rows(role: str, name: str, rows: list[RowRule], schema: LayerSchema, loc: tuple, say) -> None:
    fields = set(schema.field_names)
    for r in rows:
        if r.field not in fields:
            say(loc, f"Rolle '{role}', '{name}': Zeilenregel auf unbekannte Spalte '{r.field}'")
        if r.op in ("in", "not_in") and not isinstance(r.value, list):
            say(loc, f"Rolle '{role}', '{name}': '{r.op}' braucht eine Liste als value")
        if r.op == "visible_in" and (not isinstance(r.value, str) or r.value.count(".") != 1):
            say(loc, f"Rolle '{role}', '{name}': 'visible_in' braucht value = \"layer.spalte\"")
