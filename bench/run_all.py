"""Runs every benchmark with the same flags, one process each, and collects the tables.

    python -m bench.run_all             # the real run (several minutes on 2 cores)
    python -m bench.run_all --quick     # smoke run

The markdown tables of the run are collected in ``bench/out/latest.md`` (or
``latest.quick.md``), ready to be pasted into the section "Letzte Messung" of bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from bench.synth import OUT_DIR, machine_info, write_text

SCRIPTS = ("bench.bench_scene", "bench.bench_bbox", "bench.bench_trees", "bench.bench_nas", "bench.bench_lidar",
           "bench.bench_citygml", "bench.bench_auskunft", "bench.bench_field", "bench.bench_flood",
           "bench.bench_heat", "bench.bench_sensors")
ROOT = Path(__file__).resolve().parent.parent


def _git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        return out + (" (mit lokalen Änderungen)" if dirty.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unbekannt"


def _load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1/5/15 min)"
    except (AttributeError, OSError):
        return "unbekannt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="kleine Größen (Smoke-Test)")
    ap.add_argument("--repeats", type=int, help="Wiederholungen, an beide Skripte weitergereicht")
    args = ap.parse_args(argv)
    flags = (["--quick"] if args.quick else []) + (["--repeats", str(args.repeats)] if args.repeats else [])

    failed = []
    started = datetime.now()
    load_before = _load()
    for script in SCRIPTS:
        print(f"$ python -m {script} {' '.join(flags)}".rstrip(), flush=True)
        t0 = time.perf_counter()
        rc = subprocess.run([sys.executable, "-m", script, *flags], cwd=ROOT).returncode
        print(f"({script}: {time.perf_counter() - t0:.0f} s, Exit-Code {rc})\n", flush=True)
        if rc:
            failed.append(script)

    suffix = ".quick" if args.quick else ""
    m = machine_info()
    parts = [
        f"Gemessen am {started:%Y-%m-%d %H:%M}, Commit {_git_commit()}, "
        f"`{' '.join(['python -m bench.run_all', *flags])}`.",
        f"Rechner: {m['cpu']}, {m['cores']} Kerne, Python {m['python']}, {m['platform']}; "
        f"Load average vor dem Lauf {load_before}, danach {_load()}.",
    ]
    for script in SCRIPTS:
        md = OUT_DIR / f"{script.split('.')[-1]}{suffix}.md"
        parts.append(md.read_text(encoding="utf-8") if md.exists() else f"*{script}: keine Ergebnisse*")
    path = write_text(f"latest{suffix}.md", "\n\n".join(parts) + "\n")
    print(f"Tabellen gesammelt in {path}")
    if failed:
        print(f"Fehlgeschlagen: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
