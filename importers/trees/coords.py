"""Which CRS the coordinates of a tree list are in, read from their value ranges; damaged rows.

Inference (``infer_crs``) looks at the median of the x column and of the y column (damaged rows
cannot move a median far) and decides only where the ranges are unambiguous in Germany:

=================================================  ===============================================
x (Rechtswert/lon)          y (Hochwert/lat)       CRS
=================================================  ===============================================
5 … 16                      47 … 56                WGS84 lon/lat, EPSG:4326
280 000 … 920 000           5 200 000 … 6 100 000  ETRS89/UTM, zone 32 or 33 (rule below)
32 280 000 … 32 920 000     5 200 000 … 6 100 000  UTM 32 with zone prefix, EPSG:4647 (33: EPSG:5650)
2/3/4/5 ‧ 10⁶ + 150 000 … 850 000   5.2 … 6.1 ‧ 10⁶  Gauß-Krüger zone 2…5, EPSG:31466 … 31469
=================================================  ===============================================

The same with x and y exchanged is detected as "Hochwert in der x-Spalte" (``swapped``).

UTM zone rule: six-digit eastings do not say the zone. If the project CRS is UTM 32 (EPSG:25832)
or UTM 33 (EPSG:25833), the file is taken to be in the project's zone – but only if the trees then
lie in the project extent (when one is set); otherwise, if exactly one of the two zones puts them
into the extent, that zone; otherwise the importer asks for ``--crs`` (CRSError).

A Gauß-Krüger zone-5 Rechtswert (5.2–5.5 ‧ 10⁶) looks like a Hochwert: if both orders fit, the
project extent decides, else CRSError.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pyproj import CRS, Transformer

from twin.crs import horizontal
from twin.errors import CRSError

GERMANY_LONLAT = (5.0, 47.0, 16.0, 56.0)
_NORTH = (5_200_000.0, 6_100_000.0)


@dataclass
class CrsGuess:
    epsg: int
    swapped: bool
    explanation: str  # German, for the wizard and the report


def plausible_range(epsg: int) -> tuple[float, float, float, float] | None:
    """(xmin, ymin, xmax, ymax) in which German trees lie for this CRS, in the file's x/y order (unswapped)."""
    if epsg in (4326, 4258, 4314, 4937, 4979):
        return GERMANY_LONLAT
    if epsg in (25832, 25833, 32632, 32633):
        return (280_000.0, _NORTH[0], 920_000.0, _NORTH[1])
    if epsg == 4647:
        return (32_280_000.0, _NORTH[0], 32_920_000.0, _NORTH[1])
    if epsg == 5650:
        return (33_280_000.0, _NORTH[0], 33_920_000.0, _NORTH[1])
    if 31466 <= epsg <= 31469:
        zone = epsg - 31464
        return (zone * 1e6 + 150_000.0, _NORTH[0], zone * 1e6 + 850_000.0, _NORTH[1])
    return None


def _in(v: float, lo: float, hi: float) -> bool:
    return lo <= v <= hi


def _kinds(x: float, y: float) -> list[tuple[int | str, str]]:
    """Candidate (epsg or 'utm', description) for one x/y pair in file order."""
    out: list[tuple[int | str, str]] = []
    if _in(x, 5, 16) and _in(y, 47, 56):
        out.append((4326, "geographische Länge/Breite (WGS84, EPSG:4326)"))
    if _in(x, 280_000, 920_000) and _in(y, *_NORTH):
        out.append(("utm", "sechsstelliger Ostwert und siebenstelliger Nordwert (ETRS89/UTM)"))
    if _in(x, 32_280_000, 32_920_000) and _in(y, *_NORTH):
        out.append((4647, "Ostwert mit Zonenkennung 32 (ETRS89/UTM 32, EPSG:4647)"))
    if _in(x, 33_280_000, 33_920_000) and _in(y, *_NORTH):
        out.append((5650, "Ostwert mit Zonenkennung 33 (ETRS89/UTM 33, EPSG:5650)"))
    for zone in (2, 3, 4, 5):
        if _in(x, zone * 1e6 + 150_000, zone * 1e6 + 850_000) and _in(y, *_NORTH):
            out.append((31464 + zone, f"siebenstelliger Rechtswert mit Kennziffer {zone} "
                                      f"(Gauß-Krüger Streifen {zone}, EPSG:{31464 + zone})"))
    return out


def _lands_in(epsg: int, x: float, y: float, project_crs: CRS, extent) -> bool:
    if extent is None:
        return True
    tr = Transformer.from_crs(CRS.from_epsg(epsg), horizontal(project_crs), always_xy=True)
    px, py = tr.transform(x, y)
    return extent[0] - 5000 <= px <= extent[2] + 5000 and extent[1] - 5000 <= py <= extent[3] + 5000


def infer_crs(xs: np.ndarray, ys: np.ndarray, project_crs: CRS, extent=None, *, path=None) -> CrsGuess:
    """The CRS of the coordinates from their ranges (see the module doc), or CRSError asking for ``--crs``."""
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    ok = np.isfinite(xs) & np.isfinite(ys)
    if not ok.any():
        raise CRSError("Keine lesbaren Koordinaten: das Koordinatensystem ist nicht zu erkennen.", path=path)
    mx, my = float(np.median(xs[ok])), float(np.median(ys[ok]))
    cands: list[tuple[int, bool, str]] = []
    for swapped, (a, b) in ((False, (mx, my)), (True, (my, mx))):
        for kind, text in _kinds(a, b):
            if kind == "utm":
                for epsg, why in _utm_zones(a, b, project_crs, extent):
                    cands.append((epsg, swapped, f"{text}; {why}"))
            else:
                cands.append((kind, swapped, text))
    if len(cands) > 1 and extent is not None:
        inside = [c for c in cands if _lands_in(c[0], *((my, mx) if c[1] else (mx, my)), project_crs, extent)]
        if inside:
            cands = inside
    if len(cands) != 1:
        if not cands:
            why = (f"Die Werte (Median x = {mx:.6g}, y = {my:.6g}) passen zu keinem in Deutschland üblichen "
                   "Koordinatensystem (WGS84, ETRS89/UTM 32/33, Gauß-Krüger 2–5)")
        else:
            why = ("Die Werte passen zu mehreren Koordinatensystemen (" +
                   ", ".join(f"EPSG:{c[0]}" for c in cands) + ")")
        raise CRSError(f"{why}; bitte das Koordinatensystem der Datei angeben (--crs, z. B. EPSG:25832).",
                       path=path)
    epsg, swapped, text = cands[0]
    expl = f"Erkannt: EPSG:{epsg} – {text}"
    if swapped:
        expl += "; x- und y-Spalte sind vertauscht (Hochwert/Breite steht in der x-Spalte)"
    return CrsGuess(epsg, swapped, expl + ".")


def _utm_zones(x: float, y: float, project_crs: CRS, extent) -> list[tuple[int, str]]:
    proj = horizontal(project_crs).to_epsg()
    if proj in (25832, 25833):
        zone = 32 if proj == 25832 else 33
        if _lands_in(proj, x, y, project_crs, extent):
            return [(proj, f"Zone {zone} wie das Projekt-Koordinatensystem")]
    fits = [e for e in (25832, 25833) if extent is not None and _lands_in(e, x, y, project_crs, extent)]
    if len(fits) == 1:
        return [(fits[0], f"nur Zone {fits[0] - 25800} legt die Bäume in das Projektgebiet")]
    return [(25832, "Zone 32 oder 33 unklar"), (25833, "Zone 32 oder 33 unklar")]


def swapped_for(crs: CRS, xs: np.ndarray, ys: np.ndarray) -> bool:
    """For a given CRS: True if the file's x column holds northing/latitude (decided on the medians)."""
    xs, ys = np.asarray(xs, float), np.asarray(ys, float)
    ok = np.isfinite(xs) & np.isfinite(ys)
    if not ok.any():
        return False
    mx, my = float(np.median(xs[ok])), float(np.median(ys[ok]))
    code = horizontal(crs).to_epsg()
    rng = plausible_range(code) if code else None
    if rng is not None:
        return not (_in(mx, rng[0], rng[2]) and _in(my, rng[1], rng[3])) and \
            (_in(my, rng[0], rng[2]) and _in(mx, rng[1], rng[3]))
    tr = Transformer.from_crs(horizontal(crs), CRS.from_epsg(4326), always_xy=True)
    g = GERMANY_LONLAT

    def inside(a, b):
        lon, lat = tr.transform(a, b)
        return g[0] <= lon <= g[2] and g[1] <= lat <= g[3]
    return not inside(mx, my) and inside(my, mx)


def damage_reasons(x: np.ndarray, y: np.ndarray, epsg: int | None, crs: CRS) -> list[str | None]:
    """Per row: None if the coordinate is plausible for the CRS, else a German reason (x/y in CRS order)."""
    rng = plausible_range(epsg) if epsg else None
    out: list[str | None] = [None] * len(x)
    if rng is None:
        tr = Transformer.from_crs(horizontal(crs), CRS.from_epsg(4326), always_xy=True)
        lon, lat = tr.transform(x, y)
        g = GERMANY_LONLAT
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        ok = np.isfinite(lon) & np.isfinite(lat) & (lon >= g[0]) & (lon <= g[2]) & (lat >= g[1]) & (lat <= g[3])
        for i in np.flatnonzero(~ok):
            out[i] = "Koordinate liegt nicht in Deutschland (falsches Koordinatensystem oder beschädigter Wert)"
        return out
    xmin, ymin, xmax, ymax = rng
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    bad_x = ~((x >= xmin) & (x <= xmax))
    bad_y = ~((y >= ymin) & (y <= ymax))
    for i in np.flatnonzero(bad_x | bad_y):
        why = [_why(name, float(v[i]), lo, hi, epsg) for name, v, lo, hi, bad in
               (("x", x, xmin, xmax, bad_x), ("y", y, ymin, ymax, bad_y)) if bad[i]]
        out[i] = "; ".join(why)
    return out


def _why(name: str, v: float, lo: float, hi: float, epsg: int) -> str:
    for k in range(1, 13):
        if lo <= abs(v) / 10 ** k <= hi:
            return (f"{name} = {v:.10g} ist etwa {10 ** k:,}-fach zu groß – vermutlich ging das Dezimal"
                    "trennzeichen verloren (Tabellenkalkulation mit anderer Ländereinstellung)").replace(",", ".")
        if lo <= abs(v) * 10 ** k <= hi:
            return f"{name} = {v:.10g} ist etwa {10 ** k:,}-fach zu klein – Stellen verloren".replace(",", ".")
    return f"{name} = {v:.10g} liegt außerhalb des für EPSG:{epsg} plausiblen Bereichs {lo:.10g} … {hi:.10g}"
