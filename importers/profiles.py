"""Field-mapping profiles: which source column feeds which field of a target layer.

A profile is a small TOML file the municipality can edit. The importer proposes a mapping from
German and English synonyms, the user confirms or edits it, and the profile is saved in the
project (``profiles/<name>.toml``) so that the next delivery with the same columns maps itself.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from twin.config import parse_error_lines
from twin.errors import ConfigError

Unit = Literal["mm", "cm", "dm", "m"]
_TO_M = {"mm": 0.001, "cm": 0.01, "dm": 0.1, "m": 1.0}


class MappingProfile(BaseModel):
    """How the columns of one kind of delivery map onto a target layer."""

    model_config = ConfigDict(extra="forbid")

    name: str
    target: str
    columns: dict[str, str] = Field(default_factory=dict, description="Zielfeld -> Spalte der Quelle")
    units: dict[str, Unit] = Field(default_factory=dict, description="Zielfeld -> Einheit der Quelle")
    x: str | None = Field(None, description="Spalte Rechtswert/x/Länge")
    y: str | None = Field(None, description="Spalte Hochwert/y/Breite")
    crs: str | None = Field(None, description="Koordinatensystem der Quelle, falls nicht erkennbar")
    encoding: str | None = None
    delimiter: str | None = None
    decimal: Literal[".", ","] | None = None
    defaults: dict[str, str | int | float] = Field(
        default_factory=dict,
        description="Zielfeld -> Wert, wo die Lieferung keinen hat (Bäume: kontrollintervall_monate = "
                    "Standardintervall nach FLL für die nächste Kontrolle)")

    def source_columns(self) -> set[str]:
        return set(self.columns.values()) | {c for c in (self.x, self.y) if c}

    def fits(self, columns: Iterable[str]) -> bool:
        """True if every column this profile reads is present."""
        return self.source_columns() <= set(columns)


def normalise(name: str) -> str:
    """Column name for matching: lower case, umlauts spelled out, only letters and digits."""
    s = name.strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", s)


def propose(columns: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Propose target field -> column from synonym lists (exact normalised match first, then prefix).

    The prefix pass matches a column that extends a synonym (``Stammumfang_cm``) or is a synonym cut
    short (``Stammumfan``: dBASE/Shapefile names hold 10 characters); the shorter side needs at least
    6 characters. Each column is used at most once; fields without a convincing column stay unmapped.
    """
    norm = {normalise(c): c for c in columns}
    taken: set[str] = set()
    out: dict[str, str] = {}
    for exact in (True, False):
        for field, names in synonyms.items():
            if field in out:
                continue
            for syn in (normalise(n) for n in (field, *names)):
                hit = norm.get(syn) if exact else next(
                    (c for n, c in norm.items() if _prefix_match(n, syn)), None)
                if hit is not None and hit not in taken:
                    out[field] = hit
                    taken.add(hit)
                    break
    return out


def _prefix_match(column: str, synonym: str) -> bool:
    if len(synonym) >= 4 and column.startswith(synonym):
        return True
    return len(column) >= 6 and synonym.startswith(column)


def to_metres(value: float, unit: str | None) -> float:
    return value * _TO_M[unit or "m"]


def load_profile(path: str | Path) -> MappingProfile:
    """Read and validate a profile; German errors name the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("Das Zuordnungsprofil fehlt.", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML-Syntaxfehler: {exc}", path=path) from None
    try:
        return MappingProfile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("Das Zuordnungsprofil ist ungültig:\n  " + "\n  ".join(parse_error_lines(exc)),
                          path=path) from None


def save_profile(profile: MappingProfile, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(profile.model_dump(exclude_none=True)), encoding="utf-8")
    return path


def profiles_dir(project_root: Path) -> Path:
    return project_root / "profiles"


def find_profile(project_root: Path, target: str, columns: Iterable[str]) -> MappingProfile | None:
    """A saved profile of the project for this target whose columns are all present (newest first)."""
    cols = list(columns)
    files = sorted(profiles_dir(project_root).glob("*.toml"), key=lambda p: p.stat().st_mtime, reverse=True)
    for f in files:
        prof = load_profile(f)
        if prof.target == target and prof.fits(cols):
            return prof
    return None


_UNIT_SUFFIX = re.compile(r"(?:[\s_\-(\[]|(?<=[a-zäöü]))(mm|cm|dm|m|MM|CM|DM|M)[)\]]?$")


def unit_from_name(column: str) -> str | None:
    """Unit written in a column name: ``stammumfangCM``, ``Höhe [m]``, ``Umfang_cm``, ``hoeheM``."""
    s = column.strip()
    m = _UNIT_SUFFIX.search(s)
    if m:
        return m.group(1).lower()
    m = re.search(r"\bin\s+(mm|cm|dm|m)$", s, re.IGNORECASE)
    return m.group(1).lower() if m else None
