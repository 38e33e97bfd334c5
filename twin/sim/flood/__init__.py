"""2D local-inertial shallow-water solver for heavy rain (Starkregen) on a regular grid.

Scheme: Bates et al. (2010) with the θ-weighted momentum of de Almeida et al. (2012), as in
LISFLOOD-FP; faces around deep water semi-implicit (Casulli-type, :mod:`twin.sim.flood.implicit`) so
deep pits do not set the time step; compiled with numba. Entry point: :func:`run_flood`.
"""

from twin.sim.flood.model import (
    Boundary,
    FloodInputs,
    FloodParams,
    FloodResult,
    Inflow,
    MassBalance,
    TimeSeries,
)
from twin.sim.flood.solver import run_flood

__all__ = [
    "Boundary",
    "FloodInputs",
    "FloodParams",
    "FloodResult",
    "Inflow",
    "MassBalance",
    "TimeSeries",
    "run_flood",
]
