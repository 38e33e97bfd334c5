"""CityGML 1.0 / 2.0 / 3.0 building import (3.0: GML 3.2, core:boundary, con: surfaces, con:height).

:func:`importers.citygml.parse.parse_citygml` streams a CityGML file into the plain records of
:mod:`importers.citygml.model` (file coordinates, no reprojection, no database).
"""
