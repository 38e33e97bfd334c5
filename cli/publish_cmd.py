"""``stadtzwilling publish PROJEKT --role rat|buerger --out PAKET.szpkg`` / ``--role buerger --web ORDNER``.

``--out``: the Rats-/Bürgerzwilling as a package. ``--web``: the Bürgerzwilling as a static web site
(3D view in the browser, for any web server; see :mod:`layers.web.site`).

The package holds only what the role may see (read through the role policy), is signed with the
publisher key (default ``PROJEKT/keys/publisher_ed25519.pem``, see ``stadtzwilling keys new``) and –
for the council – encrypted with a passphrase, asked for twice or read from ``STADTZWILLING_PASSPHRASE``.
A passphrase-protected publisher key is unlocked with ``STADTZWILLING_KEY_PASSPHRASE`` or a prompt.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, fail, progress_bar
from twin.errors import Cancelled, PassphraseError
from twin.package import PASSPHRASE_ENV, PUBLISHER_PRIVATE, load_signing_key
from twin.package.crypto import MIN_PASSPHRASE
from twin.policy import ROLE_TITLES
from twin.project import Project
from twin.publish.publish import publish as publish_package

KEY_PASSPHRASE_ENV = "STADTZWILLING_KEY_PASSPHRASE"


def publish(
    directory: Annotated[Path, typer.Argument(help="Projektordner (Verwaltungszwilling)")],
    role: Annotated[str, typer.Option("--role", help="rat oder buerger")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Paketdatei, die geschrieben wird (.szpkg)")] = None,
    web: Annotated[Optional[Path], typer.Option(
        "--web", help="Ordner, in den der Bürgerzwilling als Webseite (3D im Browser) geschrieben wird")] = None,
    ogcapi: Annotated[Optional[Path], typer.Option(
        "--ogcapi", help="Ordner für pygeoapi: öffentliche Layer als OGC API – Features (GeoJSON + Konfiguration)")
    ] = None,
    url: Annotated[str, typer.Option(help="Adresse, unter der die OGC-API erreichbar sein wird")] =
        "http://localhost:5000",
    key: Annotated[Optional[Path], typer.Option(
        "--key", help=f"Signierschlüssel (Standard: PROJEKT/keys/{PUBLISHER_PRIVATE})")] = None,
) -> None:
    """Rats- oder Bürgerzwilling als signiertes Paket schreiben (Rat: verschlüsselt) oder als Webseite."""
    if role not in ("rat", "buerger"):
        fail(f"--role muss rat oder buerger sein, nicht '{role}'.")
    if out is None and web is None and ogcapi is None:
        fail("Bitte --out PAKET.szpkg (signiertes Paket), --web ORDNER (Webseite) oder --ogcapi ORDNER angeben.")
    if (web is not None or ogcapi is not None) and role != "buerger":
        fail("Als offene Webseite oder OGC-API wird nur der Bürgerzwilling veröffentlicht (--role buerger); der "
             "Ratszwilling bleibt ein verschlüsseltes Paket (--out).")
    if web is not None:
        _publish_web(directory, web)
    if ogcapi is not None:
        _publish_ogcapi(directory, ogcapi, url)
    if out is not None:
        _publish_package(directory, role, out, key)


def _publish_web(directory: Path, web: Path) -> None:
    from layers.web.site import export_web

    project = Project.open(directory)
    try:
        with progress_bar("Web-Zwilling") as update:
            site = export_web(project, "buerger", web, progress=update)
    except KeyboardInterrupt:
        raise Cancelled() from None
    finally:
        project.close()
    layers = ", ".join(f"{name} {n}" for name, n in site.layers.items()) or "keine Layer mit Geometrie"
    size = f"{site.bytes / 1e6:.1f}".replace(".", ",")
    console.print(f"[bold green]Bürgerzwilling als Webseite:[/] {site.root} ({site.files} Dateien, {size} MB; "
                  f"{layers}; Karten: {len(site.overlays)})", highlight=False)
    for note in site.notes:
        console.print(f"[yellow]Hinweis:[/] {note}", highlight=False)
    console.print("Auf einen Webserver kopieren (alle Dateien des Ordners); zum Ansehen am Rechner: "
                  f"python -m http.server -d {site.root} 8000 und http://localhost:8000/ öffnen.", highlight=False)


def _publish_ogcapi(directory: Path, folder: Path, url: str) -> None:
    from urllib.parse import urlsplit

    from twin.publish.ogcapi import export_ogcapi

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        fail(f"--url muss eine http(s)-Adresse sein, nicht '{url}'.")
    # the server listens on this machine only; a public address is served through the town's web server
    local = parts.hostname in ("localhost", "127.0.0.1")
    host, port = "127.0.0.1", (parts.port or 5000) if local else 5000
    project = Project.open(directory)
    try:
        with progress_bar("OGC-API") as update:
            result = export_ogcapi(project, folder, url=url.rstrip("/"), host=host, port=port, progress=update)
    finally:
        project.close()
    sets = ", ".join(f"{name} {n}" for name, n in result.collections.items())
    console.print(f"[bold green]OGC API – Features geschrieben:[/] {result.root} ({sets}). Starten mit: "
                  f"stadtzwilling ogcapi {result.root}", highlight=False)


def _publish_package(directory: Path, role: str, out: Path, key: Path | None) -> None:
    project = Project.open(directory)
    try:
        key_path = key or project.root / "keys" / PUBLISHER_PRIVATE
        if not key_path.is_file():
            fail(f"Kein Signierschlüssel unter '{key_path}'. Anlegen mit: stadtzwilling keys new "
                 f"{project.root / 'keys'}")
        signing_key = _signing_key(key_path)
        passphrase = _council_passphrase() if role == "rat" else None
        with progress_bar(ROLE_TITLES[role]) as update:
            manifest = publish_package(project, role, out, signing_key=signing_key, passphrase=passphrase,
                                       progress=update)
    except KeyboardInterrupt:
        raise Cancelled() from None
    finally:
        project.close()
    state = "signiert und verschlüsselt" if role == "rat" else "signiert"
    console.print(f"[bold green]{ROLE_TITLES[role]} veröffentlicht:[/] {out} ({state}; "
                  f"{len(manifest.files)} Dateien)", highlight=False)


def _signing_key(path: Path):
    try:
        return load_signing_key(path)
    except PassphraseError:
        secret = os.environ.get(KEY_PASSPHRASE_ENV) or typer.prompt(
            "Passphrase des Signierschlüssels", hide_input=True)
        return load_signing_key(path, secret)


def _council_passphrase() -> str:
    value = os.environ.get(PASSPHRASE_ENV) or typer.prompt(
        "Passphrase für das Ratspaket", hide_input=True, confirmation_prompt=True)
    if len(value) < MIN_PASSPHRASE:
        fail(f"Die Passphrase ist zu kurz (mindestens {MIN_PASSPHRASE} Zeichen).")
    return value
