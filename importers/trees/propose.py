"""Proposing a tree mapping profile from column names (synonyms), with a unique key column and units."""

from __future__ import annotations

import re

from importers.profiles import MappingProfile, normalise, propose, unit_from_name
from importers.trees import columns as colconv
from importers.trees.source import SourceTable
from importers.trees.synonyms import COORD_SYNONYMS, DEFAULT_UNITS, TREE_KEY_NAMES, TREE_SPECIFIC, TREE_SYNONYMS

TARGET = "trees"
PREFIX_KEY = "baumnummer_praefix"


def looks_like_trees(columns: list[str], *, need_xy: bool) -> bool:
    """≥ 2 tree fields, one of them tree-specific (or a Baumnummer by name), and x/y columns if needed."""
    m = propose(columns, TREE_SYNONYMS)
    specific = any(f in TREE_SPECIFIC for f in m) or (
        "baumnummer" in m and normalise(m["baumnummer"]) in TREE_KEY_NAMES)
    if len(m) < 2 or not specific:
        return False
    if need_xy:
        xy = propose(columns, COORD_SYNONYMS)
        return "x" in xy and "y" in xy
    return True


def propose_profile(table: SourceTable, stem: str) -> tuple[MappingProfile, list[str]]:
    """A mapping from synonyms, with a unique key column (see module doc) and units from column names."""
    notes: list[str] = []
    xy = propose(table.columns, COORD_SYNONYMS) if table.kind == "csv" else {}
    rest = [c for c in table.columns if c not in xy.values()]
    cols = propose(rest, TREE_SYNONYMS)
    if "baumnummer" in cols and len(table):
        cols = _unique_key(table, cols, rest, notes)
    units = {}
    for fld, col in cols.items():
        unit = unit_from_name(col)
        if fld in DEFAULT_UNITS and unit and unit != DEFAULT_UNITS[fld]:
            units[fld] = unit
            notes.append(f"Spalte '{col}' ist in {unit} (aus dem Spaltennamen)")
    prof = MappingProfile(name=f"trees_{safe_stem(stem)}", target=TARGET, columns=cols, units=units,
                          x=xy.get("x"), y=xy.get("y"), encoding=table.encoding, delimiter=table.delimiter,
                          decimal=table.decimal if table.kind == "csv" else None)
    return prof, notes


def _unique_key(table: SourceTable, cols: dict[str, str], rest: list[str], notes: list[str]) -> dict[str, str]:
    def values(col: str) -> list[str]:
        return [v or "" for v in colconv.texts(table.cells[col])]

    def unique(vals: list[str]) -> bool:
        filled = [v for v in vals if v]
        return len(set(filled)) == len(filled)

    first = cols["baumnummer"]
    if unique(values(first)):
        return cols
    norm_syn = [normalise(s) for s in ("baumnummer", *TREE_SYNONYMS["baumnummer"])]
    used = set(cols.values())
    cands = sorted((c for c in rest if normalise(c) in norm_syn and c != first and c not in used),
                   key=lambda c: norm_syn.index(normalise(c)))
    for c in cands:
        if unique(values(c)):
            notes.append(f"Spalte '{first}' ist nicht eindeutig; Baumnummer aus '{c}'")
            return {**cols, "baumnummer": c}
    if "standort" in cols:
        combo = [f"{a}/{b}" if b else "" for a, b in zip(values(cols["standort"]), values(first))]
        if unique(combo):
            notes.append(f"Spalte '{first}' ist nur je '{cols['standort']}' eindeutig; Baumnummer = "
                         f"'{cols['standort']}/{first}'")
            return {**cols, PREFIX_KEY: cols["standort"]}
    notes.append(f"Spalte '{first}' ist nicht eindeutig; doppelte Baumnummern werden abgewiesen")
    return cols


def safe_stem(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem).strip("_") or "datei"
