"""ALKIS (AAA model) cadastre import from NAS files.

:func:`importers.alkis.nas.parse_nas` streams a NAS file into plain records (file coordinates);
:class:`importers.alkis.load.NASImporter` validates, reprojects and writes parcels, building
footprints and – only where a delivery has them – owners and land-register entries.
"""
