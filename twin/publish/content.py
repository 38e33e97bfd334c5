"""What a role's package contains: a new project folder with only what the role may see.

Everything is read through the role's :class:`twin.policy.RoleSession` (visible layers, columns and
rows; aggregations as small attribute tables ``kennzahl_<name>``) and written into a **new**
GeoPackage – nothing is copied from the administration's file, so its hidden rows, deleted rows,
free pages and history cannot come along. Rasters and point clouds are copied if the role may see
them. The new ``twin.toml`` carries a ``[published]`` section (role, time, source), and the GeoPackage
is vacuumed and left without journal files.

Layout of the folder (relative paths as in a project): ``twin.toml``, ``policy.toml``, ``twin.gpkg``,
``rasters/<kind>/<name>.tif``, ``pointclouds/<name>.npz``.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from twin.config import PublishedSection, save_config
from twin.errors import Cancelled, ProjectError
from twin.policy import POLICY_FILE, ROLE_TITLES
from twin.project import CONFIG_NAME, GPKG_NAME, Project
from twin.store.base import Feature
from twin.store.schema import Field, LayerSchema

ACTOR = "Veröffentlichung"
#: the package holds only what its role may see: inside it, every role sees all of it (read-only)
PUBLISHED_POLICY = """# Veröffentlichter {title}: das Paket enthält nur, was dieser Rolle zusteht.
format_version = 1

[roles.verwaltung]
title = "Verwaltungszwilling"
all = true

[roles.rat]
title = "Ratszwilling"
all = true

[roles.buerger]
title = "Bürgerzwilling"
all = true
"""
_TYPES = {bool: "boolean", int: "integer", float: "real", str: "text"}


@dataclass
class Content:
    """What went into the folder: rows per layer and figure table, raster and cloud files."""

    root: Path
    role: str
    layers: dict[str, int] = field(default_factory=dict)
    figures: dict[str, int] = field(default_factory=dict)
    rasters: list[str] = field(default_factory=list)
    pointclouds: list[str] = field(default_factory=list)


def build_content(project: Project, role: str, dest: Path, *,
                  progress: Callable[[float, str], None] | None = None,
                  check: Callable[[], None] | None = None) -> Content:
    """Write the role's twin into the new folder ``dest`` (must not exist yet)."""
    if role not in ("rat", "buerger"):
        raise ProjectError(f"Veröffentlicht werden nur der Rats- und der Bürgerzwilling, nicht '{role}'.")
    progress = progress or (lambda f, m: None)
    check = check or (lambda: None)
    session = project.session(role)
    src = project.config.project
    out = Project.create(dest, crs=src.crs, name=src.name, extent=src.extent, vertical_crs=src.vertical_crs)
    content = Content(root=dest, role=role)
    try:
        names = session.layer_names()
        figures = list(session.aggregations())
        steps = max(len(names) + len(figures) + 2, 1)
        for i, layer in enumerate(names):
            progress(i / steps, f"Layer „{layer}“ …")
            check()
            schema = session.schema(layer)
            feats = session.features(layer)
            out.store.create_layer(schema)
            out.store.upsert(layer, feats, actor=ACTOR)
            content.layers[layer] = len(feats)
        for j, name in enumerate(figures):
            progress((len(names) + j) / steps, f"Kennzahl „{name}“ …")
            check()
            agg = session.rule.aggregations[name]
            if agg.layer not in project.store.layer_names():
                continue
            rows = session.aggregate(name)
            content.figures[name] = _write_figures(out, name, agg.title, rows, list(agg.measures))
        progress((steps - 2) / steps, "Raster und Punktwolken …")
        check()
        for r in session.rasters():
            _copy(project.root / r["path"], dest / r["path"])
            out.store.register_raster(name=r["name"], kind=r["kind"], path=r["path"], crs=r["crs"],
                                      bounds=r["bounds"], resolution=r["resolution"], sha256=r["sha256"],
                                      provenance_id=None)
            content.rasters.append(r["path"])
        if session.rule.pointclouds and project.pointclouds_dir.is_dir():
            for cloud in sorted(project.pointclouds_dir.glob("*.npz")):
                rel = cloud.relative_to(project.root).as_posix()
                _copy(cloud, dest / rel)
                content.pointclouds.append(rel)
        out.config = out.config.model_copy(update={
            "layers": project.config.layers,
            "published": PublishedSection(role=role, title=session.title or ROLE_TITLES[role],
                                          published_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                          source_project=src.name),
        })
        save_config(out.config, dest / CONFIG_NAME)
        (dest / POLICY_FILE).write_text(PUBLISHED_POLICY.format(title=session.title), encoding="utf-8")
    except Cancelled:
        out.close()
        raise
    out.close()
    _compact(dest / GPKG_NAME)
    progress(1.0, "Inhalt fertig")
    return content


def _write_figures(out: Project, name: str, title: str, rows: list[dict[str, Any]], measures: list[str]) -> int:
    """An aggregation's rows as attribute table ``kennzahl_<name>``; key ``gruppe`` = the group values."""
    cols = list(rows[0]) if rows else []
    groups = [c for c in cols if c not in measures]
    fields = [Field("gruppe", "text", "Gruppe")]
    for c in cols:
        kinds = {type(r[c]) for r in rows if r[c] is not None}
        ftype = _TYPES.get(next(iter(kinds)), "text") if len(kinds) == 1 else "real" if kinds == {int, float} \
            else "text"
        fields.append(Field(c, ftype, c))
    schema = LayerSchema(name=f"kennzahl_{name}", key="gruppe", fields=tuple(fields), geometry_type=None,
                         title=title)
    out.store.create_layer(schema)
    feats = [Feature({"gruppe": " | ".join("–" if r[c] is None else str(r[c]) for c in groups) or "gesamt", **r})
             for r in rows]
    out.store.upsert(schema.name, feats, actor=ACTOR)
    return len(rows)


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def _compact(gpkg: Path) -> None:
    """VACUUM (no free pages keep old bytes) and switch the journal off; no -wal/-journal file stays."""
    conn = sqlite3.connect(gpkg)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(gpkg) + suffix).unlink(missing_ok=True)
