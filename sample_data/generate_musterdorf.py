#!/usr/bin/env python
"""Generate the synthetic sample district "Markt Musterdorf" (CityGML 2.0, LoD2).

The village is *synthetic* – invented buildings, names and addresses – placed on the
real Bavarian DGM1 tile 690/5335 (``sample_data/real/BY_DGM1_690_5335.tif``) in the
south-west of the tile, well away from the real building ``DEBY_LOD2_4959457`` in the
north-east corner. Every building stands at the minimum DGM height under its footprint
(all cells the footprint touches), so no building floats above the terrain.

The output is deterministic: ``python sample_data/generate_musterdorf.py`` rewrites
``sample_data/musterdorf/musterdorf_lod2.gml`` byte-identically (no randomness, no
timestamps). ``--out DIR`` writes somewhere else, ``--dgm FILE`` uses another DGM.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import rasterio
from lxml import etree
from rasterio.features import geometry_mask

HERE = Path(__file__).resolve().parent
DEFAULT_DGM = HERE / "real" / "BY_DGM1_690_5335.tif"
DEFAULT_OUT = HERE / "musterdorf"
OUT_NAME = "musterdorf_lod2.gml"

SRS = "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"
NS = {
    "core": "http://www.opengis.net/citygml/2.0",
    "bldg": "http://www.opengis.net/citygml/building/2.0",
    "gen": "http://www.opengis.net/citygml/generics/2.0",
    "gml": "http://www.opengis.net/gml",
    "xAL": "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0",
    "xlink": "http://www.w3.org/1999/xlink",
}
HINWEIS = "Synthetisch erzeugt – keine realen Daten"
TOWN = "Markt Musterdorf"
CREATION_DATE = "2025-01-01"

# Village origin (centre of the Hauptstraße/Bahnhofstraße junction) and rotation of the
# street grid; local x runs along the Hauptstraße, local y towards the Rathaus. The origin
# was chosen where the real terrain is smooth: under no footprint does the DGM vary by more
# than 1.2 m, so no house sits visibly sunk into the ground.
ORIGIN = (690360.0, 5335460.0)
ROTATION_DEG = 12.0

FUNC_WOHNHAUS = "31001_1000"
FUNC_GEWERBE = "31001_2000"
FUNC_RATHAUS = "31001_3012"
FUNC_KIRCHE = "31001_3041"
FUNC_SCHULE = "31001_3021"
FLAT, GABLED = "1000", "3100"


@dataclass(frozen=True)
class Body:
    """A rectangular building body in local village coordinates (metres)."""

    cx: float
    cy: float
    sx: float  # extent along local x
    sy: float  # extent along local y
    eave: float  # wall height above ground (flat roof: total height)
    ridge: float  # ridge height above ground (== eave for flat roofs)
    ridge_along_y: bool = False
    storeys: int = 2

    @property
    def roof_type(self) -> str:
        return FLAT if self.ridge <= self.eave else GABLED


@dataclass(frozen=True)
class Spec:
    """One building: attributes, main body and optional BuildingPart."""

    name: str
    function: str
    street: str
    number: str
    body: Body
    part: Body | None = None
    part_name: str = ""


def house(cx: float, cy: float, i: int, street: str, number: int, along_y: bool = False) -> Spec:
    """A two-storey gabled Wohnhaus; size and heights vary deterministically with ``i``."""
    length, depth = (12.0, 13.0, 11.0, 14.0)[i % 4], (10.0, 11.0, 9.5)[i % 3]
    eave, ridge = (6.0, 6.4, 5.8, 6.8)[i % 4], (10.2, 11.0, 9.8, 11.6, 10.6)[i % 5]
    sx, sy = (depth, length) if along_y else (length, depth)
    # gabled roofs run along the long side: swap ridge axis for "giebelständig" houses
    body = Body(cx, cy, sx, sy, eave, ridge, ridge_along_y=along_y, storeys=2)
    return Spec(f"Wohnhaus {street} {number}", FUNC_WOHNHAUS, street, str(number), body)


def village() -> list[Spec]:
    """The village layout: main street, side street, market square and a small estate."""
    specs: list[Spec] = []
    hs, bs, mp = "Hauptstraße", "Bahnhofstraße", "Marktplatz"
    # Hauptstraße, north side (odd numbers), west of the square and east of the church
    for k, x in enumerate((-141, -123, -105, -87, -69, -51)):
        specs.append(house(x, 15, k, hs, 1 + 2 * k, along_y=k % 3 == 1))
    for k, x in enumerate((92, 110, 128, 146)):
        specs.append(house(x, 15, k + 1, hs, 21 + 2 * k, along_y=k % 2 == 0))
    # Hauptstraße, south side (even numbers)
    for k, x in enumerate((-141, -123, -105, -87, -69, -51, -33, -15, 15, 33, 51, 69, 87, 105, 123, 141)):
        specs.append(house(x, -15, k + 2, hs, 2 + 2 * k, along_y=k % 4 == 3))
    # Bahnhofstraße (side street towards the south), houses giebelständig to the street
    for k, y in enumerate((-36, -54, -72, -90, -108)):
        specs.append(house(-15, y, k, bs, 1 + 2 * k, along_y=False))
        specs.append(house(15, y, k + 3, bs, 2 + 2 * k, along_y=False))
    # small residential lane north of the Rathaus
    for k, x in enumerate((-60, -40, -20, 20, 40, 60)):
        specs.append(house(x, 104, k, "Am Anger", 1 + k, along_y=k % 2 == 1))
    # market square (x -35..35, y 5..62) with Rathaus, church, Gasthof, Sparkasse
    specs += [
        Spec("Rathaus Markt Musterdorf", FUNC_RATHAUS, mp, "1",
             Body(0, 72, 26, 15, 9.5, 16.5, storeys=3)),
        Spec("Pfarrkirche St. Musterus", FUNC_KIRCHE, mp, "5",
             Body(61, 37, 32, 14, 12.0, 20.0, storeys=1),
             part=Body(41.5, 37, 7, 7, 28.0, 36.0, ridge_along_y=True, storeys=1),
             part_name="Kirchturm"),
        Spec("Gasthof zur Post", FUNC_GEWERBE, mp, "2",
             Body(-44, 37, 12, 18, 7.0, 12.5, ridge_along_y=True, storeys=2),
             part=Body(-57, 37, 14, 16, 6.0, 6.0, storeys=1), part_name="Festsaal"),
        Spec("Wohn- und Geschäftshaus Marktplatz 3", FUNC_WOHNHAUS, mp, "3",
             Body(-44, 56, 12, 12, 7.5, 12.0, ridge_along_y=False, storeys=3)),
        Spec("Pfarrhaus", FUNC_WOHNHAUS, "Kirchplatz", "2", Body(61, 62, 14, 11, 6.5, 11.0)),
        Spec("Sparkasse", FUNC_GEWERBE, hs, "19", Body(62, 15, 20, 12, 10.5, 10.5, storeys=3)),
        Spec("Grundschule Musterdorf", FUNC_SCHULE, "Schulweg", "1",
             Body(-100, 62, 40, 14, 10.0, 10.0, storeys=3)),
    ]
    # small commercial area at the south end of the Bahnhofstraße (flat roofs)
    specs += [
        Spec("Lebensmittelmarkt", FUNC_GEWERBE, bs, "20", Body(28, -140, 32, 22, 6.0, 6.0, storeys=1)),
        Spec("Lagerhalle Raiffeisen", FUNC_GEWERBE, bs, "21", Body(-26, -138, 26, 18, 8.0, 8.0, storeys=1)),
        Spec("Kfz-Werkstatt", FUNC_GEWERBE, bs, "23", Body(-24, -166, 16, 12, 5.0, 5.0, storeys=1)),
        Spec("Bauhof Markt Musterdorf", FUNC_GEWERBE, bs, "22", Body(26, -172, 20, 14, 6.5, 6.5, storeys=1)),
    ]
    return specs


def to_world(x: float, y: float) -> tuple[float, float]:
    """Local village coordinates -> EPSG:25832, rounded to millimetres."""
    a = math.radians(ROTATION_DEG)
    wx = ORIGIN[0] + x * math.cos(a) - y * math.sin(a)
    wy = ORIGIN[1] + x * math.sin(a) + y * math.cos(a)
    return round(wx, 3), round(wy, 3)


def footprint(b: Body) -> list[tuple[float, float]]:
    """Footprint corners in world coordinates, counter-clockwise seen from above."""
    hx, hy = b.sx / 2, b.sy / 2
    local = [(-hx, -hy), (hx, -hy), (hx, hy), (-hx, hy)]
    if b.ridge_along_y:  # start at a long side so that corners 0-1 and 2-3 are eaves
        local = local[1:] + local[:1]
    return [to_world(b.cx + u, b.cy + v) for u, v in local]


def dgm_min(dgm: np.ndarray, transform: rasterio.Affine, rings: list[list[tuple[float, float]]]) -> float:
    """Minimum DGM value in all cells touched by the given footprints."""
    shapes = [{"type": "Polygon", "coordinates": [ring + ring[:1]]} for ring in rings]
    inside = geometry_mask(shapes, dgm.shape, transform, all_touched=True, invert=True)
    values = dgm[inside]
    values = values[values != -9999.0]
    if values.size == 0:
        raise ValueError("footprint outside the DGM")
    return round(float(values.min()), 3)


def surfaces(b: Body, z0: float) -> list[tuple[str, list[tuple[float, float, float]]]]:
    """LoD2 boundary polygons (open rings, outward = counter-clockwise from outside)."""
    fp = footprint(b)
    ze, zr = round(z0 + b.eave, 3), round(z0 + b.ridge, 3)
    bottom = [(x, y, z0) for x, y in fp]
    top = [(x, y, ze) for x, y in fp]
    out = [("GroundSurface", bottom[::-1])]
    if b.roof_type == FLAT:
        out.append(("RoofSurface", top))
        for i in range(4):
            j = (i + 1) % 4
            out.append(("WallSurface", [bottom[i], bottom[j], top[j], top[i]]))
        return out
    # gabled: eaves along edges 0-1 and 2-3, ridge between the midpoints of 1-2 and 3-0
    def ridge_end(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float, float]:
        return round((p[0] + q[0]) / 2, 3), round((p[1] + q[1]) / 2, 3), zr

    r12, r30 = ridge_end(fp[1], fp[2]), ridge_end(fp[3], fp[0])
    out.append(("RoofSurface", [top[0], top[1], r12, r30]))
    out.append(("RoofSurface", [top[2], top[3], r30, r12]))
    out.append(("WallSurface", [bottom[0], bottom[1], top[1], top[0]]))
    out.append(("WallSurface", [bottom[1], bottom[2], top[2], r12, top[1]]))
    out.append(("WallSurface", [bottom[2], bottom[3], top[3], top[2]]))
    out.append(("WallSurface", [bottom[3], bottom[0], top[0], r30, top[3]]))
    return out


def q(prefix: str, tag: str) -> str:
    """Clark notation for ``prefix:tag``."""
    return f"{{{NS[prefix]}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a child ``prefix:tag`` with optional text and attributes."""
    el = etree.SubElement(parent, q(*tag.split(":")))
    for key, value in attrs.items():
        el.set(q(*key.split("__")) if "__" in key else key, value)
    if text is not None:
        el.text = text
    return el


def write_attributes(el: etree._Element, name: str, function: str, b: Body) -> None:
    """Common CityObject/AbstractBuilding attributes in CityGML 2.0 schema order."""
    sub(el, "gml:name", name)
    sub(el, "core:creationDate", CREATION_DATE)
    sub(sub(el, "gen:stringAttribute", name="Hinweis"), "gen:value", HINWEIS)
    sub(el, "bldg:function", function)
    sub(el, "bldg:roofType", b.roof_type)
    sub(el, "bldg:measuredHeight", f"{b.ridge:.2f}", uom="urn:adv:uom:m")
    sub(el, "bldg:storeysAboveGround", str(b.storeys))


def write_geometry(el: etree._Element, gid: str, b: Body, z0: float) -> None:
    """Append one ``bldg:boundedBy`` per LoD2 polygon."""
    count: dict[str, int] = {}
    for kind, ring in surfaces(b, z0):
        count[kind] = count.get(kind, 0) + 1
        sid = f"{gid}_{kind.removesuffix('Surface').lower()}_{count[kind]}"
        surf = sub(sub(el, "bldg:boundedBy"), f"bldg:{kind}", gml__id=sid)
        ms = sub(sub(surf, "bldg:lod2MultiSurface"), "gml:MultiSurface")
        poly = sub(sub(ms, "gml:surfaceMember"), "gml:Polygon", gml__id=f"{sid}_poly")
        pts = " ".join(f"{x:.3f} {y:.3f} {z:.3f}" for x, y, z in ring + ring[:1])
        sub(sub(sub(poly, "gml:exterior"), "gml:LinearRing"), "gml:posList", pts, srsDimension="3")


def write_address(el: etree._Element, street: str, number: str) -> None:
    """xAL address in the form used by the German state LoD2 tiles."""
    details = sub(sub(sub(el, "bldg:address"), "core:Address"), "core:xalAddress")
    country = sub(sub(details, "xAL:AddressDetails"), "xAL:Country")
    sub(country, "xAL:CountryName", "Germany")
    locality = sub(country, "xAL:Locality", Type="Town")
    sub(locality, "xAL:LocalityName", TOWN)
    thoroughfare = sub(locality, "xAL:Thoroughfare", Type="Street")
    sub(thoroughfare, "xAL:ThoroughfareNumber", number)
    sub(thoroughfare, "xAL:ThoroughfareName", street)


def build_model(dgm_path: Path) -> etree._Element:
    """Build the CityModel element tree for the whole village."""
    with rasterio.open(dgm_path) as ds:
        dgm, transform = ds.read(1), ds.transform
    root = etree.Element(q("core", "CityModel"), nsmap=NS)
    sub(root, "gml:description", "Synthetische Testdaten (erfundene Gebäude, Namen und Adressen) auf einer "
        "realen DGM1-Kachel (Bayerische Vermessungsverwaltung, 690/5335). Keine realen Daten.")
    sub(root, "gml:name", f"{TOWN} (synthetisch)")
    envelope = sub(sub(root, "gml:boundedBy"), "gml:Envelope", srsName=SRS, srsDimension="3")
    lower, upper = sub(envelope, "gml:lowerCorner"), sub(envelope, "gml:upperCorner")
    points: list[tuple[float, float, float]] = []
    for n, spec in enumerate(village(), start=1):
        gid = f"DEBY_MUSTER_{n:04d}"
        bodies = [spec.body] + ([spec.part] if spec.part else [])
        z0 = dgm_min(dgm, transform, [footprint(b) for b in bodies])
        bldg = sub(sub(root, "core:cityObjectMember"), "bldg:Building", gml__id=gid)
        write_attributes(bldg, spec.name, spec.function, spec.body)
        write_geometry(bldg, gid, spec.body, z0)
        if spec.part:
            pid = f"{gid}_BP01"
            part = sub(sub(bldg, "bldg:consistsOfBuildingPart"), "bldg:BuildingPart", gml__id=pid)
            write_attributes(part, f"{spec.name} – {spec.part_name}", spec.function, spec.part)
            write_geometry(part, pid, spec.part, z0)
        write_address(bldg, spec.street, spec.number)
        points += [p for b in bodies for _, ring in surfaces(b, z0) for p in ring]
    arr = np.array(points)
    lower.text = " ".join(f"{v:.3f}" for v in arr.min(axis=0))
    upper.text = " ".join(f"{v:.3f}" for v in arr.max(axis=0))
    return root


def generate(out_dir: Path = DEFAULT_OUT, dgm_path: Path = DEFAULT_DGM) -> Path:
    """Write ``musterdorf_lod2.gml`` into ``out_dir`` and return its path."""
    root = build_model(Path(dgm_path))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / OUT_NAME
    body = etree.tostring(root, pretty_print=True, encoding="UTF-8")
    target.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + body)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--dgm", type=Path, default=DEFAULT_DGM, help="DGM GeoTIFF (EPSG:25832)")
    args = parser.parse_args(argv)
    target = generate(args.out, args.dgm)
    print(f"{target}: {len(village())} synthetische Gebäude")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
