"""Key figures of a planning variant against the plan as it is, and the data sources behind them (no Qt).

Everything is read through the role when one is given (``rat``: the Ratszwilling), so a report for the
council contains only what the policy lets the council see: hidden layers count as absent, a variant
not released to the role does not exist, and data sources are listed only when they wrote something the
role may see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.strtree import STRtree

from twin.model.buildings import BUILDINGS
from twin.model.cadastre import CADASTRE_BUILDINGS, PARCELS
from twin.model.flood import FLOOD_RUNS
from twin.model.heat import HEAT_RUNS
from twin.model.land_cover import LAND_COVER
from twin.model.trees import TREES
from twin.policy.model import ROLE_TITLES
from twin.policy.rolestore import RoleStore
from twin.project import Project
from twin.report.content import DataSource, KeyFigure
from twin.sim.heavy_rain.surfaces import SEALING, cover_of_use
from twin.variants.manage import changes, get_variant
from twin.variants.model import ADD, REMOVE, Variant
from twin.variants.read import project_in_variant

PLEASE_RUN = "bitte zuerst rechnen"


# --------------------------------------------------------------------------- role
def role_view(project: Project, role: str | None) -> Project:
    """The project as ``role`` sees it (its store reads through the policy); the project itself for None or
    a role that sees everything."""
    if role is None:
        return project
    session = project.session(role)
    if session.is_admin:
        return project
    return Project(project.root, project.config, RoleStore(session))  # type: ignore[arg-type]


def twin_title(project: Project, role: str | None) -> str:
    """„Ratszwilling“ etc. for a role, empty for the administration's full view."""
    if role is None:
        return ""
    session = project.session(role)
    return "" if session.is_admin else session.title or ROLE_TITLES.get(role, role)


def report_variant(project: Project, variant_id: str, role: str | None = None) -> Variant:
    """The variant as the role sees it; :class:`~twin.variants.model.VariantError` (German) if there is none
    or the role may not see it."""
    return get_variant(role_view(project, role).store, variant_id)


# --------------------------------------------------------------------------- figures
def variant_figures(project: Project, variant_id: str, role: str | None = None) -> list[KeyFigure]:
    """Trees planted, sealed area, buildings affected by heavy rain and area of strong heat stress, Bestand
    against the variant. A figure whose data are missing says so in its note (values None), never 0."""
    view = role_view(project, role)
    get_variant(view.store, variant_id)
    twin = twin_title(project, role) or "Verwaltungszwilling"
    return [*tree_figures(view, variant_id, twin), sealed_area_figure(view, variant_id),
            flood_figure(view, variant_id, twin), heat_figure(view, variant_id, twin)]


def tree_figures(view: Project, variant_id: str, twin: str = "Verwaltungszwilling") -> list[KeyFigure]:
    """New trees of the variant (its ``add`` changes of the tree cadastre) and the number of trees in total."""
    planted_label, total_label = "Neu gepflanzte Bäume", "Bäume im Baumkataster"
    todo = changes(view.store, variant_id, TREES.name)
    if not view.store.has_layer(TREES.name) and not todo:
        why = (f"Baumkataster im {twin} nicht sichtbar" if isinstance(view.store, RoleStore) and
               view.store.session.store.has_layer(TREES.name) else
               "kein Baumkataster im Projekt – bitte zuerst importieren (Baumkataster) oder Bäume planen")
        return [KeyFigure(planted_label, None, None, note=why), KeyFigure(total_label, None, None, note=why)]
    planted = sum(c.action == ADD for c in todo)
    felled = sum(c.action == REMOVE for c in todo)
    before = view.store.count(TREES.name) if view.store.has_layer(TREES.name) else 0
    after = len(project_in_variant(view, variant_id).store.features(TREES.name))
    note = f"davon {felled} gefällt" if felled else ""
    return [KeyFigure(planted_label, 0, planted, "Bäume"), KeyFigure(total_label, before, after, "Bäume", note=note)]


def sealed_area_figure(view: Project, variant_id: str) -> KeyFigure:
    """Sealed area [m²] as in the heavy-rain model: buildings fully sealed, else the land-cover polygon's
    sealing degree, else the usual sealing of the parcel's use (ALKIS), Bestand against the variant."""
    label = "Versiegelte Fläche"
    before = sealed_area(view)
    after = sealed_area(project_in_variant(view, variant_id))
    if before is None or after is None:
        return KeyFigure(label, before, after, "m²",
                         note="keine Bodenbedeckung (land_cover), keine Flurstücke mit Nutzung (ALKIS) und keine "
                              "Gebäude – bitte zuerst ALKIS oder die Bodenbedeckung importieren")
    return KeyFigure(label, before, after, "m²",
                     note="Gebäude ganz, sonst nach Bodenbedeckung bzw. ALKIS-Nutzung (wie in der "
                          "Starkregensimulation)")


def sealed_area(view: Project) -> float | None:
    """Sealed area [m²] of the project (or a variant view); None if it has neither land cover, parcels with a
    use nor buildings."""
    store = view.store
    roofs = _footprints(view)
    covers = [(shapely.force_2d(f.geometry), _cover_sealing(f.attrs))
              for f in (store.features(LAND_COVER.name) if store.has_layer(LAND_COVER.name) else [])
              if f.geometry is not None]
    parcels = []
    if store.has_layer(PARCELS.name) and "nutzung" in store.schema(PARCELS.name).field_names:
        for f in store.features(PARCELS.name):
            cover = cover_of_use(f.attrs.get("nutzung"))
            if f.geometry is not None and cover is not None:
                parcels.append((shapely.force_2d(f.geometry), SEALING[cover]))
    if not roofs and not covers and not parcels:
        return None
    roof_union = shapely.union_all(roofs) if roofs else shapely.Polygon()
    total = float(roof_union.area)
    cover_geoms = [g for g, _ in covers]
    total += sum(a * p / 100.0 for a, (_, p) in zip(_area_outside(cover_geoms, roofs), covers))
    parcel_geoms = [g for g, _ in parcels]
    total += sum(a * s / 100.0 for a, (_, s) in zip(_area_outside(parcel_geoms, roofs + cover_geoms), parcels))
    return float(total)


def _cover_sealing(attrs: dict[str, Any]) -> float:
    value = attrs.get("versiegelung_prozent")
    if value is not None:
        return float(value)
    return float(SEALING.get(str(attrs.get("art") or ""), 0.0))


def _footprints(view: Project) -> list:
    """Building footprints (2D, valid) from the LoD2 buildings, else the ALKIS buildings."""
    for schema in (BUILDINGS, CADASTRE_BUILDINGS):
        if view.store.has_layer(schema.name):
            geoms = [shapely.make_valid(shapely.force_2d(f.geometry)) for f in view.store.features(schema.name)
                     if f.geometry is not None]
            geoms = [g for g in geoms if g.area > 0]
            if geoms:
                return geoms
    return []


def _area_outside(geoms: list, cutters: list) -> np.ndarray:
    """Area of each geometry outside all ``cutters`` (only the cutters that touch it are subtracted)."""
    if not geoms:
        return np.zeros(0)
    if not cutters:
        return shapely.area(np.array(geoms, dtype=object))
    tree = STRtree(cutters)
    out = np.empty(len(geoms))
    for i, g in enumerate(geoms):
        hits = tree.query(g, predicate="intersects")
        out[i] = g.area if len(hits) == 0 else g.difference(shapely.union_all([cutters[j] for j in hits])).area
    return out


# --------------------------------------------------------------------------- simulation runs
def flood_figure(view: Project, variant_id: str, twin: str = "Verwaltungszwilling") -> KeyFigure:
    """Buildings affected by heavy rain: newest run of the variant against the newest run of the Bestand with
    the same scenario."""
    label = "Von Starkregen betroffene Gebäude"
    base, var, note = _run_pair(view, FLOOD_RUNS.name, "affected_buildings", variant_id, _same_flood_scenario,
                                ("Starkregenlauf", "Starkregenläufe"), twin)
    if base is not None and var is not None:
        note = _flood_text(var)
    return KeyFigure(label, _value(base, "affected_buildings"), _value(var, "affected_buildings"), "Gebäude",
                     note=note)


def heat_figure(view: Project, variant_id: str, twin: str = "Verwaltungszwilling") -> KeyFigure:
    """Area of at least strong heat stress (UTCI above 32 °C at the daily maximum): newest run of the variant
    against the newest comparable run of the Bestand (same day, weather, hours and grid)."""
    label = "Fläche mit starkem Hitzestress"
    base, var, note = _run_pair(view, HEAT_RUNS.name, "strong_heat_m2", variant_id, _same_heat_setting,
                                ("Hitzelauf", "Hitzeläufe"), twin)
    if base is not None and var is not None:
        note = _heat_text(var)
    return KeyFigure(label, _value(base, "strong_heat_m2"), _value(var, "strong_heat_m2"), "m²", note=note)


def used_runs(project: Project, variant_id: str, role: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(kind, row) of the runs the figures compare: „Starkregen“/„Hitze“, Bestand and variant."""
    view = role_view(project, role)
    out = []
    for layer, value, same, kind in ((FLOOD_RUNS.name, "affected_buildings", _same_flood_scenario, "Starkregen"),
                                     (HEAT_RUNS.name, "strong_heat_m2", _same_heat_setting, "Hitze")):
        base, var, _ = _run_pair(view, layer, value, variant_id, same, (kind, kind), "")
        out += [(kind, r) for r in (base, var) if r is not None]
    return out


def _run_pair(view: Project, layer: str, value: str, variant_id: str, same, names: tuple[str, str], twin: str
              ) -> tuple[dict | None, dict | None, str]:
    """Newest run of the variant and the newest comparable run of the Bestand, and what is missing (German);
    ``names`` = the run's German name, singular and plural."""
    what, plural = names
    store = view.store
    if not store.has_layer(layer):
        return None, None, f"kein {what} für den Bestand und für diese Variante – {PLEASE_RUN}"
    if value not in store.schema(layer).field_names:
        return None, None, f"Ergebnisse der {plural} im {twin} nicht freigegeben"
    rows = sorted((f.attrs for f in store.features(layer)), key=lambda a: (a.get("created") or "", a["run_id"]),
                  reverse=True)
    variant_runs = [a for a in rows if a.get("variant") == variant_id and a.get(value) is not None]
    base_runs = [a for a in rows if not a.get("variant") and a.get(value) is not None]
    if not variant_runs and not base_runs:
        return None, None, f"kein {what} für den Bestand und für diese Variante – {PLEASE_RUN}"
    if not variant_runs:
        return base_runs[0], None, f"kein {what} für diese Variante – {PLEASE_RUN}"
    var = variant_runs[0]
    if not base_runs:
        return None, var, f"kein {what} für den Bestand – {PLEASE_RUN}"
    base = next((a for a in base_runs if same(a, var)), None)
    if base is None:
        return None, var, (f"kein {what} für den Bestand mit denselben Einstellungen wie der Lauf der Variante "
                           f"– {PLEASE_RUN}")
    return base, var, ""


def _value(row: dict | None, name: str) -> float | None:
    return None if row is None or row.get(name) is None else float(row[name])


def _same_flood_scenario(a: dict, b: dict) -> bool:
    drop = ("title", "variant")
    sa_, sb = a.get("scenario") or {}, b.get("scenario") or {}
    return {k: v for k, v in sa_.items() if k not in drop} == {k: v for k, v in sb.items() if k not in drop}


def _same_heat_setting(a: dict, b: dict) -> bool:
    if (a.get("day"), a.get("hours"), a.get("weather")) != (b.get("day"), b.get("hours"), b.get("weather")):
        return False
    ia, ib = a.get("inputs") or {}, b.get("inputs") or {}
    return (ia.get("zellgroesse_m"), ia.get("grenzen")) == (ib.get("zellgroesse_m"), ib.get("grenzen"))


def _num(v: float) -> str:
    return f"{v:g}".replace(".", ",")


def _flood_text(row: dict) -> str:
    sc = row.get("scenario") or {}
    if sc.get("return_period_a"):
        rain = f"Bemessungsregen T = {_num(sc['return_period_a'])} a, D = {_num(sc.get('duration_min') or 0)} min"
    else:
        rain = "eigene Regenganglinie"
    cell = f", Zellgröße {_num(sc['cell_size_m'])} m" if sc.get("cell_size_m") else ""
    return f"{rain}{cell}"


def _heat_text(row: dict) -> str:
    weather = (row.get("weather") or {}).get("bezeichnung") or "Wettervorgabe"
    day = _date(row.get("day"))
    hours = row.get("hours") or []
    when = "" if not hours else (f", {_num(hours[0])} Uhr" if min(hours) == max(hours) else
                                 f", {_num(min(hours))}–{_num(max(hours))} Uhr")
    return f"UTCI über 32 °C am Tagesmaximum; {weather}, {day:%d.%m.%Y}{when}" if day else weather


# --------------------------------------------------------------------------- sources
def data_sources(project: Project, role: str | None = None, variant_id: str | None = None) -> list[DataSource]:
    """Imported files with their import date (the provenance table and the raster register), the variant
    with its last change and the simulation runs the figures use. With a role, only sources that wrote a
    layer or raster the role may see."""
    store = project.store
    visible = _visible_provenance(project, role)
    out: list[DataSource] = []
    seen: set[tuple[str, dt.date | None]] = set()
    for row in store.provenance():
        if visible is not None and row["id"] not in visible:
            continue
        src = DataSource(f"{_IMPORTERS.get(row['importer'], row['importer'])}: {_file_name(row['source_file'])}",
                         _date(row["imported_at"]))
        if src not in seen:
            seen.add(src)
            out.append(src)
    if variant_id is not None:
        v = report_variant(project, variant_id, role)
        out.append(DataSource(f"Planungsvariante „{v.title}“ (Stand der Planung)", _date(v.updated_at or v.created_at)))
        for kind, row in used_runs(project, variant_id, role):
            which = "Variante" if row.get("variant") else "Bestand"
            out.append(DataSource(f"{kind}simulation „{row.get('title') or row['run_id']}“ ({which}, Lauf "
                                  f"{row['run_id']})", _date(row.get("created"))))
    return out


#: German names of the importers (``importer`` column of the provenance table)
_IMPORTERS = {
    "terrain": "Geländemodell (DGM)", "terrain_xyz": "Geländemodell (DGM)", "terrain_asc": "Geländemodell (DGM)",
    "lidar": "Laserscanning (LiDAR)", "citygml": "3D-Gebäude (CityGML)", "cityjson": "3D-Gebäude (CityJSON)",
    "alkis-nas": "Liegenschaftskataster (ALKIS)", "cadastre_flat": "Flurstücke", "trees": "Baumkataster",
    "isybau": "Kanalkataster (ISYBAU)", "sewer_gis": "Kanalkataster", "meters": "Wasserzähler",
    "closures": "Verkehrssperrungen",
}


def _visible_provenance(project: Project, role: str | None) -> set[int] | None:
    """Ids of provenance rows that wrote a layer or raster the role may see (None: all, for the
    administration)."""
    if role is None:
        return None
    session = project.session(role)
    if session.is_admin:
        return None
    store = project.store
    t = store.history_table
    with store.transaction() as conn:
        pairs = conn.execute(sa.select(t.c.provenance_id, t.c.layer).where(t.c.provenance_id.isnot(None))
                             .distinct()).all()
    ids = {int(pid) for pid, layer in pairs if session.can_read(layer)}
    ids |= {int(r["provenance_id"]) for r in session.rasters() if r.get("provenance_id") is not None}
    return ids


def _file_name(path: str) -> str:
    """The file name only (a URL stays as it is): local folders are nobody's business in a council paper."""
    if "://" in path:
        return path
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _date(value: Any) -> dt.date | None:
    """The local calendar date of an ISO time stamp or date (None if empty or unreadable)."""
    if not value:
        return None
    text = str(value)
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (stamp.astimezone() if stamp.tzinfo else stamp).date()
