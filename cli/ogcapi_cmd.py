"""``stadtzwilling ogcapi ORDNER``: serve a folder written by ``publish --role buerger --ogcapi`` with pygeoapi.

pygeoapi's Flask server on the host and port of the folder's configuration; for operation behind a web
server, point any WSGI server at ``pygeoapi.flask_app:APP`` with ``PYGEOAPI_CONFIG`` and
``PYGEOAPI_OPENAPI`` set to the folder's two files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from cli.console import console, fail


def ogcapi(
    folder: Annotated[Path, typer.Argument(help="Ordner aus „publish --role buerger --ogcapi ORDNER“")],
) -> None:
    """Die öffentlichen Layer als OGC API – Features ausliefern (pygeoapi)."""
    from twin.publish.ogcapi import CONFIG, OPENAPI

    config, openapi = folder / CONFIG, folder / OPENAPI
    if not config.is_file() or not openapi.is_file():
        fail(f"In '{folder}' fehlt {CONFIG} oder {OPENAPI}: erst „stadtzwilling publish PROJEKT --role buerger "
             f"--ogcapi {folder}“ ausführen.")
    import importlib.util

    if importlib.util.find_spec("pygeoapi") is None:
        fail("pygeoapi ist nicht installiert (pip install stadtzwilling[ogcapi] oder pip install pygeoapi).")
    os.environ["PYGEOAPI_CONFIG"] = str(config.resolve())
    os.environ["PYGEOAPI_OPENAPI"] = str(openapi.resolve())
    bind = json.loads(config.read_text(encoding="utf-8"))["server"]["bind"]
    from pygeoapi.flask_app import APP  # reads the configuration on import

    console.print(f"OGC API – Features unter http://{bind['host']}:{bind['port']}/ (Beenden mit Strg+C)",
                  highlight=False)
    APP.run(host=bind["host"], port=int(bind["port"]), debug=False, use_reloader=False)
