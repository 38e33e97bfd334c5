"""The flood solver runs from numba's on-disk cache in a fresh process (the app's next start).

numba issue #8578: a cached serial function that calls parallel ones does not start the thread pool
when it is loaded from the cache. Whether the first parallel loop then crashes depends on what the
cache holds; it did here once a second specialisation of ``kernels.advance`` had been compiled in a
process that took the parallel kernels from the cache. This test builds that cache state in a private
cache directory: process 1 compiles everything with another type for one argument, process 2 compiles
the solver's own specialisation (kernels from the cache), process 3 loads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = """
import sys
import numpy as np
from twin.sim.flood import FloodInputs, FloodParams, TimeSeries, kernels, run_flood
if sys.argv[1] == "other-signature":  # the statistics as float64: another specialisation of advance
    advance = kernels.advance
    def patched(*args):
        args = list(args)
        args[-2] = args[-2].astype(np.float64)
        return advance(*args)
    kernels.advance = patched
z = np.add.outer(np.linspace(0.0, 1.0, 40), np.linspace(0.0, 1.0, 30))
z[15:20, 10:15] -= 2.0
rain = TimeSeries(np.array([0.0, 600.0]), np.full(2, 100e-3 / 3600.0))
r = run_flood(FloodInputs(z=z, dx=1.0, rain=rain), FloodParams(duration=120.0, dtype=np.float32))
print(r.steps, float(r.h.sum()))
"""


def _run(variant: str, cache_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NUMBA_NUM_THREADS="2", NUMBA_CACHE_DIR=str(cache_dir))
    return subprocess.run([sys.executable, "-c", _SCRIPT, variant], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=900)


def test_solver_runs_from_the_cache_in_a_fresh_process(tmp_path):
    results = [_run(v, tmp_path) for v in ("other-signature", "solver", "solver")]
    for k, r in enumerate(results, 1):
        assert r.returncode == 0, f"process {k}: exit {r.returncode}\n{r.stderr[-2000:]}"
    assert results[2].stdout == results[1].stdout == results[0].stdout
