"""Stadtzwilling core: project, spatial store, domain model, policy, history (no Qt)."""

__version__ = "0.1.0"
