"""CityGML 1.0 / 2.0 building import.

:func:`importers.citygml.parse.parse_citygml` streams a CityGML file into the plain records of
:mod:`importers.citygml.model` (file coordinates, no reprojection, no database).
"""
