"""Where a meter is: a parcel (ALKIS Flurstück) by its number, or an address matched against the
parcels' Lagebezeichnung. Nothing is guessed: no match or more than one match is a German reason.

Address normalisation (both sides): lower case, umlauts and ß spelled out, ``Str.``/``Strasse``/
``Straße`` → ``str``, spaces, hyphens and dots removed; house numbers lower case without spaces
(``12 a`` = ``12a``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Point

from twin.model.cadastre import PARCELS
from twin.store.base import Store


def street_key(street: str) -> str:
    s = street.strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = re.sub(r"str(asse|\.|\b)", "str", s)
    return re.sub(r"[^a-z0-9]", "", s)


def number_key(number: str) -> str:
    return re.sub(r"\s+", "", number.strip().lower())


_ADDR = re.compile(r"^(?P<street>.*?\D)\s*(?P<nr>\d+\s*[a-zA-Z]?(?:\s*[-/]\s*\d+\s*[a-zA-Z]?)?)$")


def split_address(text: str) -> tuple[str, str | None]:
    """'Hauptstraße 12a' -> ('Hauptstraße', '12a'); without a number -> (text, None)."""
    m = _ADDR.match(text.strip())
    if not m:
        return text.strip(), None
    return m["street"].strip().rstrip(","), m["nr"]


@dataclass
class Located:
    point: Point
    kennzeichen: str
    strasse: str | None = None
    hausnummer: str | None = None


@dataclass
class ParcelIndex:
    """Parcels by Kennzeichen, by number (``123/4``, Flur optional) and by address."""

    by_key: dict[str, tuple[str, Point, str | None]] = field(default_factory=dict)
    by_number: dict[str, list[str]] = field(default_factory=dict)  # "123/4" and "1:123/4" -> kennzeichen
    by_address: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    streets: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, store: Store) -> ParcelIndex:
        idx = cls()
        if not store.has_layer(PARCELS.name):
            return idx
        feats = store.features(PARCELS.name)
        pts = shapely.point_on_surface([f.geometry for f in feats]) if feats else []
        for f, p in zip(feats, pts):
            a = f.attrs
            kz = str(a["flurstueckskennzeichen"])
            lage = a.get("lagebezeichnung")
            idx.by_key[_kz_key(kz)] = (kz, p, lage)
            nr = a.get("flurstuecksnummer") or (f"{a['zaehler']}/{a['nenner']}" if a.get("nenner")
                                                else str(a["zaehler"]) if a.get("zaehler") else None)
            if nr:
                nr = _nr_key(str(nr))
                idx.by_number.setdefault(nr, []).append(kz)
                if a.get("flur") is not None:
                    idx.by_number.setdefault(f"{int(a['flur'])}:{nr}", []).append(kz)
            for part in (lage or "").split(";"):
                street, hnr = split_address(part)
                if street and hnr:
                    idx.by_address.setdefault((street_key(street), number_key(hnr)), []).append(kz)
                    idx.streets.add(street_key(street))
        return idx

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def _located(self, kz: str, strasse: str | None = None, hnr: str | None = None) -> Located:
        k, p, lage = self.by_key[_kz_key(kz)]
        if not strasse and lage:
            strasse, hnr = split_address(lage.split(";")[0])
        return Located(p, k, strasse, hnr)

    def parcel(self, text: str) -> Located | str:
        """The parcel a billing export names: full Kennzeichen, ``123/4``, ``Flur 1, 123/4``; else a reason."""
        if not self:
            return "keine Flurstücke im Datenbestand (ALKIS zuerst importieren)"
        t = text.strip()
        if _kz_key(t) in self.by_key:
            return self._located(t)
        m = re.search(r"(?:flur\s*(\d+)\D*?)?(\d+(?:\s*/\s*\d+)?)\s*$", t, re.IGNORECASE)
        if not m or (len(re.sub(r"\D", "", t)) > 9 and "/" not in t):  # an unknown full Kennzeichen
            return f"Flurstück '{t}' ist im Datenbestand nicht vorhanden"
        nr = _nr_key(m[2])
        hits = self.by_number.get(f"{int(m[1])}:{nr}" if m[1] else nr, [])
        if not hits:
            return f"Flurstück '{t}' ist im Datenbestand nicht vorhanden"
        if len(set(hits)) > 1:
            return (f"Flurstück '{t}' ist nicht eindeutig ({len(set(hits))} Flurstücke mit dieser Nummer; "
                    "bitte Flurstückskennzeichen oder Flur angeben)")
        return self._located(hits[0])

    def address(self, street: str, number: str | None) -> Located | str:
        """The parcel whose Lagebezeichnung is this address; else a reason."""
        label = f"{street} {number or ''}".strip()
        if not self:
            return f"Adresse '{label}': keine Flurstücke im Datenbestand (ALKIS zuerst importieren)"
        if not number:
            street, number = split_address(street)
            if not number:
                return f"Adresse '{label}' ohne Hausnummer kann keinem Flurstück zugeordnet werden"
        sk = street_key(street)
        hits = sorted(set(self.by_address.get((sk, number_key(number)), [])))
        if not hits:
            why = "Hausnummer nicht gefunden" if sk in self.streets else "Straße nicht gefunden"
            return f"Adresse '{label}' passt zu keiner Lagebezeichnung der Flurstücke ({why})"
        if len(hits) > 1:
            return f"Adresse '{label}' passt zu mehreren Flurstücken ({', '.join(hits[:4])})"
        return self._located(hits[0], street.strip(), number.strip())


def _kz_key(kz: str) -> str:
    return re.sub(r"[\s_]+$", "", re.sub(r"\s+", "", kz)).rstrip("_")


def _nr_key(nr: str) -> str:
    return re.sub(r"\s+", "", nr)
