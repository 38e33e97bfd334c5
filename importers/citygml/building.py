"""One bldg:Building / bldg:BuildingPart element -> :class:`CityBuilding`."""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from importers.citygml.geometry import GeometryReader, kind_from_normal
from importers.citygml.model import SURFACE_KINDS, CityBuilding, ParseProblem, Surface
from importers.citygml.ns import (
    BLDG_VERSIONS,
    CON3,
    CORE3,
    CORE_VERSIONS,
    GEN,
    GEOMETRY_PROPERTY_NS,
    GML_NAMES,
    XAL,
    XAL3,
    gml_id as element_id,
    split_tag,
)

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
#: xAL 3 (CityGML 3.0): (parent element, child element) of each address part
_XAL3_STREET = (f"{{{XAL3}}}Thoroughfare", f"{{{XAL3}}}NameElement")
_XAL3_NUMBER = (f"{{{XAL3}}}Thoroughfare", f"{{{XAL3}}}Number")
_XAL3_POSTCODE = (f"{{{XAL3}}}PostCode", f"{{{XAL3}}}Identifier")
_XAL3_LOCALITY = (f"{{{XAL3}}}Locality", f"{{{XAL3}}}NameElement")
#: boundary surfaces: bldg:boundedBy (1.0/2.0), core:boundary (3.0)
_BOUNDARY_PROPERTIES = ("boundedBy", "boundary")


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
        if ns not in GEOMETRY_PROPERTY_NS:
            continue
        if local in _BOUNDARY_PROPERTIES:
            for surface in child.iterchildren(tag=etree.Element):
                kind = split_tag(surface.tag)[1]
                kind = kind if kind in SURFACE_KINDS else "Unclassified"
                for prop in surface.iterchildren(tag=etree.Element):
                    m = _SURFACE_GEOMETRY.match(split_tag(prop.tag)[1])
                    if m:
                        semantic[int(m.group(1))].append((kind, element_id(surface), prop))
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
        if child.tag in GML_NAMES:
            attrs["name"] = attrs["name"] or text or None
        elif ns in CORE_VERSIONS and local == "creationDate":
            attrs["creation_date"] = text or None
        elif ns in GEN and local.endswith("Attribute"):
            name = child.get("name")
            value = next((v for v in child.iterchildren(tag=etree.Element) if split_tag(v.tag)[1] == "value"), None)
            if name and value is not None:
                generic[name] = (value.text or "").strip()
        elif ns == CORE3 and local == "genericAttribute":
            _generic3(child, generic)
        elif ns == CON3 and local == "height":
            if attrs["measured_height"] is None:
                attrs["measured_height"] = _height3(child, gml_id, problems)
        elif ns == CON3 and local == "dateOfConstruction" and text[:4].isdigit():
            attrs["year_of_construction"] = int(text[:4])
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


def _generic3(prop: etree._Element, generic: dict[str, str]) -> None:
    """CityGML 3.0 ``genericAttribute/gen:XxxAttribute`` with ``gen:name`` and ``gen:value`` children."""
    for attr in prop.iterchildren(tag=etree.Element):
        parts = {split_tag(c.tag)[1]: (c.text or "").strip() for c in attr.iterchildren(tag=etree.Element)}
        if parts.get("name") and "value" in parts:
            generic[parts["name"]] = parts["value"]


def _height3(prop: etree._Element, gml_id: str, problems: list[ParseProblem]) -> float | None:
    """CityGML 3.0 ``con:height/con:Height/con:value`` in metres (replaces measuredHeight)."""
    value = next(prop.iter(f"{{{CON3}}}value"), None)
    text = (value.text or "").strip() if value is not None else ""
    try:
        return float(text) if text else None
    except ValueError:
        problems.append(ParseProblem(value.sourceline, gml_id, f"Gebäudehöhe (con:height) '{text[:30]}' ist keine "
                                                               "Zahl; ignoriert"))
        return None


def _address_line(address: etree._Element) -> str | None:
    """xAL 2 or 3 address as one line: ``Street 12, 80333 City`` (missing parts left out)."""
    def first(*tags: str) -> str:
        for tag in tags:
            for e in address.iter(tag):
                if e.text and e.text.strip():
                    return e.text.strip()
        return ""

    def first3(parent: str, child: str) -> str:
        for p in address.iter(parent):
            for e in p.iterchildren(child):
                if e.text and e.text.strip():
                    return e.text.strip()
        return ""

    street = " ".join(p for p in (first(_XAL_STREET) or first3(*_XAL3_STREET),
                                  first(*_XAL_NUMBERS) or first3(*_XAL3_NUMBER)) if p)
    place = " ".join(p for p in (first(_XAL_POSTCODE) or first3(*_XAL3_POSTCODE),
                                 first(_XAL_LOCALITY) or first3(*_XAL3_LOCALITY)) if p)
    return ", ".join(p for p in (street, place) if p) or None
