"""XML namespaces and tag names of CityGML 1.0 / 2.0 (GML 3.1.1) and CityGML 3.0 (GML 3.2)."""

from __future__ import annotations

from lxml import etree

GML = "http://www.opengis.net/gml"
GML32 = "http://www.opengis.net/gml/3.2"
GML_NAMESPACES = (GML, GML32)
XLINK = "http://www.w3.org/1999/xlink"
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
XAL3 = "urn:oasis:names:tc:ciq:xal:3"

CORE3 = "http://www.opengis.net/citygml/3.0"
BLDG3 = "http://www.opengis.net/citygml/building/3.0"
CON3 = "http://www.opengis.net/citygml/construction/3.0"
GEN3 = "http://www.opengis.net/citygml/generics/3.0"

#: core namespace -> CityGML version
CORE_VERSIONS = {
    "http://www.opengis.net/citygml/1.0": "1.0",
    "http://www.opengis.net/citygml/2.0": "2.0",
    CORE3: "3.0",
}
#: building namespace -> CityGML version
BLDG_VERSIONS = {
    "http://www.opengis.net/citygml/building/1.0": "1.0",
    "http://www.opengis.net/citygml/building/2.0": "2.0",
    BLDG3: "3.0",
}
GEN = frozenset({"http://www.opengis.net/citygml/generics/1.0", "http://www.opengis.net/citygml/generics/2.0",
                 GEN3})
CITYGML3_PREFIX = "http://www.opengis.net/citygml/3."

#: namespaces of a building's geometry and boundary-surface properties: bldg: in 1.0/2.0, core: in 3.0
GEOMETRY_PROPERTY_NS = frozenset(BLDG_VERSIONS) | {CORE3}

GML_ID = f"{{{GML}}}id"
GML32_ID = f"{{{GML32}}}id"
GML_NAME = f"{{{GML}}}name"
GML_NAMES = frozenset(f"{{{ns}}}name" for ns in GML_NAMESPACES)
XLINK_HREF = f"{{{XLINK}}}href"

BUILDING_TAGS = frozenset(f"{{{ns}}}{name}" for ns in BLDG_VERSIONS for name in ("Building", "BuildingPart"))
BUILDING_PART_TAGS = frozenset(f"{{{ns}}}BuildingPart" for ns in BLDG_VERSIONS)


def split_tag(tag: str) -> tuple[str, str]:
    """``'{ns}local'`` -> ``('ns', 'local')``."""
    if tag[:1] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def gml(name: str) -> str:
    """Clark notation of a GML 3.1.1 element name."""
    return f"{{{GML}}}{name}"


def gml_any(name: str) -> frozenset[str]:
    """Clark notation of a GML element name in GML 3.1.1 and GML 3.2."""
    return frozenset(f"{{{ns}}}{name}" for ns in GML_NAMESPACES)


def gml_id(elem: etree._Element) -> str | None:
    """``gml:id`` of an element, GML 3.1.1 or 3.2."""
    value = elem.get(GML_ID)
    return value if value is not None else elem.get(GML32_ID)
