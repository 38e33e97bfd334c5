"""Edit a GeoPackage through GDAL's OGR feature API, as QGIS/QField do (run with a Python that has osgeo).

Usage: python3 gdal_edit.py PACKAGE.gpkg EDITS.json – EDITS is a list of
``{"op": "update", "layer": L, "where": {"field": value}, "set": {...}, "wkt": optional}``,
``{"op": "insert", "layer": L, "set": {...}, "wkt": optional}`` or ``{"op": "delete", "layer": L, "where": {...}}``.
Prints the fids of inserted features as JSON. Every edit of one call is one GDAL transaction.
"""

import json
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()


def _find(layer, where):
    layer.SetAttributeFilter(" AND ".join(f"\"{k}\" = '{v}'" for k, v in where.items()))
    feats = list(layer)
    layer.SetAttributeFilter(None)
    if len(feats) != 1:
        raise SystemExit(f"{len(feats)} Treffer für {where}")
    return feats[0]


def _set(feat, values, wkt):
    for k, v in values.items():
        if v is None:
            feat.SetFieldNull(k)
        else:
            feat.SetField(k, v)
    if wkt is not None:
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))


def main(path, edits_path):
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.StartTransaction()
    new = []
    for e in edits:
        layer = ds.GetLayerByName(e["layer"])
        if e["op"] == "update":
            feat = _find(layer, e["where"])
            _set(feat, e.get("set", {}), e.get("wkt"))
            layer.SetFeature(feat)
        elif e["op"] == "insert":
            feat = ogr.Feature(layer.GetLayerDefn())
            _set(feat, e.get("set", {}), e.get("wkt"))
            layer.CreateFeature(feat)
            new.append(feat.GetFID())
        elif e["op"] == "delete":
            layer.DeleteFeature(_find(layer, e["where"]).GetFID())
    ds.CommitTransaction()
    ds = None
    print(json.dumps(new))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
