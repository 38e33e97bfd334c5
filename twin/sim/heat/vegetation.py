"""Trees as crowns on the grid: a vegetation canopy model (crown top and base per cell) and the share of
short-wave radiation a crown lets through.

Each tree's crown covers a disc of the crown diameter. Its top is the upper half of an ellipsoid of
revolution between the crown base (trunk height) and the tree height (at the rim: halfway up); its base
is flat at the trunk height everywhere under the crown – SOLWEIG's trunk zone, through which a low sun
shines in under the crown. Overlapping crowns take the highest top and the lowest base.
Transmissivity follows SOLWEIG practice (Lindberg & Grimmond 2011: 3 % for dense summer crowns); leafless
deciduous crowns let about half through (Konarska et al. 2014 measured 0.36–0.64 in winter)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rasterio.transform import Affine

from twin.errors import ConfigError

NO_CROWN = np.float32(-1e30)  # crown top/base of cells without vegetation: no ray ever hits it
TRUNK_SHARE = 0.25  # crown base at this share of the height when the cadastre has no trunk height (SOLWEIG)
#: genera whose crowns stay green all year (conifers except larch, plus evergreen broadleaves)
EVERGREEN = frozenset({"abies", "cedrus", "chamaecyparis", "cupressus", "ilex", "juniperus", "picea", "pinus",
                       "pseudotsuga", "sequoiadendron", "taxus", "thuja", "tsuga"})
#: short-wave transmissivity of a crown: (in leaf, leafless)
TRANSMISSIVITY = {"laub": (0.03, 0.5), "immergruen": (0.03, 0.03)}
LEAF_MONTHS = range(5, 11)  # May to October: deciduous crowns in leaf


@dataclass(frozen=True)
class Tree:
    """One tree: position (project CRS), height and crown diameter in m, crown base (trunk height) in m
    or None, genus or botanical name (for the transmissivity class)."""

    x: float
    y: float
    height: float
    crown: float
    trunk: float | None = None
    genus: str = ""


@dataclass
class Vegetation:
    """Crowns on a grid: absolute heights of crown top and base (``NO_CROWN`` where there is none) and the
    short-wave transmissivity per cell (1 where there is no crown)."""

    top: np.ndarray
    base: np.ndarray
    transmissivity: np.ndarray

    @property
    def mask(self) -> np.ndarray:
        return self.top > self.base


def genus_class(name: str) -> str:
    """'immergruen' for conifers (not larch) and evergreen broadleaves, else 'laub'."""
    genus = (name or "").strip().split(" ")[0].lower()
    return "immergruen" if genus in EVERGREEN else "laub"


def transmissivity(name: str, month: int) -> float:
    """Crown transmissivity for a genus or botanical name in a month (1–12)."""
    if not 1 <= month <= 12:
        raise ConfigError(f"Monat {month} ungültig (1–12).")
    in_leaf, leafless = TRANSMISSIVITY[genus_class(name)]
    return in_leaf if month in LEAF_MONTHS else leafless


def rasterize_trees(trees: Iterable[Tree], ground: np.ndarray, transform: Affine, month: int = 7) -> Vegetation:
    """Crowns of ``trees`` on the grid of ``ground`` (terrain heights, row 0 north) at ``transform``.

    Trees outside the grid are skipped; a tree with a height or crown diameter ≤ 0 is an error (its
    number in the list is named)."""
    ny, nx = ground.shape
    dx = float(transform.a)
    top = np.full((ny, nx), NO_CROWN, dtype=np.float32)
    base = np.full((ny, nx), -NO_CROWN, dtype=np.float32)
    tau = np.ones((ny, nx), dtype=np.float32)
    inv = ~transform
    for k, t in enumerate(trees, 1):
        if not (t.height > 0 and t.crown > 0):
            raise ConfigError(f"Baum {k} ({t.x:.1f}, {t.y:.1f}): Höhe {t.height} m und Kronendurchmesser "
                              f"{t.crown} m müssen größer als 0 sein.")
        trunk = TRUNK_SHARE * t.height if t.trunk is None else min(max(t.trunk, 0.0), 0.95 * t.height)
        col, row = inv * (t.x, t.y)
        r = 0.5 * t.crown / dx  # radius in cells
        i0, i1 = max(int(np.floor(row - r)), 0), min(int(np.ceil(row + r)) + 1, ny)
        j0, j1 = max(int(np.floor(col - r)), 0), min(int(np.ceil(col + r)) + 1, nx)
        if i0 >= i1 or j0 >= j1:
            continue
        ii, jj = np.mgrid[i0:i1, j0:j1]
        d2 = ((ii + 0.5 - row) ** 2 + (jj + 0.5 - col) ** 2) / max(r * r, 0.25)
        inside = d2 <= 1.0
        if not inside.any():  # a crown smaller than a cell still covers the cell it stands in
            inside = (ii == int(row)) & (jj == int(col))
            d2 = np.zeros_like(d2)
        ri, ci = min(max(int(row), 0), ny - 1), min(max(int(col), 0), nx - 1)
        z0 = float(ground[ri, ci])
        half = 0.5 * (t.height - trunk)
        centre = z0 + trunk + half
        thick = half * np.sqrt(np.clip(1.0 - d2, 0.0, 1.0))
        sub_top, sub_base = top[i0:i1, j0:j1], base[i0:i1, j0:j1]
        sub_top[inside] = np.maximum(sub_top[inside], (centre + thick)[inside])
        sub_base[inside] = np.minimum(sub_base[inside], np.float32(z0 + trunk))
        sub_tau = tau[i0:i1, j0:j1]
        sub_tau[inside] = np.minimum(sub_tau[inside], transmissivity(t.genus, month))
    empty = top <= NO_CROWN
    base[empty] = NO_CROWN
    return Vegetation(top=top, base=base, transmissivity=tau)


def no_vegetation(shape: tuple[int, int]) -> Vegetation:
    """A grid without crowns."""
    return Vegetation(top=np.full(shape, NO_CROWN, np.float32), base=np.full(shape, NO_CROWN, np.float32),
                      transmissivity=np.ones(shape, np.float32))
