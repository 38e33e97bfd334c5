"""XML namespaces and tag names of CityGML 1.0 / 2.0 (GML 3.1.1)."""

from __future__ import annotations

GML = "http://www.opengis.net/gml"
XLINK = "http://www.w3.org/1999/xlink"
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"

#: core namespace -> CityGML version
CORE_VERSIONS = {
    "http://www.opengis.net/citygml/1.0": "1.0",
    "http://www.opengis.net/citygml/2.0": "2.0",
}
#: building namespace -> CityGML version
BLDG_VERSIONS = {
    "http://www.opengis.net/citygml/building/1.0": "1.0",
    "http://www.opengis.net/citygml/building/2.0": "2.0",
}
GEN = frozenset({"http://www.opengis.net/citygml/generics/1.0", "http://www.opengis.net/citygml/generics/2.0"})
CITYGML3_PREFIX = "http://www.opengis.net/citygml/3."

GML_ID = f"{{{GML}}}id"
GML_NAME = f"{{{GML}}}name"
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
    """Clark notation of a GML element name."""
    return f"{{{GML}}}{name}"
