"""Turning a declared style into colours (RGBA uint8 per cell or point)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from twin.config import StyleConfig


def hex_rgba(colour: str, opacity: float = 1.0) -> np.ndarray:
    """'#rrggbb' or '#rrggbbaa' -> uint8 RGBA."""
    c = colour.lstrip("#")
    rgba = [int(c[i:i + 2], 16) for i in range(0, len(c), 2)]
    if len(rgba) == 3:
        rgba.append(round(255 * opacity))
    return np.array(rgba, dtype=np.uint8)


def class_colours(values: Sequence[object], style: StyleConfig) -> np.ndarray:
    """RGBA per value: ``style.color`` for all, else ``style.classes[value]``, else ``default_color``."""
    n = len(values)
    if style.color:
        return np.tile(hex_rgba(style.color), (n, 1))
    table = {k: hex_rgba(v) for k, v in style.classes.items()}
    default = hex_rgba(style.default_color)
    return np.array([table.get(str(v), default) for v in values], dtype=np.uint8).reshape(n, 4)


def ramp_colours(values: np.ndarray, colormap: str | None, vmin: float, vmax: float) -> np.ndarray:
    """RGBA from a matplotlib colour ramp for numeric values (NaN -> transparent)."""
    from matplotlib import colormaps

    cmap = colormaps[colormap or "viridis"]
    span = (vmax - vmin) or 1.0
    rgba = cmap(np.clip((values - vmin) / span, 0, 1), bytes=True)
    rgba[~np.isfinite(values)] = 0
    return rgba.astype(np.uint8)
