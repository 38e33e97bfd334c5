"""Web twin benchmark: size and time of the Bürgerzwilling web export, time to first frame in Chromium.

The sample municipality (1 km², real DGM1 tile and LoD2 buildings, synthetic village) with one released
heat run and one released heavy-rain run, as in the tests (``tests/web_site.py``).

* **Export** – ``layers.web.site.export_web`` (policy content, scene, tiles, maps, search, viewer) into a
  new folder; size by part. Peers in the same run: ``ogr2ogr -f GeoJSON`` writing the same public vector
  layers from the published GeoPackage (GDAL, program start included; what a plain open-data download
  would be, without 3D or viewer), and our signed package (``publish``, ``.szpkg``) of the same content.
* **Browser** – the site from a loopback web server in headless Chromium (Playwright, software WebGL):
  navigation until all tiles are loaded and the first complete frame is drawn (``firstFrameMs`` of the
  page), bytes transferred, a fresh browser context (empty cache) per load.

    python -m bench.bench_web            # 3 exports, 5 page loads
    python -m bench.bench_web --quick    # 1 export, 1 page load (smoke test)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PUBLIC_LAYERS = ["buildings", "trees", "parcels", "road_closures", "cadastre_buildings"]


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def export_phase(project_dir: Path, work: Path, repeats: int) -> tuple[list[list[str]], list[list[str]], Path]:
    from layers.web.site import export_web
    from twin.package import load_signing_key, new_publisher_key
    from twin.project import Project
    from twin.publish.content import build_content
    from twin.publish.publish import publish

    ours, package, peer = [], [], []
    site = work / "site"
    keys = new_publisher_key(work / "keys")
    with Project.open(project_dir) as p:
        for i in range(repeats):
            shutil.rmtree(site, ignore_errors=True)
            t = time.perf_counter()
            result = export_web(p, "buerger", site)
            ours.append(time.perf_counter() - t)
            out = work / f"paket{i}.szpkg"
            t = time.perf_counter()
            publish(p, "buerger", out, signing_key=load_signing_key(keys.private))
            package.append(time.perf_counter() - t)
        content = build_content(p, "buerger", work / "inhalt")
    gpkg = work / "inhalt" / "twin.gpkg"
    geojson = work / "geojson"
    ogr = shutil.which("ogr2ogr")
    if ogr:
        for _ in range(repeats):
            shutil.rmtree(geojson, ignore_errors=True)
            geojson.mkdir()
            t = time.perf_counter()
            for layer in PUBLIC_LAYERS:
                if layer in content.layers:
                    subprocess.run([ogr, "-f", "GeoJSON", str(geojson / f"{layer}.geojson"), str(gpkg), layer],
                                   check=True, capture_output=True)
            peer.append(time.perf_counter() - t)
    med = statistics.median
    rows = [["Web-Zwilling (export_web: Inhalt, 3D-Kacheln, Karten, Suche, Viewer)", f"{med(ours):.2f}",
             _mb(result.bytes), f"{result.files} Dateien"],
            ["Peer: ogr2ogr → GeoJSON, gleiche öffentliche Vektorlayer (ohne 3D, ohne Viewer)",
             f"{med(peer):.2f}" if peer else "–", _mb(_size(geojson)) if peer else "–",
             f"{len(list(geojson.glob('*.geojson')))} Dateien" if peer else "ogr2ogr fehlt"],
            ["Signiertes Bürgerpaket (.szpkg, gleicher Inhalt)", f"{med(package):.2f}", _mb(_size(work / 'paket0.szpkg')),
             "für die App"]]
    parts = {"viewer.js (three.js gebündelt)": site / "viewer.js", "Seite, Stil, Lizenzen": None}
    part_rows = [[name, _mb(_size(path))] for name, path in parts.items() if path is not None]
    small = sum(_size(site / n) for n in ("index.html", "stil.css", "LIZENZEN.txt"))
    part_rows.append(["index.html, stil.css, LIZENZEN.txt", _mb(small)])
    for layer_dir in sorted((site / "tiles").iterdir()):
        if layer_dir.is_dir():
            part_rows.append([f"Kacheln {layer_dir.name} ({len(list(layer_dir.glob('*.glb')))} GLB)",
                              _mb(_size(layer_dir))])
    for name in ("overlays", "attribute"):
        if (site / name).exists():
            part_rows.append([f"{name}/ ({len(list((site / name).iterdir()))} Dateien)", _mb(_size(site / name))])
    part_rows.append(["suche.json, szene.json, tileset.json",
                      _mb(_size(site / "suche.json") + _size(site / "szene.json") + _size(site / "tiles/tileset.json"))])
    part_rows.append(["gesamt", _mb(result.bytes)])
    return rows, part_rows, site


def browser_phase(site: Path, loads: int) -> list[list[str]]:
    from tests.web_site import CHROMIUM, CHROMIUM_ARGS, serve

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [["Chromium", "–", "–", "Playwright fehlt"]]
    if not CHROMIUM:
        return [["Chromium", "–", "–", "chromium fehlt"]]
    first, ready, transferred = [], [], []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
            page = context.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
            t = time.perf_counter()
            page.goto(base + "index.html")
            page.wait_for_function("window.stadtzwilling && window.stadtzwilling.firstFrameMs !== null",
                                   timeout=120_000)
            ready.append(time.perf_counter() - t)
            first.append(page.evaluate("window.stadtzwilling.firstFrameMs") / 1000)
            transferred.append(sum(sizes))
            context.close()
        browser.close()
    med = statistics.median
    return [["Erstes vollständiges Bild (alle Kacheln, firstFrameMs der Seite)", f"{med(first):.2f}",
             _mb(med(transferred)), f"{loads} Ladevorgänge, leerer Cache, SwiftShader (kein GPU)"],
            ["Navigation bis Bild (Playwright-Uhr)", f"{med(ready):.2f}", "", ""]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--loads", type=int, default=5)
    args = ap.parse_args(argv)
    repeats, loads = (1, 1) if args.quick else (args.repeats, args.loads)
    from importers.sample import build_sample_project
    from tests.web_site import project_with_maps

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        work = Path(tmp)
        project, _ = build_sample_project(work / "sample")
        project.close()
        project_with_maps(work / "gemeinde", work / "sample")
        rows, parts, site = export_phase(work / "gemeinde", work, repeats)
        print(f"Web-Zwilling der Beispielgemeinde (1 km², freigegebene Hitze- und Starkregenkarte), Median von {repeats}")
        print(_table(["Export", "Zeit [s]", "Größe [MB]", "Anmerkung"], rows))
        print()
        print(_table(["Teil der Webseite", "Größe [MB]"], parts))
        print()
        print(_table(["Browser (headless Chromium)", "Zeit [s]", "übertragen [MB]", "Anmerkung"],
                     browser_phase(site, loads)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
