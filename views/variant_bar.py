"""The planning-variant toolbar: choose "Bestand" or a variant, compare before/after (toggle or split view).

Choosing a variant builds two scenes in a worker: the variant (``build_scene(variant=…)``) and the base data
with the variant's changes marked (``highlight=…``). The main 3D view shows one of them (toggle
"Vorher/Nachher"); the split view adds a second renderer to the same render window for the base data on the
left, sharing the camera with the main view on the right, so both move together. Changed features get a
bright outline (buildings, areas) or bright, larger points (trees) in both views.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pyvista as pv
from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar
from vtkmodules.vtkRenderingCore import vtkCamera

from importers.base import CancelToken, ProgressFn
from layers.scene import Scene, build_scene
from twin.variants import list_variants
from views import notify
from views.scene_actors import SceneActors
from views.workers import OK, Worker

if TYPE_CHECKING:
    from views.main_window import MainWindow

CHANGED_COLOUR = "#ff1fd0"
_PREFIX = "_variante_"
_LABEL = "_variante_titel"
#: smallest side of the box the camera frames around the changes [m]
FRAME_MIN_M = 100.0


def draw_changes(plotter: pv.BasePlotter, scene: Scene, visible: Mapping[str, bool]) -> list[str]:
    """Outline (areas, buildings, pipes) or bright points (trees) for the cells marked ``changed``; returns the
    names of the actors added (one per layer)."""
    names = []
    for layer in scene.layers:
        mesh = layer.mesh
        if layer.is_empty or "changed" not in mesh.cell_data or not mesh.cell_data["changed"].any():
            continue
        part = mesh.extract_cells(np.flatnonzero(mesh.cell_data["changed"]))
        name = _PREFIX + layer.name
        if layer.config.kind in ("points", "pointcloud"):
            actor = plotter.add_mesh(pv.PolyData(np.asarray(part.points)), color=CHANGED_COLOUR, point_size=15,
                                     render_points_as_spheres=True, name=name, pickable=False, render=False)
        else:
            edges = part.extract_surface(algorithm="dataset_surface").extract_feature_edges(
                feature_angle=30, boundary_edges=True, feature_edges=True, manifold_edges=False,
                non_manifold_edges=False)
            actor = plotter.add_mesh(edges, color=CHANGED_COLOUR, line_width=4, name=name, pickable=False,
                                     render=False)
        actor.SetVisibility(visible.get(layer.name, layer.visible))
        names.append(name)
    return names


def label_text(plotter: pv.BasePlotter, text: str) -> None:
    """A fixed-size caption at the top left of the plotter's (active) renderer."""
    plotter.add_text(text, position=(0.015, 0.955), viewport=True, font_size=10, color="black", name=_LABEL)


def changed_bounds(scene: Scene) -> np.ndarray | None:
    """Bounding box (xmin, xmax, ymin, ymax, zmin, zmax) of all changed cells, or None."""
    boxes = [layer.mesh.extract_cells(np.flatnonzero(layer.mesh.cell_data["changed"])).bounds
             for layer in scene.layers if not layer.is_empty and "changed" in layer.mesh.cell_data
             and layer.mesh.cell_data["changed"].any()]
    if not boxes:
        return None
    b = np.array(boxes)
    return np.array([b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max(), b[:, 4].min(), b[:, 5].max()])


class BaseSide:
    """The left half of the split view: the base data in a second renderer of the main render window."""

    def __init__(self, main: pv.BasePlotter) -> None:
        self.main = main
        self.helper = pv.Plotter(off_screen=True)  # builds the actors; never renders itself
        self.actors = SceneActors(self.helper)
        self.renderer = self.helper.renderer
        self.highlights: list[str] = []
        main.renderer.SetViewport(0.5, 0.0, 1.0, 1.0)
        self.renderer.SetViewport(0.0, 0.0, 0.5, 1.0)
        main.ren_win.AddRenderer(self.renderer)
        self.renderer.SetActiveCamera(main.renderer.GetActiveCamera())

    def show(self, scene: Scene, visible: Mapping[str, bool], label: str) -> None:
        """Draw ``scene`` (with its changes outlined) on the left; the shared camera stays untouched."""
        self.renderer.SetActiveCamera(vtkCamera())  # adding meshes may reset the camera: not the shared one
        for name in self.highlights:
            self.helper.remove_actor(name, render=False)
        self.actors.show(scene, visible)
        self.highlights = draw_changes(self.helper, scene, visible)
        label_text(self.helper, label)
        self.renderer.SetActiveCamera(self.main.renderer.GetActiveCamera())

    def set_visible(self, name: str, visible: bool) -> None:
        self.actors.set_visible(name, visible)
        if _PREFIX + name in self.highlights:
            self.helper.actors[_PREFIX + name].SetVisibility(visible)

    def close(self) -> None:
        self.main.ren_win.RemoveRenderer(self.renderer)
        self.main.renderer.SetViewport(0.0, 0.0, 1.0, 1.0)
        self.renderer.RemoveAllViewProps()
        self.helper.close()


class VariantBar(QToolBar):
    """Toolbar "Planungsvarianten" of the main window; ``variant_shown`` fires when a choice is drawn."""

    variant_shown = Signal(object)  # variant id or None (Bestand)

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Planungsvarianten", window)
        self.setObjectName("Planungsvarianten")
        self.main = window
        self.variant: str | None = None
        self.scenes: dict[str, Scene] = {}  # "variant" and "base" (with the variant's changes marked)
        self.base_side: BaseSide | None = None
        self._expected: Scene | None = None
        self._highlights: list[str] = []
        self._generation = 0
        self._workers: set[Worker] = set()

        self.addWidget(QLabel(" Variante: "))
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(34)
        self.combo.setToolTip("Bestand oder eine Planungsvariante in der 3D-Ansicht zeigen")
        self.combo.currentIndexChanged.connect(self._on_combo)
        self.addWidget(self.combo)
        self.before = QAction("Vorher/Nachher", self, checkable=True)
        self.before.setToolTip("Umschalten: Nachher (Variante) oder Vorher (Bestand), Änderungen hervorgehoben")
        self.before.toggled.connect(lambda _: self._present())
        self.addAction(self.before)
        self.split = QAction("Geteilte Ansicht", self, checkable=True)
        self.split.setToolTip("Links Bestand, rechts Variante – beide Ansichten bewegen sich gemeinsam")
        self.split.toggled.connect(self._on_split)
        self.addAction(self.split)
        self.frame = QAction("Änderungen zeigen", self)
        self.frame.setToolTip("Ansicht auf die geänderten Objekte der Variante ausrichten")
        self.frame.triggered.connect(self.frame_changes)
        self.addAction(self.frame)
        self.status = QLabel()
        self.addWidget(self.status)

        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        window.scene_ready.connect(self._on_scene_ready)
        window.layer_tree.visibility_changed.connect(self._on_layer_visible)
        window.installEventFilter(self)
        self.refresh_variants()

    # ----------------------------------------------------------------- choice
    def refresh_variants(self) -> None:
        """Fill the list: "Bestand" and every variant with its release state (role filtering: later, policy)."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("Bestand", None)
        for v in list_variants(self.main.project.store, None):
            self.combo.addItem(f"{v.title} ({v.state_label})", v.id)
            self.combo.setItemData(self.combo.count() - 1, v.description or v.title, Qt.ItemDataRole.ToolTipRole)
        index = self.combo.findData(self.variant)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._update_controls()

    def variant_ids(self) -> list[str | None]:
        return [self.combo.itemData(i) for i in range(self.combo.count())]

    def select_variant(self, variant_id: str | None) -> None:
        """Show the base data (None) or a variant; ``variant_shown`` follows."""
        index = self.combo.findData(variant_id)
        if index < 0:
            raise KeyError(variant_id)
        if index == self.combo.currentIndex():
            self._on_combo(index)
        else:
            self.combo.setCurrentIndex(index)

    @Slot(int)
    def _on_combo(self, index: int) -> None:
        self.variant = self.combo.itemData(index)
        self.scenes = {}
        if self.variant is None:
            self._close_split()  # nothing to compare
        self._generation += 1
        generation, project, variant = self._generation, self.main.project, self.variant
        self.main.statusBar().showMessage("Baue Variante …" if variant else "Baue Bestand …")
        self._update_controls()

        def task(progress: ProgressFn, cancel: CancelToken) -> tuple[int, dict[str, Scene]]:
            if variant is None:
                return generation, {"base": build_scene(project)}
            return generation, {"variant": build_scene(project, variant=variant),
                                "base": build_scene(project, highlight=variant)}

        worker = Worker(task, self)
        self._workers.add(worker)
        worker.done.connect(self._built)
        worker.finished.connect(lambda w=worker: (self._workers.discard(w), w.deleteLater()))
        worker.start()

    @Slot(str, object)
    def _built(self, outcome: str, payload: object) -> None:
        if outcome != OK:
            notify.error(self.main, f"Die Variante kann nicht angezeigt werden: {payload}")
            return
        generation, scenes = payload
        if generation == self._generation:
            self.scenes = scenes
            self._present()

    # ----------------------------------------------------------------- showing
    def showing_before(self) -> bool:
        """Whether the main view shows the base data of a chosen variant ("Vorher")."""
        return self.variant is not None and self.before.isChecked() and self.base_side is None

    def _present(self) -> None:
        """Put the scene that the controls ask for into the main view (the right half when split)."""
        if not self.scenes:
            return
        key = "base" if self.variant is None or self.showing_before() else "variant"
        self._expected = self.scenes[key]
        if self.main.scene is self._expected:
            self._on_scene_ready()
            return
        what = "Bestand" if key == "base" else f"Variante „{self.combo.currentText()}“"
        self.main.set_scene(self._expected, f"Angezeigt: {what}")

    @Slot()
    def _on_scene_ready(self) -> None:
        scene = self.main.scene
        if scene is None:
            return
        if scene is not self._expected:  # a scene from elsewhere (after an import): back to the base data
            self._expected = None
            self.scenes = {}
            self._close_split()
            self.variant = None
            self.refresh_variants()
            return
        plotter, visible = self.main.view.actors.plotter, self.main._visible
        for name in self._highlights:
            plotter.remove_actor(name, render=False)
        plotter.remove_actor(_LABEL, render=False)
        self._highlights = draw_changes(plotter, scene, visible) if self.variant else []
        if self.variant:
            label_text(plotter, "Vorher: Bestand" if scene.variant is None else "Nachher: Variante")
        if self.base_side is not None:
            self.base_side.show(self.scenes["base"], visible, "Vorher: Bestand")
        self._update_controls()
        self.main.view.refresh()
        self.variant_shown.emit(self.variant)

    @Slot(bool)
    def _on_split(self, enabled: bool) -> None:
        if enabled and self.base_side is None and self.variant is not None:
            self.base_side = BaseSide(self.main.view.actors.plotter)
            surface = self.main.view.surface
            self.main.view.actors.reset_camera(surface.width() / 2 / max(1, surface.height()))
        elif not enabled:
            self._close_split()
        if self.main.scene is self._expected and self.scenes.get("variant") is self._expected:
            self._on_scene_ready()  # the variant is in the main view already: draw the left side
        else:
            self._present()

    def _close_split(self) -> None:
        if self.base_side is not None:
            self.base_side.close()
            self.base_side = None
        if self.split.isChecked():
            self.split.blockSignals(True)
            self.split.setChecked(False)
            self.split.blockSignals(False)

    @Slot()
    def frame_changes(self) -> None:
        """Point the camera at the changed features (keeping its direction)."""
        scene = self.main.scene
        b = changed_bounds(scene) if scene is not None else None
        if b is None:
            return
        centre = (b[0::2] + b[1::2]) / 2
        half = np.maximum((b[1::2] - b[0::2]) / 2, [FRAME_MIN_M / 2, FRAME_MIN_M / 2, 5.0])
        box = np.ravel(np.column_stack([centre - half, centre + half]))
        renderer = self.main.view.actors.plotter.renderer
        renderer.ResetCamera(*box)
        renderer.ResetCameraClippingRange()  # for everything drawn, not only the box
        self.main.view.refresh()

    @Slot(str, bool)
    def _on_layer_visible(self, name: str, visible: bool) -> None:
        plotter = self.main.view.actors.plotter
        if _PREFIX + name in self._highlights:
            plotter.actors[_PREFIX + name].SetVisibility(visible)
        if self.base_side is not None:
            self.base_side.set_visible(name, visible)
        self.main.view.refresh()

    def _update_controls(self) -> None:
        chosen = self.variant is not None
        self.before.setEnabled(chosen and self.base_side is None)
        self.split.setEnabled(chosen)
        self.frame.setEnabled(chosen)
        if not chosen:
            self.status.setText("  Bestand")
        elif self.base_side is not None:
            self.status.setText("  Links Vorher (Bestand), rechts Nachher (Variante)")
        else:
            self.status.setText("  Vorher (Bestand)" if self.showing_before() else "  Nachher (Variante)")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Before the main window closes its 3D view: remove the split view's renderer, stop workers."""
        if watched is self.main and event.type() == QEvent.Type.Close:
            for worker in list(self._workers):
                worker.dismiss()
            self._close_split()
        return super().eventFilter(watched, event)
