"""Result grids draped over the terrain (no Qt): the terrain cells above marked grid cells, each knowing the
grid cell under its centre, so that a display only swaps cell colours and never rebuilds the geometry."""

from __future__ import annotations

import numpy as np
import pyvista as pv


def grid_index(xy: np.ndarray, bounds: tuple[float, float, float, float], shape: tuple[int, int]) -> np.ndarray:
    """Flat index (row 0 north) of the result cell under each point, -1 outside the grid."""
    xmin, ymin, xmax, ymax = bounds
    ny, nx = shape
    col = np.floor((xy[:, 0] - xmin) / ((xmax - xmin) / nx)).astype(np.int64)
    row = np.floor((ymax - xy[:, 1]) / ((ymax - ymin) / ny)).astype(np.int64)
    inside = (col >= 0) & (col < nx) & (row >= 0) & (row < ny)
    return np.where(inside, row * nx + col, -1)


def drape_mesh(terrain: pv.PolyData | None, bounds: tuple[float, float, float, float], wet: np.ndarray,
               origin: np.ndarray, z_grid: np.ndarray | None = None, *, lift: float = 0.3,
               cell_array: str = "grid_cell") -> tuple[pv.PolyData, np.ndarray]:
    """Cells of ``terrain`` (local coordinates) whose centre lies on a result cell marked in ``wet`` (ny, nx),
    lifted by ``lift`` metres; without a terrain mesh a grid of the marked result cells at ``z_grid`` (project
    heights, or 0). Returns the mesh and its cells' flat grid indices (cell data ``cell_array``).
    """
    shape = wet.shape
    flat_wet = np.asarray(wet, dtype=bool).ravel()
    if terrain is not None and terrain.n_cells:
        centres = terrain.cell_centers().points
        idx = grid_index(centres[:, :2] + origin[:2], bounds, shape)
        keep = np.flatnonzero(idx >= 0)
        keep = keep[flat_wet[idx[keep]]]
        if len(keep) == 0:
            return pv.PolyData(), np.zeros(0, dtype=np.int64)
        source = terrain.copy(deep=False)
        source.cell_data[cell_array] = idx
        part = source.extract_cells(keep).extract_surface(algorithm="dataset_surface")
    else:
        xmin, ymin, xmax, ymax = bounds
        ny, nx = shape
        xs = np.linspace(xmin, xmax, nx + 1) - origin[0]
        ys = np.linspace(ymax, ymin, ny + 1) - origin[1]
        gx, gy = np.meshgrid(xs, ys)
        z = np.zeros((ny + 1, nx + 1))
        if z_grid is not None:  # corner heights: mean of the neighbouring cell heights
            zp = np.pad(np.asarray(z_grid, dtype=float), 1, mode="edge")
            z = (zp[:-1, :-1] + zp[1:, :-1] + zp[:-1, 1:] + zp[1:, 1:]) / 4
        grid = pv.StructuredGrid(gx, gy, z - origin[2])
        # structured grid cells run with x fastest in VTK (Fortran order of the (ny+1, nx+1) point arrays)
        rows, cols = np.meshgrid(np.arange(ny), np.arange(nx), indexing="ij")
        grid.cell_data[cell_array] = (rows * nx + cols).ravel(order="F")
        keep = np.flatnonzero(flat_wet[np.asarray(grid.cell_data[cell_array])])
        if len(keep) == 0:
            return pv.PolyData(), np.zeros(0, dtype=np.int64)
        part = grid.extract_cells(keep).extract_surface(algorithm="dataset_surface")
    for name in list(part.point_data):
        del part.point_data[name]
    for name in [n for n in part.cell_data if n != cell_array]:
        del part.cell_data[name]
    part.points[:, 2] += lift
    return part, np.asarray(part.cell_data[cell_array], dtype=np.int64)
