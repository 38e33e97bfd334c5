"""Synthetic ALKIS cadastre of "Markt Musterdorf" as a NAS file with owners (no real data, no real persons).

No municipality may publish its Liegenschaftskataster with owners (Eigentümer are personal data), so the
sample cadastre is generated here, deterministically (fixed seed, fixed dates, no timestamp of the run),
in the shape of an ALKIS Bestandsdatenauszug (NAS, GeoInfoDok 6.0, namespace
``http://www.adv-online.de/namespaces/adv/gid/6.0``, as the real Hamburg file in ``tests/data/alkis``):

* **AX_Flurstueck** – parcels covering the blocks of the synthetic village
  (``sample_data/generate_musterdorf.py``: same origin and rotation; x along the Hauptstraße, y towards the
  Rathaus): every LoD2 building stands on its own parcel, streets and squares are parcels of their own,
  a few vacant plots (Baulücken). The water meter export (``generate_meters.py``) names addresses that
  the village does not have (Schulstraße, Kirchweg, Mühlenstraße, Am Anger 7–12): those parcels lie at
  the meters' coordinates, along streets of their own. Parcel numbers follow the meter export
  (``Hauptstraße 1`` is Flurstück 101, Kennzeichen ``091234001001010000__``), so that meters find their
  parcel by number, Kennzeichen or address; Gemarkung 1234 "Musterdorf", Flur 1;
* **AX_LagebezeichnungMitHausnummer / OhneHausnummer** (street key + **AX_LagebezeichnungKatalogeintrag**),
  **AX_Gemarkung**;
* **AX_Gebaeude** – the footprints of the LoD2 buildings (ground surfaces, Kirchturm/Festsaal merged) with
  Gebäudefunktion, name, storeys and address;
* Tatsächliche Nutzung – one object per parcel (the school parcel two): AX_Wohnbauflaeche,
  AX_FlaecheGemischterNutzung, AX_FlaecheBesondererFunktionalerPraegung, AX_IndustrieUndGewerbeflaeche,
  AX_Strassenverkehr, AX_Platz, AX_SportFreizeitUndErholungsflaeche, AX_StehendesGewaesser;
* owners (personal data): **AX_Person** (invented names: every surname starts with "Muster", birth dates),
  **AX_Anschrift**, **AX_Buchungsblatt**, **AX_Buchungsstelle**, **AX_Namensnummer** (shares 1/2 and 1/3).

Coordinates EPSG:25832 (``urn:adv:crs:ETRS89_UTM32``), millimetres, inside the sample tile
x 690000–691000, y 5335000–5336000.

    python sample_data/musterdorf/generate_alkis.py            # writes musterdorf_alkis.xml next to it
    python sample_data/musterdorf/generate_alkis.py --out DIR
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import shapely
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
for _p in (HERE.parent, HERE):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
from generate_meters import GEMARKUNG  # noqa: E402 - the meter export the parcels must match
from generate_meters import houses as meter_houses  # noqa: E402
from alkis_owners import Person, people  # noqa: E402 - invented owners
from generate_musterdorf import ORIGIN, ROTATION_DEG, Spec, to_world, village  # noqa: E402 - the village layout

OUT_NAME = "musterdorf_alkis.xml"
SEED = 20240615
SRS = "urn:adv:crs:ETRS89_UTM32"
ADV = "http://www.adv-online.de/namespaces/adv/gid/6.0"
OID = "DEBYMUST"  # first 8 characters of every Objektkennung (16 characters)
LAND, REGBEZ, KREIS, GEMEINDE = GEMARKUNG[:2], "9", "99", "123"  # invented Gemeindeschlüssel 09 9 99 123
GEMARKUNG_NR, GEMARKUNG_NAME, FLUR = GEMARKUNG[2:], "Musterdorf", 1
GRUNDBUCHBEZIRK = "1234"
BEGINNT = "2024-05-02T08:00:00Z"  # fixed lifetime start of every object (no timestamp of the run)
PLZ, ORT = "99999", "Musterdorf"
HINWEIS = ("Synthetische NAS-Datei (Markt Musterdorf): erfundene Flurstücke, Gebäude und Eigentümer – "
           "keine realen Daten, keine realen Personen. Erzeugt von sample_data/musterdorf/generate_alkis.py.")

HS, BS, MP, KP, SW, AA = "Hauptstraße", "Bahnhofstraße", "Marktplatz", "Kirchplatz", "Schulweg", "Am Anger"
SST, KW, MS = "Schulstraße", "Kirchweg", "Mühlenstraße"
#: street -> Straßenschlüssel (AX_VerschluesselteLagebezeichnung.lage), the order of the street catalogue
STREETS = {HS: "00101", BS: "00102", MP: "00103", KP: "00104", SW: "00105", AA: "00106", SST: "00107",
           KW: "00108", MS: "00109"}

#: Tatsächliche Nutzung: AX type and funktion (only codes our importer decodes, else None)
WOHNEN = ("AX_Wohnbauflaeche", None)
GEMISCHT = ("AX_FlaecheGemischterNutzung", None)
OEFFENTLICH = ("AX_FlaecheBesondererFunktionalerPraegung", None)
GEWERBE = ("AX_IndustrieUndGewerbeflaeche", None)
STRASSE = ("AX_Strassenverkehr", None)
PLATZ = ("AX_Platz", None)
MARKTPLATZ = ("AX_Platz", "5340")
SPORTPLATZ = ("AX_SportFreizeitUndErholungsflaeche", "4120")
GRUENANLAGE = ("AX_SportFreizeitUndErholungsflaeche", "4400")
SPEICHERBECKEN = ("AX_StehendesGewaesser", "8631")

#: LoD2 function (CityGML 31001_xxxx) or building name -> ALKIS Gebäudefunktion, Dachform
GEBAEUDEFUNKTION = {"Gasthof zur Post": "2081", "Sparkasse": "2030", "Wohn- und Geschäftshaus Marktplatz 3": "1123",
                    "Lebensmittelmarkt": "2050", "Lagerhalle Raiffeisen": "2143", "Kfz-Werkstatt": "2120",
                    "Bauhof Markt Musterdorf": "2112"}
OWN_NAMES = {"2081", "2030", "3012", "3021", "3041", "2050", "2143", "2120", "2112"}  # buildings with a name

# ----------------------------------------------------------------------------- owners (all invented)
#: owner groups that are not persons: key -> (name, address (street, number, PLZ, Ort))
BODIES = {
    "gemeinde": ("Marktgemeinde Musterdorf", (MP, "1", PLZ, ORT)),
    "kirche": ("Katholische Kirchenstiftung St. Musterus", (KP, "2", PLZ, ORT)),
    "bank": ("Kreissparkasse Musterkreis", ("Musterallee", "1", "12345", "Musterstadt")),
    "wirt": ("Musterwirth Gastronomie GmbH", (MP, "2", PLZ, ORT)),
    "markt": ("Mustermarkt Immobilien GmbH & Co. KG", ("Beispielweg", "40", "54321", "Beispielhausen")),
    "genossenschaft": ("Warengenossenschaft Musterdorf eG", (BS, "21", PLZ, ORT)),
}


def to_local(x: float, y: float) -> tuple[float, float]:
    """EPSG:25832 -> village coordinates (inverse of ``to_world`` without rounding)."""
    a = math.radians(ROTATION_DEG)
    dx, dy = x - ORIGIN[0], y - ORIGIN[1]
    return dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)


def R(x0: float, y0: float, x1: float, y1: float) -> Polygon:  # noqa: N802 - a short name for the layout
    """A rectangle in village coordinates."""
    return box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def world_geom(geom: BaseGeometry) -> BaseGeometry:
    """A geometry given in EPSG:25832 -> village coordinates."""
    return shapely.transform(geom, lambda xy: [to_local(x, y) for x, y in xy])


def world_buffer(points: list[tuple[float, float]], half_width: float) -> Polygon:
    """A street corridor along a polyline given in EPSG:25832, in village coordinates."""
    return world_geom(LineString(points).buffer(half_width, cap_style="flat", join_style="mitre"))


# ----------------------------------------------------------------------------- the parcel plan
@dataclass
class Plot:
    """One planned parcel (village coordinates) before numbering and booking."""

    shape: BaseGeometry
    use: tuple[str, str | None]
    owner: str  # owner group key ("gemeinde", "kirche", … or "p:<n>" for persons)
    addresses: list[tuple[str, str]] = field(default_factory=list)  # (street, house number)
    gewann: str | None = None  # Lagebezeichnung ohne Hausnummer (street name of a street parcel)
    zaehler: int | None = None
    nenner: int | None = None
    uses: list[tuple[BaseGeometry, tuple[str, str | None]]] | None = None  # several use objects


def village_plots() -> list[Plot]:
    """The parcels of the village blocks (rectangles in village coordinates, see module doc)."""
    p: list[Plot] = []

    def add(shape: BaseGeometry, use, owner: str, street: str | None = None, number: str | None = None, **kw) -> None:
        p.append(Plot(shape, use, owner, [(street, number)] if number else [], **kw))

    # Hauptstraße, north side (odd numbers), west of the Schulweg; the school behind them
    for n, (x0, x1) in zip((1, 3, 5, 7), ((-156, -132), (-132, -114), (-114, -96), (-96, -80))):
        add(R(x0, 6, x1, 40), WOHNEN, "p", HS, str(n))
    school = R(-156, 40, -80, 95)
    add(school, OEFFENTLICH, "gemeinde", SW, "1", zaehler=30,
        uses=[(R(-156, 40, -80, 75), OEFFENTLICH), (R(-156, 75, -80, 95), SPORTPLATZ)])
    # between Schulweg and Marktplatz
    add(R(-74.5, 6, -60, 26), WOHNEN, "p", HS, "9")
    add(R(-60, 6, -35, 26), WOHNEN, "p:hs11", HS, "11")
    add(R(-74.5, 26, -35, 48), GEMISCHT, "wirt", MP, "2", zaehler=16)
    add(R(-60, 48, -35, 84), GEMISCHT, "p:mp3", MP, "3", zaehler=20, nenner=1)
    add(R(-74.5, 48, -60, 84), WOHNEN, "p:mp3", gewann=SW, zaehler=20, nenner=2)  # Baulücke at the Schulweg
    # the Marktplatz with two vacant corner plots on the Hauptstraße, the Rathaus at its north end
    add(R(-35, 6, -20, 22), GEMISCHT, "p:hs11", HS, "13")
    add(R(20, 6, 35, 22), GEMISCHT, "gemeinde", HS, "15")
    markt = Polygon([(-20, 6), (20, 6), (20, 22), (35, 22), (35, 62), (-35, 62), (-35, 22), (-20, 22)])
    add(markt, MARKTPLATZ, "gemeinde", gewann=MP, zaehler=10)
    add(R(-35, 62, 35, 84), OEFFENTLICH, "gemeinde", MP, "1", zaehler=12)
    # east of the Marktplatz: plot 17, Sparkasse, church, Kirchplatz, Pfarrhaus
    add(R(35, 6, 50, 22), GEMISCHT, "bank", HS, "17")
    add(R(50, 6, 78, 22), GEMISCHT, "bank", HS, "19")
    add(R(35, 22, 78, 46), OEFFENTLICH, "kirche", MP, "5", zaehler=14)
    kirchplatz = Polygon([(35, 46), (78, 46), (78, 56), (50, 56), (50, 84), (35, 84)])
    add(kirchplatz, PLATZ, "kirche", gewann=KP, zaehler=11)
    add(R(50, 56, 78, 84), OEFFENTLICH, "kirche", KP, "2", zaehler=15)
    # Hauptstraße, north side east of the Ostzufahrt (Am Anger)
    for n, (x0, x1) in zip((21, 23, 25, 27), ((86, 101), (101, 119), (119, 137), (137, 156))):
        add(R(x0, 6, x1, 50), WOHNEN, "p", HS, str(n))
    # Am Anger (north of the lane)
    for n, (x0, x1) in enumerate(((-74.5, -50), (-50, -30), (-30, -10), (10, 30), (30, 50), (50, 78)), start=1):
        add(R(x0, 95, x1, 125), WOHNEN, "p", AA, str(n))
    add(R(-10, 95, 10, 125), WOHNEN, "gemeinde", gewann=AA, zaehler=42)  # Baulücke of the Gemeinde (Kita variant)
    # Hauptstraße, south side (even numbers); the Schulstraße leaves between Nr. 8 and 10
    bounds = [(-156, -132), (-132, -114), (-114, -96), (-96, -82.25), (-74.5, -60), (-60, -42), (-42, -24),
              (-24, -6), (6, 24), (24, 42), (42, 60), (60, 78), (78, 96), (96, 114), (114, 132), (132, 156)]
    for k, (x0, x1) in enumerate(bounds):
        n = 2 + 2 * k
        add(R(x0, -6, x1, -28), WOHNEN, "p", HS, str(n), zaehler={30: 201, 32: 202}.get(n))
    # Bahnhofstraße, houses giebelständig on both sides, businesses at the south end
    for k, (y0, y1) in enumerate(((-28, -45), (-45, -63), (-63, -81), (-81, -99), (-99, -117))):
        add(R(-42, y0, -6, y1), WOHNEN, "p", BS, str(1 + 2 * k), zaehler=210 + 2 * k)
        add(R(6, y0, 42, y1), WOHNEN, "p", BS, str(2 + 2 * k), zaehler=211 + 2 * k)
    add(R(6, -117, 50, -158), GEWERBE, "markt", BS, "20", zaehler=230, nenner=1)
    add(R(6, -158, 50, -190), GEWERBE, "gemeinde", BS, "22", zaehler=230, nenner=2)
    add(R(-42, -117, -6, -155), GEWERBE, "genossenschaft", BS, "21", zaehler=231, nenner=1)
    add(R(-42, -155, -6, -190), GEWERBE, "p", BS, "23", zaehler=231, nenner=2)
    return p


def street_plots(taken: BaseGeometry) -> list[Plot]:
    """Street parcels (owned by the Gemeinde), each clipped against what is already taken."""
    lane = R(-74.5, 84, 200, 95)
    ost = R(78, 6, 86, 84)
    east = world_buffer([to_world(190, 89.5), (690600.0, 5335600.0), (690770.0, 5335600.0)], 5.5)
    schul_top = to_local(690300.0, 5335395.0)
    schul = unary_union([R(-82.25, -28, -74.5, -6),
                         LineString([(-78.375, -20), (-78.375, -30), schul_top, to_local(690300.0, 5335198.0)])
                         .buffer(5.0, cap_style="flat", join_style="mitre")])
    specs = [
        (HS, 1, R(-200, -6, 290, 6)),
        (BS, 2, R(-6, -205, 6, -6)),
        (SW, 3, R(-80, 6, -74.5, 95)),
        (AA, 4, unary_union([lane, ost, east])),
        (SST, 5, schul),
        (KW, 6, world_buffer([(690450.0, 5335570.0), (690450.0, 5335935.0)], 5.0)),
        (MS, 7, world_buffer([(690110.0, 5335800.0), (690360.0, 5335800.0)], 5.0)),
    ]
    out = []
    for name, z, shape in specs:
        piece = _largest(shape.difference(taken))
        out.append(Plot(piece, STRASSE, "gemeinde", gewann=name, zaehler=z))
        taken = taken.union(piece)
    return out


def meter_plots(taken: BaseGeometry, known: set[tuple[str, str]]) -> list[Plot]:
    """Parcels for the meter export's addresses the village does not have, at the meters' coordinates.

    In the street's own frame: 24 m along the street (touching the neighbours), from 5 m (street edge) to
    27 m off the street axis.
    """
    from generate_meters import STREETS as METER_STREETS

    frame = {name: ((x0, y0), (dx, dy)) for name, (x0, y0), (dx, dy), _n in METER_STREETS}
    out = []
    for h in meter_houses():
        if (h.street, h.number) in known:
            continue
        (x0, y0), (dx, dy) = frame[h.street]
        along = (h.x - x0) * dx + (h.y - y0) * dy
        side = 1 if int(h.number) % 2 else -1  # odd numbers left of the street direction
        nx, ny = -dy * side, dx * side

        def pt(a: float, c: float) -> tuple[float, float]:
            return x0 + dx * a + nx * c, y0 + dy * a + ny * c

        ring = [pt(along - 12, 5), pt(along + 12, 5), pt(along + 12, 27), pt(along - 12, 27)]
        piece = _largest(world_geom(Polygon(ring)).difference(taken))
        out.append(Plot(piece, WOHNEN, "p", [(h.street, h.number)], zaehler=h.flst))
        taken = taken.union(piece)
    return out


def fill_plots(taken: BaseGeometry) -> list[Plot]:
    """Green parcels of the Gemeinde east of the Am Anger houses (Dorfanger, Regenrückhaltebecken)."""
    out = []
    anger = R(78, 95, 160, 125).difference(taken)
    parts = sorted(getattr(anger, "geoms", [anger]), key=lambda g: g.centroid.x)
    for k, part in enumerate(parts, start=1):
        if part.area > 1.0:
            out.append(Plot(part, GRUENANLAGE, "gemeinde", gewann=AA, zaehler=40, nenner=k if len(parts) > 1 else None))
    out.append(Plot(R(160, 95, 200, 125).difference(taken), SPEICHERBECKEN, "gemeinde", gewann=AA, zaehler=41))
    return out


def _largest(geom: BaseGeometry) -> Polygon:
    """The largest polygon of a clip result (slivers below 5 m² from the clip are dropped)."""
    parts = sorted(getattr(geom, "geoms", [geom]), key=lambda g: -g.area)
    polys = [g for g in parts if isinstance(g, Polygon) and g.area > 5.0]
    if len(polys) != 1:
        raise ValueError(f"Zuschnitt ergibt {len(polys)} Flächen statt einer")
    return polys[0]


def plan() -> list[Plot]:
    """All parcels, numbered (Zähler/Nenner), each a polygon in village coordinates; checked for overlaps."""
    plots = village_plots()
    taken = unary_union([pl.shape for pl in plots])
    streets = street_plots(taken)
    taken = unary_union([taken] + [s.shape for s in streets])
    known = {a for pl in plots for a in pl.addresses}
    meters = meter_plots(taken, known)
    taken = unary_union([taken] + [m.shape for m in meters])
    plots += streets + meters + fill_plots(taken)
    flst = {(h.street, h.number): h.flst for h in meter_houses()}
    for pl in plots:
        if pl.zaehler is None:
            pl.zaehler = flst[pl.addresses[0]]
    keys = [(pl.zaehler, pl.nenner) for pl in plots]
    if len(set(keys)) != len(keys):
        raise ValueError("Flurstücksnummer doppelt vergeben")
    for i, a in enumerate(plots):
        for b in plots[i + 1:]:
            if a.shape.intersection(b.shape).area > 0.01:
                raise ValueError(f"Flurstücke {a.zaehler} und {b.zaehler} überlappen")
    return sorted(plots, key=lambda pl: (pl.zaehler, pl.nenner or 0))


def kennzeichen(zaehler: int, nenner: int | None) -> str:
    """20-character Flurstückskennzeichen as the meter export writes it (Land+Gemarkung, Flur, Zähler, Nenner)."""
    return f"{GEMARKUNG}{FLUR:03d}{zaehler:05d}{nenner or 0:04d}__"


# ----------------------------------------------------------------------------- buildings
def building_shape(spec: Spec) -> Polygon:
    """Footprint of a LoD2 building (main body and BuildingPart merged) in village coordinates."""
    bodies = [spec.body] + ([spec.part] if spec.part else [])
    return unary_union([R(b.cx - b.sx / 2, b.cy - b.sy / 2, b.cx + b.sx / 2, b.cy + b.sy / 2) for b in bodies])


def gebaeudefunktion(spec: Spec) -> str:
    return GEBAEUDEFUNKTION.get(spec.name) or ("1010" if spec.function.endswith("_1000") else
                                               spec.function.split("_")[1])


# ----------------------------------------------------------------------------- NAS writing
def oid(kind: str, n: int) -> str:
    return f"{OID}{kind}{n:07d}"


def _ring_world(poly: Polygon) -> list[tuple[float, float]]:
    """Exterior ring of a village-coordinate polygon in EPSG:25832 (mm), counter-clockwise, closed."""
    poly = orient(shapely.normalize(poly), 1.0)
    pts: list[tuple[float, float]] = []
    for x, y in list(poly.exterior.coords)[:-1]:
        p = to_world(x, y)
        if not pts or p != pts[-1]:
            pts.append(p)
    if pts[0] == pts[-1]:
        pts.pop()
    return pts + pts[:1]


def surface(gid: str, poly: Polygon, ind: str) -> str:
    """``gml:Surface`` with one PolygonPatch; its ring is one Curve of one LineStringSegment."""
    if poly.interiors:
        raise ValueError("Flächen mit Löchern sind nicht vorgesehen")
    pos = " ".join(f"{x:.3f} {y:.3f}" for x, y in _ring_world(poly))
    lines = [(0, f'<gml:Surface gml:id="{gid}_G0" srsName="{SRS}">'), (1, "<gml:patches>"),
             (2, '<gml:PolygonPatch interpolation="planar">'), (3, "<gml:exterior>"), (4, "<gml:Ring>"),
             (5, "<gml:curveMember>"), (6, f'<gml:Curve gml:id="{gid}_G1">'), (7, "<gml:segments>"),
             (8, "<gml:LineStringSegment>"), (9, f"<gml:posList>{pos}</gml:posList>"),
             (8, "</gml:LineStringSegment>"), (7, "</gml:segments>"), (6, "</gml:Curve>"),
             (5, "</gml:curveMember>"), (4, "</gml:Ring>"), (3, "</gml:exterior>"), (2, "</gml:PolygonPatch>"),
             (1, "</gml:patches>"), (0, "</gml:Surface>")]
    return "".join(f"{ind}{'  ' * d}{t}\n" for d, t in lines)


class Writer:
    """Collects the feature members of the Bestandsdatenauszug as text (fixed layout, LF)."""

    IND = "        "  # indentation of an object inside gml:featureMember

    def __init__(self) -> None:
        self.members: list[str] = []

    def obj(self, kind: str, gid: str, body: list[str]) -> None:
        i = self.IND
        head = [f'{i}<{kind} gml:id="{gid}">',
                f'{i}  <gml:identifier codeSpace="http://www.adv-online.de/">urn:adv:oid:{gid}</gml:identifier>',
                f'{i}  <lebenszeitintervall>', f'{i}    <AA_Lebenszeitintervall>',
                f'{i}      <beginnt>{BEGINNT}</beginnt>', f'{i}    </AA_Lebenszeitintervall>',
                f'{i}  </lebenszeitintervall>', f'{i}  <modellart>', f'{i}    <AA_Modellart>',
                f'{i}      <advStandardModell>DLKM</advStandardModell>', f'{i}    </AA_Modellart>',
                f'{i}  </modellart>']
        text = "\n".join(head) + "\n" + "".join(b if b.endswith("\n") else f"{i}  {b}\n" for b in body)
        self.members.append(f"      <gml:featureMember>\n{text}{i}</{kind}>\n      </gml:featureMember>\n")


def _t(tag: str, value: str | None) -> list[str]:
    return [] if value is None else [f"<{tag}>{escape(value)}</{tag}>"]


def _ref(tag: str, gid: str) -> str:
    return f'<{tag} xlink:href="urn:adv:oid:{gid}" />'


def _position(gid: str, poly: Polygon) -> list[str]:
    ind = Writer.IND + "    "
    return ["<position>", surface(gid, poly, ind), "</position>"]


def _key(lage: str) -> list[str]:
    return ["<AX_VerschluesselteLagebezeichnung>", f"  <land>{LAND}</land>",
            f"  <regierungsbezirk>{REGBEZ}</regierungsbezirk>", f"  <kreis>{KREIS}</kreis>",
            f"  <gemeinde>{GEMEINDE}</gemeinde>", f"  <lage>{lage}</lage>", "</AX_VerschluesselteLagebezeichnung>"]


def _share(share: str | None) -> list[str]:
    if share is None:
        return []
    z, n = share.split("/")
    return ["<anteil>", "  <AX_Anteil>", f"    <zaehler>{z}</zaehler>", f"    <nenner>{n}</nenner>",
            "  </AX_Anteil>", "</anteil>"]


def _gemarkung_schluessel() -> list[str]:
    return ["  <AX_Gemarkung_Schluessel>", f"    <land>{LAND}</land>",
            f"    <gemarkungsnummer>{GEMARKUNG_NR}</gemarkungsnummer>", "  </AX_Gemarkung_Schluessel>"]


def _lagebezeichnung(street: str) -> list[str]:
    return ["<lagebezeichnung>", "  <AX_Lagebezeichnung>", "    <verschluesselt>",
            *("      " + s for s in _key(STREETS[street])), "    </verschluesselt>", "  </AX_Lagebezeichnung>",
            "</lagebezeichnung>"]


def write_catalogue(w: Writer, plots: list[Plot], specs: list[Spec]) -> tuple[dict, dict]:
    """Gemarkung, street catalogue and Lagebezeichnungen; returns the ids of the addresses and street names."""
    w.obj("AX_Gemarkung", oid("M", 1), [f"<schluesselGesamt>{GEMARKUNG}</schluesselGesamt>",
                                        f"<bezeichnung>{GEMARKUNG_NAME}</bezeichnung>", "<schluessel>",
                                        *_gemarkung_schluessel(), "</schluessel>"])
    for k, (street, lage) in enumerate(STREETS.items(), start=1):
        w.obj("AX_LagebezeichnungKatalogeintrag", oid("K", k), [
            f"<schluesselGesamt>{LAND}{REGBEZ}{KREIS}{GEMEINDE}{lage}</schluesselGesamt>",
            f"<bezeichnung>{escape(street)}</bezeichnung>", "<schluessel>", *("  " + s for s in _key(lage)),
            "</schluessel>"])
    lage_mit: dict[tuple[str, str], str] = {}
    lage_ohne: dict[str, str] = {}
    addresses = sorted({a for pl in plots for a in pl.addresses} | {(s.street, s.number) for s in specs},
                       key=lambda a: (STREETS[a[0]], int(a[1])))
    for k, (street, number) in enumerate(addresses, start=1):
        lage_mit[(street, number)] = gid = oid("L", k)
        w.obj("AX_LagebezeichnungMitHausnummer", gid, [*_lagebezeichnung(street), f"<hausnummer>{number}</hausnummer>"])
    for k, street in enumerate(sorted({pl.gewann for pl in plots if pl.gewann}, key=STREETS.get), start=1):
        lage_ohne[street] = gid = oid("L", 500 + k)
        w.obj("AX_LagebezeichnungOhneHausnummer", gid, _lagebezeichnung(street))
    return lage_mit, lage_ohne


def write_parcels(w: Writer, plots: list[Plot], lage_mit: dict, lage_ohne: dict, stelle_of: list[str]) -> int:
    """AX_Flurstueck and the objects of the Tatsächliche Nutzung; returns the number of use objects."""
    nutzung: list[tuple[str, Polygon, str | None]] = []
    for i, pl in enumerate(plots):
        gid = oid("F", i + 1)
        nenner = [f"    <nenner>{pl.nenner}</nenner>"] if pl.nenner else []
        body = _position(gid, pl.shape) + [
            "<gemarkung>", *_gemarkung_schluessel(), "</gemarkung>",
            "<flurstuecksnummer>", "  <AX_Flurstuecksnummer>", f"    <zaehler>{pl.zaehler}</zaehler>", *nenner,
            "  </AX_Flurstuecksnummer>", "</flurstuecksnummer>",
            f"<flurstueckskennzeichen>{kennzeichen(pl.zaehler, pl.nenner)}</flurstueckskennzeichen>",
            f'<amtlicheFlaeche uom="urn:adv:uom:m2">{round(_world_area(pl.shape))}</amtlicheFlaeche>',
            f"<flurnummer>{FLUR}</flurnummer>", "<zeitpunktDerEntstehung>1962-07-01</zeitpunktDerEntstehung>",
            "<gemeindezugehoerigkeit>", "  <AX_Gemeindekennzeichen>", f"    <land>{LAND}</land>",
            f"    <regierungsbezirk>{REGBEZ}</regierungsbezirk>", f"    <kreis>{KREIS}</kreis>",
            f"    <gemeinde>{GEMEINDE}</gemeinde>", "  </AX_Gemeindekennzeichen>", "</gemeindezugehoerigkeit>",
            _ref("istGebucht", stelle_of[i])]
        if pl.gewann:
            body.append(_ref("zeigtAuf", lage_ohne[pl.gewann]))
        body += [_ref("weistAuf", lage_mit[a]) for a in pl.addresses]
        w.obj("AX_Flurstueck", gid, body)
        nutzung += [(kind, shape, funktion) for shape, (kind, funktion) in pl.uses or [(pl.shape, pl.use)]]
    for n, (kind, shape, funktion) in enumerate(nutzung, start=1):
        gid = oid("T", n)
        w.obj(kind, gid, _position(gid, shape) + _t("funktion", funktion))
    return len(nutzung)


def write_buildings(w: Writer, specs: list[Spec], lage_mit: dict) -> None:
    """AX_Gebaeude: the footprints of the LoD2 ground surfaces with function, name, storeys and address."""
    for n, spec in enumerate(specs, start=1):
        gid = oid("G", n)
        funktion = gebaeudefunktion(spec)
        w.obj("AX_Gebaeude", gid, _position(gid, building_shape(spec)) + [
            f"<gebaeudefunktion>{funktion}</gebaeudefunktion>",
            *_t("name", spec.name if funktion in OWN_NAMES else None),
            f"<anzahlDerOberirdischenGeschosse>{spec.body.storeys}</anzahlDerOberirdischenGeschosse>",
            f"<dachform>{spec.body.roof_type}</dachform>", _ref("zeigtAuf", lage_mit[(spec.street, spec.number)])])


def write_register(w: Writer, order: list[str], groups: dict, stellen: list[tuple[str, str, int]]) -> list[Person]:
    """Buchungsblätter, Buchungsstellen, Namensnummern, Personen (also bodies and firms) and Anschriften."""
    blatt = {g: oid("B", n) for n, g in enumerate(order, start=1)}
    for n, g in enumerate(order, start=1):
        w.obj("AX_Buchungsblatt", blatt[g], [
            f"<buchungsblattkennzeichen>{LAND}{GRUNDBUCHBEZIRK}{n:07d}</buchungsblattkennzeichen>",
            "<buchungsblattbezirk>", "  <AX_Buchungsblattbezirk_Schluessel>", f"    <land>{LAND}</land>",
            f"    <bezirk>{GRUNDBUCHBEZIRK}</bezirk>", "  </AX_Buchungsblattbezirk_Schluessel>",
            "</buchungsblattbezirk>",
            f"<buchungsblattnummerMitBuchstabenerweiterung>{n:07d}</buchungsblattnummerMitBuchstabenerweiterung>",
            "<blattart>1000</blattart>"])
    for gid, g, lfd in stellen:
        w.obj("AX_Buchungsstelle", gid, ["<buchungsart>1100</buchungsart>",
                                         f"<laufendeNummer>{lfd:04d}</laufendeNummer>",
                                         _ref("istBestandteilVon", blatt[g])])
    bodies = {k: Person(oid("P", 900 + n), name, "", "", addr) for n, (k, (name, addr)) in
              enumerate(BODIES.items(), start=1)}  # public bodies and firms are AX_Person objects too
    listed: list[Person] = []
    nn = 0
    for g in order:
        for j, (who, share) in enumerate(groups[g], start=1):
            p = bodies[who] if isinstance(who, str) else who
            if p not in listed:
                listed.append(p)
            nn += 1
            w.obj("AX_Namensnummer", oid("N", nn), [
                f"<laufendeNummerNachDIN1421>{j:04d}</laufendeNummerNachDIN1421>", *_share(share),
                _ref("istBestandteilVon", blatt[g]), _ref("benennt", p.oid)])
    for n, p in enumerate(listed, start=1):
        aid = oid("A", n)
        w.obj("AX_Person", p.oid, [*_t("nachnameOderFirma", p.nachname), *_t("vorname", p.vorname or None),
                                   *_t("geburtsname", p.geburtsname), *_t("geburtsdatum", p.geburtsdatum or None),
                                   _ref("hat", aid)])
        street, number, plz, ort = p.anschrift
        w.obj("AX_Anschrift", aid, [f"<ort_Post>{escape(ort)}</ort_Post>",
                                    f"<postleitzahlPostzustellung>{plz}</postleitzahlPostzustellung>",
                                    f"<strasse>{escape(street)}</strasse>", f"<hausnummer>{number}</hausnummer>"])
    return listed


def document() -> tuple[str, dict[str, int]]:
    """The NAS file as text and the counts of what it holds."""
    plots = plan()
    specs = village()
    groups, _persons = people(random.Random(SEED), plots, BODIES, OID, PLZ, ORT)
    # one Buchungsblatt per owner group (bodies first, then by their first parcel), one Buchungsstelle per parcel
    private = sorted({pl.owner for pl in plots if pl.owner.startswith("p:")},
                     key=lambda g: min((pl.zaehler, pl.nenner or 0) for pl in plots if pl.owner == g))
    order = [g for g in [*BODIES, *private] if any(pl.owner == g for pl in plots)]
    lfd: dict[str, int] = {}
    stellen = []
    for i, pl in enumerate(plots):
        lfd[pl.owner] = lfd.get(pl.owner, 0) + 1
        stellen.append((oid("S", i + 1), pl.owner, lfd[pl.owner]))
    w = Writer()
    lage_mit, lage_ohne = write_catalogue(w, plots, specs)
    uses = write_parcels(w, plots, lage_mit, lage_ohne, [s[0] for s in stellen])
    write_buildings(w, specs, lage_mit)
    listed = write_register(w, order, groups, stellen)
    counts = {"Flurstücke": len(plots), "Gebäude": len(specs), "Nutzungsobjekte": uses,
              "Personen": sum(1 for p in listed if p.vorname), "Eigentümer": len(listed),
              "Buchungsblätter": len(order), "Namensnummern": sum(len(groups[g]) for g in order)}
    return _frame(plots, "".join(w.members)), counts


def _world_area(poly: Polygon) -> float:
    return Polygon(_ring_world(poly)).area


def _frame(plots: list[Plot], members: str) -> str:
    pts = [p for pl in plots for p in _ring_world(pl.shape)]
    lo = (min(p[0] for p in pts), min(p[1] for p in pts))
    hi = (max(p[0] for p in pts), max(p[1] for p in pts))
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<!--{HINWEIS}-->\n"
        f'<AX_Bestandsdatenauszug xmlns="{ADV}" xmlns:gml="http://www.opengis.net/gml/3.2" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:wfs="http://www.adv-online.de/namespaces/adv/gid/wfs" '
        f'xsi:schemaLocation="{ADV} NAS-Operationen.xsd">\n'
        "  <erfolgreich>true</erfolgreich>\n"
        "  <antragsnummer>Musterdorf_Beispiel_synthetisch</antragsnummer>\n"
        "  <koordinatenangaben>\n"
        "    <AA_Koordinatenreferenzsystemangaben>\n"
        f'      <crs xlink:href="{SRS}" />\n'
        "      <anzahlDerNachkommastellen>3</anzahlDerNachkommastellen>\n"
        "      <standard>true</standard>\n"
        "    </AA_Koordinatenreferenzsystemangaben>\n"
        "  </koordinatenangaben>\n"
        "  <enthaelt>\n"
        '    <wfs:FeatureCollection gml:id="FC1">\n'
        "      <gml:boundedBy>\n"
        f'        <gml:Envelope srsName="{SRS}">\n'
        f"          <gml:lowerCorner>{lo[0]:.3f} {lo[1]:.3f}</gml:lowerCorner>\n"
        f"          <gml:upperCorner>{hi[0]:.3f} {hi[1]:.3f}</gml:upperCorner>\n"
        "        </gml:Envelope>\n"
        "      </gml:boundedBy>\n")
    tail = "    </wfs:FeatureCollection>\n  </enthaelt>\n</AX_Bestandsdatenauszug>\n"
    return head + members + tail


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="Zielordner")
    args = ap.parse_args(argv)
    text, counts = document()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / OUT_NAME).write_bytes(text.encode("utf-8"))
    print(f"{args.out / OUT_NAME}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
