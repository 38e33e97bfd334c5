"""The web twin: a role's twin as a static site with a 3D view in the browser (no Qt)."""
