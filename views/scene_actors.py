"""The scene on a pyvista plotter: one actor per layer, the oblique camera, picking (no widgets)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pyvista as pv
from vtkmodules.vtkCommonDataModel import vtkStaticCellLocator
from vtkmodules.vtkRenderingCore import vtkActor, vtkCamera, vtkCellPicker

from layers.scene import Scene, SceneLayer, scale_denominator

SKY_BOTTOM = "#e9eef2"
SKY_TOP = "#9db9d6"
#: camera looks from the south-south-west, this many degrees above the horizon
CAMERA_AZIMUTH_DEG = 200.0
CAMERA_ELEVATION_DEG = 38.0
#: share of the view (each direction from the centre) that the scene's bounding box fills after a reset
VIEW_FILL = 0.96
#: share of unshaded colour, so that walls facing away from the light keep their declared colour
AMBIENT = 0.3
HIGHLIGHT_COLOUR = "#ffd400"
_HIGHLIGHT = "_auswahl"
#: screen size of a point, per layer kind drawn as points
POINT_SIZE = {"points": 9.0, "pointcloud": 2.0}
#: half the side of the square cut out of the terrain around the view's focal point, in metres
CUTAWAY_HALF_SIZE_M = 150.0


@dataclass(frozen=True)
class Pick:
    """A picked cell: layer name, cell id in that layer's mesh, hit point in local coordinates."""

    layer: str
    cell_id: int
    position: np.ndarray


class SceneActors:
    """Draws a :class:`Scene` on a plotter and answers picks in VTK display coordinates."""

    def __init__(self, plotter: pv.BasePlotter) -> None:
        self.plotter = plotter
        self.actors: dict[str, vtkActor] = {}
        self._layers: dict[str, SceneLayer] = {}
        self._wanted: dict[str, bool] = {}  # the user's choice in the layer tree
        self._picker = vtkCellPicker()
        self._picker.SetTolerance(0.0005)
        plotter.set_background(SKY_BOTTOM, top=SKY_TOP)
        # the declared scale range (min_scale/max_scale) is applied before every frame
        plotter.renderer.AddObserver("StartEvent", lambda *_: self._apply_scale_range())

    def scale(self) -> float:
        """Current map scale denominator of the view (1:N at the focal point)."""
        camera = self.plotter.renderer.GetActiveCamera()
        height = self.plotter.renderer.GetSize()[1]
        return scale_denominator(camera.GetDistance(), camera.GetViewAngle(), height)

    def _apply_scale_range(self) -> None:
        if not self.actors:
            return
        scale = self.scale()
        for name, actor in self.actors.items():
            show = self._wanted.get(name, True) and self._layers[name].visible_at(scale)
            if bool(actor.GetVisibility()) != show:
                actor.SetVisibility(show)

    def show(self, scene: Scene, visible: Mapping[str, bool]) -> None:
        """Replace all actors by one actor per non-empty layer of ``scene``."""
        for actor in self.actors.values():
            self.plotter.remove_actor(actor, render=False)
        self.plotter.remove_actor(_HIGHLIGHT, render=False)
        self.actors.clear()
        self._layers.clear()
        self._picker.RemoveAllLocators()
        self._cut = None
        for layer in scene.layers:
            if layer.is_empty:
                continue
            kind = layer.config.kind
            extra = {}
            if kind in POINT_SIZE:  # vertex-only meshes: drawn as points (spheres for single features)
                extra = dict(style="points", point_size=POINT_SIZE[kind],
                             render_points_as_spheres=kind == "points")
            actor = self.plotter.add_mesh(layer.mesh, scalars="rgba", rgb=True, opacity=layer.opacity,
                                          ambient=AMBIENT, diffuse=1.0 - AMBIENT, show_scalar_bar=False,
                                          name=layer.name, render=False, **extra)
            self._wanted[layer.name] = visible.get(layer.name, layer.visible)
            actor.SetVisibility(self._wanted[layer.name])
            self._layers[layer.name] = layer
            mapper = actor.GetMapper()
            mapper.Update()  # the picker reports cells of the mapper's input; index exactly that
            locator = vtkStaticCellLocator()
            locator.SetDataSet(mapper.GetInput())
            locator.BuildLocator()
            self._picker.AddLocator(locator)  # the picker keeps the reference
            self.actors[layer.name] = actor

    def terrain_layers(self) -> list[str]:
        """Names of the drawn layers of kind terrain."""
        return [n for n, layer in self._layers.items() if layer.config.kind == "terrain"]

    def set_opacity(self, name: str, opacity: float) -> None:
        """Opacity (0 … 1) of a drawn layer, e.g. a transparent terrain over the sewer pipes."""
        if name in self.actors:
            self.actors[name].GetProperty().SetOpacity(float(min(max(opacity, 0.0), 1.0)))

    def opacity(self, name: str) -> float:
        return float(self.actors[name].GetProperty().GetOpacity())

    def set_cutaway(self, enabled: bool, half_size: float = CUTAWAY_HALF_SIZE_M) -> None:
        """Cut a square hole (all heights) into the terrain around the focal point, or close it again.

        What lies under the ground (sewer pipes) can then be seen from above; the hole follows the
        view only when this is called again.
        """
        self._cut = None
        if enabled:
            fx, fy, _ = self.plotter.renderer.GetActiveCamera().GetFocalPoint()
            self._cut = (fx - half_size, fx + half_size, fy - half_size, fy + half_size)
        for name in self.terrain_layers():
            mesh = self._layers[name].mesh
            if self._cut is not None:
                z0, z1 = mesh.bounds[4] - 1.0, mesh.bounds[5] + 1.0
                mesh = mesh.clip_box([*self._cut, z0, z1], invert=True).extract_surface(algorithm="dataset_surface")
            self.actors[name].GetMapper().SetInputData(mesh)
        self._rebuild_locators()

    @property
    def cutaway(self) -> tuple[float, float, float, float] | None:
        """The cut-out square (xmin, xmax, ymin, ymax) in local coordinates, or None."""
        return self._cut

    def _rebuild_locators(self) -> None:
        self._picker.RemoveAllLocators()
        for actor in self.actors.values():
            mapper = actor.GetMapper()
            mapper.Update()
            locator = vtkStaticCellLocator()
            locator.SetDataSet(mapper.GetInput())
            locator.BuildLocator()
            self._picker.AddLocator(locator)

    def set_visible(self, name: str, visible: bool) -> None:
        """The user's choice; drawn only where the layer's scale range also admits the current view."""
        self._wanted[name] = visible
        if name in self.actors:
            self.actors[name].SetVisibility(visible and self._layers[name].visible_at(self.scale()))

    def is_visible(self, name: str) -> bool:
        return name in self.actors and bool(self.actors[name].GetVisibility())

    def highlight(self, scene: Scene, layer_name: str | None, cell_id: int = -1) -> None:
        """Outline the feature that owns a cell (one extra actor); ``layer_name=None`` removes it."""
        self.plotter.remove_actor(_HIGHLIGHT, render=False)
        if layer_name is None:
            return
        mesh = scene.layer(layer_name).mesh
        ids = mesh.cell_data["feature_id"]
        part = mesh.extract_cells(np.flatnonzero(ids == ids[cell_id])).extract_surface(algorithm="dataset_surface")
        edges = part.extract_feature_edges(feature_angle=30, boundary_edges=True, feature_edges=True,
                                           manifold_edges=False, non_manifold_edges=False)
        if edges.n_cells:
            self.plotter.add_mesh(edges, color=HIGHLIGHT_COLOUR, line_width=2, name=_HIGHLIGHT, pickable=False,
                                  render=False)
        elif part.n_points:  # a point feature (tree, meter) has no edges: mark the point itself
            self.plotter.add_mesh(pv.PolyData(part.points), color=HIGHLIGHT_COLOUR, point_size=18,
                                  render_points_as_spheres=True, name=_HIGHLIGHT, pickable=False, render=False)

    def reset_camera(self, aspect: float) -> None:
        """Oblique view onto everything drawn, z up, fitted to a view of ``aspect`` (width / height)."""
        if not self.actors:
            return
        b = np.array([a.GetBounds() for a in self.actors.values()])
        lo, hi = b[:, 0::2].min(axis=0), b[:, 1::2].max(axis=0)
        centre = (lo + hi) / 2
        az, el = math.radians(CAMERA_AZIMUTH_DEG), math.radians(CAMERA_ELEVATION_DEG)
        direction = np.array([math.sin(az) * math.cos(el), math.cos(az) * math.cos(el), math.sin(el)])
        self.plotter.camera_position = [tuple(centre + direction), tuple(centre), (0.0, 0.0, 1.0)]
        self.plotter.reset_camera(bounds=[lo[0], hi[0], lo[1], hi[1], lo[2], hi[2]])
        # the bounding sphere is loose for a flat tile: centre the box on screen, then narrow the view angle
        # until its corners fill the view (twice, since perspective makes both steps approximate)
        camera = self.plotter.renderer.GetActiveCamera()
        corners = np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
        for _ in range(2):
            ndc = _ndc(camera, corners, aspect)
            shift = (ndc.min(axis=0) + ndc.max(axis=0)) / 2
            half_height = camera.GetDistance() * math.tan(math.radians(camera.GetViewAngle()) / 2)
            up = np.array(camera.GetViewUp())
            right = np.cross(np.array(camera.GetDirectionOfProjection()), up)
            offset = half_height * (shift[0] * aspect * right + shift[1] * up)
            camera.SetFocalPoint(*(np.array(camera.GetFocalPoint()) + offset))
            camera.SetPosition(*(np.array(camera.GetPosition()) + offset))
            extent = np.abs(_ndc(camera, corners, aspect)).max()
            half = math.atan(math.tan(math.radians(camera.GetViewAngle()) / 2) * extent / VIEW_FILL)
            camera.SetViewAngle(math.degrees(2 * half))
        self.plotter.renderer.ResetCameraClippingRange()

    def pick(self, x: int, y: int) -> Pick | None:
        """The visible cell at display position (x, y) (origin bottom left, device pixels)."""
        if not self.actors or not self._picker.Pick(x, y, 0, self.plotter.renderer):
            return None
        hit = self._picker.GetActor()
        for name, actor in self.actors.items():
            if actor is hit:
                return Pick(name, int(self._picker.GetCellId()), np.array(self._picker.GetPickPosition()))
        return None

    def to_display(self, xyz: np.ndarray) -> tuple[float, float]:
        """Local scene coordinates -> display position (origin bottom left, device pixels)."""
        ren = self.plotter.renderer
        ren.SetWorldPoint(float(xyz[0]), float(xyz[1]), float(xyz[2]), 1.0)
        ren.WorldToDisplay()
        x, y, _ = ren.GetDisplayPoint()
        return x, y

    def image(self) -> np.ndarray:
        """Render and return the current frame as an RGB array (rows top to bottom)."""
        self.plotter.render()
        return np.asarray(self.plotter.screenshot(return_img=True))[:, :, :3]


def _ndc(camera: vtkCamera, points: np.ndarray, aspect: float) -> np.ndarray:
    """Normalised device x, y (-1 … 1) of world points for a view of ``aspect``."""
    m = camera.GetCompositeProjectionTransformMatrix(aspect, -1, 1)
    proj = np.array([[m.GetElement(i, j) for j in range(4)] for i in range(4)])
    clip = np.c_[points, np.ones(len(points))] @ proj.T
    return clip[:, :2] / clip[:, 3:]
