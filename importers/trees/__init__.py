"""Tree cadastre (Baumkataster) import: CSV (any German spreadsheet dialect), GeoJSON, Shapefile, GeoPackage.

* :mod:`importers.trees.csvread` – encoding, delimiter and decimal detection, strict number parsing;
* :mod:`importers.trees.synonyms` – German and English column names per field of ``twin.model.trees.TREES``;
* :mod:`importers.trees.coords` – CRS inference from value ranges, damaged coordinates per row;
* :mod:`importers.trees.fll` – dates and the next inspection (FLL-Baumkontrollrichtlinie);
* :mod:`importers.trees.source` – a file read into raw columns (CSV or a GIS point layer);
* :mod:`importers.trees.propose` – the proposed mapping profile (synonyms, unique key, units);
* :mod:`importers.trees.load` – :class:`~importers.trees.load.TreeImporter`.
"""
