"""Heat stress (Hitze): SVF, shadows, Tmrt and UTCI for 1 km² at 1 m, ours vs. solweig and a numpy SVF.

One table, rows = stages, columns = implementations, seconds per stage, all on the same surface model and
restricted to 2 threads (``NUMBA_NUM_THREADS``, ``OMP_NUM_THREADS``, ``OPENBLAS_NUM_THREADS`` and
``RAYON_NUM_THREADS`` for solweig's Rust core are set to 2 before anything is imported):

* **Surface.** The real DGM1 tile ``sample_data/real/BY_DGM1_690_5335.tif`` (1000 × 1000, 1 m, read with
  :func:`bench.bench_flood.sample_tile`; ``--quick``: its NW 120 × 120 corner), synthetic flat-roofed
  building blocks (10–30 m sides, 6–20 m above the highest ground under them, ~20 % of the area, fixed
  seed) and synthetic trees (one per ~800 m² of open ground, 8–22 m high, crowns 3–14 m, crown base at 25 %
  of the height) rasterised with :func:`twin.sim.heat.vegetation.rasterize_trees` (July: crowns in leaf,
  transmissivity 3 %).
* **Sun.** 15 July 2026 at the tile centre, local hours 6–20 (CEST) from :func:`twin.sim.heat.sun.sun_hours`
  (pvlib SPA); "1 Stunde" is 13:00. Weather: design day ``heisser_tag`` of :mod:`twin.sim.heat.weather`.

Implementations:

* **Stadtzwilling** – ``twin.sim.heat``: SVF (:func:`svf.sky_view_factor`, 32 azimuths, horizon up to
  200 m, with crowns) and shadows (:func:`shadow.sun_fraction` per hour, with crowns) are timed directly;
  Tmrt, UTCI and the totals come from :func:`model.heat_day` (its ``timings``; total = wall time of
  ``heat_day`` including SVF, sun positions and daily maxima), run once for 13:00 alone and once for the
  day. :func:`our_svf`, :func:`our_shadow` and :func:`our_heat_day` are the only places that call our
  code. Warm-up on a small grid first (numba compile, not counted), then the median of ``--repeats`` runs.
* **solweig** (``pip install solweig``, GPL-3.0: a benchmark peer only, never a dependency of the
  project; imported only if importable, optionally from ``--solweig-path`` or the environment variable
  ``STADTZWILLING_SOLWEIG_PATH``, which are *appended* to ``sys.path``). GPU switched off
  (``SOLWEIG_NO_GPU=1`` and ``solweig.disable_gpu()``), so it runs on the same 2 CPU threads. Called:

  - SVF: ``solweig.rustalgos.skyview.calculate_svf(dsm, cdsm, tdsm, scale=1.0, usevegdem=True,
    max_local_dsm_ht=max(dsm, cdsm) − min(dsm), patch_option=2, min_sun_elev_deg=3.0)`` – exactly the call
    of ``SurfaceData.prepare``/``surface_compute``: ``patch_option=2`` = 153 sky patches (Wallenberg et al.
    2022: 8 altitude bands 6°…90°, 31 azimuths in the lowest), shadow casting for each patch with buildings
    and vegetation. Buildings-only SVF = ``result.svf``; with crowns ``svfbuveg = svf − (1 − svf_veg)·(1 − ψ)``
    with ψ = 0.03 (solweig's ``adjust_svfbuveg_with_psi``).
  - Shadows: ``solweig.rustalgos.shadowing.calculate_shadows_wall_ht_25(azimuth, altitude, scale=1.0,
    max_local_dsm_ht, dsm, cdsm, tdsm, bush=zeros)`` without walls (no wall height/aspect rasters), default
    ``max_shadow_distance_m``; sun share = ``clip(bldg_sh − (1 − veg_sh)·(1 − ψ), 0, 1)`` (SOLWEIG's
    ``shadow``), the combination counted in the time.
  - UTCI: ``solweig.rustalgos.utci.utci_grid(ta, rh, tmrt, va10m)`` on our Tmrt grid of the same hour
    (roof cells, NaN in ours, filled with Ta so both compute every cell; if ``heat_day`` is missing: on a
    proxy ``Ta + 30 K · sun share``, timing only).
  - Tmrt of solweig is not measured: it is the whole fused radiation pipeline (``solweig.calculate`` with
    walls, ground view factors, anisotropic sky), not a stage that takes our inputs.

  CDSM/TDSM are the absolute crown top/base of our ``Vegetation`` where a crown is above the DSM, NaN
  elsewhere (what ``SurfaceData.preprocess`` produces from relative heights).
* **numpy-SVF** – :func:`numpy_svf`: the straightforward horizon-angle SVF of a horizontal surface with
  numpy: for each of 32 azimuths shift the DSM cell by cell along the direction (slices of a padded copy)
  up to 200 m, keep max((z_shifted − z)/distance) = tan γ, SVF = mean over azimuths of 1/(1 + tan² γ) =
  cos² γ. Terrain and buildings only (compared with the buildings-only SVF of the others).

Agreement (second table): mean, 99th percentile and max |Δ| of SVF and sun share between ours and solweig
(and numpy) over all cells; for shadows also the share of cells where they differ by more than 0.5.

    python -m bench.bench_heat                       # full run, 1000 × 1000 (a few minutes on 2 cores)
    python -m bench.bench_heat --quick               # 120 × 120 (smoke test)
    python -m bench.bench_heat --solweig-path /tmp/solweig-lib
"""

from __future__ import annotations

import os

THREADS = 2
os.environ["NUMBA_NUM_THREADS"] = str(THREADS)
os.environ["OMP_NUM_THREADS"] = str(THREADS)
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))
os.environ["RAYON_NUM_THREADS"] = str(THREADS)  # solweig's Rust core
os.environ.setdefault("SOLWEIG_NO_GPU", "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
CRS = "EPSG:25832"
ORIGIN = (690000.0, 5336000.0)  # NW corner of the DGM1 tile
DAY = dt.date(2026, 7, 15)
HOURS = tuple(range(6, 21))
HOUR_ONE = 13
WEATHER = "heisser_tag"  # twin.sim.heat.weather.preset: Tmax 32.5 °C at 15 h, Tmin 19.5 °C, wind 2 m/s
PSI = 0.03  # SOLWEIG's crown transmissivity in leaf (same as ours in July)
N_AZ = 32
MAX_DIST = 200.0
NO_SOLWEIG = "solweig nicht installiert – Vergleichsspalte leer (pip install solweig, nur für den Benchmark; GPL)"
MISSING = "noch nicht vorhanden"

HEADERS = ["Stufe", "Umfang", "Stadtzwilling [s]", "solweig [s]", "numpy-SVF [s]", "Stadtzwilling Mio. Zellen/s",
           "solweig Mio. Zellen/s", "solweig ÷ Stadtzwilling"]
AGREE_HEADERS = ["Größe", "Vergleich", "Mittel A", "Mittel B", "mittl. |Δ|", "99. Perz. |Δ|", "max |Δ|",
                 "Zellen |Δ| > 0,5"]


class NotAvailable(Exception):
    """A stage our heat module does not provide (yet)."""


# ----------------------------------------------------------------------------- inputs
def city(n: int | None, seed: int = SEED) -> dict:
    """Ground (DGM1 tile), DSM with building blocks, building mask and synthetic trees."""
    from rasterio.transform import from_origin

    from bench.bench_flood import sample_tile
    from twin.sim.heat.sun import project_lonlat

    ground, _ = sample_tile(n)
    ground = ground.astype(np.float32)
    ny, nx = ground.shape
    rng = np.random.default_rng(seed)
    dsm = ground.copy()
    buildings = np.zeros(ground.shape, dtype=bool)
    target = 0.20 * ground.size
    while buildings.sum() < target:
        h, w = (int(v) for v in rng.integers(10, 31, 2))
        i, j = int(rng.integers(0, max(ny - h, 1))), int(rng.integers(0, max(nx - w, 1)))
        roof = float(ground[i:i + h, j:j + w].max()) + float(rng.uniform(6.0, 20.0))
        np.maximum(dsm[i:i + h, j:j + w], roof, out=dsm[i:i + h, j:j + w])
        buildings[i:i + h, j:j + w] = True
    trees = []
    want = int(round(ground.size * (1.0 - buildings.mean()) / 800.0))
    while len(trees) < want:
        r, c = rng.uniform(0, ny), rng.uniform(0, nx)
        if buildings[int(r), int(c)]:
            continue
        height = float(rng.uniform(8.0, 22.0))
        crown = float(np.clip(height * rng.uniform(0.4, 0.7), 3.0, 14.0))
        trees.append((ORIGIN[0] + c, ORIGIN[1] - r, height, crown))
    transform = from_origin(ORIGIN[0], ORIGIN[1], 1.0, 1.0)
    lon, lat = project_lonlat(ORIGIN[0] + nx / 2, ORIGIN[1] - ny / 2, CRS)
    return {"lat": lat, "lon": lon, "ground": ground, "dsm": dsm, "buildings": buildings, "trees": trees,
            "transform": transform, "dx": 1.0}


def vegetation(c: dict):
    """Our crowns (``Vegetation``) of the synthetic trees, July."""
    from twin.sim.heat.vegetation import Tree, rasterize_trees

    trees = [Tree(x=x, y=y, height=h, crown=d, genus="Tilia") for x, y, h, d in c["trees"]]
    return rasterize_trees(trees, c["ground"], c["transform"], month=7)


def sun_hours(c: dict) -> list:
    """(hour, azimuth, elevation) for the local hours of the day, sun up only."""
    from twin.sim.heat.sun import sun_hours as _sun_hours

    out = []
    for h, s in zip(HOURS, _sun_hours(c["lat"], c["lon"], DAY, hours=HOURS)):
        if s.up:
            out.append({"hour": h, "azimuth": s.azimuth_deg, "elevation": s.elevation_deg, "sun": s})
    return out


def solweig_inputs(c: dict, veg) -> dict:
    """CDSM/TDSM (absolute, NaN without crown) and the ray height hint for solweig."""
    dsm = c["dsm"]
    crown = veg.mask & (veg.top > dsm)
    cdsm = np.where(crown, veg.top, np.nan).astype(np.float32)
    tdsm = np.where(crown, np.minimum(veg.base, veg.top), np.nan).astype(np.float32)
    top = max(float(dsm.max()), float(np.nanmax(cdsm)) if crown.any() else -np.inf)
    return {"cdsm": cdsm, "tdsm": tdsm, "max_h": top - float(dsm.min()), "bush": np.zeros_like(dsm)}


# ----------------------------------------------------------------------------- ours (adapt here)
def our_svf(c: dict, veg):
    from twin.sim.heat.svf import sky_view_factor

    return sky_view_factor(c["dsm"], c["dx"], veg=veg, n_azimuths=N_AZ)


def our_shadow(c: dict, veg, sun: dict) -> np.ndarray:
    from twin.sim.heat.shadow import sun_fraction

    return sun_fraction(c["dsm"], c["dx"], sun["azimuth"], sun["elevation"], veg=veg)


def our_heat_day(c: dict, veg, hours: list[float]):
    """The whole pipeline :func:`twin.sim.heat.model.heat_day` for local ``hours``: (wall s, HeatResult).
    Its ``timings`` (svf, schatten, tmrt, utci) give the Tmrt and UTCI rows."""
    from twin.sim.heat.model import COVER_ORDER, HeatInputs, heat_day
    from twin.sim.heat.weather import preset

    cover = np.zeros(c["dsm"].shape, dtype=np.int8)
    if veg is not None:
        cover[veg.mask] = COVER_ORDER.index("gruen")
    inp = HeatInputs(dsm=c["dsm"], dx=c["dx"], buildings=c["buildings"], cover=cover, lat=c["lat"], lon=c["lon"],
                     day=DAY, weather=preset(WEATHER), veg=veg, hours=[float(h) for h in hours])
    t0 = time.perf_counter()
    r = heat_day(inp)
    return time.perf_counter() - t0, r


def weather_at(hour: float) -> tuple[float, float, float]:
    """(Ta °C, RH %, wind m/s at 10 m) of the design day at a local hour."""
    from twin.sim.heat.weather import preset

    return preset(WEATHER).at(float(hour))


# ----------------------------------------------------------------------------- peers
def numpy_svf(dsm: np.ndarray, dx: float, n_az: int = N_AZ, max_dist: float = MAX_DIST) -> np.ndarray:
    """Horizon-angle SVF of a horizontal surface, plain numpy (terrain and buildings only)."""
    z = np.asarray(dsm, dtype=np.float32)
    ny, nx = z.shape
    pad = int(np.ceil(max_dist / dx)) + 1
    zp = np.pad(z, pad, mode="constant", constant_values=-np.inf)  # outside the grid: no obstacle
    acc = np.zeros(z.shape, dtype=np.float64)
    tan_max = np.empty_like(z)
    tmp = np.empty_like(z)
    for k in range(n_az):
        a = 2.0 * np.pi * k / n_az
        di, dj = -np.cos(a), np.sin(a)  # row 0 north, azimuth clockwise from north
        m = max(abs(di), abs(dj))
        di, dj = di / m, dj / m  # one cell along the longer axis per step
        tan_max.fill(0.0)  # a horizontal surface: the horizon is at least 0°
        seen = set()
        s = 1
        while True:
            oi, oj = int(round(s * di)), int(round(s * dj))
            d = float(np.hypot(oi, oj)) * dx
            s += 1
            if d > max_dist:
                break
            if (oi, oj) in seen:
                continue
            seen.add((oi, oj))
            shifted = zp[pad + oi:pad + oi + ny, pad + oj:pad + oj + nx]
            np.subtract(shifted, z, out=tmp)
            tmp *= np.float32(1.0 / d)
            np.maximum(tan_max, tmp, out=tan_max)
        np.square(tan_max, out=tmp)
        tmp += 1.0
        acc += 1.0 / tmp
    return (acc / n_az).astype(np.float32)


def load_solweig(path: str | None):
    """(module namespace, version) or (None, reason)."""
    p = path or os.environ.get("STADTZWILLING_SOLWEIG_PATH")
    if p and p not in sys.path:
        sys.path.append(p)  # appended: the project's own packages always win
    try:
        import solweig
        from solweig.rustalgos import shadowing, skyview, utci
    except ImportError as e:
        return None, f"{NO_SOLWEIG} [{e}]"
    solweig.disable_gpu()
    try:
        from importlib.metadata import version

        ver = version("solweig")
    except Exception:  # noqa: BLE001 - only for the label
        ver = getattr(solweig, "__version__", "?")
    return {"skyview": skyview, "shadowing": shadowing, "utci": utci, "backend": solweig.get_compute_backend()}, ver


def solweig_svf(sw: dict, c: dict, si: dict, use_veg: bool = True):
    """Without vegetation as ``SurfaceData.prepare`` does it: zero CDSM/TDSM, ``usevegdem=False``."""
    if use_veg:
        cdsm, tdsm, max_h = si["cdsm"], si["tdsm"], si["max_h"]
    else:
        cdsm = tdsm = si["bush"]
        max_h = float(c["dsm"].max() - c["dsm"].min())
    r = sw["skyview"].calculate_svf(c["dsm"], cdsm, tdsm, float(c["dx"]), use_veg, max_h, 2, 3.0, None)
    svf = np.asarray(r.svf, dtype=np.float32)
    if not use_veg:
        return {"buildings": svf, "total": svf}
    svf_veg = np.asarray(r.svf_veg, dtype=np.float32)
    return {"buildings": svf, "total": svf - (1.0 - svf_veg) * (1.0 - PSI)}


def solweig_shadow(sw: dict, c: dict, si: dict, sun: dict, use_veg: bool = True) -> np.ndarray:
    args = (float(sun["azimuth"]), float(sun["elevation"]), float(c["dx"]))
    if not use_veg:
        r = sw["shadowing"].calculate_shadows_wall_ht_25(*args, float(c["dsm"].max() - c["dsm"].min()), c["dsm"])
        return np.asarray(r.bldg_sh, dtype=np.float32)
    r = sw["shadowing"].calculate_shadows_wall_ht_25(*args, si["max_h"], c["dsm"], si["cdsm"], si["tdsm"], si["bush"])
    sh = np.asarray(r.bldg_sh, dtype=np.float32) - (1.0 - np.asarray(r.veg_sh, dtype=np.float32)) * (1.0 - PSI)
    return np.clip(sh, 0.0, 1.0)


def solweig_utci(sw: dict, tmrt: np.ndarray, hour: float) -> np.ndarray:
    ta, rh, va10 = weather_at(hour)
    return np.asarray(sw["utci"].utci_grid(float(ta), float(rh), np.ascontiguousarray(tmrt, dtype=np.float32),
                                           np.full(tmrt.shape, va10, dtype=np.float32)))


# ----------------------------------------------------------------------------- measuring
def measure(fn, repeats: int) -> tuple[float | None, object, str | None]:
    """(median seconds, last result, note); a stage that is not there gives (None, None, reason)."""
    times, out = [], None
    try:
        for _ in range(max(repeats, 1)):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
    except NotAvailable as e:
        return None, None, str(e)
    except ImportError:
        return None, None, MISSING
    return statistics.median(times), out, None


def diff_stats(a: np.ndarray, b: np.ndarray, label: str, what: str, half: bool = False) -> dict:
    d = np.abs(a.astype(np.float64) - b.astype(np.float64))
    return {"size": label, "what": what, "mean_a": float(a.mean()), "mean_b": float(b.mean()),
            "mean_abs": float(d.mean()), "p99_abs": float(np.percentile(d, 99)), "max_abs": float(d.max()),
            "over_half": float((d > 0.5).mean()) if half else None}


def warm_up() -> float:
    """Compile our kernels on a small grid (not counted)."""
    t0 = time.perf_counter()
    try:
        from twin.sim.heat.vegetation import Vegetation

        rng = np.random.default_rng(1)
        z = (500.0 + rng.uniform(0, 10, (48, 48))).astype(np.float32)
        top = np.where(rng.random((48, 48)) < 0.1, z + 8.0, np.float32(-1e30)).astype(np.float32)
        base = np.where(top > -1e29, z + 3.0, np.float32(-1e30)).astype(np.float32)
        veg = Vegetation(top=top, base=base, transmissivity=np.where(top > -1e29, 0.03, 1.0).astype(np.float32))
        c = {"dsm": z, "dx": 1.0}
        for v in (veg, None):
            our_svf(c, v)
            our_shadow(c, v, {"azimuth": 135.0, "elevation": 30.0})
    except ImportError:
        pass
    return time.perf_counter() - t0


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="NW-Ausschnitt 120 × 120 (Smoke-Test)")
    ap.add_argument("--repeats", type=int, default=3, help="Wiederholungen je Stufe (Median); SVF der "
                                                           "Vergleichsvarianten: --svf-repeats")
    ap.add_argument("--svf-repeats", type=int, default=1, help="Wiederholungen für solweig- und numpy-SVF")
    ap.add_argument("--size", type=int, help="NW-Ausschnitt n × n der DGM1-Kachel (Vorgabe: ganze Kachel)")
    ap.add_argument("--solweig-path", help="Ordner, in dem solweig installiert ist (pip install --target …)")
    ap.add_argument("--no-solweig", action="store_true")
    ap.add_argument("--no-numpy", action="store_true", help="numpy-SVF weglassen")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    n = args.size or (120 if args.quick else None)
    if args.quick:
        args.repeats, args.svf_repeats = 1, 1
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    notes: list[str] = []

    if args.no_solweig:
        sw, sw_ver = None, "solweig mit --no-solweig abgeschaltet."
    else:
        sw, sw_ver = load_solweig(args.solweig_path)
    if sw is None:
        print(sw_ver, flush=True)
        notes.append(sw_ver)

    compile_s = warm_up()
    c = city(n)
    ny, nx = c["dsm"].shape
    cells = c["dsm"].size
    size_label = f"{ny} × {nx}"
    veg = vegetation(c)
    hours = sun_hours(c)
    one = next(s for s in hours if s["hour"] == HOUR_ONE)
    si = solweig_inputs(c, veg) if sw is not None else None

    res: dict[str, dict] = {}

    def stage(key: str, who: str, fn, repeats: int) -> object:
        t, out, why = measure(fn, repeats)
        res.setdefault(key, {})[who] = t
        if why:
            res[key][who + "_note"] = why
        return out

    def put(key: str, who: str, value: float | None, note: str | None = None) -> None:
        res.setdefault(key, {})[who] = value
        if note:
            res[key][who + "_note"] = note

    # ---- ours: SVF and shadows directly, Tmrt/UTCI/total from the pipeline (1 hour and the day)
    sky = stage("svf", "ours", lambda: our_svf(c, veg), args.repeats)
    sky0 = stage("svf_noveg", "ours", lambda: our_svf(c, None), args.repeats)
    sun_one0 = our_shadow(c, None, one)
    sun_one = stage("shadow_1h", "ours", lambda: our_shadow(c, veg, one), args.repeats)
    sun_day = stage("shadow_day", "ours", lambda: [our_shadow(c, veg, s) for s in hours], args.repeats)
    pipe: dict[str, tuple[float, object] | None] = {}
    for key, hs in (("1h", [HOUR_ONE]), ("day", [s["hour"] for s in hours])):
        try:
            runs = [our_heat_day(c, veg, hs) for _ in range(max(args.repeats, 1))]
        except ImportError:
            pipe[key] = None
            continue
        runs.sort(key=lambda r: r[0])
        pipe[key] = runs[len(runs) // 2]
        pipe[key + "_walls"] = [r[0] for r in runs]
    for key in ("1h", "day"):
        p = pipe.get(key)
        if p is None:
            for st in ("tmrt", "utci", "total"):
                put(f"{st}_{key}", "ours", None, MISSING)
            continue
        wall, r = p
        put(f"tmrt_{key}", "ours", r.timings.get("tmrt"))
        put(f"utci_{key}", "ours", r.timings.get("utci"))
        put(f"total_{key}", "ours", wall)
        res[f"total_{key}"]["ours_pipeline_timings"] = dict(r.timings)
        res[f"total_{key}"]["ours_walls"] = pipe[key + "_walls"]
    if pipe.get("1h") is None:
        notes.append(f"twin.sim.heat.model.heat_day {MISSING}: Tmrt, UTCI und gesamt leer.")

    # our Tmrt of 13:00 (NaN on roofs) and of every hour, as the UTCI input for solweig
    tmrt_day = utci_one = None
    if pipe.get("day") is not None:
        r = pipe["day"][1]
        k = r.hours.index(float(HOUR_ONE))
        tmrt_day = [np.asarray(t) for t in r.tmrt]
        utci_one = np.asarray(r.utci[k])

    # ---- solweig
    sw_sky = sw_sky0 = sw_one = sw_one0 = sw_day = sw_utci_one = None
    if sw is not None:
        sw_sky = stage("svf", "solweig", lambda: solweig_svf(sw, c, si), args.svf_repeats)
        sw_sky0 = stage("svf_noveg", "solweig", lambda: solweig_svf(sw, c, si, False), args.svf_repeats)
        sw_one0 = solweig_shadow(sw, c, si, one, False)
        sw_one = stage("shadow_1h", "solweig", lambda: solweig_shadow(sw, c, si, one), args.repeats)
        sw_day = stage("shadow_day", "solweig", lambda: [solweig_shadow(sw, c, si, s) for s in hours], args.repeats)
        proxy = tmrt_day is None
        if proxy:  # kernel timing only: Ta + 30 K · sun share
            tday = [(weather_at(s["hour"])[0] + 30.0 * f).astype(np.float32) for s, f in zip(hours, sw_day)]
            notes.append("solweig-UTCI auf einer Ersatz-Tmrt (Ta + 30 K · Sonnenanteil) gemessen, weil unsere Tmrt "
                         "fehlt: nur die Zeit des Kerns, Werte nicht verglichen.")
        else:  # our Tmrt of the same hour; roofs (NaN) filled with Ta so both compute every cell
            tday = [np.where(np.isfinite(t), t, weather_at(s["hour"])[0]).astype(np.float32)
                    for s, t in zip(hours, tmrt_day)]
        k1 = [s["hour"] for s in hours].index(HOUR_ONE)
        sw_utci_one = stage("utci_1h", "solweig", lambda: solweig_utci(sw, tday[k1], HOUR_ONE), args.repeats)
        stage("utci_day", "solweig", lambda: [solweig_utci(sw, t, s["hour"]) for s, t in zip(hours, tday)],
              args.repeats)
        if proxy:
            sw_utci_one = None
        for key in ("tmrt_1h", "tmrt_day", "total_1h", "total_day"):
            res.setdefault(key, {})["solweig_note"] = "nicht gemessen"

    # ---- numpy
    np_sky = None
    np_dist = 50.0 if args.quick else MAX_DIST
    if not args.no_numpy:
        np_sky = stage("svf_noveg", "numpy", lambda: numpy_svf(c["dsm"], c["dx"], N_AZ, np_dist), args.svf_repeats)

    # ---- table
    nh = len(hours)
    labels = [("svf", "SVF mit Bäumen (einmal je Tag)", 1), ("svf_noveg", "SVF ohne Bäume (Gelände + Gebäude)", 1),
              ("shadow_1h", f"Schatten 1 Stunde ({HOUR_ONE}:00)", 1),
              ("shadow_day", f"Schatten Tag ({nh} Stunden {hours[0]['hour']}–{hours[-1]['hour']} h)", nh),
              ("tmrt_1h", "Tmrt 1 Stunde", 1), ("tmrt_day", f"Tmrt Tag ({nh} h)", nh),
              ("utci_1h", "UTCI 1 Stunde", 1), ("utci_day", f"UTCI Tag ({nh} h)", nh),
              ("total_1h", "gesamt Stunde (heat_day, 1 h)", 1), ("total_day", f"gesamt Tag (heat_day, {nh} h)", nh)]

    def cell(key: str, who: str) -> str:
        v = res.get(key, {}).get(who)
        if v is not None:
            return fmt(v, 3 if v < 10 else 1)
        note = res.get(key, {}).get(who + "_note")
        return f"– ({note})" if note else "–"

    def rate(n_cells: float, seconds: float | None) -> str:
        if not seconds:
            return "–"
        r = n_cells / seconds / 1e6
        return fmt(r, 1 if r >= 1 else 3)

    rows = []
    for key, label, mult in labels:
        o, s = res.get(key, {}).get("ours"), res.get(key, {}).get("solweig")
        rows.append([label, f"{size_label} · {mult} h" if mult > 1 else size_label, cell(key, "ours"),
                     cell(key, "solweig") if sw is not None else "–",
                     cell(key, "numpy") if key == "svf_noveg" and not args.no_numpy else "–",
                     rate(cells * mult, o), rate(cells * mult, s),
                     f"{fmt(s / o, 1)}×" if (o and s) else "–"])

    tree_cells = int(veg.mask.sum())
    crop = " (NW-Ausschnitt)" if n is not None else ""
    ta1, rh1, va1 = weather_at(HOUR_ONE)
    notes[:0] = [
        f"DGM1-Kachel 690/5335{crop}, {size_label} Zellen à 1 m, Gebäudeblöcke 10–30 m, 6–20 m hoch, "
        f"{c['buildings'].mean() * 100:.0f} % der Fläche; {len(c['trees'])} Bäume ({tree_cells} Kronenzellen, "
        f"τ = 0,03); {DAY:%d.%m.%Y}, {nh} Stunden {hours[0]['hour']}–{hours[-1]['hour']} h MESZ, Wetter "
        f"'{WEATHER}' (13 h: Ta {ta1:.1f} °C, rF {rh1:.0f} %, Wind {va1:g} m/s).",
        f"{THREADS} Threads (numba, Rayon); Stadtzwilling Median aus {args.repeats} nach Aufwärmlauf "
        f"(Kompilieren {compile_s:.1f} s, nicht gezählt); SVF von solweig/numpy {args.svf_repeats}×.",
        f"Stadtzwilling: SVF und Schatten direkt gemessen (sky_view_factor, {N_AZ} Azimute bis {MAX_DIST:g} m, "
        "sun_fraction, beide mit Kronen); Tmrt, UTCI und gesamt aus model.heat_day (dessen timings; gesamt = "
        "Wandzeit von heat_day inkl. SVF, Sonnenstand und Tagesmaxima).",
    ]
    if sw is not None:
        notes.append(f"solweig {sw_ver} ({sw['backend']}, GPL, nur Benchmark): skyview.calculate_svf "
                     f"patch_option=2 (153 Himmelsfelder) mit Vegetation, max_local_dsm_ht {si['max_h']:.1f} m; "
                     "shadowing.calculate_shadows_wall_ht_25 ohne Wände; utci.utci_grid auf unserer Tmrt; "
                     "Tmrt/gesamt von solweig nicht gemessen (eigene Pipeline mit Wänden, GVF, anisotropem Himmel).")
    if not args.no_numpy:
        notes.append(f"numpy-SVF: {N_AZ} Azimute, jede Zelle bis {np_dist:g} m, nur Gelände + Gebäude.")
    t_day = res.get("total_day", {}).get("ours")
    if t_day is not None:
        goal = "(Ausschnitt, nicht das Ziel)" if crop else ("erreicht" if t_day <= 60.0 else
                                                            f"{t_day / 60:.1f}× zu lang")
        notes.append(f"Ziel: ganzer Tag stündlich, 1 km² à 1 m, < 60 s auf 2 Kernen: {t_day:.1f} s – {goal}.")
    title = f"Hitze: SVF, Schatten, Tmrt, UTCI – Stadtzwilling vs. solweig vs. numpy ({size_label}, 1 m)"
    print_table(title, HEADERS, rows, notes)

    # ---- agreement
    agree = []
    crowns = veg.mask
    bare = "SVF Gelände + Gebäude (ohne Bäume gerechnet)"
    if sky0 is not None and sw_sky0 is not None:
        agree.append(diff_stats(sky0.buildings, sw_sky0["buildings"], bare, "Stadtzwilling vs. solweig"))
    if sky0 is not None and np_sky is not None:
        agree.append(diff_stats(sky0.buildings, np_sky, bare, "Stadtzwilling vs. numpy"))
    if sw_sky0 is not None and np_sky is not None:
        agree.append(diff_stats(sw_sky0["buildings"], np_sky, bare, "solweig vs. numpy"))
    if sky is not None and sw_sky is not None:
        agree.append(diff_stats(sky.buildings, sw_sky["buildings"], "SVF Gelände + Gebäude (Lauf mit Bäumen)",
                                "Stadtzwilling .buildings vs. solweig .svf"))
        agree.append(diff_stats(sky.total, sw_sky["total"], "SVF mit Kronen", "Stadtzwilling .total vs. solweig "
                                "svfbuveg"))
    if sw_one0 is not None:
        agree.append(diff_stats(sun_one0, sw_one0, f"Sonnenanteil {HOUR_ONE}:00 ohne Bäume",
                                "Stadtzwilling vs. solweig", True))
    if sun_one is not None and sw_one is not None:
        agree.append(diff_stats(sun_one, sw_one, f"Sonnenanteil {HOUR_ONE}:00 mit Bäumen", "Stadtzwilling vs. solweig",
                                True))
        if crowns.any():
            agree.append(diff_stats(sun_one[crowns], sw_one[crowns], f"Sonnenanteil {HOUR_ONE}:00, nur unter Kronen",
                                    "Stadtzwilling vs. solweig", True))
    if sun_day is not None and sw_day is not None:
        agree.append(diff_stats(np.stack(sun_day), np.stack(sw_day), f"Sonnenanteil {nh} h mit Bäumen",
                                "Stadtzwilling vs. solweig", True))
    if utci_one is not None and sw_utci_one is not None:
        ok = np.isfinite(utci_one) & (sw_utci_one > -999) & ~c["buildings"]
        agree.append(diff_stats(utci_one[ok], sw_utci_one[ok], f"UTCI {HOUR_ONE}:00 [°C], ohne Dächer",
                                "Stadtzwilling vs. solweig (gleiche Tmrt)"))
    agree_rows = [[a["size"], a["what"], fmt(a["mean_a"], 3), fmt(a["mean_b"], 3), fmt(a["mean_abs"], 4),
                   fmt(a["p99_abs"], 3), fmt(a["max_abs"], 3),
                   "–" if a["over_half"] is None else f"{a['over_half'] * 100:.2f} %"] for a in agree]
    agree_notes = ["Über alle Zellen (auch Dächer und Rand), UTCI ohne Dächer. Mittel A/B = Mittelwert der "
                   "ersten/zweiten Variante."]
    if sw_sky is not None:
        agree_notes.append("solweig-SVF: 153 Himmelsfelder, unsere und numpy: cos²γ über 32 Azimute; mit Kronen "
                           "solweig svfbuveg = svf − (1 − svf_veg)·(1 − 0,03). Sonnenanteil solweig: "
                           "bldg_sh − (1 − veg_sh)·(1 − 0,03), auf 0…1 begrenzt.")
    if sw_sky is not None:
        agree_notes.append("„Lauf mit Bäumen“: der Teil ohne Kronen aus dem Lauf mit Kronen; weicht er von der Zeile "
                           "„ohne Bäume gerechnet“ ab, beeinflussen die Kronen die Gebäude-SVF.")
    if not agree_rows:
        agree_notes.append("Kein Vergleich möglich (Vergleichsvariante oder eigene Stufe fehlt).")
    print_table("Hitze: Übereinstimmung", AGREE_HEADERS, agree_rows, agree_notes)

    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"Load average vor dem Lauf {load_before}, danach {load_after} (1/5/15 min).")
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_heat{suffix}.json", {
        "size": [ny, nx], "cells": cells, "hours": [{k: v for k, v in s.items() if k != "sun"} for s in hours],
        "stages_s": res, "agreement": agree, "solweig": sw_ver if sw is not None else None,
        "solweig_max_h": si["max_h"] if si else None, "trees": len(c["trees"]), "tree_cells": tree_cells,
        "building_share": float(c["buildings"].mean()), "compile_s": compile_s, "threads": THREADS,
        "repeats": args.repeats, "svf_repeats": args.svf_repeats, "numpy_max_dist": np_dist,
        "load_before": load_before, "load_after": load_after, "notes": notes, "machine": machine_info()})
    write_text(f"bench_heat{suffix}.md",
               f"**{title}**\n\n" + markdown_table(HEADERS, rows) + "\n\n" + "\n".join(f"- {x}" for x in notes)
               + "\n\n**Hitze: Übereinstimmung**\n\n" + markdown_table(AGREE_HEADERS, agree_rows) + "\n\n"
               + "\n".join(f"- {x}" for x in agree_notes) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
