"""The planning cases as variant changes: plant trees, de-seal a surface, add or remove a building, change a
road closure. Each helper validates and writes in one transaction; the base data stay untouched."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import rasterio
import rasterio.mask
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from twin.dem import project_dem, tiles_oldest_first
from twin.model.buildings import BUILDING_SURFACES, BUILDINGS
from twin.model.land_cover import COVER_SEALING, LAND_COVER
from twin.model.trees import TREES
from twin.project import Project
from twin.variants.manage import VariantEditor, batch, changes, set_change
from twin.variants.model import ADD, MODIFY, REMOVE, VariantError, target_schema
from twin.variants.read import features_in_variant

#: layer name of the road closures (declared in twin.model.closures; used by name only)
ROAD_CLOSURES = "road_closures"
FLAT_ROOF = "1000"  # CityGML/ALKIS roof type code: Flachdach


def plant_tree(variant: VariantEditor, x: float, y: float, species: str, height: float, crown: float,
               planting_year: int, *, key: str | None = None, german_name: str | None = None,
               location: str | None = None) -> str:
    """Plant a tree at (x, y) (project CRS): botanical ``species`` ('Tilia cordata'), height and crown
    diameter in metres. Returns its Baumnummer (``key`` or the next free ``<variant>-B<n>``)."""
    if not species.strip():
        raise VariantError("Für einen neuen Baum fehlt die Art.")
    if height <= 0 or crown <= 0:
        raise VariantError("Baumhöhe und Kronendurchmesser müssen größer als 0 m sein.")
    key = key or _next_key(variant, TREES.name, f"{variant.id}-B")
    values = {"gattung": species.split()[0], "art": species.strip(), "art_deutsch": german_name,
              "baumhoehe_m": height, "kronendurchmesser_m": crown, "pflanzjahr": planting_year,
              "standort": location}
    set_change(variant, TREES.name, key, ADD, values, Point(x, y))
    return key


def deseal_surface(variant: VariantEditor, polygon: BaseGeometry, new_cover: str = "Rasen",
                   sealing_percent: float | None = None, *, key: str | None = None,
                   note: str | None = None) -> str:
    """De-seal (or re-cover) an area: a new ``land_cover`` polygon with the new cover; the parts of existing
    land-cover polygons under it are cut away (modified, or removed if fully covered). The sealing degree is
    ``sealing_percent`` or the usual value of the cover type (:data:`COVER_SEALING`). Returns its key."""
    if sealing_percent is None:
        if new_cover not in COVER_SEALING:
            raise VariantError(f"Für die Bodenbedeckung '{new_cover}' ist kein Versiegelungsgrad bekannt; bitte "
                               f"angeben (bekannt: {', '.join(COVER_SEALING)}).")
        sealing_percent = COVER_SEALING[new_cover]
    if not 0 <= sealing_percent <= 100:
        raise VariantError(f"Versiegelung {sealing_percent} % liegt nicht zwischen 0 und 100.")
    poly = shapely.force_2d(polygon)
    if poly.geom_type not in ("Polygon", "MultiPolygon") or poly.area <= 0:
        raise VariantError("Die zu entsiegelnde Fläche muss ein Polygon mit Fläche sein.")
    key = key or _next_key(variant, LAND_COVER.name, f"{variant.id}-F")
    with batch(variant):
        for f in features_in_variant(variant.store, LAND_COVER.name, variant.id):
            other = str(f.attrs[LAND_COVER.key])
            if other == key or f.geometry is None or not f.geometry.intersects(poly):
                continue
            rest = _polygons(f.geometry.difference(poly))
            if rest is None:
                set_change(variant, LAND_COVER.name, other, REMOVE, touch=False)
            elif not rest.equals(f.geometry):
                set_change(variant, LAND_COVER.name, other, MODIFY, geometry=rest, touch=False)
        set_change(variant, LAND_COVER.name, key, ADD,
                   {"art": new_cover, "versiegelung_prozent": float(sealing_percent), "bemerkung": note}, poly,
                   touch=False)
    return key


def add_building(variant: VariantEditor, footprint: Polygon, height: float, roof: str | None = None, *,
                 key: str | None = None, name: str | None = None, function: str | None = None,
                 storeys: int | None = None, year: int | None = None, address: str | None = None,
                 ground_height: float | None = None) -> str:
    """A new LoD1 building (flat-topped block of ``height`` m on the lowest DGM height under the footprint):
    one ``buildings`` row and its ground, roof and wall surfaces in ``building_surfaces`` (so the 3D view
    draws it). ``roof`` is the roof type code stored as attribute (default Flachdach). Returns its gml:id."""
    fp = shapely.force_2d(footprint)
    if fp.geom_type != "Polygon" or fp.area <= 0 or not fp.is_valid:
        raise VariantError("Der Grundriss eines neuen Gebäudes muss ein gültiges Polygon sein.")
    if not 0 < height <= 300:
        raise VariantError(f"Gebäudehöhe {height} m ist nicht plausibel (0 … 300 m).")
    fp = orient(fp, 1.0)
    key = key or _next_key(variant, BUILDINGS.name, f"{variant.id}-G")
    z0 = ground_height if ground_height is not None else lowest_ground(variant.project, fp)
    z1 = z0 + height
    values = {"name": name, "function": function, "roof_type": roof or FLAT_ROOF, "measured_height": height,
              "storeys_above_ground": storeys, "year_of_construction": year, "address": address, "lod": 1,
              "ground_height": round(z0, 3), "roof_height": round(z1, 3),
              "generic": {"variante": variant.id}}
    with batch(variant):
        set_change(variant, BUILDINGS.name, key, ADD, values, MultiPolygon([_at(fp, z0)]), touch=False)
        for sid, kind, poly in lod1_surfaces(fp, z0, z1, key):
            set_change(variant, BUILDING_SURFACES.name, sid, ADD,
                       {"building_id": key, "surface_type": kind, "derived": False, "area": round(_area(poly), 3)},
                       MultiPolygon([poly]), touch=False)
    return key


def remove_building(variant: VariantEditor, gml_id: str) -> list[str]:
    """Remove a building with its parts and all their surfaces (as in the variant); returns the ids removed."""
    with batch(variant):
        ids = [str(f.attrs["gml_id"]) for f in _select(variant, BUILDINGS.name, "gml_id", [gml_id])]
        if not ids:
            raise VariantError(f"Das Gebäude '{gml_id}' gibt es nicht (oder es ist in der Variante schon "
                               "entfernt).", feature=gml_id)
        ids += [str(f.attrs["gml_id"]) for f in _select(variant, BUILDINGS.name, "parent_id", [gml_id])]
        for f in _select(variant, BUILDING_SURFACES.name, "building_id", ids):
            set_change(variant, BUILDING_SURFACES.name, str(f.attrs["surface_id"]), REMOVE, touch=False)
        for gid in ids:
            set_change(variant, BUILDINGS.name, gid, REMOVE, touch=False)
    return ids


def change_closure(variant: VariantEditor, key: str, values: dict[str, Any],
                   geometry: BaseGeometry | None = None) -> str:
    """Change a road closure in the variant (or plan a new one when ``key`` is not known; then a line
    geometry is needed). ``values`` are fields of the ``road_closures`` layer."""
    exists = bool(_select(variant, ROAD_CLOSURES, None, [key]))
    set_change(variant, ROAD_CLOSURES, key, MODIFY if exists else ADD, values, geometry)
    return key


# ----------------------------------------------------------------- helpers
def lowest_ground(project: Project, footprint: Polygon) -> float:
    """Lowest DGM height under a footprint (all touched cells; project DEM, else the newest tile), else 0."""
    dem = project_dem(project)
    for r in ([dem] if dem else []) + tiles_oldest_first(project)[::-1]:
        with rasterio.open(project.root / r["path"]) as src:
            if not shapely.box(*src.bounds).contains(footprint):
                continue
            data, _ = rasterio.mask.mask(src, [footprint], crop=True, all_touched=True, filled=False)
            vals = data.compressed() if hasattr(data, "compressed") else np.ravel(data)
            if src.nodata is not None:
                vals = vals[vals != src.nodata]
            vals = vals[np.isfinite(vals)]
            if len(vals):
                return float(vals.min())
    return 0.0


def lod1_surfaces(fp: Polygon, z0: float, z1: float, key: str) -> list[tuple[str, str, Polygon]]:
    """(surface id, type, polygon) of an LoD1 block; rings oriented so that normals point outwards."""
    out = [(f"{key}_boden", "GroundSurface", orient(_at(fp, z0), -1.0)),
           (f"{key}_dach", "RoofSurface", _at(fp, z1))]
    n = 0
    for ring in [fp.exterior, *fp.interiors]:
        xy = np.asarray(ring.coords)[:, :2]
        for (ax, ay), (bx, by) in zip(xy[:-1], xy[1:]):
            n += 1
            out.append((f"{key}_wand_{n}", "WallSurface",
                        Polygon([(ax, ay, z0), (bx, by, z0), (bx, by, z1), (ax, ay, z1)])))
    return out


def _at(poly: Polygon, z: float) -> Polygon:
    return shapely.force_3d(poly, z)


def _area(poly: Polygon) -> float:
    """Area of a planar 3D polygon (Newell normal), holes subtracted."""
    def ring(coords: np.ndarray) -> float:
        a, b = coords[:-1], coords[1:]
        return 0.5 * math.sqrt(float((np.cross(a, b).sum(axis=0) ** 2).sum()))

    ext = ring(shapely.get_coordinates(poly.exterior, include_z=True))
    return ext - sum(ring(shapely.get_coordinates(r, include_z=True)) for r in poly.interiors)


def _polygons(geom: BaseGeometry) -> MultiPolygon | None:
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, Polygon) and p.area > 1e-6]
    return MultiPolygon(parts) if parts else None


def _select(variant: VariantEditor, layer: str, column: str | None, values: list[str]) -> list:
    """Features of a layer as in the variant whose ``column`` (None: the key) is one of ``values``."""
    store = variant.store
    column = column or target_schema(store, layer).key
    if not store.has_layer(layer):
        return [f for f in features_in_variant(store, layer, variant.id) if str(f.attrs.get(column)) in values]
    return features_in_variant(store, layer, variant.id, store.table(layer).c[column].in_(values))


def _next_key(variant: VariantEditor, layer: str, prefix: str) -> str:
    """The first ``<prefix><n>`` (n = 1, 2, …) used neither by the base nor by the variant."""
    used = {c.key for c in changes(variant.store, variant.id, layer)}
    if variant.store.has_layer(layer):
        t = variant.store.table(layer)
        used |= set(variant.store.keys(layer, t.c[variant.store.schema(layer).key].like(f"{prefix}%")))
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"
