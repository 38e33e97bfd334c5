"""Rules on sensor values, declared in TOML: which features need attention now (trees to water, full sewers,
heat islands).

A project's ``sensorregeln.toml`` (default: ``twin/sensors/default_rules.toml``)::

    [[regel]]
    name = "Baum gießen"
    art = "bodenfeuchte"          # sensors of this kind …
    objekt_layer = "trees"        # … that belong to a feature of this layer (optional)
    bedingung = "unter"           # "unter" or "ueber" the threshold
    schwelle = 20.0               # in the sensor's unit
    dauer_stunden = 48            # the condition has held this long (0: the latest value)
    aufgabe = "gießen"            # what the work list says

A rule holds for a sensor at time ``now`` when every observation of the last ``dauer_stunden`` meets the
condition and the observations cover that time without a gap longer than ``max_luecke_stunden``
(default 6; also from the start of the period to the first value and from the newest value to now).
Without observations there is no decision, never an alarm.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from twin.errors import ConfigError
from twin.model.sensors import KINDS, SENSORS
from twin.policy.session import RoleSession
from twin.sensors import access

DEFAULT_RULES = Path(__file__).with_name("default_rules.toml")
HOUR = 3600


class Rule(BaseModel):
    """One rule of ``sensorregeln.toml``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    art: str
    objekt_layer: str | None = None
    bedingung: Literal["unter", "ueber"]
    schwelle: float
    dauer_stunden: float = Field(0.0, ge=0.0, le=24 * 365)
    max_luecke_stunden: float = Field(6.0, gt=0.0, le=24 * 30)
    aufgabe: str = ""

    @field_validator("art")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"unbekannte Messgröße '{v}' (bekannt: {', '.join(KINDS)})")
        return v

    @field_validator("schwelle")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("die Schwelle muss eine Zahl sein")
        return v

    def meets(self, value: float) -> bool:
        return value < self.schwelle if self.bedingung == "unter" else value > self.schwelle


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    regel: list[Rule] = Field(default_factory=list)


def load_rules(path: str | Path | None = None) -> list[Rule]:
    """The rules of ``path`` (or the default set); German errors with the rule's number and field."""
    path = Path(path) if path is not None else DEFAULT_RULES
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: nicht lesbar ({exc.strerror or exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: kein gültiges TOML ({exc}).") from exc
    try:
        return RuleSet.model_validate(data).regel
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"]
        where = f"Regel {loc[1] + 1}, Feld '{loc[2]}'" if len(loc) >= 3 and loc[0] == "regel" else ".".join(map(str, loc))
        raise ConfigError(f"{path}: {where}: {first['msg']}.") from exc


@dataclass(frozen=True)
class Match:
    """A sensor for which a rule holds, with the feature it belongs to."""

    rule: str
    aufgabe: str
    sensor_id: str
    objekt_layer: str | None
    objekt_schluessel: str | None
    value: float
    seit: int  # Unix seconds: start of the checked period (or the latest value's time)


def evaluate(session: RoleSession, rules: list[Rule], now: int) -> list[Match]:
    """The rules that hold at ``now`` for the sensors the role may see."""
    sensors = access.visible_sensors(session)
    out: list[Match] = []
    for rule in rules:
        for s in sensors:
            a = s.attrs
            if a.get("art") != rule.art or (rule.objekt_layer and a.get("objekt_layer") != rule.objekt_layer):
                continue
            gap = rule.max_luecke_stunden * HOUR
            start = now - int(rule.dauer_stunden * HOUR)
            t, v = access.window(session, a[SENSORS.key], min(start, now - int(gap)), now + 1)
            if t.size == 0 or now - t[-1] > gap:
                continue
            if rule.dauer_stunden > 0:
                inside = t >= start
                steps = np.diff(np.r_[start, t[inside], now])
                if not inside.any() or steps.max() > gap or not all(rule.meets(x) for x in v[inside]):
                    continue
                since = start
            else:
                if not rule.meets(float(v[-1])):
                    continue
                since = int(t[-1])
            out.append(Match(rule.name, rule.aufgabe, a[SENSORS.key], a.get("objekt_layer"),
                             a.get("objekt_schluessel"), float(v[-1]), since))
    return out
