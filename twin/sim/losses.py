"""Runoff losses: which part of the rain on a grid cell runs off (effective rain) and which is lost.

Approach (documented, deliberately simple and conservative for heavy rain):

Each cell has a sealing degree s ∈ [0, 1] (``versiegelung_prozent`` / 100, from an imperviousness
raster or from land-cover classes via :data:`twin.model.land_cover.COVER_SEALING`) and is split
into a sealed part (share s) and an unsealed part (share 1 − s). Per time step with rain depth
P = i·Δt:

* **sealed part**: first the initial loss (Benetzungs- und Muldenverlust, default 1.0 mm, the
  usual 0.5 mm wetting plus about 0.5 mm depression storage on paved surfaces) is filled, then all
  further rain runs off;
* **unsealed part**: first its initial loss (interception and depressions, default 2.0 mm) is
  filled, then up to f·Δt infiltrates, with f a constant infiltration rate of the soil class (the
  saturated hydraulic conductivity, Green–Ampt values of Rawls, Brakensiek & Miller 1983, see
  :data:`SOIL_INFILTRATION_MM_H`); the rest runs off. Using the saturated rate and no Horton decay
  from a higher initial rate underestimates infiltration early in the storm, i.e. errs on the side
  of more runoff.

Effective rain of the cell = s · sealed runoff + (1 − s) · unsealed runoff, so it never exceeds the
rain. Losses apply to the rain falling on the cell only; water that flows onto a cell from
upstream is the flood solver's business (no re-infiltration of run-on here). Evaporation during
the event is neglected. All parameters are kept in :class:`LossParameters` (``to_dict()``) so a run
can be reproduced.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from twin.model.land_cover import COVER_SEALING
from twin.sim.rain import RainInputError

#: saturated hydraulic conductivity [mm/h] by soil texture (Rawls, Brakensiek & Miller 1983, Green–Ampt
#: parameters); German class names after the KA5 texture groups they correspond to roughly
SOIL_INFILTRATION_MM_H: dict[str, float] = {
    "Sand": 117.8,
    "lehmiger Sand": 29.9,
    "sandiger Lehm": 10.9,
    "Lehm": 3.4,
    "Schluff": 6.5,          # silt loam
    "sandig-toniger Lehm": 1.5,
    "toniger Lehm": 1.0,
    "schluffig-toniger Lehm": 1.0,
    "sandiger Ton": 0.6,
    "schluffiger Ton": 0.5,
    "Ton": 0.3,
}
DEFAULT_SOIL = "Lehm"


@dataclass(frozen=True)
class LossParameters:
    """Parameters of the loss model (all recorded with a simulation run)."""

    initial_loss_sealed_mm: float = 1.0
    initial_loss_unsealed_mm: float = 2.0
    soil_class: str = DEFAULT_SOIL
    infiltration_mm_h: float | None = None       # overrides the soil class' rate when given
    cover_sealing: Mapping[str, float] = field(default_factory=lambda: dict(COVER_SEALING))

    def __post_init__(self) -> None:
        for name in ("initial_loss_sealed_mm", "initial_loss_unsealed_mm"):
            v = getattr(self, name)
            if not (math.isfinite(v) and v >= 0):
                raise RainInputError(f"{name} muss ≥ 0 sein, nicht {v!r}.")
        if self.infiltration_mm_h is None and self.soil_class not in SOIL_INFILTRATION_MM_H:
            raise RainInputError(f"Unbekannte Bodenart '{self.soil_class}'; bekannt: "
                             f"{', '.join(SOIL_INFILTRATION_MM_H)}.")
        if self.infiltration_mm_h is not None and not (math.isfinite(self.infiltration_mm_h)
                                                       and self.infiltration_mm_h >= 0):
            raise RainInputError(f"Infiltrationsrate muss ≥ 0 sein, nicht {self.infiltration_mm_h!r}.")

    @property
    def rate_mm_h(self) -> float:
        return (float(self.infiltration_mm_h) if self.infiltration_mm_h is not None
                else SOIL_INFILTRATION_MM_H[self.soil_class])

    def to_dict(self) -> dict:
        return {
            "ansatz": "Anfangsverlust + konstante Infiltration (gesättigte Leitfähigkeit), versiegelt: "
                      "Anfangsverlust, dann voller Abfluss",
            "anfangsverlust_versiegelt_mm": self.initial_loss_sealed_mm,
            "anfangsverlust_unversiegelt_mm": self.initial_loss_unsealed_mm,
            "bodenart": self.soil_class if self.infiltration_mm_h is None else None,
            "infiltration_mm_h": self.rate_mm_h,
            "versiegelung_nach_art_prozent": dict(self.cover_sealing),
        }


def sealing_from_percent(percent: np.ndarray | Sequence[float]) -> np.ndarray:
    """Imperviousness raster in % (0–100) → sealing fraction 0…1; NaN or out of range → RainInputError."""
    a = np.asarray(percent, dtype=float)
    bad = ~np.isfinite(a) | (a < 0) | (a > 100)
    if np.any(bad):
        idx = tuple(int(v) for v in np.argwhere(bad)[0])
        raise RainInputError(f"Versiegelung an Zelle {idx} ist {a[idx]!r}; erlaubt 0–100 %.")
    return a / 100.0


def sealing_from_classes(classes: np.ndarray | Sequence, percent: np.ndarray | Sequence | None = None,
                         params: LossParameters | None = None) -> np.ndarray:
    """Land-cover class per cell (``art``) → sealing fraction.

    ``percent`` (``versiegelung_prozent`` of the ``land_cover`` layer, NaN where not given) wins over
    the class' typical value; an unknown class without a percentage is an error.
    """
    params = params or LossParameters()
    cls = np.asarray(classes, dtype=object)
    out = np.empty(cls.shape, dtype=float)
    pct = None if percent is None else np.asarray(percent, dtype=float)
    if pct is not None and pct.shape != cls.shape:
        raise RainInputError("Bodenbedeckung und Versiegelung haben verschiedene Rastergrößen.")
    for idx, art in np.ndenumerate(cls):
        if pct is not None and np.isfinite(pct[idx]):
            v = float(pct[idx])
        elif art in params.cover_sealing:
            v = float(params.cover_sealing[art])
        else:
            raise RainInputError(f"Bodenbedeckung '{art}' an Zelle {idx} ist unbekannt und hat keine Versiegelung "
                             f"in Prozent.")
        if not 0 <= v <= 100:
            raise RainInputError(f"Versiegelung an Zelle {idx} ist {v:g}; erlaubt 0–100 %.")
        out[idx] = v / 100.0
    return out


class LossModel:
    """Stateful per-cell loss model; call :meth:`step` once per solver step, in time order.

    ``sealing`` is the sealing fraction per cell (0…1, any array shape); ``infiltration_mm_h`` may be
    a per-cell array (e.g. from a soil map) instead of the single rate of ``params``.
    """

    def __init__(self, sealing: np.ndarray, params: LossParameters | None = None,
                 infiltration_mm_h: np.ndarray | None = None) -> None:
        self.params = params or LossParameters()
        s = np.asarray(sealing, dtype=float)
        if np.any(~np.isfinite(s) | (s < 0) | (s > 1)):
            raise RainInputError("Versiegelungsanteil muss zwischen 0 und 1 liegen.")
        self.sealing = s
        if infiltration_mm_h is None:
            rate = np.full(s.shape, self.params.rate_mm_h)
        else:
            rate = np.broadcast_to(np.asarray(infiltration_mm_h, dtype=float), s.shape).copy()
            if np.any(~np.isfinite(rate) | (rate < 0)):
                raise RainInputError("Infiltrationsrate muss ≥ 0 sein.")
        self.rate_m_s = rate / 1000.0 / 3600.0
        self._store_sealed = np.full(s.shape, self.params.initial_loss_sealed_mm / 1000.0)   # m left to fill
        self._store_unsealed = np.full(s.shape, self.params.initial_loss_unsealed_mm / 1000.0)
        self.rain_m = np.zeros(s.shape)          # accumulated rain per cell [m]
        self.effective_m = np.zeros(s.shape)     # accumulated effective rain per cell [m]

    def reset(self) -> None:
        """Back to a dry start (initial losses empty)."""
        self._store_sealed[...] = self.params.initial_loss_sealed_mm / 1000.0
        self._store_unsealed[...] = self.params.initial_loss_unsealed_mm / 1000.0
        self.rain_m[...] = 0.0
        self.effective_m[...] = 0.0

    def step(self, rain_m_s: float | np.ndarray, dt_s: float) -> np.ndarray:
        """Effective rain intensity [m/s] per cell for one step of ``dt_s`` s with rain ``rain_m_s`` [m/s].

        ``rain_m_s`` is a scalar (uniform rain) or a per-cell array.
        """
        if not dt_s > 0:
            raise RainInputError("Zeitschritt muss positiv sein.")
        rain = np.broadcast_to(np.asarray(rain_m_s, dtype=float), self.sealing.shape)
        if np.any(rain < 0):
            raise RainInputError("Regenintensität darf nicht negativ sein.")
        p = rain * dt_s
        # sealed part: fill initial loss, rest runs off
        fill = np.minimum(p, self._store_sealed)
        self._store_sealed -= fill
        run_sealed = p - fill
        # unsealed part: fill initial loss, then infiltrate up to f·dt, rest runs off
        fill_u = np.minimum(p, self._store_unsealed)
        self._store_unsealed -= fill_u
        run_unsealed = np.maximum(p - fill_u - self.rate_m_s * dt_s, 0.0)
        eff = self.sealing * run_sealed + (1.0 - self.sealing) * run_unsealed
        self.rain_m += p
        self.effective_m += eff
        return eff / dt_s

    def runoff_fraction(self, rain_m_s: float | np.ndarray, dt_s: float) -> np.ndarray:
        """Like :meth:`step` (advances the state) but returns effective / rain per cell (0 where no rain)."""
        rain = np.broadcast_to(np.asarray(rain_m_s, dtype=float), self.sealing.shape)
        eff = self.step(rain, dt_s)
        return np.divide(eff, rain, out=np.zeros(self.sealing.shape), where=rain > 0)

    def describe(self) -> dict:
        """Parameters and summary for the run record."""
        d = self.params.to_dict()
        d["zellen"] = int(self.sealing.size)
        d["mittlere_versiegelung_prozent"] = float(self.sealing.mean() * 100.0) if self.sealing.size else 0.0
        return d


def effective_rain(sealing: np.ndarray, intensities_m_s: Sequence[float] | np.ndarray, dt_s: float,
                   params: LossParameters | None = None) -> np.ndarray:
    """Effective rain intensity [m/s] for a whole block series: array ``(steps, *sealing.shape)``."""
    model = LossModel(sealing, params)
    return np.stack([model.step(i, dt_s) for i in np.asarray(intensities_m_s, dtype=float)])
