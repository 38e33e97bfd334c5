"""Who is working: the login name for the audit history when nobody names an actor."""

from __future__ import annotations

import getpass


def current_user(fallback: str = "verwaltung") -> str:
    """The operating system's login name, or ``fallback`` where there is none (services, odd containers)."""
    try:
        return getpass.getuser() or fallback
    except (KeyError, OSError):
        return fallback
