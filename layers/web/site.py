"""The web twin: a self-contained static site of a role's twin (3D view in the browser, no server code).

:func:`export_web` first publishes the role's content through the role policy
(:func:`twin.publish.content.build_content` – the same step as the signed package), and builds the site
only from that published copy, so nothing the role may not see can reach a file of the site. It
writes, next to the viewer (``index.html``, ``viewer.js`` with three.js bundled in, no CDN):

* ``tiles/tileset.json`` – OGC 3D Tiles 1.1, one child per layer, GLB tiles (:mod:`layers.web.tiles`);
* ``overlays/*.glb`` – released heavy-rain hazard and heat maps draped over the terrain;
* ``attribute/<layer>.json`` – the public attributes per feature id (a click shows them);
* ``suche.json`` – addresses, streets and parcel numbers with their position (search);
* ``szene.json`` – layers, legends, overlays, origin and CRS: what the viewer reads first.

The site is built in a work folder beside ``out`` and moved into place at the end: ``out`` is either
the complete new site or left as it was (a previous export there is replaced as a whole).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyvista as pv
import shapely

from layers.points import ground_heights
from layers.scene import Scene, SceneLayer, build_scene
from layers.style import hex_rgba, ramp_colours
from layers.web.glyphs import marker_glyphs, tree_glyphs
from layers.web.gltf import Primitive, glb_bytes, primitives
from layers.web.png import png_bytes
from layers.web.search import search_index
from layers.web.tiles import box, split, tileset
from twin.errors import ProjectError, TwinError
from twin.files import replace_folder
from twin.project import Project

STATIC = Path(__file__).with_name("static")
MANIFEST = "szene.json"
TILE_M = {"terrain": 500.0, "buildings": 250.0}
DEFAULT_TILE_M = 250.0
PARCEL_RGBA = (255, 214, 0, 255)
PARCEL_FILL_RGBA = (255, 235, 130, 40)
PARCEL_LIFT_M = 0.35
SURFACE_TITLES = {"RoofSurface": "Dach", "WallSurface": "Wand", "GroundSurface": "Grundfläche",
                  "ClosureSurface": "Abschlussfläche"}
ProgressFn = Callable[[float, str], None]


@dataclass
class WebSite:
    """What the export wrote: folder, file count and size, features per layer, overlays."""

    root: Path
    files: int = 0
    bytes: int = 0
    layers: dict[str, int] = field(default_factory=dict)
    overlays: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def export_web(project: Project, role: str, out: str | Path, *, progress: ProgressFn | None = None,
               cancel=None) -> WebSite:
    """Write the role's twin (``rat`` or ``buerger``) as a static web site to the folder ``out``."""
    from twin.publish.content import build_content

    out = Path(out)
    progress = progress or (lambda f, m: None)

    def check() -> None:
        if cancel is not None:
            cancel.check()

    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).is_file())):
        raise ProjectError(f"Der Zielordner '{out}' ist nicht leer und keine frühere Web-Veröffentlichung; "
                           "bitte einen leeren oder neuen Ordner wählen.")
    if not out.parent.is_dir():
        raise ProjectError(f"Der Zielordner '{out.parent}' existiert nicht.")
    work = Path(tempfile.mkdtemp(prefix=".szweb-", dir=out.parent))
    try:
        build_content(project, role, work / "inhalt", check=check, progress=lambda f, m: progress(0.3 * f, m))
        published = Project.open(work / "inhalt")
        try:
            site = _write_site(published, work / "site", progress=lambda f, m: progress(0.3 + 0.65 * f, m),
                               check=check)
        finally:
            published.close()
        check()
        progress(0.97, "Web-Zwilling an seinen Platz …")
        replace_folder(work / "site", out)
        site.root = out
        progress(1.0, "Web-Zwilling fertig")
        return site
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write_site(project: Project, dest: Path, *, progress: ProgressFn, check: Callable[[], None]) -> WebSite:
    dest.mkdir(parents=True)
    site = WebSite(root=dest)
    progress(0.0, "3D-Szene aufbauen …")
    scene = build_scene(project)
    check()
    layers: list[dict[str, Any]] = []
    manifest_layers: list[dict[str, Any]] = []
    todo = [la for la in scene.layers if not la.is_empty]
    for i, layer in enumerate(todo):
        progress(0.1 + 0.6 * i / max(len(todo), 1), f"Layer „{layer.title}“ in Kacheln …")
        check()
        prims, table = _layer_primitives(project, scene, layer)
        if not prims:
            continue
        _write_attributes(dest, layer.name, _attribute_rows(project, table, layer.feature_keys))
        layers.append(_write_tiles(dest, layer.name, layer.title, prims, TILE_M.get(layer.config.kind, DEFAULT_TILE_M)))
        manifest_layers.append(_layer_entry(layer.name, layer.title, layer.config.kind, layer.visible,
                                            _legend(project, layer), dest))
        site.layers[layer.name] = len(layer.feature_keys)
    check()
    parcels = _parcels(project, scene)
    if parcels is not None:
        prims, keys = parcels
        layers.append(_write_tiles(dest, "parcels", "Flurstücke", prims, DEFAULT_TILE_M))
        _write_attributes(dest, "parcels", _attribute_rows(project, "parcels", keys))
        manifest_layers.append(_layer_entry("parcels", "Flurstücke", "parcels", True,
                                            [(_hex(PARCEL_RGBA), "Flurstücksgrenze")], dest))
        site.layers["parcels"] = len(keys)
    (dest / "tiles").mkdir(exist_ok=True)
    _write_json(dest / "tiles" / "tileset.json", tileset(layers, scene.origin, scene.epsg))
    progress(0.75, "Gefahren- und Hitzekarten …")
    overlays = _overlays(project, scene, dest, site)
    check()
    progress(0.85, "Suche und Attribute …")
    entries = search_index(project, scene.origin, lambda xy: ground_heights(project, xy))
    _write_json(dest / "suche.json", entries)
    published = project.config.published
    extent = project.config.project.extent
    _write_json(dest / MANIFEST, {
        "format": 1,
        "titel": published.title if published else project.name,
        "gemeinde": (published.source_project if published else None) or project.name,
        "rolle": published.role if published else None,
        "stand": published.published_at if published else datetime.now().isoformat(timespec="seconds"),
        "crs": f"EPSG:{scene.epsg}", "origin": [float(v) for v in scene.origin],
        "ausdehnung": None if extent is None else [float(v) - float(scene.origin[i % 2]) for i, v in enumerate(extent)],
        "tileset": "tiles/tileset.json", "layer": manifest_layers, "overlays": overlays, "suche": "suche.json",
    })
    for item in STATIC.iterdir():
        if item.is_dir():
            shutil.copytree(item, dest / item.name)
        elif item.suffix in (".html", ".js", ".css", ".txt", ".md", ".svg", ".png"):
            shutil.copy2(item, dest / item.name)
    files = [p for p in dest.rglob("*") if p.is_file()]
    site.files, site.bytes = len(files), sum(p.stat().st_size for p in files)
    progress(1.0, "Seite geschrieben")
    return site


def _layer_primitives(project: Project, scene: Scene, layer: SceneLayer) -> tuple[list[Primitive], str | None]:
    """The layer's drawable primitives and the table its feature ids point into (None: not clickable)."""
    mesh = layer.mesh
    if layer.config.kind == "points":
        local = np.asarray(mesh.points, dtype=float)
        rgba = np.asarray(mesh.point_data["rgba"]) if "rgba" in mesh.point_data else \
            np.tile(hex_rgba(layer.config.style.default_color), (len(local), 1))
        table = layer.feature_table
        if table == "trees" and project.store.has_layer("trees"):
            feats = {str(f.attrs[project.store.schema("trees").key]): f.attrs for f in project.store.features("trees")}
            rows = [feats.get(k, {}) for k in layer.feature_keys]
            mesh = tree_glyphs(local, [r.get("baumhoehe_m") for r in rows], [r.get("kronendurchmesser_m") for r in rows],
                               rgba)
        else:
            mesh = marker_glyphs(local, rgba)
    table = layer.feature_table if layer.config.kind != "terrain" else None
    return primitives(mesh), table


def _write_tiles(dest: Path, name: str, title: str, prims: list[Primitive], size: float) -> dict[str, Any]:
    """Cut the layer's primitives into tiles, one GLB per tile; the tileset entry of the layer."""
    by_tile: dict[tuple[int, int], list[Primitive]] = {}
    for prim in prims:
        for key, part in split(prim, size).items():
            by_tile.setdefault(key, []).append(part)
    folder = dest / "tiles" / name
    folder.mkdir(parents=True, exist_ok=True)
    tiles = []
    for (i, j), parts in sorted(by_tile.items()):
        uri = f"{name}/{i}_{j}.glb"
        (dest / "tiles" / uri).write_bytes(glb_bytes(parts, name=f"{name} {i}/{j}", extras={"layer": name}))
        tiles.append({"uri": uri, "box": box(parts)})
    return {"name": name, "title": title, "tiles": tiles}


def _layer_entry(name: str, title: str, kind: str, visible: bool, legend: list[tuple[str, str]],
                 dest: Path) -> dict[str, Any]:
    return {"name": name, "titel": title, "art": kind, "sichtbar": bool(visible),
            "legende": [list(row) for row in legend],
            "attribute": f"attribute/{name}.json" if (dest / "attribute" / f"{name}.json").exists() else None}


def _hex(rgba) -> str:
    return "#{:02x}{:02x}{:02x}".format(*[int(v) for v in rgba[:3]])


def _legend(project: Project, layer: SceneLayer) -> list[tuple[str, str]]:
    style = layer.config.style
    if layer.config.kind == "terrain" and "height" in layer.mesh.point_data:
        z = np.asarray(layer.mesh.point_data["height"], dtype=float)
        lo, hi = float(np.nanmin(z)), float(np.nanmax(z))
        steps = np.linspace(lo, hi, 4)
        cols = ramp_colours(steps, style.colormap, lo, hi)
        return [(_hex(c), f"{s:.0f} m ü. NHN") for c, s in zip(cols, steps)][::-1]
    table = layer.feature_table
    shown = {f.name for f in project.store.schema(table).fields} if table and project.store.has_layer(table) else set()
    if style.classes and (not style.by or style.by in shown or layer.config.kind == "buildings"):
        return [(colour, SURFACE_TITLES.get(value, value)) for value, colour in style.classes.items()]
    return [(style.default_color, layer.title)]


def _attribute_rows(project: Project, table: str, keys: list[str]) -> dict[str, Any] | None:
    store = project.store
    if not table or not store.has_layer(table):
        return None
    schema = store.schema(table)
    by_key = {str(f.attrs.get(schema.key)): f.attrs for f in store.features(table)}
    fields = [[f.name, f.title or f.name] for f in schema.fields]
    rows = []
    for key in keys:
        attrs = by_key.get(key) or {}
        rows.append({name: _json_value(attrs.get(name)) for name, _ in fields if attrs.get(name) not in (None, "", {})})
    return {"tabelle": table, "felder": fields, "objekte": rows}


def _json_value(value: Any) -> Any:
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _write_attributes(dest: Path, name: str, data: dict[str, Any] | None) -> None:
    if data is not None:
        (dest / "attribute").mkdir(exist_ok=True)
        _write_json(dest / "attribute" / f"{name}.json", data)


def _parcels(project: Project, scene: Scene) -> tuple[list[Primitive], list[str]] | None:
    """Parcel boundaries (lines) and a faint fill (for clicking), draped on the terrain."""
    store = project.store
    if not store.has_layer("parcels"):
        return None
    schema = store.schema("parcels")
    feats = [f for f in store.features("parcels") if f.geometry is not None and not f.geometry.is_empty]
    if not feats:
        return None
    from layers.mesh import polygons_mesh

    geoms = np.array([f.geometry for f in feats], dtype=object)
    fill, src = polygons_mesh(geoms, scene.origin)
    xy = np.asarray(fill.points)[:, :2] + scene.origin[:2]
    fill.points[:, 2] = ground_heights(project, xy) + PARCEL_LIFT_M - scene.origin[2]
    fill.cell_data["feature_id"] = np.asarray(src, dtype=np.int64)
    fill.cell_data["rgba"] = np.tile(np.uint8(PARCEL_FILL_RGBA), (fill.n_cells, 1))
    seg_pts, seg_ids = [], []
    for i, g in enumerate(geoms):
        for ring in shapely.get_parts(shapely.boundary(g)):
            c = shapely.get_coordinates(shapely.segmentize(ring, 5.0))
            if len(c) < 2:
                continue
            seg_pts.append(np.stack([c[:-1], c[1:]], axis=1).reshape(-1, 2))
            seg_ids.append(np.full(len(c) - 1, i))
    prims = primitives(fill)
    if seg_pts:
        xy = np.vstack(seg_pts)
        z = ground_heights(project, xy) + PARCEL_LIFT_M + 0.05
        local = np.column_stack([xy - scene.origin[:2], z - scene.origin[2]])
        n = len(local) // 2
        lines = pv.PolyData(local, lines=np.column_stack([np.full(n, 2), np.arange(0, 2 * n, 2),
                                                           np.arange(1, 2 * n, 2)]).ravel())
        lines.cell_data["feature_id"] = np.concatenate(seg_ids)
        lines.cell_data["rgba"] = np.tile(np.uint8(PARCEL_RGBA), (n, 1))
        prims += primitives(lines)
    return prims, [str(f.attrs.get(schema.key)) for f in feats]


def _overlays(project: Project, scene: Scene, dest: Path, site: WebSite) -> list[dict[str, Any]]:
    """Released heavy-rain hazard maps and heat maps (daily maximum, stress classes) as PNG images.

    The colours are the desktop overlay's (the draped mesh's cell colours, written back into the result
    grid); the browser lays the image over the terrain tiles. Cells without a value stay transparent.
    """
    from layers import flood, heat

    terrain = next((la.mesh for la in scene.layers if la.config.kind == "terrain" and not la.is_empty), None)
    jobs = []
    store = project.store
    if store.has_layer("flood_runs"):
        jobs += [("starkregen", f.attrs.get("run_id"), f.attrs.get("title")) for f in store.features("flood_runs")]
    if store.has_layer("heat_runs"):
        jobs += [("hitze", f.attrs.get("run_id"), f.attrs.get("title")) for f in store.features("heat_runs")]
    out: list[dict[str, Any]] = []
    for kind, run_id, title in jobs:
        try:
            if kind == "starkregen":
                ov = flood.load_overlay(project, run_id, scene.origin, terrain, mode="klassen")
                shape, cells = ov.max_depth.shape, ov.mesh.cell_data["flood_cell"]
                legend, label = flood.legend("klassen"), "Starkregen-Gefahrenkarte"
            else:
                ov = heat.load_heat_overlay(project, run_id, scene.origin, terrain, mode="klasse_max")
                shape, cells = ov.shape, ov.mesh.cell_data["heat_cell"]
                legend, label = heat.legend("klasse_max"), "Hitzekarte (Belastung am Tagesmaximum)"
        except TwinError as exc:
            site.notes.append(f"{kind} {run_id}: {exc}")
            continue
        if ov.is_empty:
            continue
        image = np.zeros((shape[0] * shape[1], 4), dtype=np.uint8)
        image[np.asarray(cells, dtype=np.int64)] = np.asarray(ov.mesh.cell_data["rgba"], dtype=np.uint8)
        (dest / "overlays").mkdir(exist_ok=True)
        uri = f"overlays/{kind}_{run_id}.png"
        framed = np.zeros((shape[0] + 2, shape[1] + 2, 4), dtype=np.uint8)  # transparent frame: no smear outside
        framed[1:-1, 1:-1] = image.reshape(shape[0], shape[1], 4)
        (dest / uri).write_bytes(png_bytes(framed))
        dx, dy = (ov.bounds[2] - ov.bounds[0]) / shape[1], (ov.bounds[3] - ov.bounds[1]) / shape[0]
        b = (ov.bounds[0] - dx, ov.bounds[1] - dy, ov.bounds[2] + dx, ov.bounds[3] + dy)
        out.append({"name": f"{kind}_{run_id}", "titel": f"{label}: {title or run_id}", "art": kind, "uri": uri,
                    "bounds": [b[0] - scene.origin[0], b[1] - scene.origin[1], b[2] - scene.origin[0],
                               b[3] - scene.origin[1]],
                    "sichtbar": False, "legende": [list(r) for r in legend]})
        site.overlays.append(uri)
    return out


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
