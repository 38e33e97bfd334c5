"""ALKIS (AAA model) cadastre import from NAS files.

:mod:`importers.alkis.scan` validates a NAS file and cuts out the objects that are read;
:func:`importers.alkis.nas.parse_nas` turns them into plain records (file coordinates);
:class:`importers.alkis.load.NASImporter` validates, reprojects and writes parcels (with their
Tatsächliche Nutzung, :mod:`importers.alkis.nutzung`), building footprints and – only where a
delivery has them – owners and land-register entries; NBA deletes/replacements:
:mod:`importers.alkis.nba`.
"""
