"""Columns of billing-system meter exports, and the profile that overrides them.

Matching is exact after :func:`importers.profiles.normalise` (lower case, umlauts spelled out, only
letters and digits): ``Zählernummer``, ``Zaehler-Nr.`` and ``ZAEHLERNR`` all match; nothing is matched
by prefix, because ``Zähler…`` columns differ only in their ending (Zählerstand, Zählerart).

Profile (TOML, importer option ``profile``)::

    name = "zaehler_abrechnung"
    target = "water_meters"
    crs = "EPSG:25832"            # CRS of Rechtswert/Hochwert (default: the project's)

    [columns]                     # field -> column of the file ("" = do not import the field)
    zaehlernummer = "GERAET"
    zaehlerart = "TYP"

    [eichfristen]                 # Zählerart -> Eichfrist in Jahren (extends/overrides MessEV defaults)
    "Kaltwasserzähler" = 6
    "Warmwasserzähler" = 5
    "Großwasserzähler" = 8        # e.g. after a Stichprobenverfahren extension
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from importers.profiles import normalise
from twin.errors import ConfigError

TARGET = "water_meters"

SYNONYMS: dict[str, list[str]] = {
    "zaehlernummer": ["Zählernummer", "Zähler-Nr", "ZählerNr", "Zaehler_Nr", "Zählernr", "Zähler-Nummer",
                      "Gerätenummer", "Geräte-Nr", "Zähler", "meter_id", "meter_number", "meter_no"],
    "zaehlerart": ["Zählerart", "Zählertyp", "Zähler-Art", "Gerätetyp", "Geräteart", "Art", "Typ", "meter_type"],
    "einbaudatum": ["Einbaudatum", "Einbau", "Eingebaut am", "Einbau am", "Einbautag", "installed",
                    "installation_date"],
    "eichjahr": ["Eichjahr", "Jahr der Eichung", "Eichung", "Eichung Jahr", "Beglaubigungsjahr",
                 "calibration_year"],
    "eichfrist": ["Eichfrist", "Eichfrist bis", "Eichablauf", "Eichung bis", "Eichung gültig bis",
                  "Ende Eichfrist", "calibration_valid_until"],
    "strasse": ["Straße", "Strasse", "Str", "Straßenname", "street"],
    "hausnummer": ["Hausnummer", "Hausnr", "HNr", "Haus-Nr", "house_number"],
    "adresse": ["Adresse", "Anschrift", "Lage", "Verbrauchsstelle", "Lagebezeichnung", "address"],
    "flurstueck": ["Flurstück", "Flurstücksnummer", "Flurstückskennzeichen", "Flst", "Flst-Nr", "FLSTKENNZ",
                   "Flurstueck", "parcel", "parcel_id"],
    "x": ["Rechtswert", "RW", "X", "Ostwert", "easting", "x_koordinate", "Koordinate_X"],
    "y": ["Hochwert", "HW", "Y", "Nordwert", "northing", "y_koordinate", "Koordinate_Y"],
    "ablesedatum": ["Ablesedatum", "Ablesung", "Ablesetag", "Datum Ablesung", "Ablesung am", "reading_date"],
    "zaehlerstand": ["Zählerstand", "Stand", "Zählerstand m3", "Zählerstand (m³)", "Zählerstand m³",
                     "Ablesestand", "reading"],
    "kundennummer": ["Kundennummer", "Kunden-Nr", "KundenNr", "Kd-Nr", "Kundennr", "Vertragskonto",
                     "customer_id"],
    "name": ["Name", "Kunde", "Kundenname", "Anschlussnehmer", "Name Kunde", "customer_name"],
    "altzaehler": ["Altzähler", "Alter Zähler", "Zählernummer alt", "Ausgebauter Zähler", "Altzähler-Nr",
                   "old_meter"],
    "ausbaudatum": ["Ausbaudatum", "Ausbau", "Ausgebaut am", "Ausbau am", "Wechseldatum", "removed"],
    "endstand": ["Endstand Altzähler", "Endstand", "Zählerstand Ausbau", "Ausbaustand", "Stand Altzähler",
                 "final_reading"],
    "anfangsstand": ["Anfangsstand", "Zählerstand Einbau", "Einbaustand", "Anfangsstand Neuzähler",
                     "initial_reading"],
}

#: columns that make a file a meter export (besides the meter number)
METER_SPECIFIC = ("zaehlerart", "eichjahr", "eichfrist", "zaehlerstand", "einbaudatum", "altzaehler")


def propose_columns(columns: Sequence[str]) -> dict[str, str]:
    """field -> column, by exact normalised match of the first fitting synonym."""
    norm = {normalise(c): c for c in reversed(columns)}
    out: dict[str, str] = {}
    used: set[str] = set()
    for fld, syns in SYNONYMS.items():
        for s in (fld, *syns):
            col = norm.get(normalise(s))
            if col is not None and col not in used:
                out[fld] = col
                used.add(col)
                break
    return out


def looks_like_meters(columns: Sequence[str]) -> bool:
    cols = propose_columns(columns)
    return "zaehlernummer" in cols and any(f in cols for f in METER_SPECIFIC)


@dataclass
class MeterProfile:
    """Column overrides, Eichfristen per type and the CRS of the coordinates (all optional)."""

    name: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    eichfristen: dict[str, int] = field(default_factory=dict)
    crs: str | None = None


def load_meter_profile(path: str | Path) -> MeterProfile:
    """Read a meter profile TOML; ConfigError (German, naming the file) if it is invalid."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Das Profil kann nicht gelesen werden: {exc.strerror}", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Das Profil ist kein gültiges TOML: {exc}", path=path) from exc
    unknown = set(data) - {"name", "target", "columns", "eichfristen", "crs"}
    if unknown:
        raise ConfigError(f"Unbekannte Schlüssel im Profil: {', '.join(sorted(unknown))}", path=path)
    if data.get("target", TARGET) != TARGET:
        raise ConfigError(f"Das Profil ist für '{data['target']}', nicht für Wasserzähler.", path=path)
    cols = data.get("columns", {})
    bad = set(cols) - set(SYNONYMS)
    if bad:
        raise ConfigError(f"Unbekannte Zielfelder in [columns]: {', '.join(sorted(bad))} "
                          f"(erlaubt: {', '.join(SYNONYMS)})", path=path)
    fristen = data.get("eichfristen", {})
    for k, v in fristen.items():
        if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 30:
            raise ConfigError(f"Eichfrist für '{k}' muss eine ganze Zahl von Jahren (1–30) sein.", path=path)
    return MeterProfile(name=str(data.get("name", path.stem)), columns={k: str(v) for k, v in cols.items()},
                        eichfristen=dict(fristen), crs=data.get("crs"))
