"""Land management in the sample municipality: the search run once, and what staff would have entered."""

from __future__ import annotations

from datetime import date

from shapely.geometry import Polygon

from twin.land.potential import update_candidates
from twin.land.register import add_brownfield, add_vacancy, set_contact, set_released, set_status
from twin.model.cadastre import CADASTRE_BUILDINGS
from twin.project import Project

#: the disused yard in the Gewerbegebiet (project CRS)
BROWNFIELD = Polygon([(690400, 5335280), (690440, 5335280), (690440, 5335310), (690400, 5335310)])


def add_sample_land(project: Project) -> None:
    """Search the candidates, give a few a status, one a released status, add a vacancy and a brownfield."""
    found = sorted(c.attrs["id"] for c in update_candidates(project, actor="bauamt").candidates)
    if len(found) >= 4:
        set_status(project, found[0], "angefragt", since=date(2026, 9, 1), actor="bauamt",
                   note="Schreiben an die Eigentümer vom 01.09.2026")
        set_status(project, found[1], "verfuegbar", since=date(2026, 10, 15), actor="bauamt")
        set_released(project, found[1], True, actor="bauamt")
        set_status(project, found[2], "nicht_verfuegbar", since=date(2026, 10, 2), actor="bauamt",
                   note="Eigentümer will selbst bauen")
        set_contact(project, found[0], contact="Tel. 09999 1234 (Sohn der Eigentümerin)", actor="bauamt")
    houses = sorted(f.attrs["gml_id"] for f in project.store.features(CADASTRE_BUILDINGS.name)
                    if f.attrs.get("gebaeudefunktion") == "1010")
    if houses:
        add_vacancy(project, houses[0], date(2025, 3, 1), "Begehung Bauamt 2025", actor="bauamt")
    add_brownfield(project, "Ehemaliger Lagerplatz", BROWNFIELD, date(2024, 6, 1), "Brachflächenerhebung 2024",
                   actor="bauamt")
