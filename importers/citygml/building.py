"""One bldg:Building / bldg:BuildingPart element -> :class:`CityBuilding`."""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from importers.citygml.geometry import GeometryReader, kind_from_normal
from importers.citygml.model import SURFACE_KINDS, CityBuilding, ParseProblem, Surface
from importers.citygml.ns import BLDG_VERSIONS, CORE_VERSIONS, GEN, GML_ID, GML_NAME, XAL, split_tag

#: bldg:lod1Solid, bldg:lod2MultiSurface, ... on the building itself
_BUILDING_GEOMETRY = re.compile(r"lod([1-4])(Solid|MultiSurface)$")
#: bldg:lod2MultiSurface, ... on a boundary surface
_SURFACE_GEOMETRY = re.compile(r"lod([2-4])MultiSurface$")

_TEXT_ATTRIBUTES = {"function": "function", "usage": "usage", "roofType": "roof_type"}
_NUMBER_ATTRIBUTES = {
    "measuredHeight": ("measured_height", float, "Gebäudehöhe (measuredHeight)"),
    "storeysAboveGround": ("storeys_above_ground", int, "Geschosszahl (storeysAboveGround)"),
    "yearOfConstruction": ("year_of_construction", int, "Baujahr (yearOfConstruction)"),
}
_XAL_STREET = f"{{{XAL}}}ThoroughfareName"
_XAL_NUMBERS = tuple(f"{{{XAL}}}{n}" for n in ("ThoroughfareNumber", "BuildingNumber", "PremiseNumber"))
_XAL_POSTCODE = f"{{{XAL}}}PostalCodeNumber"
_XAL_LOCALITY = f"{{{XAL}}}LocalityName"


def read_building(
    elem: etree._Element, gml_id: str, parent_id: str | None, default_dim: int, problems: list[ParseProblem]
) -> CityBuilding:
    """Attributes and surfaces of one Building/BuildingPart (its BuildingParts excluded)."""
    lod, surfaces = _surfaces(elem, gml_id, default_dim, problems)
    return CityBuilding(
        gml_id=gml_id,
        parent_id=parent_id,
        lod=lod,
        attributes=_attributes(elem, gml_id, problems),
        surfaces=surfaces,
        line=elem.sourceline,
    )


def _surfaces(elem: etree._Element, gml_id: str, dim: int, problems: list[ParseProblem]) -> tuple[int, list[Surface]]:
    """Surfaces of the highest LoD that has any: semantic surfaces if present, else faces
    of lodNSolid / lodNMultiSurface classified by their normal."""
    semantic: dict[int, list[tuple[str, str | None, etree._Element]]] = defaultdict(list)
    plain: dict[int, list[etree._Element]] = defaultdict(list)
    for child in elem.iterchildren(tag=etree.Element):
        ns, local = split_tag(child.tag)
        if ns not in BLDG_VERSIONS:
            continue
        if local == "boundedBy":
            for surface in child.iterchildren(tag=etree.Element):
                kind = split_tag(surface.tag)[1]
                kind = kind if kind in SURFACE_KINDS else "Unclassified"
                for prop in surface.iterchildren(tag=etree.Element):
                    m = _SURFACE_GEOMETRY.match(split_tag(prop.tag)[1])
                    if m:
                        semantic[int(m.group(1))].append((kind, surface.get(GML_ID), prop))
        elif m := _BUILDING_GEOMETRY.match(local):
            plain[int(m.group(1))].append(child)

    reader = GeometryReader(elem, gml_id, dim, problems)
    for lod in sorted(set(semantic) | set(plain), reverse=True):
        surfaces: list[Surface] = []
        if semantic.get(lod):
            for kind, surface_id, prop in semantic[lod]:
                polygons = [poly for poly, _ in reader.polygons(prop)]
                if polygons:
                    surfaces.append(Surface(kind, polygons, surface_id))
        else:
            for prop in plain[lod]:
                surfaces.extend(
                    Surface(kind_from_normal(poly[0]), [poly], poly_id, derived=True)
                    for poly, poly_id in reader.polygons(prop)
                )
        if surfaces:
            return lod, surfaces
    return 0, []


def _attributes(elem: etree._Element, gml_id: str, problems: list[ParseProblem]) -> dict[str, object]:
    attrs: dict[str, object] = {
        "function": None, "usage": None, "roof_type": None, "measured_height": None,
        "storeys_above_ground": None, "name": None, "year_of_construction": None,
        "creation_date": None, "address": None, "generic": {},
    }
    generic: dict[str, str] = attrs["generic"]  # type: ignore[assignment]
    for child in elem.iterchildren(tag=etree.Element):
        ns, local = split_tag(child.tag)
        text = (child.text or "").strip()
        if child.tag == GML_NAME:
            attrs["name"] = attrs["name"] or text or None
        elif ns in CORE_VERSIONS and local == "creationDate":
            attrs["creation_date"] = text or None
        elif ns in GEN and local.endswith("Attribute"):
            name = child.get("name")
            value = next((v for v in child.iterchildren(tag=etree.Element) if split_tag(v.tag)[1] == "value"), None)
            if name and value is not None:
                generic[name] = (value.text or "").strip()
        elif ns not in BLDG_VERSIONS:
            continue
        elif local in _TEXT_ATTRIBUTES:
            key = _TEXT_ATTRIBUTES[local]
            attrs[key] = attrs[key] or text or None
        elif local in _NUMBER_ATTRIBUTES:
            key, convert, label = _NUMBER_ATTRIBUTES[local]
            try:
                attrs[key] = convert(text)
            except ValueError:
                message = f"{label} '{text[:30]}' ist keine Zahl; ignoriert"
                problems.append(ParseProblem(child.sourceline, gml_id, message))
        elif local == "address" and attrs["address"] is None:
            attrs["address"] = _address_line(child)
    return attrs


def _address_line(address: etree._Element) -> str | None:
    """xAL address as one line: ``Street 12, 80333 City`` (missing parts left out)."""
    def first(*tags: str) -> str:
        for tag in tags:
            for e in address.iter(tag):
                if e.text and e.text.strip():
                    return e.text.strip()
        return ""

    street = " ".join(p for p in (first(_XAL_STREET), first(*_XAL_NUMBERS)) if p)
    place = " ".join(p for p in (first(_XAL_POSTCODE), first(_XAL_LOCALITY)) if p)
    return ", ".join(p for p in (street, place) if p) or None
