"""The work list of the sensor rules as a field package: the trees to water today go to the tablets of the
team that edits trees, and nothing else of that table.

The package is an ordinary field package of the team (:func:`twin.field.export.export_package`) whose
edited table holds only the listed features; its metadata keeps the list (``arbeitsliste``: rule, task,
feature, sensor, value, since). Edits come back through the usual sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from twin.errors import ProjectError
from twin.sensors.rules import DEFAULT_RULES, Match, Rule, load_rules

LOCAL = ZoneInfo("Europe/Berlin")
RULES_FILE = "sensorregeln.toml"


def project_rules(project: Any) -> list[Rule]:
    """The project's ``sensorregeln.toml``, else the default rules."""
    own = Path(project.root) / RULES_FILE
    return load_rules(own if own.exists() else DEFAULT_RULES)


def team_for(project: Any, layer: str) -> str | None:
    """The field team that edits ``layer`` (the first one in the policy), None if none does."""
    return next((name for name, rule in project.policy.field_teams.items() if layer in rule.edit), None)


def export_worklist(project: Any, matches: Sequence[Match], out: str | Path, *, now: int, team: str | None = None,
                    actor: str = "system", progress: Any = None, cancel: Any = None):
    """Write the features of ``matches`` that a field team edits as that team's package to ``out``.

    ``team`` defaults to the team that edits the first listed feature's table; matches of tables that team
    does not edit are left out. Returns :class:`twin.field.export.ExportResult` (its ``counts`` per table).
    """
    from twin.field.export import export_package

    listed = [m for m in matches if m.objekt_layer and m.objekt_schluessel]
    if team is None:
        teams = [t for m in listed if (t := team_for(project, m.objekt_layer)) is not None]
        if not teams:
            raise ProjectError("Die Arbeitsliste enthält kein Objekt, das ein Feldteam bearbeitet "
                               "(z. B. Bäume zum Gießen).")
        team = teams[0]
    edits = set(project.policy.field_teams[team].edit) if team in project.policy.field_teams else set()
    chosen = [m for m in listed if m.objekt_layer in edits]
    if not chosen:
        raise ProjectError(f"Die Arbeitsliste enthält nichts für das Feldteam '{team}'.")
    only: dict[str, set[str]] = {}
    for m in chosen:
        only.setdefault(m.objekt_layer, set()).add(m.objekt_schluessel)
    day = datetime.fromtimestamp(now, LOCAL)
    tasks = ", ".join(sorted({m.aufgabe or m.rule for m in chosen}))
    entries = [{"regel": m.rule, "aufgabe": m.aufgabe, "layer": m.objekt_layer, "objekt": m.objekt_schluessel,
                "sensor": m.sensor_id, "wert": m.value,
                "seit": datetime.fromtimestamp(m.seit, LOCAL).isoformat(timespec="minutes")} for m in chosen]
    return export_package(project, team, out, title=f"{project.name} – Arbeitsliste {day:%d.%m.%Y}: {tasks}",
                          actor=actor, progress=progress, cancel=cancel, only=only,
                          extra_meta={"arbeitsliste": entries, "arbeitsliste_zeit": day.isoformat(timespec="minutes")})

