"""Before/after 3D views of a planning variant for the council report, rendered without a window.

The scene of the Bestand and the scene of the variant are built by the layer engine (through the role, if
one is given) and drawn by :class:`views.scene_actors.SceneActors` on an offscreen pyvista plotter (no Qt
widget; EGL without a display, else the display's OpenGL). Each viewpoint gets one camera, used for both
pictures, so that they differ only where the variant changes something.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyvista as pv

from layers.scene import Scene, build_scene
from twin.errors import ReportError
from twin.project import Project
from twin.report.content import ViewPair, Viewpoint
from twin.report.viewpoints import VIEW_ANGLE_DEG, describe
from views.scene_actors import CAMERA_AZIMUTH_DEG, CAMERA_ELEVATION_DEG, POINT_SIZE, SceneActors

#: pixels of one picture (width, height): 174 mm wide on A4 at about 220 dpi
IMAGE_SIZE = (1530, 900)
#: default distance [m] of a viewpoint with a centre but no distance
DEFAULT_DISTANCE_M = 250.0
#: point features (trees, sensors) are drawn larger than in the app when the view is close (the pictures are
#: printed): POINT_SCALE_M / camera distance times the app's size, between 1 and POINT_SCALE_MAX
POINT_SCALE_M = 650.0
POINT_SCALE_MAX = 2.5
#: terrain heights within this radius of a viewpoint's centre give the height looked at
GROUND_RADIUS_M = 25.0

Camera = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float], float]


def render_views(project: Project, variant_id: str, viewpoints: Sequence[Viewpoint], *, role: str | None = None,
                 size: tuple[int, int] = IMAGE_SIZE, progress: Callable[[float, str], None] | None = None,
                 check: Callable[[], None] | None = None) -> list[ViewPair]:
    """One :class:`ViewPair` (Bestand, variant) per viewpoint. ``check()`` may raise
    :class:`~twin.errors.Cancelled` between steps; :class:`ReportError` if the scene has nothing to draw."""
    progress = progress or (lambda f, m: None)
    check = check or (lambda: None)
    progress(0.0, "Baue die Szene des Bestands …")
    before = build_scene(project, role=role, highlight=variant_id,
                         progress=lambda f, m: progress(0.4 * f, f"Bestand: {m}"))
    check()
    after = build_scene(project, variant=variant_id, role=role,
                        progress=lambda f, m: progress(0.4 + 0.4 * f, f"Variante: {m}"))
    check()
    if all(layer.is_empty for layer in before.layers):
        raise ReportError("Für die 3D-Ansichten fehlen Daten: weder Gelände noch Gebäude oder andere Layer sind "
                          "im Projekt – bitte zuerst ein Geländemodell (DGM) und Gebäude importieren.")
    plotter = pv.Plotter(off_screen=True, window_size=list(size))
    try:
        actors = SceneActors(plotter)
        aspect = size[0] / size[1]
        shots: dict[str, list[np.ndarray]] = {vp.name: [] for vp in viewpoints}
        cameras: dict[str, Camera] = {}
        steps = 2 * max(len(viewpoints), 1)
        done = 0
        for scene, label in ((before, "Bestand"), (after, "Variante")):
            actors.show(scene, {})
            for vp in viewpoints:
                check()
                progress(0.8 + 0.2 * done / steps, f"Ansicht „{vp.name}“ ({label}) …")
                if vp.name not in cameras:
                    cameras[vp.name] = _camera(actors, scene, vp, aspect)
                _apply(plotter, cameras[vp.name])
                _scale_points(actors, scene)
                shots[vp.name].append(actors.image())
                done += 1
    finally:
        plotter.close()
    progress(1.0, "Ansichten fertig")
    return [ViewPair(vp, shots[vp.name][0], shots[vp.name][1], describe(vp, project.config.project.crs))
            for vp in viewpoints]


def _scale_points(actors: SceneActors, scene: Scene) -> None:
    """Point layers larger in a close view, so that a planted tree is still a visible dot on paper."""
    distance = actors.plotter.renderer.GetActiveCamera().GetDistance()
    factor = min(POINT_SCALE_MAX, max(1.0, POINT_SCALE_M / max(distance, 1.0)))
    for name, actor in actors.actors.items():
        kind = scene.layer(name).config.kind
        if kind in POINT_SIZE:
            actor.GetProperty().SetPointSize(POINT_SIZE[kind] * factor)


def _direction(azimuth: float, elevation: float) -> np.ndarray:
    """Unit vector from the point looked at towards the camera."""
    az, el = math.radians(azimuth), math.radians(elevation)
    return np.array([math.sin(az) * math.cos(el), math.cos(az) * math.cos(el), math.sin(el)])


def _camera(actors: SceneActors, scene: Scene, vp: Viewpoint, aspect: float) -> Camera:
    """Position, focal point, view-up and view angle of a viewpoint on the drawn scene."""
    camera = actors.plotter.renderer.GetActiveCamera()
    if vp.centre is None:
        actors.reset_camera(aspect)  # the app's overview, fitted to everything drawn
        focal = np.array(camera.GetFocalPoint())
        distance = vp.distance or camera.GetDistance()
        if (vp.azimuth, vp.elevation) == (CAMERA_AZIMUTH_DEG, CAMERA_ELEVATION_DEG) and vp.distance is None:
            return (tuple(camera.GetPosition()), tuple(focal), (0.0, 0.0, 1.0), camera.GetViewAngle())
        position = focal + distance * _direction(vp.azimuth, vp.elevation)
        return (tuple(position), tuple(focal), (0.0, 0.0, 1.0), camera.GetViewAngle())
    local = np.array([vp.centre[0], vp.centre[1], 0.0]) - scene.origin
    local[2] = _ground(scene, local[0], local[1])
    position = local + (vp.distance or DEFAULT_DISTANCE_M) * _direction(vp.azimuth, vp.elevation)
    return (tuple(position), tuple(local), (0.0, 0.0, 1.0), VIEW_ANGLE_DEG)


def _ground(scene: Scene, x: float, y: float) -> float:
    """Terrain height near (x, y) (local coordinates); without terrain the middle height of the scene."""
    for layer in scene.layers:
        if layer.config.kind != "terrain" or layer.is_empty:
            continue
        pts = np.asarray(layer.mesh.points)
        d2 = (pts[:, 0] - x) ** 2 + (pts[:, 1] - y) ** 2
        near = d2 <= GROUND_RADIUS_M ** 2
        return float(np.median(pts[near, 2])) if near.any() else float(pts[np.argmin(d2), 2])
    bounds = np.array([layer.mesh.bounds for layer in scene.layers if not layer.is_empty])
    return float((bounds[:, 4].min() + bounds[:, 5].max()) / 2)


def _apply(plotter: pv.Plotter, camera: Camera) -> None:
    position, focal, up, angle = camera
    cam = plotter.renderer.GetActiveCamera()
    cam.SetPosition(*position)
    cam.SetFocalPoint(*focal)
    cam.SetViewUp(*up)
    cam.SetViewAngle(angle)
    plotter.renderer.ResetCameraClippingRange()
