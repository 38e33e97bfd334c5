"""Land-management key figures of a planning variant for the council report (before = Bestand, after = variant).

The search runs on the store as it is and as the variant reads it (a new building on a vacant plot uses that
plot); the status figures come from what staff maintain and do not depend on the variant.
"""

from __future__ import annotations

from twin.errors import LandError
from twin.land.potential import find_candidates
from twin.model.land_potential import BAULUECKE, LAND_POTENTIAL, UNTERGENUTZT
from twin.project import Project
from twin.report.content import KeyFigure
from twin.variants.read import VariantStore


def land_key_figures(project: Project, variant_id: str) -> list[KeyFigure]:
    """Vacant plots (count, area), under-used parcels, and areas staff found available."""
    store = project.store
    try:
        before = find_candidates(store).candidates
        after = find_candidates(VariantStore(store, variant_id)).candidates
    except LandError as exc:
        return [KeyFigure("Flächenmanagement", None, None, note=f"nicht ermittelt: {exc}")]

    def of(cands, kind):
        return [c for c in cands if c.attrs["art"] == kind]

    def area(cands):
        return sum(float(c.attrs["flaeche_m2"]) for c in cands)

    rows = [KeyFigure("Baulücken", len(of(before, BAULUECKE)), len(of(after, BAULUECKE)), "Stück"),
            KeyFigure("Fläche der Baulücken", area(of(before, BAULUECKE)), area(of(after, BAULUECKE)), "m²"),
            KeyFigure("Untergenutzte Flurstücke", len(of(before, UNTERGENUTZT)), len(of(after, UNTERGENUTZT)),
                      "Stück")]
    if store.has_layer(LAND_POTENTIAL.name):
        avail = [f for f in store.features(LAND_POTENTIAL.name) if f.attrs.get("status") == "verfuegbar"]
        rows.append(KeyFigure("Potenzialflächen mit Status „verfügbar“", len(avail), len(avail), "Stück",
                              note="Stand der Eigentümeransprache, unabhängig von der Variante"))
    return rows
