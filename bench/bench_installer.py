"""App bundle benchmark: size and start time of the bundled app (PyInstaller) vs. the same commands from the venv.

``build_installer.py`` bundles Stadtzwilling into one folder (what the Windows installer installs).
Measured here, on the same machine and the same sample project:

* build time of the bundle and its size (MB, files; symbolic links not counted) against the size of
  the development environment it replaces (``.venv`` + our sources);
* optionally (``--installer``, needs makensis) the size and build time of the NSIS setup;
* ``stadtzwilling --help`` (start of the command line), ``stadtzwilling sample DIR`` (the sample
  municipality through the real importers) and ``stadtzwilling open DIR --screenshot`` (start to
  the first picture of the main window with the 3D view, headless), each ``--repeats`` times,
  bundled executable vs. ``<venv python> -m cli.main`` as the peer. The first start of each is
  reported separately (cold file cache for the bundle, numba cache empty).

    python -m bench.bench_installer                   # build the bundle, 3 repeats
    python -m bench.bench_installer --bundle dist/Stadtzwilling --repeats 5
    python -m bench.bench_installer --quick           # reuse an existing bundle if given, 1 repeat
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synth import fmt, machine_info, markdown_table, median, print_table, write_json, write_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import build_installer  # noqa: E402

HEADERS = ["Messung", "Variante", "erster Lauf s", "Median s", "Läufe"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "STADTZWILLING_RENDER")}
    env.pop("DISPLAY", None)  # both render headless the same way (private Xvfb, else offscreen)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def _timed_run(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=900)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} fehlgeschlagen:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return dt


def _venv_size() -> tuple[int, int]:
    venv = Path(sys.prefix)
    files = size = 0
    for folder in [venv] + [ROOT / p for p in build_installer.OUR_PACKAGES] + [ROOT / "sample_data"]:
        f, s = build_installer.bundle_size(folder)
        files += f
        size += s
    return files, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_installer", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 Wiederholung (Smoke-Test)")
    ap.add_argument("--repeats", type=int, help="Wiederholungen je Befehl (Standard 3)")
    ap.add_argument("--bundle", type=Path, help="vorhandenen App-Ordner messen statt neu zu bauen")
    ap.add_argument("--installer", action="store_true", help="auch den NSIS-Installer bauen und messen")
    args = ap.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    tmp = Path(tempfile.mkdtemp(prefix="stadtzwilling-bench-installer-"))
    try:
        build_s = None
        bundle = args.bundle.resolve() if args.bundle else None
        if bundle is None:
            print("baue den App-Ordner (PyInstaller) …", file=sys.stderr)
            t0 = time.perf_counter()
            bundle = build_installer.build_bundle(tmp / "dist", tmp / "work")
            build_s = time.perf_counter() - t0
            shutil.rmtree(tmp / "work", ignore_errors=True)
        files, size = build_installer.bundle_size(bundle)
        venv_files, venv_size = _venv_size()
        setup_mb = setup_s = None
        if args.installer:
            print("baue den Installer (NSIS) …", file=sys.stderr)
            t0 = time.perf_counter()
            setup = build_installer.build_installer(bundle, tmp / "setup.exe", build_installer.project_version())
            setup_s = time.perf_counter() - t0
            setup_mb = setup.stat().st_size / 1e6

        exe = [str(build_installer.bundle_executable(bundle))]
        venv = [sys.executable, "-m", "cli.main"]
        variants = {"App-Ordner": (exe, tmp), "venv (Peer)": (venv, ROOT)}
        times: dict[str, dict[str, list[float]]] = {}
        for name, (cmd, cwd) in variants.items():
            t = times[name] = {"help": [], "sample": [], "screenshot": []}
            for i in range(repeats):
                print(f"{name}: Lauf {i + 1}/{repeats} …", file=sys.stderr)
                t["help"].append(_timed_run(cmd + ["--help"], cwd))
                project = tmp / f"sample-{name[:3]}-{i}"
                t["sample"].append(_timed_run(cmd + ["sample", str(project)], cwd))
                t["screenshot"].append(_timed_run(cmd + ["open", str(project), "--screenshot",
                                                         str(tmp / f"shot-{name[:3]}-{i}.png")], cwd))
                shutil.rmtree(project, ignore_errors=True)

        labels = {"help": "stadtzwilling --help", "sample": "sample DIR (Beispielgemeinde)",
                  "screenshot": "open DIR --screenshot (bis 1. Bild)"}
        rows = []
        for key, label in labels.items():
            for name in variants:
                xs = times[name][key]
                rows.append([label, name, fmt(xs[0]), fmt(median(xs[1:] or xs)), str(len(xs))])
        size_rows = [
            ["Größe", "App-Ordner", f"{size / 1e6:,.0f} MB".replace(",", " "), f"{files} Dateien",
             f"Bauzeit {fmt(build_s, 0)} s" if build_s is not None else "–"],
            ["Größe", "venv + Quellen (Peer)", f"{venv_size / 1e6:,.0f} MB".replace(",", " "),
             f"{venv_files} Dateien", "–"],
        ]
        if setup_mb is not None:
            size_rows.append(["Größe", "Installer (NSIS, lzma)", f"{setup_mb:,.0f} MB".replace(",", " "), "1 Datei",
                              f"Bauzeit {fmt(setup_s, 0)} s"])
        size_headers = ["Messung", "Variante", "Größe", "Dateien", "Bauzeit"]
        notes = [f"{repeats} Läufe je Befehl; „Median“ ohne den ersten Lauf (wenn es weitere gibt).",
                 "Ohne Bildschirm: beide starten dafür ein privates Xvfb (sonst Qt offscreen), Fenster 1400×900.",
                 "Der App-Ordner läuft aus einem Arbeitsordner außerhalb des Repos (keine Quellen im Pfad)."]
        title = "App-Ordner (PyInstaller) vs. venv: Größe"
        title2 = "App-Ordner (PyInstaller) vs. venv: Startzeiten"
        print_table(title, size_headers, size_rows)
        print_table(title2, HEADERS, rows, notes)
        stem = "bench_installer.quick" if args.quick else "bench_installer"
        path = write_json(f"{stem}.json", {"benchmark": "installer", "machine": machine_info(), "args": vars(args),
                                           "bundle_files": files, "bundle_bytes": size, "build_s": build_s,
                                           "venv_files": venv_files, "venv_bytes": venv_size, "setup_mb": setup_mb,
                                           "setup_s": setup_s, "times_s": times})
        write_text(f"{stem}.md", f"**{title}**\n\n" + markdown_table(size_headers, size_rows) + "\n\n"
                   + f"**{title2}**\n\n" + markdown_table(HEADERS, rows) + "\n\n"
                   + "\n".join(f"- {n}" for n in notes) + "\n")
        print(f"JSON: {path}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
