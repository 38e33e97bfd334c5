"""Thresholds of the inner-development search, checked with German messages (``[flaechen]`` in twin.toml)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from twin.errors import LandError

#: (name, lowest, highest, German title) of every threshold; the bounds are inclusive
_LIMITS: dict[str, tuple[float, float, str]] = {
    "bauflaeche_anteil": (0.1, 1.0, "Mindestanteil Baufläche am Flurstück"),
    "bauluecke_min_m2": (50.0, 5000.0, "Kleinste Baulücke [m²]"),
    "bauluecke_max_m2": (100.0, 20000.0, "Größte Baulücke [m²]"),
    "hauptgebaeude_min_m2": (5.0, 200.0, "Kleinstes Hauptgebäude auf dem Flurstück [m²]"),
    "untergenutzt_min_m2": (100.0, 20000.0, "Kleinstes untergenutztes Flurstück [m²]"),
    "untergenutzt_faktor": (0.05, 0.95, "Überbauung unter diesem Anteil des Umgebungsmedians"),
    "umgebung_radius_m": (20.0, 1000.0, "Radius der Umgebung [m]"),
    "umgebung_min_flurstuecke": (3.0, 200.0, "Mindestzahl bebauter Flurstücke in der Umgebung"),
}


@dataclass(frozen=True)
class Thresholds:
    """Where a parcel counts as built-up land, a vacant plot or under-used (defaults for a small town)."""

    bauflaeche_anteil: float = 0.5
    bauluecke_min_m2: float = 200.0
    bauluecke_max_m2: float = 3000.0
    hauptgebaeude_min_m2: float = 20.0
    untergenutzt_min_m2: float = 600.0
    untergenutzt_faktor: float = 0.4
    umgebung_radius_m: float = 100.0
    umgebung_min_flurstuecke: int = 5

    def __post_init__(self) -> None:
        for f in fields(self):
            lo, hi, title = _LIMITS[f.name]
            v = getattr(self, f.name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v:
                raise LandError(f"Schwellenwert „{title}“: {v!r} ist keine Zahl.")
            if not lo <= v <= hi:
                raise LandError(f"Schwellenwert „{title}“ = {_num(v)} liegt außerhalb des zulässigen Bereichs "
                                f"{_num(lo)} bis {_num(hi)}.")
        if self.bauluecke_max_m2 <= self.bauluecke_min_m2:
            raise LandError(f"Die größte Baulücke ({_num(self.bauluecke_max_m2)} m²) muss größer sein als die "
                            f"kleinste ({_num(self.bauluecke_min_m2)} m²).")
        if int(self.umgebung_min_flurstuecke) != self.umgebung_min_flurstuecke:
            raise LandError("Die Mindestzahl der Flurstücke in der Umgebung muss eine ganze Zahl sein.")

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None) -> Thresholds:
        """From a TOML table or CLI options; unknown names are rejected with the list of known ones."""
        values = dict(values or {})
        unknown = sorted(set(values) - set(_LIMITS))
        if unknown:
            raise LandError(f"Unbekannte Schwellenwerte: {', '.join(unknown)}. Bekannt sind: "
                            f"{', '.join(_LIMITS)}.")
        return cls(**values)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def limits() -> dict[str, tuple[float, float, str]]:
    """(lowest, highest, German title) per threshold, for dialogs and help texts."""
    return dict(_LIMITS)


def _num(v: float) -> str:
    return f"{v:g}".replace(".", ",")
