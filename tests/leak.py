"""The leak test's tools: what only the administration may see, and every byte form it could take."""

from __future__ import annotations

import struct
from pathlib import Path


def secrets(project) -> dict[str, set[str]]:
    """What only the administration may see, by kind (texts as stored)."""
    s = project.store
    out: dict[str, set[str]] = {}

    def take(kind: str, layer: str, *fields: str) -> None:
        if layer in s.layer_names():
            for f in s.features(layer):
                for name in fields:
                    v = f.attrs.get(name)
                    if v not in (None, "") and len(str(v)) >= 4:
                        out.setdefault(kind, set()).add(str(v))
    take("Eigentümer", "owners", "nachname_oder_firma", "vorname", "geburtsname", "anschrift")
    take("Kunden", "meter_customers", "name")
    take("Zählernummern", "water_meters", "zaehlernummer")
    take("Zählerstände", "meter_readings", "zaehlerstand_m3")
    take("Kanal-Bemerkungen", "sewer_observations", "kommentar")
    take("Baumkontrolle", "trees", "kontrollbemerkung")
    take("Sperrungen intern", "road_closures", "bemerkung_intern")
    return out


def encodings(kind: str, value: str) -> list[bytes]:
    forms = [value.encode("utf-8"), value.encode("utf-16-le")]
    if kind == "Zählerstände":
        x = float(value)
        forms += [struct.pack(">d", x), struct.pack("<d", x), f"{x:.3f}".replace(".", ",").encode()]
    return forms


def all_bytes(folder: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


def leaks(kind: str, value: str, data: bytes) -> bool:
    """Whether ``value`` is in ``data`` in any of its forms; a number written as text only as a whole number
    (``96.338`` is a reading, ``-96.33800506`` a coordinate in a glTF accessor)."""
    import re

    for enc in encodings(kind, value):
        if kind == "Zählerstände" and enc.isascii() and len(enc) < 16:
            if re.search(rb"(?<![\d.])" + re.escape(enc) + rb"(?![\d])", data):
                return True
        elif enc in data:
            return True
    return False
