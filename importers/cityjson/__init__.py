"""CityJSON 1.0 / 1.1 / 2.0 building import into the ``buildings`` and ``building_surfaces`` layers.

:func:`importers.cityjson.parse.parse_cityjson` turns a CityJSON file into the same plain records as the
CityGML parser (:mod:`importers.citygml.model`); :class:`importers.cityjson.load.CityJSONImporter` writes
them through the shared CityGML writer. Decisions:

* ``Building`` and ``BuildingPart`` objects are imported; a BuildingPart is its own row in ``buildings``
  with ``parent_id`` = its parent Building (as the CityGML importer does with bldg:BuildingPart), and a
  Building without geometry of its own gets the footprint of its parts.
* Of several geometries the one with the highest LoD is used (``"2.2"`` > ``"2"`` > ``"1.3"``; the
  ``lod`` column holds the integer part). Template geometries (GeometryInstance) are skipped with a note.
* Solid / MultiSolid / CompositeSolid: only the outer shell of each solid; MultiSurface /
  CompositeSurface: every surface. Polygons with a semantic surface (RoofSurface, WallSurface, ...)
  are grouped per semantic object; polygons without one get their kind from the face normal
  (``derived``), as for CityGML LoD1.
* ``metadata.referenceSystem`` (also compound, e.g. EPSG:7415 = RD New + NAP) is resolved with
  :func:`twin.crs.resolve_crs`; x/y are reprojected into the project CRS, heights are kept. CityJSON
  always writes x, y, z (easting first), whatever the EPSG axis order says.
"""
