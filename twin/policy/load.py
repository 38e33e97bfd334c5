"""Reading policy.toml: syntax, schema and meaning checked, every problem with its line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from twin.config import parse_error_lines
from twin.errors import PolicyError
from twin.policy.check import check_policy, known_schemas
from twin.policy.lines import key_lines, line_of
from twin.policy.model import Policy
from twin.store.schema import LayerSchema

DEFAULT_POLICY = Path(__file__).with_name("default_policy.toml")
POLICY_FILE = "policy.toml"


def parse_policy(text: str, *, path: str | Path = POLICY_FILE, layers: Iterable[LayerSchema] = ()) -> Policy:
    """A checked policy from TOML text; ``layers`` are the project's stored layers (besides the model's)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise PolicyError(f"TOML-Syntaxfehler: {exc}", path=path, line=int(m.group(1)) if m else None) from None
    lines = key_lines(text)
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        msgs = []
        for err, msg in zip(exc.errors(), parse_error_lines(exc)):
            line = line_of(lines, tuple(err["loc"]))
            msgs.append(f"Zeile {line}: {msg}" if line else msg)
        raise PolicyError("Die Rollen-Policy ist ungültig:\n  " + "\n  ".join(msgs), path=path,
                          line=_first_line(msgs)) from None
    problems = check_policy(policy, known_schemas(layers), lines)
    if problems:
        raise PolicyError("Die Rollen-Policy passt nicht zu den Layern des Projekts:\n  " + "\n  ".join(problems),
                          path=path, line=_first_line(problems))
    return policy


def load_policy(path: str | Path | None = None, *, layers: Iterable[LayerSchema] = ()) -> Policy:
    """Read ``path`` (default: the built-in policy of the brief's role table)."""
    path = Path(path) if path is not None else DEFAULT_POLICY
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"Die Rollen-Policy kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
    return parse_policy(text, path=path, layers=layers)


def _first_line(msgs: list[str]) -> int | None:
    for m in msgs:
        hit = re.match(r"Zeile (\d+):", m)
        if hit:
            return int(hit.group(1))
    return None
