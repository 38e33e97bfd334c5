"""Thacker (1981): planar surface oscillating in a frictionless parabola z = h0 (x²/a² − 1), as a strip
three cells wide; h = h0 − h0 [x/a + B cos(ωt) / √(2 g h0)]², ω = √(2 g h0) / a, released at rest.
a = 1 km, h0 = 1 m, B = 0.2 m/s (shoreline swings ±45 m, Froude < 0.1), dx = 10 m."""

from __future__ import annotations

import numpy as np

from twin.sim.flood import FloodInputs, FloodResult

A, H0, B, G, DX = 1000.0, 1.0, 0.2, 9.81, 10.0
X = (np.arange(400) + 0.5) * DX - 2000.0
OMEGA = np.sqrt(2 * G * H0) / A
PERIOD = 2 * np.pi / OMEGA
Z = np.tile(H0 * (X**2 / A**2 - 1), (3, 1))


def exact(t: float) -> np.ndarray:
    """Analytic depth along the strip at time ``t``."""
    return np.maximum(H0 - H0 * (X / A + B * np.cos(OMEGA * t) / np.sqrt(2 * G * H0)) ** 2, 0.0)


def inputs() -> FloodInputs:
    return FloodInputs(z=Z, dx=DX, manning=1e-4, h0=np.tile(exact(0.0), (3, 1)))


def compare(r: FloodResult, t: float) -> tuple[float, float, float]:
    """(RMSE of the middle row over the wet cells, fitted surface slope, exact slope) at time ``t``."""
    ref = exact(t)
    wet = ref > 0
    rmse = float(np.sqrt(np.mean((r.h[1, wet] - ref[wet]) ** 2)))
    inner = np.flatnonzero(wet)[5:-5]
    slope = float(np.polyfit(X[inner], r.h[1, inner] + Z[1, inner], 1)[0])
    return rmse, slope, float(-(B * OMEGA / G) * np.cos(OMEGA * t))
