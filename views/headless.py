"""Running without a screen: display detection, a private Xvfb, and the offscreen fallback."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: ``offscreen`` forces Qt's offscreen platform with the image-based 3D view (testing, no Xvfb)
RENDER_ENV = "STADTZWILLING_RENDER"
XVFB_START_TIMEOUT = 15.0


def has_display() -> bool:
    """Whether a window system is reachable (on Linux/BSD: DISPLAY or WAYLAND_DISPLAY is set)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def offscreen_requested() -> bool:
    """Whether the image-based offscreen view must be used (forced, or Qt runs on ``offscreen``)."""
    return os.environ.get(RENDER_ENV) == "offscreen" or os.environ.get("QT_QPA_PLATFORM") == "offscreen"


def no_display_message(directory: str) -> str:
    return (f"Kein Bildschirm gefunden (DISPLAY/WAYLAND_DISPLAY ist nicht gesetzt). Ohne Bildschirm speichert "
            f"„stadtzwilling open {directory} --screenshot bild.png“ ein Bild der Ansicht; für die Bedienung "
            f"„xvfb-run stadtzwilling open {directory}“ oder eine Sitzung mit Bildschirm verwenden.\n"
            f"No display found: use --screenshot bild.png to render headless, or run under xvfb-run.")


@contextmanager
def screenshot_platform(size: tuple[int, int]) -> Iterator[str]:
    """Make Qt able to draw for a screenshot; yields ``display``, ``xvfb`` or ``offscreen``.

    A display is used as is; without one a private Xvfb (free display number, ``WxHx24``)
    runs for the duration; without Xvfb (or with ``STADTZWILLING_RENDER=offscreen``) Qt's
    ``offscreen`` platform and the image-based view are used.
    """
    if not offscreen_requested() and has_display():
        yield "display"
        return
    xvfb = None if offscreen_requested() or shutil.which("Xvfb") is None else start_xvfb(size)
    if xvfb is None:
        with _environ(QT_QPA_PLATFORM="offscreen"):
            yield "offscreen"
        return
    proc, display = xvfb
    try:
        with _environ(DISPLAY=display, QT_QPA_PLATFORM="xcb", WAYLAND_DISPLAY=None):
            yield "xvfb"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_xvfb(size: tuple[int, int]) -> tuple[subprocess.Popen, str] | None:
    """Start Xvfb on a free display number (``-displayfd``); None if it does not come up."""
    read_fd, write_fd = os.pipe()
    try:
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + XVFB_START_TIMEOUT
    try:
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_fd], [], [], deadline - time.monotonic())
            chunk = os.read(read_fd, 16) if ready else b""
            if not chunk:
                break
            number += chunk
    finally:
        os.close(read_fd)
    if not number.strip().isdigit():
        proc.kill()
        proc.wait()
        return None
    return proc, f":{number.strip().decode()}"


@contextmanager
def _environ(**values: str | None) -> Iterator[None]:
    """Set (or with None: remove) environment variables for the duration."""
    saved = {k: os.environ.get(k) for k in values}
    try:
        for k, v in values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
