"""The Bürgerzwilling's public layers as OGC API – Features, served by pygeoapi (open-data portal).

:func:`export_ogcapi` publishes the role's content through the role policy (the same step as the signed
package and the web twin) and writes, from that copy only, a folder for pygeoapi:

* ``daten/<layer>.geojson`` – each public vector layer in WGS 84 (CRS84, as OGC API Features expects),
  feature ``id`` = the natural key, properties = the columns the role may see;
* ``pygeoapi-config.yml`` – server, German metadata, one collection per layer (title, extent, keywords);
* ``openapi.yml`` – the OpenAPI document pygeoapi generates from that configuration.

Serve it with ``stadtzwilling ogcapi ORDNER`` (pygeoapi's Flask server) or any WSGI server pygeoapi
supports, with ``PYGEOAPI_CONFIG`` and ``PYGEOAPI_OPENAPI`` pointing at the two files. Like every
publication, the folder is replaced as a whole or left as it was.
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
import shapely
from pyproj import CRS, Transformer

from twin.errors import ProjectError
from twin.files import replace_folder
from twin.project import Project

CONFIG = "pygeoapi-config.yml"
OPENAPI = "openapi.yml"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
#: the public vector layers and how the portal names them (German title, description)
COLLECTIONS = {
    "trees": ("Bäume", "Baumkataster: Art, Höhe, Kronendurchmesser, Pflanzjahr"),
    "parcels": ("Flurstücke", "Flurstücke mit Kennzeichen und Nummer (ohne Eigentümer)"),
    "buildings": ("Gebäude (3D-Modell)", "Gebäude des 3D-Gebäudemodells mit Grundriss, Höhe und Adresse"),
    "cadastre_buildings": ("Gebäude (Liegenschaftskataster)", "Gebäudegrundrisse mit Funktion und Lage"),
    "road_closures": ("Verkehrssperrungen", "Sperrungen und Baustellen mit Zeitraum und Umleitung"),
    "road_closure_detours": ("Umleitungen", "Umleitungsstrecken der Verkehrssperrungen"),
    "land_cover": ("Bodenbedeckung", "Bodenbedeckung und Versiegelung"),
}
MARKER = "stadtzwilling-ogcapi.json"


@dataclass
class OgcApiExport:
    """What was written: folder and features per collection."""

    root: Path
    collections: dict[str, int] = field(default_factory=dict)


def export_ogcapi(project: Project, out: str | Path, *, role: str = "buerger", url: str = "http://localhost:5000",
                  host: str = "127.0.0.1", port: int = 5000, progress: Callable[[float, str], None] | None = None,
                  cancel=None) -> OgcApiExport:
    """Write the pygeoapi folder for the role's public vector layers to ``out``."""
    from twin.publish.content import build_content

    out = Path(out)
    progress = progress or (lambda f, m: None)

    def check() -> None:
        if cancel is not None:
            cancel.check()

    if role != "buerger":
        raise ProjectError("Als offene OGC-API wird nur der Bürgerzwilling veröffentlicht.")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise ProjectError(f"Der Zielordner '{out}' ist nicht leer und keine frühere OGC-API-Veröffentlichung.")
    if not out.parent.is_dir():
        raise ProjectError(f"Der Zielordner '{out.parent}' existiert nicht.")
    work = Path(tempfile.mkdtemp(prefix=".szogc-", dir=out.parent))
    try:
        build_content(project, role, work / "inhalt", check=check, progress=lambda f, m: progress(0.4 * f, m))
        site = work / "api"
        (site / "daten").mkdir(parents=True)
        result = OgcApiExport(root=out)
        published = Project.open(work / "inhalt")
        try:
            resources = {}
            names = [n for n in COLLECTIONS if published.store.has_layer(n)]
            for i, name in enumerate(names):
                check()
                progress(0.4 + 0.5 * i / max(len(names), 1), f"Sammlung „{COLLECTIONS[name][0]}“ …")
                written = _write_collection(published, name, site / "daten" / f"{name}.geojson", out)
                if written is None:
                    continue
                count, bbox = written
                result.collections[name] = count
                resources[name] = _resource(name, bbox, out / "daten" / f"{name}.geojson")
            config = _config(published, resources, url=url, host=host, port=port)
        finally:
            published.close()
        (site / CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        progress(0.92, "OpenAPI-Dokument …")
        (site / OPENAPI).write_text(_openapi(config, out, site), encoding="utf-8")
        (site / MARKER).write_text(json.dumps({"format": 1, "sammlungen": result.collections}), encoding="utf-8")
        check()
        replace_folder(site, out)
        progress(1.0, "OGC-API fertig")
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _write_collection(project: Project, name: str, path: Path, final_root: Path) -> tuple[int, list[float]] | None:
    store = project.store
    schema = store.schema(name)
    if schema.geometry_type is None:
        return None
    feats = [f for f in store.features(name) if f.geometry is not None and not f.geometry.is_empty]
    if not feats:
        return None
    to_wgs84 = Transformer.from_crs(CRS.from_epsg(project.config.project.crs), CRS.from_epsg(4326), always_xy=True)
    geoms = shapely.transform(np.array([f.geometry for f in feats], dtype=object),
                              lambda xy: np.column_stack(to_wgs84.transform(xy[:, 0], xy[:, 1])))
    fields = [f.name for f in schema.fields]
    items = []
    for f, g in zip(feats, geoms):
        props = {k: _json_value(f.attrs.get(k)) for k in fields if f.attrs.get(k) is not None}
        items.append({"type": "Feature", "id": str(f.attrs.get(schema.key)), "geometry":
                      json.loads(shapely.to_geojson(shapely.set_precision(g, 1e-7))), "properties": props})
    bounds = shapely.total_bounds(geoms)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": items}, ensure_ascii=False),
                    encoding="utf-8")
    return len(items), [round(float(v), 7) for v in bounds]


def _json_value(value: Any) -> Any:
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _resource(name: str, bbox: list[float], data: Path) -> dict[str, Any]:
    title, description = COLLECTIONS[name]
    return {"type": "collection", "title": {"de": title, "en": name.replace("_", " ")},
            "description": description, "keywords": ["Offene Daten", "Bürgerzwilling", title],
            "links": [], "extents": {"spatial": {"bbox": bbox, "crs": CRS84}},
            "providers": [{"type": "feature", "name": "GeoJSON", "data": str(data), "id_field": "id",
                           "title_field": None}]}


def _config(project: Project, resources: dict[str, Any], *, url: str, host: str, port: int) -> dict[str, Any]:
    published = project.config.published
    town = (published.source_project if published else None) or project.name
    return {
        "server": {"bind": {"host": host, "port": port}, "url": url, "mimetype": "application/json; charset=UTF-8",
                   "encoding": "utf-8", "languages": ["de-DE", "en-US"], "pretty_print": False,
                   "limits": {"default_items": 100, "max_items": 10000},
                   # the HTML pages' base map: tiles of the public OSM server (only for the HTML view)
                   "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                           "attribution": "© OpenStreetMap-Mitwirkende"}},
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {"title": {"de": f"Offene Geodaten – {town}", "en": f"Open geodata – {town}"},
                               "description": f"Öffentliche Layer des Bürgerzwillings von {town} "
                                              "(OGC API – Features)",
                               "keywords": ["Digitaler Zwilling", "Offene Daten", town], "url": url,
                               "terms_of_service": "https://www.govdata.de/dl-de/by-2-0"},
            "license": {"name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                        "url": "https://www.govdata.de/dl-de/by-2-0"},
            "provider": {"name": town, "url": url},
            "contact": {"name": town, "url": url, "email": "", "role": "pointOfContact"},
        },
        "resources": resources,
    }


def _openapi(config: dict[str, Any], final: Path, staged: Path) -> str:
    """pygeoapi's OpenAPI document of the configuration (read with the data where it is staged now)."""
    try:
        from pygeoapi.openapi import generate_openapi_document
    except ImportError as exc:
        raise ProjectError("Für die OGC-API wird pygeoapi gebraucht: pip install pygeoapi") from exc
    here = json.loads(json.dumps(config).replace(json.dumps(str(final))[1:-1], json.dumps(str(staged))[1:-1]))
    probe = staged / ".openapi-konfiguration.yml"
    probe.write_text(json.dumps(here, ensure_ascii=False), encoding="utf-8")
    try:
        return generate_openapi_document(probe, "yaml")
    finally:
        probe.unlink()
