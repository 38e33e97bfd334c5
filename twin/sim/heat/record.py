"""The record of a heat run (layer ``heat_runs``): listing, reading, releasing, result rasters and the
before/after comparison of two runs (ΔUTCI and the area that leaves "starker Hitzestress")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import rasterio

from twin.errors import ProjectError, TwinIOError
from twin.model.heat import HEAT_RUNS
from twin.project import Project
from twin.sim.heat.utci import STRONG_HEAT, stress_class
from twin.store.base import Feature
from twin.variants.manage import get_variant
from twin.variants.model import OEFFENTLICH

#: raster keys of a run (file names in ``rasters/hitze/<run_id>/``)
RASTER_FILES = {
    "svf": "himmelssicht.tif", "schatten": "besonnung.tif", "tmrt": "tmrt.tif", "utci": "utci.tif",
    "klasse": "utci_klasse.tif", "tmrt_max": "tmrt_max.tif", "utci_max": "utci_max.tif",
    "klasse_max": "utci_klasse_max.tif",
}
#: store raster kinds: every result (Verwaltung, Rat) and the public maps of the daily maximum
KIND_RESULT = "hitze"
KIND_MAP = "hitze_karte"
MAP_KEYS = ("utci_max", "klasse_max")


class HeatRunNotFound(ProjectError):
    """No heat run with that id in the project."""


@dataclass
class HeatRunRecord:
    """One run: day, weather, sun, inputs, parameters, outputs (paths relative to the project folder)."""

    run_id: str
    title: str
    created: str
    variant: str | None
    day: str
    hours: list[float]
    weather: dict[str, Any]
    sun: list[dict[str, Any]]
    inputs: dict[str, Any]
    params: dict[str, Any]
    rasters: dict[str, str]
    class_area_m2: dict[str, float] = field(default_factory=dict)
    strong_heat_m2: float = 0.0
    utci_max_c: float = float("nan")
    wall_s: float = 0.0
    released: bool = False

    def to_attrs(self) -> dict[str, Any]:
        """Values of the ``heat_runs`` row."""
        return asdict(self)

    @classmethod
    def from_attrs(cls, a: dict[str, Any]) -> HeatRunRecord:
        num = (lambda v, d: float(v) if v is not None else d)
        return cls(
            run_id=str(a["run_id"]), title=a.get("title") or "", created=a.get("created") or "",
            variant=a.get("variant"), day=a.get("day") or "", hours=[float(h) for h in a.get("hours") or []],
            weather=a.get("weather") or {}, sun=a.get("sun") or [], inputs=a.get("inputs") or {},
            params=a.get("params") or {}, rasters=a.get("rasters") or {},
            class_area_m2={str(k): float(v) for k, v in (a.get("class_area_m2") or {}).items()},
            strong_heat_m2=num(a.get("strong_heat_m2"), 0.0), utci_max_c=num(a.get("utci_max_c"), float("nan")),
            wall_s=num(a.get("wall_s"), 0.0), released=bool(a.get("released")),
        )


def raster_name(run_id: str, key: str) -> str:
    """Name of a run's raster in the store's register: ``<run_id>/<key>`` (the policy matches the run id)."""
    return f"{run_id}/{key}"


def list_heat_runs(project: Project) -> list[HeatRunRecord]:
    """All heat runs the project (or role view) shows, newest first."""
    if not project.store.has_layer(HEAT_RUNS.name):
        return []
    runs = [HeatRunRecord.from_attrs(f.attrs) for f in project.store.features(HEAT_RUNS.name)]
    return sorted(runs, key=lambda r: (r.created, r.run_id), reverse=True)


def load_heat_run(project: Project, run_id: str) -> HeatRunRecord:
    """One run by id; :class:`HeatRunNotFound` if there is none (or the role may not see it)."""
    f = project.store.get(HEAT_RUNS.name, run_id) if project.store.has_layer(HEAT_RUNS.name) else None
    if f is None:
        raise HeatRunNotFound(f"Den Hitze-Lauf '{run_id}' gibt es in diesem Projekt nicht.")
    return HeatRunRecord.from_attrs(f.attrs)


def release_heat_run(project: Project, run_id: str, public: bool, *, actor: str = "system") -> None:
    """Release the run's maps of the daily maximum to the Bürgerzwilling or withdraw them (audited)."""
    rec = load_heat_run(project, run_id)
    if rec.released == bool(public):
        return
    if public and rec.variant is not None and get_variant(project.store, rec.variant).release_state != OEFFENTLICH:
        raise ProjectError(f"Der Hitze-Lauf '{run_id}' rechnet die Variante '{rec.variant}', die nicht für die "
                           "Öffentlichkeit freigegeben ist; erst die Variante freigeben.")
    attrs = rec.to_attrs()
    attrs["released"] = bool(public)
    project.store.upsert(HEAT_RUNS.name, [Feature(attrs)], actor=actor)


@dataclass
class HeatRaster:
    """Bands ``(k, ny, nx)`` float32 (NoData → NaN), their descriptions and the grid bounds."""

    data: np.ndarray
    descriptions: tuple[str, ...]
    bounds: tuple[float, float, float, float]
    cell_m: float


def read_heat_raster(project: Project, run_id: str, key: str) -> HeatRaster:
    """A result raster of a run, looked up in the raster register the project (or role view) shows.

    A role that may not see the raster (e.g. the hourly Tmrt in the Bürgerzwilling) gets :class:`TwinIOError`.
    """
    if key not in RASTER_FILES:
        raise KeyError(key)
    name = raster_name(run_id, key)
    kind = KIND_MAP if key in MAP_KEYS else KIND_RESULT
    entry = next((r for r in project.store.rasters(kind) if r["name"] == name), None)
    if entry is None:
        raise TwinIOError(f"Zum Hitze-Lauf '{run_id}' ist das Ergebnis '{key}' hier nicht verfügbar.")
    path = project.root / entry["path"]
    try:
        with rasterio.open(path) as src:
            masked = src.read(masked=True)
            data = np.ma.filled(masked.astype(np.float32), np.nan)
            b = src.bounds
            return HeatRaster(data, tuple(d or "" for d in src.descriptions), (b.left, b.bottom, b.right, b.top),
                              float(src.res[0]))
    except rasterio.errors.RasterioError as exc:
        raise TwinIOError(f"Das Ergebnisraster '{key}' des Hitze-Laufs '{run_id}' ist nicht lesbar: {exc}",
                          path=path) from None


@dataclass
class HeatComparison:
    """After minus before: ΔUTCI [K] per cell (NaN where either has no value), the areas [m²] that leave
    and that enter "starker Hitzestress" or worse (UTCI above 32 °C) and that move to a lower or higher
    stress class, for the daily maximum or one hour."""

    before: str
    after: str
    hour: float | None
    delta: np.ndarray
    bounds: tuple[float, float, float, float]
    cell_m: float
    left_strong_m2: float
    entered_strong_m2: float
    better_class_m2: float
    worse_class_m2: float
    cooler_m2: float
    warmer_m2: float
    mean_delta_changed: float
    min_delta: float

    def summary(self) -> str:
        """German one-paragraph summary (m² with thousands separators)."""
        def m2(v: float) -> str:
            return f"{v:,.0f}".replace(",", ".") + " m²"
        when = "am Tagesmaximum" if self.hour is None else f"um {self.hour:g} Uhr"
        coolest = f"{self.min_delta:+.1f}".replace(".", ",").replace("-", "−")
        return (f"ΔUTCI {when}: {m2(self.left_strong_m2)} verlassen den starken Hitzestress, "
                f"{m2(self.entered_strong_m2)} kommen hinzu; {m2(self.better_class_m2)} eine Belastungsklasse "
                f"niedriger, {m2(self.worse_class_m2)} höher; kühler um mindestens 0,5 K: {m2(self.cooler_m2)}, "
                f"wärmer: {m2(self.warmer_m2)}; größte Änderung {coolest} K.")


#: |ΔUTCI| [K] from which a cell counts as changed (the model's own noise is far below)
CHANGED_K = 0.5


def compare_heat_runs(project: Project, before: str, after: str, hour: float | None = None) -> HeatComparison:
    """ΔUTCI = after − before for the daily maximum (``hour`` None) or one hour both runs computed.

    Both runs must lie on the same grid (same extent and cell size), e.g. the plan as it is and a variant.
    """
    records = {run_id: load_heat_run(project, run_id) for run_id in (before, after)}

    def utci_of(run_id: str) -> HeatRaster:
        if hour is None:
            return read_heat_raster(project, run_id, "utci_max")
        r = read_heat_raster(project, run_id, "utci")
        hours = records[run_id].hours
        if float(hour) not in hours:
            raise ProjectError(f"Der Hitze-Lauf '{run_id}' hat keine Stunde {hour:g} Uhr "
                               f"(gerechnet: {', '.join(f'{h:g}' for h in hours)}).")
        return HeatRaster(r.data[hours.index(float(hour))][None], r.descriptions, r.bounds, r.cell_m)

    a, b = utci_of(before), utci_of(after)
    if a.data.shape != b.data.shape or not np.allclose(a.bounds, b.bounds) or a.cell_m != b.cell_m:
        raise ProjectError(f"Die Hitze-Läufe '{before}' und '{after}' liegen auf verschiedenen Rastern "
                           "(Ausdehnung oder Zellgröße); vergleichen lassen sich nur Läufe desselben Gebiets.")
    u0, u1 = a.data[0], b.data[0]
    delta = (u1 - u0).astype(np.float32)
    cell = a.cell_m * a.cell_m
    c0, c1 = stress_class(u0), stress_class(u1)
    strong0, strong1 = c0 >= STRONG_HEAT, c1 >= STRONG_HEAT
    valid = np.isfinite(delta)
    changed = valid & (np.abs(delta) >= CHANGED_K)
    return HeatComparison(
        before=before, after=after, hour=hour, delta=delta, bounds=a.bounds, cell_m=a.cell_m,
        left_strong_m2=float((strong0 & ~strong1 & valid).sum() * cell),
        entered_strong_m2=float((~strong0 & strong1 & valid).sum() * cell),
        better_class_m2=float((valid & (c1 < c0)).sum() * cell), worse_class_m2=float((valid & (c1 > c0)).sum() * cell),
        cooler_m2=float((valid & (delta <= -CHANGED_K)).sum() * cell),
        warmer_m2=float((valid & (delta >= CHANGED_K)).sum() * cell),
        mean_delta_changed=float(delta[changed].mean()) if changed.any() else 0.0,
        min_delta=float(np.nanmin(delta)) if valid.any() else 0.0,
    )
