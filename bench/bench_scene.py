"""Scene benchmark: one merged mesh per layer (our engine) vs. one actor per building (naive).

For N synthetic LoD2 houses written into a real project store, both variants go from the
store to pixels in the same run:

* ``merged``    – ``layers.scene.build_scene(project)`` and one actor per non-empty layer,
                  added exactly as ``views/scene_actors.py`` does (``add_mesh(scalars="rgba", rgb=True)``);
* ``per-actor`` – the same surfaces read from the same store, one ``pyvista.PolyData`` and
                  one ``add_mesh`` per building, written the straightforward way.

Measured per variant: build time (store -> scene data), time to add the actors, first
render (includes the upload to OpenGL), mean frame time over ``--frames`` renders while the
camera turns in azimuth steps (each frame synchronised by reading one pixel back), triangles,
actors, Python-side peak memory of the build (tracemalloc, separate untimed pass) and the
RSS growth of the worker process. Each (N, variant) runs in a fresh process, so memory and
OpenGL state do not leak from one variant into the other.

    python -m bench.bench_scene            # N = 1 000 and 10 000, 3 repeats, 20 frames
    python -m bench.bench_scene --quick    # small N, 1 repeat, 3 frames (smoke test)
"""

from __future__ import annotations

import argparse
import gc
import math
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

from bench.synth import (
    EXTENT,
    GROUND_Z,
    TRIANGLES_PER_BUILDING,
    fmt,
    lod2_buildings,
    machine_info,
    markdown_table,
    median,
    print_table,
    rss_mb,
    timed,
    traced_peak_mb,
    write_json,
    write_text,
)

VARIANTS = ("merged", "per-actor")
VARIANT_TITLES = {
    "merged": "merged (build_scene, 1 Actor je Layer)",
    "per-actor": "per-actor (1 PolyData + 1 Actor je Gebäude)",
}
WINDOW = (1280, 800)
SKY_BOTTOM, SKY_TOP = "#e9eef2", "#9db9d6"  # as views/scene_actors.py
CAMERA_AZIMUTH_DEG, CAMERA_ELEVATION_DEG = 200.0, 38.0
HEADERS = ["N", "Variante", "Wdh.", "Aufbau [s]", "Actors hinzu [s]", "1. Bild [s]", "Bildzeit [ms]", "FPS",
           "Dreiecke", "Actors", "Py-Peak Aufbau [MB]", "RSS Δ [MB]"]


# ----------------------------------------------------------------------------- the project
def make_project(root: Path, n: int) -> dict[str, Any]:
    """A real project with n synthetic houses in ``buildings`` and ``building_surfaces``."""
    from twin.model.buildings import BUILDING_SURFACES, BUILDINGS
    from twin.project import Project

    data = lod2_buildings(n)
    project = Project.create(root, crs=25832, name="Benchmark", extent=EXTENT)
    try:
        project.store.create_layer(BUILDINGS)
        project.store.create_layer(BUILDING_SURFACES)
        t_b, _ = timed(lambda: project.store.upsert("buildings", data.buildings))
        t_s, _ = timed(lambda: project.store.upsert("building_surfaces", data.surfaces))
        t_read, feats = timed(lambda: project.store.features("building_surfaces"))
        assert len(feats) == len(data.surfaces)
    finally:
        project.close()
    return {"n": n, "surfaces": len(data.surfaces), "write_buildings_s": t_b, "write_surfaces_s": t_s,
            "read_surfaces_s": t_read}


# ----------------------------------------------------------------------------- the two variants
def build_merged(project) -> list[tuple[Any, Any]]:
    """Our engine: the scene data (one merged mesh per layer); returns (mesh, layer) to draw."""
    from layers.scene import build_scene

    scene = build_scene(project)
    return [(layer.mesh, layer) for layer in scene.layers if not layer.is_empty]


def build_per_actor(project) -> list[tuple[Any, Any]]:
    """The naive approach: the same surfaces, one PolyData per building, coloured like the layer style."""
    import pyvista as pv

    from layers.scene import scene_origin
    from layers.style import class_colours

    cfg = project.config.layer("buildings")
    origin = scene_origin(project)
    by = cfg.style.by or "surface_type"
    groups: dict[str, list] = {}
    for feat in project.store.features(cfg.source):
        groups.setdefault(str(feat.attrs["building_id"]), []).append(feat)
    out = []
    for key in sorted(groups):
        points, faces, classes, start = [], [], [], 0
        for feat in groups[key]:
            for poly in feat.geometry.geoms:  # (synthetic houses have no holes)
                ring = np.asarray(poly.exterior.coords)[:-1] - origin
                points.append(ring)
                faces.append(np.r_[len(ring), np.arange(start, start + len(ring))])
                classes.append(feat.attrs.get(by))
                start += len(ring)
        mesh = pv.PolyData(np.vstack(points), faces=np.concatenate(faces))
        mesh.cell_data["rgba"] = class_colours(classes, cfg.style)
        out.append((mesh.triangulate(), cfg))
    return out


def _opacity(layer_or_cfg) -> float:
    style = getattr(layer_or_cfg, "style", None) or layer_or_cfg.config.style
    return style.opacity


def add_actors(plotter, items) -> list:
    return [plotter.add_mesh(mesh, scalars="rgba", rgb=True, opacity=_opacity(owner), show_scalar_bar=False,
                             render=False) for mesh, owner in items]


def oblique_camera(plotter, origin: np.ndarray) -> None:
    """The view of views/scene_actors.py (SSW, 38° elevation) onto the whole extent; same for both variants."""
    lo = np.array([EXTENT[0], EXTENT[1], GROUND_Z - 5.0]) - origin
    hi = np.array([EXTENT[2], EXTENT[3], GROUND_Z + 20.0]) - origin
    centre = (lo + hi) / 2
    az, el = math.radians(CAMERA_AZIMUTH_DEG), math.radians(CAMERA_ELEVATION_DEG)
    direction = np.array([math.sin(az) * math.cos(el), math.cos(az) * math.cos(el), math.sin(el)])
    plotter.camera_position = [tuple(centre + direction), tuple(centre), (0.0, 0.0, 1.0)]
    plotter.reset_camera(bounds=[lo[0], hi[0], lo[1], hi[1], lo[2], hi[2]])
    plotter.camera.zoom(1.35)


def _render(plotter) -> None:
    win = plotter.render_window
    win.Render()
    win.GetRGBACharPixelData(0, 0, 0, 0, 0)  # read one pixel back: the frame is really finished


def measure(project_dir: str, variant: str, repeats: int, frames: int, budget_s: float) -> dict[str, Any]:
    """Runs in a fresh worker process: all repeats of one variant on one project."""
    import pyvista as pv

    from layers.scene import scene_origin
    from twin.project import Project

    build = build_merged if variant == "merged" else build_per_actor
    project = Project.open(project_dir)
    origin = scene_origin(project)
    runs: list[dict[str, float]] = []
    started = time.perf_counter()
    capped = False
    tris = actors = 0
    for rep in range(repeats):
        gc.collect()
        plotter = pv.Plotter(off_screen=True, window_size=WINDOW)
        plotter.set_background(SKY_BOTTOM, top=SKY_TOP)
        _render(plotter)  # empty frame: OpenGL context and driver are up before memory is counted
        rss0 = rss_mb()
        t_build, items = timed(lambda: build(project))
        t_add, added = timed(lambda: add_actors(plotter, items))
        oblique_camera(plotter, origin)
        t_first, _ = timed(lambda: _render(plotter))
        frame_times = []
        for _ in range(frames):
            plotter.camera.Azimuth(360.0 / frames)
            dt, _ = timed(lambda: _render(plotter))
            frame_times.append(dt)
        render_window = plotter.render_window.GetClassName()
        tris = int(sum(mesh.n_cells for mesh, _ in items))
        actors = len(added)
        runs.append({"build_s": t_build, "add_s": t_add, "first_render_s": t_first,
                     "frame_ms": 1e3 * float(np.mean(frame_times)),
                     "frame_median_ms": 1e3 * float(np.median(frame_times)), "rss_delta_mb": rss_mb() - rss0})
        plotter.close()
        del plotter, added, items
        gc.collect()
        elapsed = time.perf_counter() - started
        if rep + 1 < repeats and elapsed + elapsed / (rep + 1) > budget_s:
            capped = True
            break
    py_peak, items = traced_peak_mb(lambda: build(project))
    del items
    project.close()
    keys = runs[0].keys()
    med = {k: median([r[k] for r in runs]) for k in keys}
    return {"variant": variant, "repeats_requested": repeats, "repeats": len(runs), "capped": capped,
            "frames": frames, "render_window": render_window, "triangles": tris, "actors": actors,
            "py_peak_build_mb": py_peak,
            "total_s": time.perf_counter() - started, "runs": runs, **med}


def _run_isolated(project_dir: Path, variant: str, repeats: int, frames: int, budget_s: float) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, str(project_dir), variant, repeats, frames, budget_s).result()


# ----------------------------------------------------------------------------- main
def _rows(results: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for r in results:
        reps = f"{r['repeats']}" if not r["capped"] else f"{r['repeats']}/{r['repeats_requested']} (gekappt)"
        rows.append([
            f"{r['n']:,}".replace(",", " "), VARIANT_TITLES[r["variant"]], reps,
            fmt(r["build_s"], 3), fmt(r["add_s"], 3), fmt(r["first_render_s"], 3), fmt(r["frame_ms"], 1),
            fmt(1e3 / r["frame_ms"], 1), f"{r['triangles']:,}".replace(",", " "),
            f"{r['actors']:,}".replace(",", " "), fmt(r["py_peak_build_mb"], 1), fmt(r["rss_delta_mb"], 1),
        ])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_scene", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="kleines N, 1 Wiederholung, 3 Bilder (Smoke-Test)")
    ap.add_argument("--sizes", type=int, nargs="+", help="Anzahl Gebäude (Standard 1000 10000)")
    ap.add_argument("--repeats", type=int, help="Wiederholungen je Variante (Standard 3)")
    ap.add_argument("--frames", type=int, help="Bilder mit drehender Kamera (Standard 20)")
    ap.add_argument("--budget", type=float, default=300.0,
                    help="Zeitbudget je (N, Variante) in s; danach keine weiteren Wiederholungen (Standard 300)")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([60] if args.quick else [1000, 10000])
    repeats = args.repeats or (1 if args.quick else 3)
    frames = args.frames or (3 if args.quick else 20)

    tmp = Path(tempfile.mkdtemp(prefix="stadtzwilling-bench-scene-"))
    results, projects = [], []
    try:
        for n in sizes:
            root = tmp / f"n{n}"
            info = make_project(root, n)
            projects.append(info)
            print(f"N={n}: {info['surfaces']} Flächen geschrieben "
                  f"({info['write_buildings_s'] + info['write_surfaces_s']:.1f} s), messe …", file=sys.stderr)
            for variant in VARIANTS:
                res = _run_isolated(root, variant, repeats, frames, args.budget)
                res["n"] = n
                assert res["triangles"] == n * TRIANGLES_PER_BUILDING, res["triangles"]  # same geometry drawn
                results.append(res)
                print(f"  {variant}: {res['total_s']:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    rows = _rows(results)
    notes = [
        f"Median über die Wiederholungen (Spalte Wdh.); Bildzeit = Mittel über {frames} Bilder, Kamera dreht in "
        f"{360 / frames:.0f}°-Schritten, Fenster {WINDOW[0]}×{WINDOW[1]} offscreen "
        f"({', '.join(sorted({r['render_window'] for r in results}))}).",
        "Aufbau = Store → Szenendaten (beide lesen dieselben building_surfaces aus demselben GeoPackage); "
        "1. Bild enthält das Hochladen nach OpenGL.",
        "Py-Peak = tracemalloc-Spitze (Python + numpy, ohne VTK-C++) eines zusätzlichen, ungemessenen Aufbaus; "
        "RSS Δ = Zuwachs des Arbeitsprozesses von einem leeren, schon gerenderten Fenster bis nach dem letzten Bild "
        "(Szenendaten + VTK + OpenGL-Puffer).",
    ]
    for p in projects:
        notes.append(
            f"N={p['n']}: Schreiben buildings {p['write_buildings_s']:.2f} s + building_surfaces "
            f"{p['write_surfaces_s']:.2f} s ({p['surfaces']} Flächen, store.upsert); davon im Aufbau enthalten: "
            f"store.features('building_surfaces') {p['read_surfaces_s']:.2f} s.")
    if any(r["capped"] for r in results):
        notes.append(f"gekappt: Zeitbudget {args.budget:.0f} s je (N, Variante) überschritten, "
                     "weniger Wiederholungen.")
    title = "Szene: merged (unsere Engine) vs. per-actor (naiv)"
    print_table(title, HEADERS, rows, notes)
    payload = {"benchmark": "scene", "machine": machine_info(), "args": vars(args), "sizes": sizes,
               "repeats": repeats, "frames": frames, "projects": projects, "results": results}
    stem = "bench_scene.quick" if args.quick else "bench_scene"
    path = write_json(f"{stem}.json", payload)
    write_text(f"{stem}.md", f"**{title}**\n\n" + markdown_table(HEADERS, rows) + "\n\n"
               + "\n".join(f"- {n}" for n in notes) + "\n")
    print(f"JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
