"""Sewer network (Kanalkataster) from Shapefile/GeoPackage exports through a field-mapping profile.

Point layers -> ``sewer_nodes``, line layers -> ``sewer_reaches`` (same schema as the ISYBAU importer).
The importer is :class:`importers.sewer_gis.load.SewerGISImporter`.
"""
