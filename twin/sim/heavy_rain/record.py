"""The record of a heavy-rain run (layer ``flood_runs``): reading, listing, releasing, depth series."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import rasterio

from twin.errors import ProjectError, TwinIOError
from twin.model.flood import FLOOD_RUNS
from twin.project import Project
from twin.store.base import Feature
from twin.variants.manage import get_variant
from twin.variants.model import OEFFENTLICH

#: raster keys of a run (file ``<key>.tif`` in ``rasters/starkregen/<run_id>/``)
RASTER_KEYS = ("max_tiefe", "max_geschwindigkeit", "zeit_max", "gefahrenklassen", "tiefe_verlauf")
#: store raster kinds: results (Verwaltung, Rat) and hazard classes (also Bürger, once released)
KIND_RESULT = "starkregen"
KIND_HAZARD = "starkregen_gefahr"


class RunNotFound(ProjectError):
    """No heavy-rain run with that id in the project."""


@dataclass
class RunRecord:
    """Everything about one run: scenario, input hashes, solver parameters, mass balance and outputs.

    ``rasters`` maps the keys of :data:`RASTER_KEYS` to paths relative to the project folder; ``wall_s`` is
    the wall time of preparation and simulation; ``max_depth_m`` the largest depth on open cells.
    """

    run_id: str
    title: str
    created: str
    variant: str | None
    scenario: dict[str, Any]
    inputs: dict[str, Any]
    params: dict[str, Any]
    balance: dict[str, Any]
    rasters: dict[str, str]
    snapshot_times: list[float]
    affected_buildings: int
    flooded_roads: int
    wall_s: float
    released: bool = False
    max_depth_m: float = 0.0

    def to_attrs(self) -> dict[str, Any]:
        """Values of the ``flood_runs`` row."""
        return asdict(self)

    @classmethod
    def from_attrs(cls, a: dict[str, Any]) -> RunRecord:
        return cls(
            run_id=str(a["run_id"]), title=a.get("title") or "", created=a.get("created") or "",
            variant=a.get("variant"), scenario=a.get("scenario") or {}, inputs=a.get("inputs") or {},
            params=a.get("params") or {}, balance=a.get("balance") or {}, rasters=a.get("rasters") or {},
            snapshot_times=[float(t) for t in (a.get("snapshot_times") or [])],
            affected_buildings=int(a.get("affected_buildings") or 0), flooded_roads=int(a.get("flooded_roads") or 0),
            wall_s=float(a.get("wall_s") or 0.0), released=bool(a.get("released")),
            max_depth_m=float(a.get("max_depth_m") or 0.0),
        )


def raster_name(run_id: str, key: str) -> str:
    """Name of a run's raster in the store's register: ``<run_id>/<key>`` (the policy matches the run id)."""
    return f"{run_id}/{key}"


def list_runs(project: Project) -> list[RunRecord]:
    """All runs of the project, newest first."""
    if not project.store.has_layer(FLOOD_RUNS.name):
        return []
    runs = [RunRecord.from_attrs(f.attrs) for f in project.store.features(FLOOD_RUNS.name)]
    return sorted(runs, key=lambda r: (r.created, r.run_id), reverse=True)


def load_run(project: Project, run_id: str) -> RunRecord:
    """One run by id; :class:`RunNotFound` if there is none."""
    f = project.store.get(FLOOD_RUNS.name, run_id) if project.store.has_layer(FLOOD_RUNS.name) else None
    if f is None:
        raise RunNotFound(f"Den Starkregen-Lauf '{run_id}' gibt es in diesem Projekt nicht.")
    return RunRecord.from_attrs(f.attrs)


def release_run(project: Project, run_id: str, public: bool, *, actor: str = "system") -> None:
    """Release the run's hazard map to the public (Bürgerzwilling) or withdraw it (audited)."""
    rec = load_run(project, run_id)
    if rec.released == bool(public):
        return
    if public and rec.variant is not None:
        if get_variant(project.store, rec.variant).release_state != OEFFENTLICH:
            raise ProjectError(f"Der Lauf '{run_id}' rechnet die Variante '{rec.variant}', die nicht für die "
                               "Öffentlichkeit freigegeben ist; erst die Variante freigeben.")
    project.store.upsert(FLOOD_RUNS.name, [Feature({"run_id": run_id, **{k: v for k, v in rec.to_attrs().items()
                                                                          if k != "run_id"},
                                                    "released": bool(public)})], actor=actor)


def depth_series(project: Project, run_id: str) -> tuple[np.ndarray, np.ndarray, tuple[float, float, float, float]]:
    """The stored depth snapshots of a run: times [s], depths ``(k, ny, nx)`` float32 [m], bounds."""
    rec = load_run(project, run_id)
    rel = rec.rasters.get("tiefe_verlauf")
    if not rel:
        raise TwinIOError(f"Der Lauf '{run_id}' hat keinen Tiefenverlauf.")
    path = project.root / rel
    try:
        with rasterio.open(path) as src:
            depths = src.read().astype(np.float32)
            descr = src.descriptions
            b = src.bounds
    except rasterio.errors.RasterioError as exc:
        raise TwinIOError(f"Der Tiefenverlauf kann nicht gelesen werden: {exc}", path=path) from None
    times = np.array([float(d) if d else t for d, t in zip(descr, rec.snapshot_times or [0.0] * len(descr))])
    return times, depths, (b.left, b.bottom, b.right, b.top)
