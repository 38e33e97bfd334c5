"""The desktop app (PySide6): main window, 3D view, layer tree, inspector, import workers."""
