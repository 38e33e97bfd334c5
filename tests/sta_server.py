"""A small SensorThings API server (the FROST subset an ingest uses) on 127.0.0.1 for the tests.

It serves Datastreams with ``$expand`` of Thing/Locations/ObservedProperty and a Datastream's
Observations with ``$filter=phenomenonTime gt …``, ``$orderby=phenomenonTime asc``, ``$top``/``$skip``
paging and ``@iot.nextLink`` – over plain HTTP, so the importer's real client code runs. ``fail_on``
makes the n-th request answer HTTP 500 (a server failing half-way).
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


class StaData:
    """Datastreams (with Thing, Locations, ObservedProperty) and their Observations."""

    def __init__(self) -> None:
        self.streams: list[dict[str, Any]] = []
        self.observations: dict[int, list[dict[str, Any]]] = {}
        self._next_obs = 1

    def add_stream(self, ds_id: int, name: str, prop: str, unit: str, lonlat: tuple[float, float],
                   thing_props: dict[str, Any] | None = None) -> None:
        self.streams.append({
            "@iot.id": ds_id, "name": name, "description": f"{name} (Test)",
            "unitOfMeasurement": {"name": unit, "symbol": unit, "definition": ""},
            "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
            "ObservedProperty": {"@iot.id": ds_id, "name": prop, "definition": ""},
            "Thing": {"@iot.id": ds_id, "name": f"Thing {name}", "properties": thing_props or {},
                      "Locations": [{"@iot.id": ds_id, "encodingType": "application/geo+json",
                                     "location": {"type": "Point", "coordinates": list(lonlat)}}]},
        })
        self.observations.setdefault(ds_id, [])

    def add_observation(self, ds_id: int, t: int | str | None, result: Any) -> None:
        time = iso(t) if isinstance(t, int) else t
        self.observations[ds_id].append({"@iot.id": self._next_obs, "phenomenonTime": time, "result": result})
        self._next_obs += 1


class StaServer:
    """Serve a :class:`StaData` at ``self.url`` (…/v1.1) until :meth:`close`."""

    def __init__(self, data: StaData, page_size: int = 100) -> None:
        self.data, self.page_size = data, page_size
        self.requests: list[str] = []
        self.fail_on: int | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                if server.fail_on is not None and len(server.requests) == server.fail_on:
                    self.send_error(500, "Interner Fehler (Test)")
                    return
                try:
                    body = server.answer(self.path)
                except KeyError:
                    self.send_error(404)
                    return
                raw = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/FROST-Server/v1.1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, path: str) -> dict[str, Any]:
        parsed = urllib.parse.urlparse(path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}
        route = parsed.path.removeprefix("/FROST-Server/v1.1/")
        top = min(int(q.get("$top", self.page_size)), self.page_size)
        skip = int(q.get("$skip", 0))
        if route == "Datastreams":
            rows = self.data.streams
        else:
            m = re.fullmatch(r"Datastreams\((\d+)\)/Observations", route)
            if m is None:
                raise KeyError(route)
            rows = list(self.data.observations[int(m.group(1))])
            flt = q.get("$filter")
            if flt:
                fm = re.fullmatch(r"phenomenonTime gt (\S+)", flt)
                assert fm, flt
                since = datetime.fromisoformat(fm.group(1))
                rows = [r for r in rows if isinstance(r["phenomenonTime"], str)
                        and datetime.fromisoformat(r["phenomenonTime"]) > since]
            if q.get("$orderby") == "phenomenonTime asc":
                rows.sort(key=lambda r: r["phenomenonTime"] if isinstance(r["phenomenonTime"], str) else "")
        page = rows[skip:skip + top]
        out: dict[str, Any] = {"value": page}
        if skip + top < len(rows):
            nq = dict(q, **{"$skip": str(skip + top), "$top": str(top)})
            out["@iot.nextLink"] = (f"{self.url}/{route}?" + urllib.parse.urlencode(nq))
        return out
