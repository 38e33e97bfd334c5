"""Writing Cloud-Optimized GeoTIFFs (the raster format of every project raster)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio
import rasterio.shutil
from rasterio.transform import Affine


def write_cog(path: Path, bands: np.ndarray | list[np.ndarray], *, transform: Affine, crs, nodata: float | int,
              descriptions: list[str] | None = None) -> None:
    """One raster ``(ny, nx)`` or a list of them (bands) as COG at ``path`` (DEFLATE, 256-pixel blocks,
    float predictor for floating-point data).

    Bands are written one by one into a scratch GeoTIFF beside ``path`` (no stacked copy in memory), then
    GDAL copies it to the COG; the scratch file is removed in any case.
    """
    layers = [bands] if isinstance(bands, np.ndarray) and bands.ndim == 2 else list(bands)
    first = layers[0]
    scratch = path.with_name(f".{path.name}.scratch")
    profile = dict(driver="GTiff", dtype=first.dtype.name, count=len(layers), width=first.shape[1],
                   height=first.shape[0], crs=crs, transform=transform, nodata=nodata, tiled=True,
                   blockxsize=256, blockysize=256)
    try:
        with rasterio.open(scratch, "w", **profile) as dst:
            for i, band in enumerate(layers, start=1):
                dst.write(band, i)
            for i, d in enumerate(descriptions or [], start=1):
                dst.set_band_description(i, d)
        predictor = 3 if first.dtype.kind == "f" else 2
        rasterio.shutil.copy(scratch, path, driver="COG", compress="DEFLATE", predictor=predictor,
                             blocksize=256, bigtiff="IF_SAFER")
    finally:
        scratch.unlink(missing_ok=True)
