"""Design rain for the heavy-rain simulation: KOSTRA-DWD-2020 tables, Euler type II, own hyetographs.

KOSTRA-DWD-2020 (DWD) gives, per grid cell (``INDEX_RC``), the precipitation depth hN [mm] for
durations D from 5 min to 7 d (rows) and return periods T = 1, 2, 3, 5, 10, 20, 30, 50, 100 a
(columns). The user imports the table of the municipality's cell; :func:`read_kostra` reads

* the *cell table* ("Tabelle" export of one cell): optional metadata lines (e.g. ``INDEX_RC;…``),
  a header row whose first column names the duration (``Dauerstufe``, ``D [min]``, ``Dauer``) and
  whose other columns name the return periods (``1 a``, ``T = 1 a``, ``1``, ``HN_001A_``), then one
  row per duration (``5 min``, ``60``, ``1 h``, ``24 h``, ``7 d``; a bare number is minutes);
* the *flat* format (one row per grid cell): columns ``INDEX_RC`` and ``HN_001A_`` … ``HN_100A_``
  (``UC_…`` uncertainty columns are ignored) plus either a duration column (``D``,
  ``DAUERSTUFE``, ``DURATION``; minutes or ``5 min``-style) or, when there is none, one file per
  duration whose name holds the duration as ``D<minutes>`` / ``D<number>min`` (e.g.
  ``…_D00060.csv``, ``…_D60min.csv``). Several files may be given; ``index_rc`` selects the cell
  when a file holds more than one.

Both are semicolon-separated with decimal comma (a decimal point is accepted too), UTF-8 or
Windows-1252. Parsing is strict: every bad value raises :class:`~twin.errors.FormatError` naming
file and line. Depths must grow with D and with T.

Interpolation (documented choice): between two return periods the depth is linear in ln T (the
Gumbel-type T-relation of KOSTRA). Between two table durations D1 < D < D2 it is, by default,
linear in D (``interpolation="linear"``): the table's secant slopes (mean intensities of the
added time) fall strongly with D, so this interpolant is concave and Euler type II is well
defined for every block length. Linear in ln D, ``h(D) = h1 + (h2 − h1)·ln(D/D1)/ln(D2/D1)``, is
available as ``interpolation="log"``; it differs by at most a few per cent, but at the table rows
its slope can rise again when the tabulated depths are rounded to 0.1 mm (as the DWD's are),
and then Euler type II is rejected (see :func:`euler2`). No extrapolation outside the table.

Euler type II (DWA-A 118 / DWA-M 153 practice): for block length Δt and n = D/Δt blocks the
increments ΔH_k = h(k·Δt) − h((k−1)·Δt) are placed so that the largest (ΔH_1) sits in block
p = ⌊n/3⌋ (peak at one third of D), ΔH_2 … ΔH_{n−p} follow it in order, and the remaining
ΔH_{n−p+1} … ΔH_n are placed before the peak, getting smaller backwards in time. With
non-increasing increments (a concave depth-duration curve, which KOSTRA data with the default
interpolation give; it is checked, a non-concave curve is rejected rather than silently reordered) the largest rolling sum over k blocks equals h(k·Δt) and the
total equals h(D).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from twin.errors import FormatError, TwinError


class RainInputError(TwinError, ValueError):
    """A design-rain or loss input (T, D, Δt, hyetograph, sealing, parameters) is not usable."""

#: return periods [a] of KOSTRA-DWD-2020
KOSTRA_RETURN_PERIODS: tuple[float, ...] = (1, 2, 3, 5, 10, 20, 30, 50, 100)
#: durations [min] of KOSTRA-DWD-2020 (5 min … 7 d)
KOSTRA_DURATIONS_MIN: tuple[float, ...] = (
    5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 540, 720, 1080, 1440, 2880, 4320, 5760,
    7200, 8640, 10080,
)

_UNIT_MIN = {"min": 1.0, "m": 1.0, "h": 60.0, "std": 60.0, "stunde": 60.0, "stunden": 60.0,
             "d": 1440.0, "tag": 1440.0, "tage": 1440.0}
_DURATION_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z]*)\s*$")
_T_RE = re.compile(r"^\s*(?:T\s*=?\s*|Tn\s*=?\s*)?(\d+(?:[.,]\d+)?)\s*(?:a|Jahre?)?\s*$", re.I)
_HN_RE = re.compile(r"^HN_(\d+)A_?$", re.I)
_FILE_D_RE = re.compile(r"(?:^|[_\-.])D0*(\d+)(?:min)?(?=[_\-.]|$)", re.I)
_DURATION_HEAD = re.compile(r"^(dauerstufe|dauer|d|duration|d\s*\[min\]|dauerstufe\s*\[min\])$", re.I)


# --------------------------------------------------------------------------- table


@dataclass(frozen=True)
class KostraTable:
    """Depths hN [mm] of one KOSTRA grid cell: ``depths_mm[i, j]`` for ``durations_min[i]``, ``return_periods[j]``."""

    durations_min: np.ndarray
    return_periods: np.ndarray
    depths_mm: np.ndarray
    index_rc: str | None = None
    source: str | None = None
    interpolation: str = "linear"

    def __post_init__(self) -> None:
        if self.interpolation not in ("linear", "log"):
            raise RainInputError(f"Interpolation '{self.interpolation}' unbekannt (linear, log).")

    def with_interpolation(self, interpolation: str) -> KostraTable:
        """The same table with another interpolation in D (``"linear"`` or ``"log"``)."""
        return replace(self, interpolation=interpolation)

    def depth(self, duration_min: float, return_period: float) -> float:
        """hN [mm] for any D and T inside the table (interpolated in D and ln T, see module doc)."""
        d = float(duration_min)
        t = float(return_period)
        dmin, dmax = float(self.durations_min[0]), float(self.durations_min[-1])
        tmin, tmax = float(self.return_periods[0]), float(self.return_periods[-1])
        if not (dmin - 1e-9 <= d <= dmax + 1e-9):
            raise RainInputError(f"Dauer {d:g} min liegt außerhalb der KOSTRA-Tabelle ({dmin:g}–{dmax:g} min).")
        if not (tmin - 1e-9 <= t <= tmax + 1e-9):
            raise RainInputError(f"Wiederkehrzeit {t:g} a liegt außerhalb der KOSTRA-Tabelle ({tmin:g}–{tmax:g} a).")
        column = np.array([_interp(self.return_periods, row, t, True) for row in self.depths_mm])
        return _interp(self.durations_min, column, d, self.interpolation == "log")

    def depth_curve(self, durations_min: Iterable[float], return_period: float) -> np.ndarray:
        """hN [mm] for several durations at one return period."""
        return np.array([self.depth(d, return_period) for d in durations_min], dtype=float)

    def to_dict(self) -> dict:
        """Plain description (for recording a simulation's input)."""
        return {
            "index_rc": self.index_rc,
            "source": self.source,
            "interpolation_dauer": self.interpolation,
            "durations_min": [float(v) for v in self.durations_min],
            "return_periods_a": [float(v) for v in self.return_periods],
            "depths_mm": [[float(v) for v in row] for row in self.depths_mm],
        }


def _interp(xs: np.ndarray, ys: np.ndarray, x: float, log: bool) -> float:
    """Value at ``x``, linear in x (or in ln x) between the neighbouring nodes, exact at the nodes."""
    i = int(np.searchsorted(xs, x))
    if i < len(xs) and abs(float(xs[i]) - x) <= 1e-9 * max(1.0, x):
        return float(ys[i])
    if i > 0 and abs(float(xs[i - 1]) - x) <= 1e-9 * max(1.0, x):
        return float(ys[i - 1])
    x1, x2 = float(xs[i - 1]), float(xs[i])
    y1, y2 = float(ys[i - 1]), float(ys[i])
    if log:
        return y1 + (y2 - y1) * math.log(x / x1) / math.log(x2 / x1)
    return y1 + (y2 - y1) * (x - x1) / (x2 - x1)


# --------------------------------------------------------------------------- reader


def _read_lines(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from twin.errors import TwinIOError

        raise TwinIOError(f"KOSTRA-Datei kann nicht gelesen werden: {exc.strerror or exc}", path=path) from exc
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc).splitlines()
        except UnicodeDecodeError:
            continue
    raise FormatError("KOSTRA-Datei ist weder UTF-8 noch Windows-1252.", path=path)  # pragma: no cover


def _number(text: str, path: Path, line: int, what: str) -> float:
    s = text.strip().replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        raise FormatError(f"{what}: '{text.strip()}' ist keine Zahl.", path=path, line=line) from None
    if not math.isfinite(v):
        raise FormatError(f"{what}: '{text.strip()}' ist keine endliche Zahl.", path=path, line=line)
    return v


def parse_duration(text: str) -> float:
    """``'5 min'``, ``'1 h'``, ``'24 h'``, ``'7 d'``, ``'60'`` (bare = minutes) → minutes; RainInputError otherwise."""
    m = _DURATION_RE.match(text)
    unit = m.group(2).lower() if m else ""
    minutes = float(m.group(1).replace(",", ".")) * _UNIT_MIN.get(unit, 1.0) if m else 0.0
    if not m or (unit and unit not in _UNIT_MIN) or minutes <= 0:
        raise RainInputError(f"Dauer '{text.strip()}' nicht lesbar (erwartet z. B. '5 min', '1 h', '7 d').")
    return minutes


def _return_period(text: str) -> float | None:
    s = text.strip()
    m = _HN_RE.match(s) or _T_RE.match(s)
    if not m:
        return None
    v = float(m.group(1).replace(",", "."))
    return v if v > 0 else None


def _split(line: str) -> list[str]:
    cells = [c.strip().strip('"') for c in line.split(";")]
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def read_kostra(paths: str | Path | Sequence[str | Path], index_rc: str | int | None = None,
                interpolation: str = "linear") -> KostraTable:
    """Read a KOSTRA-DWD-2020 table (cell table or flat format, detected per file) for one grid cell.

    ``paths`` is one file or several (the flat format with one file per duration); ``index_rc``
    selects the cell in flat files with several cells and is checked against a cell table's
    ``INDEX_RC`` line when given.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise RainInputError("Keine KOSTRA-Datei angegeben.")
    want = None if index_rc is None else str(index_rc).strip()
    rows: dict[float, tuple[np.ndarray, Path, int]] = {}
    periods: np.ndarray | None = None
    cell: str | None = None
    for path in paths:
        lines = _read_lines(path)
        if _is_flat(lines):
            t, found, cell_id = _parse_flat(lines, path, want)
        else:
            t, found, cell_id = _parse_cell_table(lines, path, want)
        if periods is None:
            periods = t
        elif len(periods) != len(t) or not np.allclose(periods, t):
            raise FormatError("Die Wiederkehrzeiten weichen von denen der ersten Datei ab.", path=path)
        if cell_id is not None:
            if cell is not None and cell_id != cell:
                raise FormatError(f"Rasterfeld INDEX_RC {cell_id} passt nicht zu {cell} der ersten Datei.",
                                  path=path)
            cell = cell_id
        for d, (vals, line) in found.items():
            if d in rows:
                raise FormatError(f"Dauerstufe {d:g} min kommt doppelt vor (auch {rows[d][1].name}, "
                                  f"Zeile {rows[d][2]}).", path=path, line=line)
            rows[d] = (vals, path, line)
    assert periods is not None
    if len(rows) < 2:
        raise FormatError("Die KOSTRA-Tabelle braucht mindestens zwei Dauerstufen.", path=paths[0])
    durations = np.array(sorted(rows), dtype=float)
    depths = np.vstack([rows[d][0] for d in durations])
    order = np.argsort(periods)
    periods, depths = periods[order], depths[:, order]
    if len(set(periods.tolist())) != len(periods):
        raise FormatError("Eine Wiederkehrzeit kommt doppelt vor.", path=paths[0])
    # depths must grow with duration and with return period
    for i in range(1, len(durations)):
        bad = np.nonzero(depths[i] < depths[i - 1])[0]
        if bad.size:
            _, p, line = rows[float(durations[i])]
            raise FormatError(f"Niederschlagshöhe für {durations[i]:g} min, T = {periods[bad[0]]:g} a ist "
                              f"kleiner als für {durations[i - 1]:g} min.", path=p, line=line)
    for i, d in enumerate(durations):
        if np.any(np.diff(depths[i]) < 0):
            _, p, line = rows[float(d)]
            raise FormatError(f"Niederschlagshöhen für {d:g} min fallen mit wachsender Wiederkehrzeit.",
                              path=p, line=line)
    return KostraTable(durations, periods, depths, index_rc=cell,
                       source=", ".join(p.name for p in paths), interpolation=interpolation)


def _is_flat(lines: list[str]) -> bool:
    for line in lines:
        cells = [c.upper() for c in _split(line)]
        if not cells:
            continue
        return "INDEX_RC" in cells and any(_HN_RE.match(c) for c in cells)
    return False


def _parse_flat(lines: list[str], path: Path, want: str | None):
    header_no = next(i for i, ln in enumerate(lines) if _split(ln))
    header = [c.upper() for c in _split(lines[header_no])]
    i_rc = header.index("INDEX_RC")
    hn_cols = [(j, float(_HN_RE.match(c).group(1))) for j, c in enumerate(header) if _HN_RE.match(c)]
    d_cols = [j for j, c in enumerate(header) if c in ("D", "DAUERSTUFE", "DURATION", "DAUER", "D_MIN")]
    file_d = None
    if not d_cols:
        m = _FILE_D_RE.search(path.stem)
        if not m:
            raise FormatError("Flaches KOSTRA-Format ohne Spalte für die Dauerstufe (D/DAUERSTUFE) und ohne "
                              "Dauer im Dateinamen (z. B. '_D00060').", path=path, line=header_no + 1)
        file_d = float(m.group(1))
    periods = np.array([t for _, t in hn_cols], dtype=float)
    found: dict[float, tuple[np.ndarray, int]] = {}
    cells_seen: set[str] = set()
    for no in range(header_no + 1, len(lines)):
        cells = _split(lines[no])
        if not cells:
            continue
        line = no + 1
        if len(cells) < len(header):
            raise FormatError(f"{len(cells)} Spalten statt {len(header)}.", path=path, line=line)
        rc = cells[i_rc]
        if not rc:
            raise FormatError("INDEX_RC fehlt.", path=path, line=line)
        cells_seen.add(rc)
        if want is None and len(cells_seen) > 1:
            raise FormatError(f"Die Datei enthält mehrere Rasterfelder ({', '.join(sorted(cells_seen))}); "
                              f"bitte INDEX_RC angeben.", path=path, line=line)
        if want is not None and rc != want:
            continue
        if file_d is not None:
            d = file_d
        else:
            try:
                d = parse_duration(cells[d_cols[0]])
            except ValueError:
                raise FormatError(f"Dauerstufe '{cells[d_cols[0]]}' nicht lesbar.", path=path, line=line) from None
        vals = np.array([_depth(cells[j], path, line, t) for j, t in hn_cols])
        if d in found:
            raise FormatError(f"Dauerstufe {d:g} min für Rasterfeld {rc} doppelt.", path=path, line=line)
        found[d] = (vals, line)
    if not found:
        which = f"Rasterfeld INDEX_RC {want}" if want is not None else "keine Datenzeile"
        raise FormatError(f"{which} nicht in der Datei.", path=path)
    cell = want if want is not None else next(iter(cells_seen))
    return periods, found, cell


def _depth(text: str, path: Path, line: int, t: float) -> float:
    v = _number(text, path, line, f"Niederschlagshöhe T = {t:g} a")
    if v <= 0:
        raise FormatError(f"Niederschlagshöhe T = {t:g} a muss positiv sein, nicht {text.strip()}.",
                          path=path, line=line)
    return v


def _parse_cell_table(lines: list[str], path: Path, want: str | None):
    cell: str | None = None
    header_no: int | None = None
    periods: list[float] = []
    for no, ln in enumerate(lines):
        cells = _split(ln)
        if not cells:
            continue
        key = cells[0].rstrip(":").strip().upper()
        if key in ("INDEX_RC", "RASTERFELD", "RASTERFELDNR", "RASTERFELD-NR."):
            if len(cells) < 2 or not cells[1]:
                raise FormatError("INDEX_RC ohne Wert.", path=path, line=no + 1)
            cell = cells[1]
            continue
        if _DURATION_HEAD.match(cells[0]) and len(cells) >= 2:
            ts = [_return_period(c) for c in cells[1:]]
            if any(t is None for t in ts):
                bad = cells[1 + ts.index(None)]
                raise FormatError(f"Spaltenkopf '{bad}' ist keine Wiederkehrzeit (z. B. '1 a').",
                                  path=path, line=no + 1)
            header_no, periods = no, [float(t) for t in ts]
            break
    if header_no is None:
        raise FormatError("Kein KOSTRA-Tabellenkopf gefunden: erwartet 'Dauerstufe;1 a;2 a;…' (Tabelle einer "
                          "Rasterzelle) oder 'INDEX_RC;…;HN_001A_;…' (flaches Format).", path=path)
    if want is not None and cell is not None and cell != want:
        raise FormatError(f"Die Tabelle gehört zu Rasterfeld INDEX_RC {cell}, nicht {want}.", path=path)
    found: dict[float, tuple[np.ndarray, int]] = {}
    for no in range(header_no + 1, len(lines)):
        cells = _split(lines[no])
        if not cells:
            continue
        line = no + 1
        try:
            d = parse_duration(cells[0])
        except ValueError:
            raise FormatError(f"Dauerstufe '{cells[0]}' nicht lesbar (erwartet z. B. '5 min', '1 h', '7 d').",
                              path=path, line=line) from None
        if len(cells) != len(periods) + 1:
            raise FormatError(f"{len(cells) - 1} Werte statt {len(periods)}.", path=path, line=line)
        vals = np.array([_depth(c, path, line, t) for c, t in zip(cells[1:], periods)])
        if d in found:
            raise FormatError(f"Dauerstufe {d:g} min doppelt.", path=path, line=line)
        found[d] = (vals, line)
    return np.array(periods, dtype=float), found, (cell if cell is not None else want)


# --------------------------------------------------------------------------- hyetographs


@dataclass(frozen=True)
class Hyetograph:
    """Block rain: ``depths_mm[i]`` falls evenly in ``[i·dt_s, (i+1)·dt_s)`` (seconds from rain start)."""

    dt_s: float
    depths_mm: np.ndarray
    description: dict = field(default_factory=dict)

    @property
    def intensities_m_s(self) -> np.ndarray:
        """Block intensities [m/s] (what the flood solver takes)."""
        return self.depths_mm / 1000.0 / self.dt_s

    @property
    def duration_s(self) -> float:
        return self.dt_s * len(self.depths_mm)

    @property
    def total_mm(self) -> float:
        return float(self.depths_mm.sum())

    def intensity(self, t_s: float | np.ndarray) -> float | np.ndarray:
        """Intensity [m/s] at time ``t_s`` (seconds; 0 before the start and after the end)."""
        t = np.asarray(t_s, dtype=float)
        idx = np.floor(t / self.dt_s).astype(int)
        inside = (t >= 0) & (idx < len(self.depths_mm))
        out = np.where(inside, self.intensities_m_s[np.clip(idx, 0, len(self.depths_mm) - 1)], 0.0)
        return float(out) if out.ndim == 0 else out

    def depth_between(self, t0_s: float, t1_s: float) -> float:
        """Rain depth [mm] between two times (exact for the block shape), for solver steps ≠ dt_s."""
        edges = np.arange(len(self.depths_mm) + 1) * self.dt_s
        cum = np.concatenate([[0.0], np.cumsum(self.depths_mm)])
        return float(np.interp(t1_s, edges, cum) - np.interp(t0_s, edges, cum))

    def max_rolling_sum(self, k: int) -> float:
        """Largest sum of ``k`` consecutive blocks [mm]."""
        if not 1 <= k <= len(self.depths_mm):
            raise RainInputError(f"k = {k} außerhalb 1…{len(self.depths_mm)}")
        cum = np.concatenate([[0.0], np.cumsum(self.depths_mm)])
        return float(np.max(cum[k:] - cum[:-k]))


def _blocks(duration_min: float, dt_min: float) -> int:
    if dt_min <= 0 or duration_min <= 0:
        raise RainInputError("Dauer und Blocklänge müssen positiv sein.")
    n = duration_min / dt_min
    if abs(n - round(n)) > 1e-9:
        raise RainInputError(f"Die Dauer {duration_min:g} min ist kein Vielfaches der Blocklänge {dt_min:g} min.")
    return int(round(n))


def euler2(table: KostraTable, return_period: float, duration_min: float, dt_min: float = 5.0) -> Hyetograph:
    """Euler type II design storm (see module doc) for T [a], D [min] and block length Δt [min].

    Δt must not be shorter than the table's shortest duration (no extrapolation below 5 min).
    """
    n = _blocks(duration_min, dt_min)
    if dt_min < float(table.durations_min[0]) - 1e-9:
        raise RainInputError(f"Die Blocklänge {dt_min:g} min ist kürzer als die kürzeste Dauerstufe der Tabelle "
                         f"({table.durations_min[0]:g} min).")
    cum = np.concatenate([[0.0], table.depth_curve([k * dt_min for k in range(1, n + 1)], return_period)])
    inc = np.diff(cum)
    if np.any(np.diff(inc) > 1e-9):
        k = int(np.nonzero(np.diff(inc) > 1e-9)[0][0]) + 2
        raise RainInputError(f"Die Niederschlagshöhen-Dauer-Kurve ist bei {k * dt_min:g} min nicht konkav (Zuwachs "
                         f"steigt); Euler Typ II ist damit nicht eindeutig. Tabelle prüfen.")
    p = n // 3
    blocks = np.empty(n)
    after = n - p                      # blocks from the peak to the end hold ΔH_1 … ΔH_after
    blocks[p:] = inc[:after]
    blocks[:p] = inc[after:][::-1]     # ΔH_{after+1} just before the peak, ΔH_n first
    return Hyetograph(dt_min * 60.0, blocks, {
        "typ": "Euler II", "wiederkehrzeit_a": float(return_period), "dauer_min": float(duration_min),
        "blocklaenge_min": float(dt_min), "spitze_block": p, "summe_mm": float(cum[-1]),
        "kostra_index_rc": table.index_rc, "kostra_quelle": table.source,
    })


def user_hyetograph(points: Sequence[tuple[float, float]]) -> Hyetograph:
    """A user's rain as block pairs ``(minutes, mm)``: ``mm`` falls in the block ending at ``minutes``.

    Times must start after 0, rise strictly and be equally spaced; depths must be ≥ 0 and finite.
    """
    if not points:
        raise RainInputError("Der Regen braucht mindestens einen Block.")
    times, depths = [], []
    for i, pair in enumerate(points, start=1):
        try:
            t, h = float(pair[0]), float(pair[1])
        except (TypeError, ValueError, IndexError):
            raise RainInputError(f"Block {i}: erwartet (Minuten, mm), nicht {pair!r}.") from None
        if not (math.isfinite(t) and math.isfinite(h)):
            raise RainInputError(f"Block {i}: Werte müssen endlich sein.")
        if h < 0:
            raise RainInputError(f"Block {i}: Niederschlagshöhe {h:g} mm ist negativ.")
        times.append(t)
        depths.append(h)
    dt = times[0]
    if dt <= 0:
        raise RainInputError("Der erste Zeitpunkt muss nach 0 min liegen (Ende des ersten Blocks).")
    for i in range(1, len(times)):
        if times[i] <= times[i - 1]:
            raise RainInputError(f"Block {i + 1}: Zeit {times[i]:g} min steigt nicht.")
        if abs((times[i] - times[i - 1]) - dt) > 1e-9 * max(1.0, dt):
            raise RainInputError(f"Block {i + 1}: Blöcke müssen gleich lang sein ({dt:g} min).")
    return Hyetograph(dt * 60.0, np.array(depths, dtype=float),
                      {"typ": "benutzerdefiniert", "blocklaenge_min": dt, "summe_mm": float(sum(depths))})


def intensity_hyetograph(intensities_m_s: Sequence[float] | np.ndarray, dt_s: float) -> Hyetograph:
    """A user's rain as intensities [m/s] per block of ``dt_s`` seconds."""
    a = np.asarray(intensities_m_s, dtype=float)
    if a.ndim != 1 or a.size == 0:
        raise RainInputError("Die Intensitätsreihe muss eine nicht leere Folge sein.")
    if not (dt_s > 0 and math.isfinite(dt_s)):
        raise RainInputError("Die Blocklänge muss positiv sein.")
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        i = int(np.nonzero(~np.isfinite(a) | (a < 0))[0][0]) + 1
        raise RainInputError(f"Block {i}: Intensität muss endlich und ≥ 0 sein.")
    if np.any(a > 1e-3):
        raise RainInputError("Intensität über 1 mm/s (3600 mm/h): Einheit prüfen (erwartet m/s).")
    depths = a * dt_s * 1000.0
    return Hyetograph(float(dt_s), depths, {"typ": "benutzerdefiniert (Intensität)",
                                            "blocklaenge_min": dt_s / 60.0, "summe_mm": float(depths.sum())})
