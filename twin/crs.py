"""Coordinate reference systems: names used by German state data, and reprojection.

German state data name their CRS in AdV style (``urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH``),
as OGC URNs (``urn:ogc:def:crs:EPSG::25833``), compound URNs
(``urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783``) or plain ``EPSG:25832``.
:func:`resolve_crs` understands all of them; :class:`Reprojector` moves coordinates
into the project CRS (horizontal part; heights are kept as given).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError as _ProjCRSError

from twin.errors import CRSError

#: horizontal AdV CRS names -> EPSG
ADV_HORIZONTAL = {
    "ETRS89_UTM32": 25832,
    "ETRS89_UTM33": 25833,
    "ETRS89_3GK3": 5677,
    "DE_DHDN_3GK2": 31466,
    "DE_DHDN_3GK3": 31467,
    "DE_DHDN_3GK4": 31468,
    "DE_DHDN_3GK5": 31469,
    "DE_DHDN_3GK2_RP101": 31466,
    "DE_DHDN_3GK2_RP180": 31466,
    "DE_DHDN_3GK3_BW100": 31467,
    "DE_DHDN_3GK3_BY120": 31468,
    "DE_DHDN_3GK4_BY120": 31468,
    "DE_DHDN_3GK4_BW100": 31468,
    "DE_DHDN_3GK3_NW177": 31467,
    "DE_DHDN_3GK2_NW177": 31466,
    "DE_DHDN_3GK3_HE100": 31467,
    "DE_DHDN_3GK3_HE200": 31467,
    "DE_DHDN_3GK3_NI000": 31467,
    "DE_DHDN_3GK3_SL": 31467,
    "DE_DHDN_3GK2_SL": 31466,
    "ETRS89_LAT-LON": 4258,
    "ETRS89_LAT-LON_H": 4937,
    "DE_DHDN_LAT-LON": 4314,
    "WGS84_LAT-LON": 4326,
}
#: vertical AdV names -> EPSG
ADV_VERTICAL = {
    "DE_DHHN2016_NH": 7837,
    "DE_DHHN92_NH": 5783,
    "DE_DHHN12_NOH": 5784,
    "DE_DHSN82_NH": 5785,
    "DE_DHHN85_NOH": 5784,
}

_EPSG_IN_URN = re.compile(r"EPSG:(?:[\d.]*):(\d+)|EPSG::(\d+)|EPSG:(\d+)$|EPSG/0/(\d+)", re.IGNORECASE)


def horizontal_epsg(name: str) -> int:
    """EPSG code of the horizontal part of a CRS name (AdV, OGC URN, EPSG:xxxx, http URI)."""
    crs = resolve_crs(name)
    horiz = crs.sub_crs_list[0] if crs.is_compound else crs
    code = horiz.to_epsg(min_confidence=70)
    if code is None:
        raise CRSError(f"Das Koordinatensystem '{name}' hat keinen EPSG-Code für die Lage.")
    return code


@lru_cache(maxsize=64)
def resolve_crs(name: str | int) -> CRS:
    """Return the pyproj CRS for a CRS name as German and international data write it.

    Raises :class:`CRSError` with a German message for names that are empty or unknown.
    """
    if isinstance(name, int):
        return _epsg(name, str(name))
    text = str(name).strip()
    if not text:
        raise CRSError("Kein Koordinatensystem angegeben (srsName fehlt).")
    if text.lower().startswith("urn:adv:crs:"):
        return _adv(text)
    if text.lower().startswith("urn:ogc:def:crs,"):
        codes = [int(next(g for g in m.groups() if g)) for m in _EPSG_IN_URN.finditer(text)]
        if not codes:
            raise CRSError(f"Unbekanntes Koordinatensystem '{text}'.")
        return _compound(codes, text)
    m = _EPSG_IN_URN.search(text)
    if m and (text.lower().startswith(("urn:", "epsg:", "http"))):
        return _epsg(int(next(g for g in m.groups() if g)), text)
    try:
        return CRS.from_user_input(text)
    except _ProjCRSError:
        raise CRSError(f"Unbekanntes Koordinatensystem '{text}'.") from None


def _epsg(code: int, text: str) -> CRS:
    try:
        return CRS.from_epsg(code)
    except _ProjCRSError:
        raise CRSError(f"Unbekanntes Koordinatensystem '{text}' (EPSG:{code} gibt es nicht).") from None


def _compound(codes: list[int], text: str) -> CRS:
    if len(codes) == 1:
        return _epsg(codes[0], text)
    try:
        return CRS.from_user_input("+".join(f"EPSG:{c}" if i == 0 else str(c) for i, c in enumerate(codes)))
    except _ProjCRSError:
        return _epsg(codes[0], text)


def _adv(text: str) -> CRS:
    parts = text[len("urn:adv:crs:"):].split("*")
    horiz = ADV_HORIZONTAL.get(parts[0].upper())
    if horiz is None:
        raise CRSError(f"Unbekanntes AdV-Koordinatensystem '{text}' (Lage '{parts[0]}' nicht bekannt).")
    vert = next((ADV_VERTICAL[p.upper()] for p in parts[1:] if p.upper() in ADV_VERTICAL), None)
    if vert is None:
        return _epsg(horiz, text)
    return _compound([horiz, vert], text)


def horizontal(crs: CRS) -> CRS:
    """The horizontal part of a (possibly compound) CRS."""
    return crs.sub_crs_list[0] if crs.is_compound else crs


class Reprojector:
    """Moves x/y coordinates from a source CRS into the project CRS (heights unchanged)."""

    def __init__(self, source: CRS, target: CRS, *, swap_axes: bool = False) -> None:
        src, dst = horizontal(source), horizontal(target)
        self.identity = src.equals(dst, ignore_axis_order=True) and not swap_axes
        self._tr = None if src.equals(dst, ignore_axis_order=True) else Transformer.from_crs(src, dst, always_xy=True)
        self._swap = swap_axes

    def __call__(self, xyz: np.ndarray) -> np.ndarray:
        """Transform an (n, 2) or (n, 3) array of source coordinates (as written in the file)."""
        out = np.array(xyz, dtype=float, copy=True)
        if self._swap:  # file order is lat/lon or northing/easting
            out[:, [0, 1]] = out[:, [1, 0]]
        if self._tr is not None:
            out[:, 0], out[:, 1] = self._tr.transform(out[:, 0], out[:, 1])
        return out


def file_axes_swapped(name: str) -> bool:
    """True where a file that names its CRS so writes northing/latitude first.

    OGC URNs and http URIs use the official EPSG axis order (EPSG:4258 and the Gauss-Krüger
    systems are northing first); AdV names and short ``EPSG:xxxx`` names are written
    easting/longitude first, as German data (Rechtswert, Hochwert) always are.
    """
    text = str(name).strip().lower()
    if not text.startswith(("urn:ogc:", "http://www.opengis.net/def/crs", "https://www.opengis.net/def/crs")):
        return False
    axes = horizontal(resolve_crs(name)).axis_info
    return bool(axes) and axes[0].direction.lower() in ("north", "south")


def project_crs(epsg: int, vertical: int | None = 7837) -> CRS:
    """The project CRS: EPSG horizontal code, compound with a height system where given."""
    if vertical:
        return _compound([epsg, vertical], f"EPSG:{epsg}+{vertical}")
    return _epsg(epsg, f"EPSG:{epsg}")
