"""Invented owners of the synthetic Musterdorf cadastre (``generate_alkis.py``): persons with names that all
start with "Muster", birth dates and addresses, grouped as couples (1/2 each), single owners and siblings
(1/3 each). No real person: the names come from the lists below and a seeded random generator."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

SURNAMES = ["Musterhuber", "Mustermaier", "Musterbauer", "Musterlechner", "Musterhofer", "Mustergruber",
            "Musterwimmer", "Musterseidl", "Musterbrunner", "Musterkoller", "Musterreiter", "Musterschmid",
            "Musterwagner", "Musterberger", "Musterstaller", "Musteregger", "Musterpointner", "Musterrieder",
            "Musterholzer", "Musterfellner", "Musterleitner", "Musterauer", "Mustermoser", "Musterkammerer",
            "Musterhauser", "Musterlindner", "Mustereder", "Musterstadler", "Musterzeller", "Musterweigl",
            "Musterbaumann", "Musterkern"]
FIRST_F = ["Anna", "Maria", "Theresa", "Monika", "Sabine", "Birgit", "Ursula", "Renate", "Gisela", "Elfriede",
           "Johanna", "Katharina", "Christine", "Veronika", "Andrea", "Petra", "Franziska", "Lena"]
FIRST_M = ["Josef", "Georg", "Franz", "Stefan", "Jürgen", "Andreas", "Michael", "Thomas", "Peter", "Lukas",
           "Johann", "Martin", "Wolfgang", "Alois", "Markus", "Florian", "Sebastian", "Anton"]
ELSEWHERE = [("Musterallee", "12345", "Musterstadt"), ("Beispielweg", "54321", "Beispielhausen"),
             ("Am Musterberg", "12346", "Musterstadt"), ("Mustergasse", "99998", "Mustersdorf")]


@dataclass
class Person:
    """An owner as AX_Person (also public bodies and firms, then without first name and birth date)."""

    oid: str
    nachname: str
    vorname: str
    geburtsdatum: str
    anschrift: tuple[str, str, str, str]  # street, number, PLZ, Ort
    geburtsname: str | None = None


def people(rng: random.Random, plots: list, bodies: Iterable[str], oid_prefix: str, home_plz: str,
           home_ort: str) -> tuple[dict[str, list[tuple[Person | str, str | None]]], list[Person]]:
    """Owner groups: group key -> [(person or body key, share)], and all persons (invented). ``plots`` are
    the generator's parcels (``owner``, ``zaehler``, ``nenner``, ``addresses``); a group of ``bodies`` owns
    what is not a person's; a person lives at the parcel's address in ``home_plz home_ort`` or elsewhere."""
    groups: dict[str, list[tuple[Person | str, str | None]]] = {k: [(k, None)] for k in bodies}
    persons: list[Person] = []
    used: set[tuple[str, str]] = set()
    surnames = SURNAMES[:]
    rng.shuffle(surnames)

    def person(nachname: str, female: bool, home: tuple[str, str, str, str], born: int) -> Person:
        firsts = FIRST_F if female else FIRST_M
        vorname = rng.choice(firsts)
        while (nachname, vorname) in used:
            vorname = rng.choice(firsts)
        used.add((nachname, vorname))
        day = rng.randint(0, 364)
        geb = f"{born}-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}"
        p = Person(f"{oid_prefix}P{len(persons) + 1:07d}", nachname, vorname, geb, home)
        persons.append(p)
        return p

    for k, pl in enumerate(pl for pl in plots if pl.owner.startswith("p")):
        if pl.owner != "p" and pl.owner in groups:
            continue  # a second parcel of the same owners (same Buchungsblatt)
        key = pl.owner if pl.owner != "p" else f"p:{pl.zaehler}/{pl.nenner or 0}"
        pl.owner = key
        street, number = pl.addresses[0]  # the first parcel of a group always has an address
        home = (street, number, home_plz, home_ort)
        if rng.random() < 0.2:  # lives elsewhere
            s, plz, ort = rng.choice(ELSEWHERE)
            home = (s, str(rng.randint(1, 60)), plz, ort)
        surname = surnames[k % len(surnames)]
        kind = rng.random()
        born = rng.randint(1938, 1990)
        if kind < 0.55:  # married couple, 1/2 each; she was born with another name
            he = person(surname, False, home, born)
            she = person(surname, True, home, born + rng.randint(-4, 3))
            she.geburtsname = surnames[(k + 7) % len(surnames)]
            groups[key] = [(he, "1/2"), (she, "1/2")]
        elif kind < 0.9:
            groups[key] = [(person(surname, rng.random() < 0.5, home, born), None)]
        else:  # three siblings (Bruchteilseigentum), 1/3 each, two live elsewhere
            kids = []
            for j in range(3):
                addr = home if j == 0 else (ELSEWHERE[(k + j) % len(ELSEWHERE)][0], str(10 + j),
                                            *ELSEWHERE[(k + j) % len(ELSEWHERE)][1:])
                kids.append((person(surname, j == 1, addr, born + 2 * j), "1/3"))
            groups[key] = kids
    for pl in plots:  # second parcels of a group
        if pl.owner.startswith("p:") and pl.owner not in groups:
            raise ValueError(f"Eigentümergruppe {pl.owner} ohne Personen")
    return groups, persons
