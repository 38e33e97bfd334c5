"""A heavy-rain scenario: which rain, how long, which losses and boundaries, on which variant and grid."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from twin.config import parse_error_lines
from twin.errors import ConfigError
from twin.sim.losses import DEFAULT_SOIL, SOIL_INFILTRATION_MM_H
from twin.sim.rain import Hyetograph, RainInputError, euler2, read_kostra, user_hyetograph


def _blocks_of(points: list[tuple[float, float]]) -> Hyetograph:
    """``(minute at block end, mm/h)`` pairs as block hyetograph (depth = intensity × block length)."""
    dt = points[0][0]
    return user_hyetograph([(t, i * dt / 60.0) for t, i in points])


class ScenarioError(ConfigError):
    """A heavy-rain scenario is incomplete or contradictory."""


class InflowSpec(BaseModel):
    """Water entering the area at a point (a creek, a pipe outlet): discharge in m³/s over time,
    ``hydrograph`` pairs ``(minute, m³/s)`` interpolated linearly (the last value holds after the end)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "Zufluss"
    x: float
    y: float
    hydrograph: list[tuple[float, float]]

    @field_validator("hydrograph")
    @classmethod
    def _hydrograph(cls, v: list[tuple[float, float]]) -> list[tuple[float, float]]:
        if not v:
            raise ValueError("die Zuflussganglinie braucht mindestens einen Wert")
        for i, (t, q) in enumerate(v, start=1):
            if not (math.isfinite(t) and math.isfinite(q)) or q < 0 or t < 0:
                raise ValueError(f"Wert {i}: Minute und Abfluss müssen endlich und ≥ 0 sein")
        if any(b[0] <= a[0] for a, b in zip(v, v[1:])):
            raise ValueError("die Minuten der Zuflussganglinie müssen streng aufsteigen")
        return v


class HeavyRainScenario(BaseModel):
    """All user choices of one heavy-rain run (stored with the run record, so it can be repeated).

    Rain is either a KOSTRA-DWD-2020 design storm (``kostra_file`` + ``return_period_a`` +
    ``duration_min``, Euler type II with blocks of ``block_min``) or a user ``hyetograph``: pairs
    ``(minute, mm/h)`` where the intensity holds in the block *ending* at that minute (equal blocks).
    ``kostra_file`` may be relative to the project folder.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = "Starkregen"
    return_period_a: float | None = Field(None, gt=0, le=10000)
    duration_min: float | None = Field(None, gt=0, le=7 * 24 * 60)
    kostra_file: str | None = None
    hyetograph: list[tuple[float, float]] | None = None
    block_min: float = Field(5.0, gt=0, le=60)
    after_min: float = Field(60.0, ge=0, le=24 * 60)
    soil: str = DEFAULT_SOIL
    sink_mm_h: float = Field(0.0, ge=0, le=1000)
    inflows: list[InflowSpec] = Field(default_factory=list)
    boundary: Literal["open", "closed"] = "open"
    variant: str | None = None
    cell_size_m: float | None = Field(None, gt=0, le=100)
    snapshot_interval_s: float = Field(60.0, gt=0)
    precision: Literal["float32", "float64"] = "float32"

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("Der Titel darf nicht leer sein")
        return v.strip()

    @field_validator("soil")
    @classmethod
    def _soil(cls, v: str) -> str:
        if v not in SOIL_INFILTRATION_MM_H:
            raise ValueError(f"unbekannte Bodenart '{v}' (bekannt: {', '.join(SOIL_INFILTRATION_MM_H)})")
        return v

    @field_validator("hyetograph")
    @classmethod
    def _hyetograph(cls, v: list[tuple[float, float]] | None) -> list[tuple[float, float]] | None:
        if v is None:
            return v
        if not v:
            raise ValueError("die Regenganglinie braucht mindestens einen Block")
        for i, (t, i_mm_h) in enumerate(v, start=1):
            if not (math.isfinite(t) and math.isfinite(i_mm_h)) or i_mm_h < 0:
                raise ValueError(f"Block {i}: Zeit und Intensität müssen endlich sein, die Intensität ≥ 0 mm/h")
        try:
            _blocks_of(v)
        except RainInputError as exc:
            raise ValueError(exc.message) from None
        return v

    @model_validator(mode="after")
    def _one_rain(self) -> HeavyRainScenario:
        kostra = [self.kostra_file, self.return_period_a, self.duration_min]
        if self.hyetograph is not None:
            if any(x is not None for x in kostra):
                raise ValueError("entweder KOSTRA-Bemessungsregen (Datei, Jährlichkeit, Dauer) oder eine eigene "
                                 "Regenganglinie angeben, nicht beides")
        elif any(x is None for x in kostra):
            raise ValueError("für den KOSTRA-Bemessungsregen fehlen KOSTRA-Datei, Jährlichkeit oder Dauer "
                             "(oder eine eigene Regenganglinie angeben)")
        return self

    # ----------------------------------------------------------------- helpers
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HeavyRainScenario:
        """A checked scenario from plain data (a stored run record, a form); German :class:`ScenarioError`."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise ScenarioError("Das Starkregen-Szenario ist ungültig:\n  "
                                + "\n  ".join(parse_error_lines(exc))) from None

    def to_dict(self) -> dict[str, Any]:
        d = self.model_dump(mode="json")
        if d.get("hyetograph") is not None:
            d["hyetograph"] = [list(p) for p in d["hyetograph"]]
        for f in d.get("inflows", []):
            f["hydrograph"] = [list(p) for p in f["hydrograph"]]
        return d

    def kostra_path(self, root: Path) -> Path | None:
        """The KOSTRA file as an absolute path (relative names are taken in the project folder)."""
        if self.kostra_file is None:
            return None
        p = Path(self.kostra_file)
        return p if p.is_absolute() else root / p

    def rain(self, root: Path) -> Hyetograph:
        """The gross rain as block hyetograph (Euler II from KOSTRA, or the user's blocks)."""
        if self.hyetograph is not None:
            return _blocks_of(self.hyetograph)
        path = self.kostra_path(root)
        assert path is not None and self.return_period_a is not None and self.duration_min is not None
        if not path.is_file():
            raise ScenarioError("Die KOSTRA-Datei gibt es nicht.", path=path)
        table = read_kostra(path)
        return euler2(table, self.return_period_a, self.duration_min, self.block_min)

    @property
    def rain_minutes(self) -> float:
        """Length of the rain in minutes (without run-on time)."""
        if self.hyetograph is not None:
            return max(t for t, _ in self.hyetograph)
        return float(self.duration_min or 0.0)
