"""Flat cadastre exports -> the ``parcels`` layer.

INSPIRE CadastralParcels GML (:mod:`.inspire`) and Shapefile/GeoPackage/GeoJSON read with
pyogrio (:mod:`.ogr`), mapped onto the same PARCELS schema the NAS importer fills.
The importer is :class:`importers.cadastre_flat.load.FlatCadastreImporter`.
"""
