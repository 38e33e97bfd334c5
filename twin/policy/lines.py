"""Line numbers of the keys of a TOML text, for error messages that point at the line to fix.

``tomllib`` gives line numbers only for syntax errors. For the meaning of a key (an unknown column,
a contradiction) we need the line where the key was written: this scans table headers
(``[roles.rat.layers.trees]``), dotted keys (``layers.trees.columns = …``) and inline tables one level
deep (``trees = { columns = "*" }``). Multi-line arrays are skipped to their end.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=")
_PART = re.compile(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_\-]+)")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(next(g for g in m.groups() if g is not None) for m in _PART.finditer(dotted))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Full key path -> 1-based line of its first mention (tables map to their header line)."""
    out: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    depth = 0  # open brackets of a multi-line value
    for n, line in enumerate(text.splitlines(), 1):
        code = _strip_comment(line)
        if depth:
            depth = max(0, depth + code.count("[") - code.count("]"))
            continue
        m = _HEADER.match(code)
        if m:
            table = _parts(m.group(1))
            for i in range(1, len(table) + 1):
                out.setdefault(table[:i], n)
            continue
        m = _KEY.match(code)
        if not m:
            continue
        path = table + _parts(m.group(1))
        for i in range(len(table) + 1, len(path) + 1):
            out.setdefault(path[:i], n)
        value = code[m.end():]
        inline = re.match(r"\s*\{(.*)\}\s*$", value)
        if inline:  # one level of inline table: trees = { columns = "*", geometry = true }
            for k in re.finditer(r"(?:^|,)\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_\-]+)\s*=", inline.group(1)):
                out.setdefault(path + _parts(k.group(1)), n)
        depth = max(0, value.count("[") - value.count("]"))
    return out


def line_of(lines: dict[tuple[str, ...], int], loc: tuple) -> int | None:
    """The line of the deepest known prefix of a key path (list indices are skipped)."""
    path = tuple(str(p) for p in loc if not isinstance(p, int))
    for i in range(len(path), 0, -1):
        if path[:i] in lines:
            return lines[path[:i]]
    return None


def _strip_comment(line: str) -> str:
    """The line without a trailing comment (a # inside a string stays)."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i]
    return line
