"""Weather of the simulated day: hourly air temperature, humidity and wind (presets or a CSV).

The presets are *synthetic design days*, not measurements. "Heißer Tag" follows the DWD
climate-indicator definition (daily maximum air temperature >= 30 °C), "Tropennacht" the DWD
definition (daily minimum >= 20 °C). The daily course is a smooth cosine-shaped cycle
between the minimum (05:00) and the maximum (afternoon, local summer time); humidity follows
from a constant water-vapour pressure (Magnus formula), so it is high at night and low in the
afternoon, as on a real fair-weather day. Wind is a constant speed at 10 m.

CSV files (:func:`read_weather_csv`): one row per hour, semicolon or tab separated with decimal
comma or point (a comma separator needs decimal points), UTF-8 or Windows-1252, header
``Stunde;Lufttemperatur;Feuchte;Wind`` (synonyms and English names accepted, units in brackets
ignored; without a header the columns are taken in this order). Lines starting with ``#`` are
comments. Hours 0 <= h < 24 must rise; fewer than 24 rows are interpolated linearly, cyclically
over midnight (the day is assumed to repeat).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from twin.errors import ConfigError
from twin.files import read_text

HOURS = tuple(range(24))

#: preset name -> German label
PRESETS: dict[str, str] = {
    "heisser_tag": "Heißer Tag (Tmax 32,5 °C, Tmin 19,5 °C, Wind 2 m/s)",
    "hitzewelle_tropennacht": "Hitzewelle mit Tropennacht (Tmax 36 °C, Tmin 22 °C, Wind 1,5 m/s)",
}


@dataclass(frozen=True)
class HotDay:
    """Hourly weather for the hours 0..23 (local clock time).

    ``ta`` air temperature [°C], ``rh`` relative humidity [%], ``va10`` wind speed at 10 m [m/s],
    24 values each; ``label`` is a German description for the user interface.
    """

    ta: tuple[float, ...]
    rh: tuple[float, ...]
    va10: tuple[float, ...]
    label: str = ""

    def __post_init__(self) -> None:
        for name, values in (("ta", self.ta), ("rh", self.rh), ("va10", self.va10)):
            if len(values) != 24:
                raise ConfigError(f"Das Tageswetter braucht 24 Stundenwerte ({name}: {len(values)}).")
            object.__setattr__(self, name, tuple(float(v) for v in values))

    def at(self, hour: float) -> tuple[float, float, float]:
        """(air temperature, humidity, wind) at a local hour 0..24, linear between full hours.

        Between 23:00 and 24:00 it interpolates towards the 00:00 values (repeating day).
        """
        if not (0.0 <= hour <= 24.0):
            raise ConfigError(f"Stunde {_de(hour)} liegt nicht zwischen 0 und 24.")
        i = int(math.floor(hour)) % 24
        f = hour - math.floor(hour)
        j = (i + 1) % 24
        return tuple(v[i] + f * (v[j] - v[i]) for v in (self.ta, self.rh, self.va10))  # type: ignore[return-value]

    @property
    def tmax(self) -> float:
        """Highest hourly air temperature [°C]."""
        return max(self.ta)

    @property
    def tmin(self) -> float:
        """Lowest hourly air temperature [°C]."""
        return min(self.ta)


def preset(name: str = "heisser_tag") -> HotDay:
    """A synthetic design day (see the module docstring and :data:`PRESETS`).

    ``heisser_tag``: Tmin 19.5 °C at 05:00, Tmax 32.5 °C at 15:00, vapour pressure 17 hPa
    (dew point about 15 °C: RH about 75 % at dawn, 35 % in the afternoon), wind 2 m/s.
    ``hitzewelle_tropennacht``: Tmin 22 °C, Tmax 36 °C at 16:00, 18 hPa, wind 1.5 m/s.
    """
    if name == "heisser_tag":
        return _design_day(19.5, 32.5, 15, 17.0, 2.0, PRESETS[name])
    if name == "hitzewelle_tropennacht":
        return _design_day(22.0, 36.0, 16, 18.0, 1.5, PRESETS[name])
    known = ", ".join(PRESETS)
    raise ConfigError(f"Unbekannte Wettervorgabe '{name}' (bekannt: {known}).")


def _design_day(tmin: float, tmax: float, h_max: int, vapour_hpa: float, wind: float, label: str) -> HotDay:
    h_min = 5
    ta = []
    for h in HOURS:
        if h_min <= h <= h_max:  # rise: half cosine from the minimum to the maximum
            x = (h - h_min) / (h_max - h_min)
        else:  # fall over the evening and night to the next minimum
            x = 1.0 - ((h - h_max) % 24) / (24 - (h_max - h_min))
        ta.append(round(tmin + (tmax - tmin) * (1.0 - math.cos(math.pi * x)) / 2.0, 1))
    rh = [round(min(100.0, 100.0 * vapour_hpa / saturation_vapour_pressure(t)), 1) for t in ta]
    return HotDay(tuple(ta), tuple(rh), (wind,) * 24, label)


def saturation_vapour_pressure(ta: float) -> float:
    """Saturation vapour pressure over water [hPa] (Magnus formula, WMO coefficients)."""
    return 6.112 * math.exp(17.62 * ta / (243.12 + ta))


# ------------------------------------------------------------------ CSV

_COLUMNS = {  # canonical -> accepted header names (lower case, units stripped)
    "hour": ("stunde", "uhrzeit", "zeit", "h", "hour", "time"),
    "ta": ("lufttemperatur", "temperatur", "ta", "t", "tl", "temperature", "air temperature", "temp"),
    "rh": ("feuchte", "relative feuchte", "rel. feuchte", "luftfeuchte", "luftfeuchtigkeit", "rf", "rh",
           "humidity", "relative humidity"),
    "va10": ("wind", "windgeschwindigkeit", "wind 10 m", "ws", "v", "wind speed", "windspeed"),
}
_NAMES = {"hour": "Stunde", "ta": "Lufttemperatur", "rh": "Feuchte", "va10": "Wind"}
_LIMITS = {"ta": (-50.0, 60.0), "rh": (0.0, 100.0), "va10": (0.0, 50.0)}
_UNIT = re.compile(r"\s*[\[(].*?[\])]\s*")
_NUM = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*uhr)?$", re.IGNORECASE)


def read_weather_csv(path: str | Path) -> HotDay:
    """Read the hourly weather of one day from a CSV file (format: see the module docstring).

    Raises :class:`~twin.errors.ConfigError` naming file and line for every unreadable value.
    """
    path = Path(path)
    text = read_text(path, "Die Wetterdatei", ConfigError)

    order: list[str] | None = None
    rows: list[tuple[int, dict[str, float]]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        sep = r"[;\t]" if (";" in line or "\t" in line) else ","
        cells = [c.strip().strip('"') for c in re.split(sep, line)]
        while cells and cells[-1] == "":
            cells.pop()
        if order is None and not _is_number(cells[0]) and not _CLOCK.match(cells[0]):
            order = _header(cells, path, no)
            continue
        if order is None:
            order = ["hour", "ta", "rh", "va10"]
        if len(cells) < len(order):
            raise ConfigError(f"Erwartet {len(order)} Spalten ({_expected(order)}), gefunden {len(cells)}.",
                              path=path, line=no)
        rows.append((no, _row(cells, order, path, no)))

    if not rows:
        raise ConfigError("Die Wetterdatei enthält keine Werte.", path=path)
    for (_, a), (no, b) in zip(rows, rows[1:]):
        if b["hour"] <= a["hour"]:
            raise ConfigError(f"Stunde {_de(b['hour'])} folgt auf Stunde {_de(a['hour'])}; "
                              "die Stunden müssen aufsteigen.", path=path, line=no)
    if len(rows) < 2:
        raise ConfigError("Die Wetterdatei enthält nur eine Stunde; mindestens zwei werden gebraucht.", path=path)
    hours = [r["hour"] for _, r in rows]
    series = {k: _cyclic([r[k] for _, r in rows], hours) for k in ("ta", "rh", "va10")}
    return HotDay(series["ta"], series["rh"], series["va10"], f"Wetter aus {path.name}")


def _header(cells: Sequence[str], path: Path, no: int) -> list[str]:
    order: list[str] = []
    for cell in cells:
        name = _UNIT.sub(" ", cell).strip().lower()
        name = re.sub(r"\s+", " ", name)
        key = next((k for k, names in _COLUMNS.items() if name in names), None)
        if key is None:
            raise ConfigError(f"Unbekannte Spalte '{cell}' (erwartet: Stunde;Lufttemperatur;Feuchte;Wind).",
                              path=path, line=no)
        if key in order:
            raise ConfigError(f"Spalte {_NAMES[key]} kommt doppelt vor ('{cell}').", path=path, line=no)
        order.append(key)
    missing = [_NAMES[k] for k in _NAMES if k not in order]
    if missing:
        raise ConfigError(f"Spalte(n) fehlen: {', '.join(missing)}.", path=path, line=no)
    return order


def _row(cells: Sequence[str], order: Sequence[str], path: Path, no: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, cell in zip(order, cells):
        clock = _CLOCK.match(cell) if key == "hour" else None
        if clock:
            value = int(clock.group(1)) + int(clock.group(2)) / 60.0
        elif _is_number(cell):
            value = float(cell.replace(",", "."))
        else:
            shown = f"'{cell}'" if cell else "leer"
            raise ConfigError(f"{_NAMES[key]}: Zahl erwartet, Wert ist {shown}.", path=path, line=no)
        lo, hi = _LIMITS.get(key, (0.0, 24.0))
        if key == "hour" and not (0.0 <= value < 24.0):
            raise ConfigError(f"Stunde {_de(value)} liegt nicht zwischen 0 und 23.", path=path, line=no)
        if not (lo <= value <= hi):
            raise ConfigError(f"{_NAMES[key]} {_de(value)} liegt nicht zwischen {_de(lo)} und {_de(hi)}.",
                              path=path, line=no)
        out[key] = value
    return out


def _cyclic(values: Sequence[float], hours: Sequence[float]) -> tuple[float, ...]:
    """Values at the full hours 0..23, linear between the given hours and across midnight."""
    xs = [hours[-1] - 24.0, *hours, hours[0] + 24.0]
    ys = [values[-1], *values, values[0]]
    out = []
    for h in HOURS:
        k = next(i for i in range(1, len(xs)) if xs[i] >= h)
        x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
        out.append(y1 if x1 == h else y0 + (y1 - y0) * (h - x0) / (x1 - x0))
    return tuple(out)


def _is_number(cell: str) -> bool:
    return bool(_NUM.match(cell))


def _expected(order: Sequence[str]) -> str:
    return ";".join(_NAMES[k] for k in order)


def _de(x: float) -> str:
    """A number as a German reads it (decimal comma, no trailing zeros)."""
    return f"{x:g}".replace(".", ",")
