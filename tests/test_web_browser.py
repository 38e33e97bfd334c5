"""The web twin in a real headless Chromium (Playwright, software WebGL) served from a loopback web server.

Checked as a citizen would use it: the page loads, the 3D scene renders (not blank, with the village
in it), the search finds a street and flies there, a click on a tree shows its public attributes, the
released hazard map can be switched on, and no request leaves the local server.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from layers.web.site import export_web
from tests.web_site import CHROMIUM, CHROMIUM_ARGS, need_chromium, project_with_maps, serve
from twin.project import Project


@pytest.fixture(scope="module")
def site_dir(sample_project_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("webb") / "gemeinde"
    project_with_maps(root, sample_project_dir)
    out = tmp_path_factory.mktemp("webb_site") / "site"
    with Project.open(root) as p:
        export_web(p, "buerger", out)
    return out


@pytest.fixture(scope="module")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _open(context, base: str) -> tuple:
    """Open the site in ``context``; wait until it is ready (or failed) and return the page and its state."""
    page = context.new_page()
    page.goto(base + "index.html")
    page.wait_for_function("window.stadtzwilling && (window.stadtzwilling.ready || window.stadtzwilling.error)",
                           timeout=90_000)
    state = page.evaluate("({e: window.stadtzwilling.error, n: window.stadtzwilling.tilesLoaded, "
                          "t: window.stadtzwilling.tilesTotal, w: window.stadtzwilling.tilesWanted})")
    return page, state


def test_ready_waits_for_the_tiles_when_the_attributes_come_late(site_dir, browser):
    """On a slow line the camera's first move must not declare the page ready before the tileset is known.

    (CI once saw ``ready`` with 2 of 41 tiles: the move's stream() ran while the attribute files still loaded.)
    """
    with serve(site_dir, slow={"attribute/": 1.0}) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)  # see below
        _, state = _open(context, base)
        context.close()
    assert state["e"] is None and state["t"] > 10 and 10 < state["n"] <= state["t"] and state["w"] == 0, state


def test_page_renders_searches_and_shows_a_tree(site_dir, browser, tmp_path):
    with serve(site_dir) as base:
        # the page's CSP forbids eval; Playwright's wait helpers need it (the site itself keeps it)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
        foreign: list[str] = []
        requests: list[str] = []

        def route(r):
            if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                foreign.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        errors: list[str] = []
        context.on("request", lambda req: requests.append(req.url))
        context.on("weberror", lambda e: errors.append(str(e.error)))
        page, state = _open(context, base)
        assert state["e"] is None and 10 < state["n"] <= state["t"], state  # the tiles in view are loaded
        page.wait_for_function("window.stadtzwilling.firstFrameMs !== null", timeout=30_000)
        canvas = page.locator("#szene")
        shot = canvas.screenshot()
        (tmp_path / "szene.png").write_bytes(shot)
        img = _pixels(shot)
        colours = {tuple(c) for c in img.reshape(-1, 3)[::7]}
        assert len(colours) > 500, len(colours)  # terrain shading, roofs, trees: not a blank canvas
        rgb = img.astype(int)
        roofs = ((rgb[..., 0] > 150) & (rgb[..., 0] - rgb[..., 1] > 55) & (rgb[..., 0] - rgb[..., 2] > 65)).sum()
        assert roofs > 1000, roofs  # the red roofs of the village are in view
        assert "Markt Musterdorf" in page.locator("#titel").inner_text()
        assert "Gebäude (3D)" in page.locator("#layers").inner_text()

        # search: a street, by a partial name typed as people do
        page.fill("#suche", "hauptstr")
        first = page.locator("#treffer button").first
        first.wait_for(timeout=5_000)
        assert first.inner_text().startswith("Hauptstraße")
        first.click()
        assert page.locator("#treffer button").count() == 0
        street = next(e for e in json.loads((site_dir / "suche.json").read_text(encoding="utf-8"))
                      if e["t"] == "Hauptstraße")
        target = page.evaluate("window.stadtzwilling.target()")
        assert np.allclose(target, street["p"], atol=0.01), (target, street)  # the view went there
        page.fill("#suche", "Gibtsnichtweg 99")
        page.locator("#treffer .leer").wait_for(timeout=5_000)
        assert "Nichts gefunden" in page.locator("#treffer").inner_text()
        page.fill("#suche", "")

        # click a tree: fly close to it, click where it is on screen, read the info panel
        trees = json.loads((site_dir / "attribute" / "trees.json").read_text(encoding="utf-8"))
        fid = 5
        centre = page.evaluate(f"window.stadtzwilling.centreOf('trees', {fid})")
        page.evaluate(f"window.stadtzwilling.flyTo([{centre[0]}, {centre[1]}, {centre[2]}], 25)")
        page.wait_for_timeout(300)
        at = page.evaluate(f"window.stadtzwilling.screenOf('trees', {fid})")
        page.mouse.click(at["x"], at["y"])
        info = page.locator("#info")
        info.wait_for(state="visible", timeout=5_000)
        text = info.inner_text()
        expected = trees["objekte"][fid]
        assert "Bäume" in text and expected["baumnummer"] in text, text
        assert expected["art_deutsch"] in text
        for hidden in ("Kontroll", "Zustand", "Eigentümer"):
            assert hidden not in text
        page.screenshot(path=str(tmp_path / "baum.png"))

        # the released hazard map can be switched on: the picture changes
        overlay = page.evaluate("window.stadtzwilling.manifest.overlays.find(o => o.art === 'starkregen').name")
        page.evaluate("window.stadtzwilling.flyTo([500, -500, 515], 700)")
        page.wait_for_timeout(300)
        plain = _pixels(canvas.screenshot())
        page.check(f"#layer-{overlay}")
        page.wait_for_function(f"window.stadtzwilling.manifest && document.getElementById('layer-{overlay}').checked")
        page.wait_for_timeout(1_000)
        wet = _pixels(canvas.screenshot())
        assert (np.abs(wet.astype(int) - plain.astype(int)).sum(axis=2) > 60).mean() > 0.01
        context.close()
    assert not errors, errors
    assert not foreign, f"Anfragen an fremde Server: {foreign}"
    assert requests and all(u.startswith(base) or u.startswith("data:") for u in requests)
