"""Water meter import (Wasserzähler) from billing-system CSV exports.

* :mod:`importers.meters.columns` – German/English column names per field, the optional profile TOML;
* :mod:`importers.meters.locate` – location by coordinates, ALKIS parcel or address (Lagebezeichnung);
* :mod:`importers.meters.load` – :class:`~importers.meters.load.MeterImporter`.
"""
