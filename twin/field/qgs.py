"""The QGIS project (.qgs) of a field package, as QField opens it directly (no Qt, no QGIS: plain XML).

The project sits next to ``daten.gpkg`` and names every table relative to itself
(``./daten.gpkg|layername=NAME``, provider ``ogr``), so the package folder can be copied to a tablet as is.
Editable layers come first in the legend, the context layers after them, read-only. The form of every layer
follows :class:`~twin.field.spec.FormField`: aliases, QGIS edit widgets (value map, value relation to the
code-list table, date, photo …), not-null constraints and default expressions.

Format reference: the QGIS 3 project file as QGIS 3.34 writes it (``QgsVectorLayer::writeSymbology``,
``QgsEditFormConfig::writeXml``, ``QgsXmlUtils::writeVariant``); photos follow QField's conventions
(path relative to the project, ``DCIM/``).
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyproj
from lxml import etree

from twin.crs import horizontal
from twin.field.spec import CODELIST_TABLE, PACKAGE_GPKG, FormField, PackageLayer

QGIS_VERSION = "3.34.0-Prizren"
#: the primary key column GDAL gives every GeoPackage table
FID = "fid"
#: the water-meter layer and its columns the "zaehler" widget picks from
METER_LAYER, METER_KEY, METER_STATUS, METER_INSTALLED = "water_meters", "zaehlernummer", "status", "eingebaut"
#: folder (relative to the project) where QField stores photos
PHOTO_DIR = "DCIM"
#: ValueMap's stand-in for NULL (QgsValueMapFieldFormatter::NULL_VALUE)
VALUEMAP_NULL = "{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"
EDIT_GROUP, CONTEXT_GROUP = "Erfassung", "Kontext (nur lesen)"
_DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"

_EDIT_COLOURS = ("228,26,28", "55,126,184", "77,175,74", "152,78,163", "255,127,0", "166,86,40", "247,129,191")
_CONTEXT_COLOURS = ("120,120,120", "160,140,110", "110,140,160", "140,160,110", "150,110,140")


# --------------------------------------------------------------------------- public API
def layer_id(name: str, gpkg_name: str = PACKAGE_GPKG) -> str:
    """The stable QGIS layer id of table ``name`` (same package file name: same id)."""
    digest = hashlib.sha1(f"{gpkg_name}|{name}".encode()).hexdigest()[:10]
    return f"{name}_{digest}"


def datasource(name: str, gpkg_name: str = PACKAGE_GPKG) -> str:
    """The relative OGR data source of table ``name``."""
    return f"./{gpkg_name}|layername={name}"


def write_qgs(path: Path, layers: Sequence[PackageLayer], *, title: str, crs: pyproj.CRS,
              extent: tuple[float, float, float, float], gpkg_name: str = PACKAGE_GPKG,
              codelist_table: str = CODELIST_TABLE) -> None:
    """Write the QGIS project of a field package to ``path`` (UTF-8 XML, next to ``gpkg_name``).

    ``layers`` are the package tables (editable first is not required: the legend sorts them),
    ``extent`` = (xmin, ymin, xmax, ymax) in ``crs`` is the initial map view. The project references only the
    tables of ``layers`` and, if a field chooses several values from a code list, ``codelist_table``
    (columns ``liste``, ``wert``, ``text``), which the writer of the GeoPackage adds.
    """
    names = [lyr.name for lyr in layers]
    if len(set(names)) != len(names):
        doubles = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"Doppelte Layernamen im Feldpaket: {', '.join(doubles)}")
    if not layers:
        raise ValueError("Ein Feldpaket ohne Layer kann nicht als QGIS-Projekt geschrieben werden.")
    if codelist_table in names:
        raise ValueError(f"Der Layername '{codelist_table}' ist für die Wertelisten reserviert.")
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) or xmin > xmax or ymin > ymax:
        raise ValueError(f"Ungültige Ausdehnung des Feldpakets: {extent}")
    root = _Project(layers, title=title, crs=crs, extent=(xmin, ymin, xmax, ymax), gpkg_name=gpkg_name,
                    codelist_table=codelist_table).build()
    data = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8", doctype=_DOCTYPE)
    Path(path).write_bytes(data)


# --------------------------------------------------------------------------- XML helpers
def _sub(parent: etree._Element, tag: str, text: str | None = None, attrs: Mapping[str, Any] | None = None,
         **kw: Any) -> etree._Element:
    el = etree.SubElement(parent, tag, {k: _str(v) for k, v in {**(attrs or {}), **kw}.items()})
    if text is not None:
        el.text = text
    return el


def _str(v: Any) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v)


def _option(parent: etree._Element, value: Any, name: str | None = None) -> etree._Element:
    """``value`` as QgsXmlUtils::writeVariant stores it (``<Option type=… name=… value=…/>``)."""
    attrs: dict[str, str] = {}
    if name is not None:
        attrs["name"] = name
    if isinstance(value, Mapping):
        el = etree.SubElement(parent, "Option", {**attrs, "type": "Map"})
        for k, v in value.items():
            _option(el, v, str(k))
        return el
    if isinstance(value, (list, tuple)):
        el = etree.SubElement(parent, "Option", {**attrs, "type": "List"})
        for v in value:
            _option(el, v)
        return el
    if isinstance(value, bool):
        vtype, text = "bool", "true" if value else "false"
    elif isinstance(value, int):
        vtype, text = "int", str(value)
    elif isinstance(value, float):
        vtype, text = "double", repr(value)
    elif value is None:
        return etree.SubElement(parent, "Option", attrs)  # invalid QVariant
    else:
        vtype, text = "QString", str(value)
    return etree.SubElement(parent, "Option", {**attrs, "type": vtype, "value": text})


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quote_field(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --------------------------------------------------------------------------- CRS
def _srs(parent: etree._Element, crs: pyproj.CRS) -> None:
    """A ``<spatialrefsys>``; ``srsid`` 0 makes QGIS read the (lossless) WKT, authid is informative."""
    horiz = horizontal(crs)
    epsg = crs.to_epsg() or horiz.to_epsg()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proj4 = horiz.to_proj4() or ""
    sr = _sub(parent, "spatialrefsys", nativeFormat="Wkt")
    _sub(sr, "wkt", crs.to_wkt())
    _sub(sr, "proj4", proj4)
    _sub(sr, "srsid", "0")
    _sub(sr, "srid", str(epsg or 0))
    _sub(sr, "authid", f"EPSG:{epsg}" if epsg else "")
    _sub(sr, "description", crs.name)
    acronym = ""
    if horiz.coordinate_operation is not None:
        acronym = (horiz.coordinate_operation.to_json_dict().get("method", {}).get("name") or "")
        acronym = "utm" if "Transverse Mercator" in acronym else acronym.split(" ")[0].lower()
    _sub(sr, "projectionacronym", acronym or "longlat")
    ellipsoid = horiz.ellipsoid
    ell_code = ellipsoid.to_json_dict().get("id", {}) if ellipsoid is not None else {}
    _sub(sr, "ellipsoidacronym", f"{ell_code.get('authority')}:{ell_code.get('code')}" if ell_code else "")
    _sub(sr, "geographicflag", "true" if horiz.is_geographic else "false")


def _units(crs: pyproj.CRS) -> str:
    horiz = horizontal(crs)
    if horiz.is_geographic:
        return "degrees"
    unit = (horiz.axis_info[0].unit_name if horiz.axis_info else "metre").lower()
    return "feet" if "foot" in unit or "feet" in unit else "meters"


# --------------------------------------------------------------------------- geometry
_GEOM_KIND = {"POINT": "Point", "MULTIPOINT": "Point", "LINESTRING": "Line", "MULTILINESTRING": "Line",
              "POLYGON": "Polygon", "MULTIPOLYGON": "Polygon"}
_WKB_KEY = {"POINT": "Point", "MULTIPOINT": "MultiPoint", "LINESTRING": "LineString",
            "MULTILINESTRING": "MultiLineString", "POLYGON": "Polygon", "MULTIPOLYGON": "MultiPolygon"}
_KIND_CODE = {"Point": 0, "Line": 1, "Polygon": 2, None: 4}


def _geometry(layer: PackageLayer) -> tuple[str | None, str]:
    """(kind Point/Line/Polygon or None, QGIS wkbType key) of a layer."""
    if layer.geometry_type is None:
        return None, "NoGeometry"
    gt = layer.geometry_type.upper().removesuffix("Z").strip()
    if gt not in _GEOM_KIND:
        raise ValueError(f"Layer '{layer.name}': Geometrietyp '{layer.geometry_type}' wird im Feldpaket nicht "
                         "unterstützt.")
    return _GEOM_KIND[gt], _WKB_KEY[gt] + ("Z" if layer.has_z else "")


# --------------------------------------------------------------------------- project builder
class _Project:
    def __init__(self, layers: Sequence[PackageLayer], *, title: str, crs: pyproj.CRS,
                 extent: tuple[float, float, float, float], gpkg_name: str, codelist_table: str) -> None:
        self.layers = list(layers)
        self.title, self.crs, self.extent = title, crs, extent
        self.gpkg, self.codelists = gpkg_name, codelist_table
        self.ids = {lyr.name: layer_id(lyr.name, gpkg_name) for lyr in self.layers}
        self.needs_codelists = _uses_codelists(self.layers)
        self.codelist_id = layer_id(codelist_table, gpkg_name)
        self.meters = next((lyr for lyr in self.layers if lyr.name == METER_LAYER), None)

    # ------------------------------------------------------------------ order of the legend
    def _legend_order(self, editable: bool) -> list[PackageLayer]:
        rank = {"Point": 0, "Line": 1, "Polygon": 2, None: 3}
        chosen = [lyr for lyr in self.layers if lyr.editable == editable]
        return sorted(chosen, key=lambda lyr: rank[_geometry(lyr)[0]])  # stable: keeps the given order

    def build(self) -> etree._Element:
        root = etree.Element("qgis", {"projectname": self.title, "version": QGIS_VERSION})
        _sub(root, "homePath", path="")
        _sub(root, "title", self.title)
        _sub(root, "transaction", mode="Disabled")
        _sub(root, "projectFlags", set="")
        _srs(_sub(root, "projectCrs"), self.crs)
        self._layer_tree(root)
        _sub(root, "snapping-settings", attrs={"enabled": "0", "mode": "2", "type": "1", "tolerance": "12",
                                               "unit": "1", "intersection-snapping": "0", "self-snapping": "0",
                                               "maxScale": "0", "minScale": "0", "scaleDependencyMode": "0"})
        _sub(root, "relations")
        _sub(root, "polymorphicRelations")
        self._map_canvas(root)
        projectlayers = _sub(root, "projectlayers")
        for lyr in self._legend_order(True) + self._legend_order(False):
            self._map_layer(projectlayers, lyr)
        if self.needs_codelists:
            self._codelist_layer(projectlayers)
        order = _sub(root, "layerorder")
        for lyr in self._legend_order(True) + self._legend_order(False):
            _sub(order, "layer", id=self.ids[lyr.name])
        self._properties(root)
        self._view_settings(root)
        return root

    # ------------------------------------------------------------------ project parts
    def _layer_tree(self, root: etree._Element) -> None:
        tree = _sub(root, "layer-tree-group")
        _sub(tree, "customproperties").append(etree.Element("Option"))
        for group_name, editable in ((EDIT_GROUP, True), (CONTEXT_GROUP, False)):
            members = self._legend_order(editable)
            if not members:
                continue
            group = _sub(tree, "layer-tree-group", name=group_name, checked="Qt::Checked", expanded="1",
                         groupLayer="")
            _sub(group, "customproperties").append(etree.Element("Option"))
            for lyr in members:
                node = _sub(group, "layer-tree-layer", id=self.ids[lyr.name], name=lyr.title,
                            source=datasource(lyr.name, self.gpkg), providerKey="ogr", checked="Qt::Checked",
                            expanded="0" if not lyr.editable else "1", legend_exp="", patch_size="-1,-1",
                            legend_split_behavior="0")
                _sub(node, "customproperties").append(etree.Element("Option"))
        custom = _sub(tree, "custom-order", enabled="0")
        for lyr in self._legend_order(True) + self._legend_order(False):
            if _geometry(lyr)[0] is not None:
                _sub(custom, "item", self.ids[lyr.name])

    def _extent(self, parent: etree._Element) -> None:
        el = _sub(parent, "extent")
        for tag, v in zip(("xmin", "ymin", "xmax", "ymax"), self.extent, strict=True):
            _sub(el, tag, repr(v))

    def _map_canvas(self, root: etree._Element) -> None:
        canvas = _sub(root, "mapcanvas", name="theMapCanvas", annotationsVisible="1")
        _sub(canvas, "units", _units(self.crs))
        self._extent(canvas)
        _sub(canvas, "rotation", "0")
        _srs(_sub(canvas, "destinationsrs"), self.crs)
        _sub(canvas, "rendermaptile", "0")
        _sub(canvas, "expressionContextScope")

    def _properties(self, root: etree._Element) -> None:
        props = _sub(root, "properties")
        paths = _sub(props, "Paths")
        _sub(paths, "Absolute", "false", type="bool")
        # without ProjectionsEnabled QGIS ignores <projectCrs> and leaves the project without a CRS
        srs = _sub(props, "SpatialRefSys")
        _sub(srs, "ProjectionsEnabled", "1", type="int")
        epsg = self.crs.to_epsg() or horizontal(self.crs).to_epsg()
        if epsg:
            _sub(srs, "ProjectCrs", f"EPSG:{epsg}", type="QString")
        measure = _sub(props, "Measurement")
        _sub(measure, "AreaUnits", "m2", type="QString")
        _sub(measure, "DistanceUnits", "meters", type="QString")
        pos = _sub(props, "PositionPrecision")
        _sub(pos, "Automatic", "true", type="bool")
        _sub(pos, "DecimalPlaces", "2", type="int")

    def _view_settings(self, root: etree._Element) -> None:
        view = _sub(root, "ProjectViewSettings", UseProjectScales="0", rotation="0")
        _sub(view, "Scales")
        xmin, ymin, xmax, ymax = self.extent
        default = _sub(view, "DefaultViewExtent", xmin=repr(xmin), ymin=repr(ymin), xmax=repr(xmax),
                       ymax=repr(ymax))
        _srs(default, self.crs)

    # ------------------------------------------------------------------ layers
    def _layer_head(self, parent: etree._Element, *, lid: str, table: str, title: str, kind: str | None,
                    wkb: str, read_only: bool, private: bool = False) -> etree._Element:
        ml = _sub(parent, "maplayer", type="vector", geometry=kind or "No geometry", wkbType=wkb,
                  readOnly=read_only, autoRefreshMode="Disabled", autoRefreshTime="0", refreshOnNotifyEnabled="0",
                  refreshOnNotifyMessage="", hasScaleBasedVisibilityFlag="0", minScale="100000000", maxScale="0",
                  simplifyAlgorithm="0", simplifyDrawingHints="1" if kind in ("Line", "Polygon") else "0",
                  simplifyDrawingTol="1", simplifyLocal="1", simplifyMaxScale="1", symbologyReferenceScale="-1",
                  labelsEnabled="0", styleCategories="AllStyleCategories")
        _sub(ml, "id", lid)
        _sub(ml, "datasource", datasource(table, self.gpkg))
        _sub(_sub(ml, "keywordList"), "value")
        _sub(ml, "layername", title)
        _srs(_sub(ml, "srs"), self.crs)
        _sub(ml, "provider", "ogr", encoding="UTF-8")
        _sub(ml, "vectorjoins")
        _sub(ml, "layerDependencies")
        _sub(ml, "dataDependencies")
        _sub(ml, "expressionfields")
        _sub(_sub(ml, "map-layer-style-manager", current="Standard"), "map-layer-style", name="Standard")
        _sub(ml, "auxiliaryLayer")
        _sub(ml, "metadataUrls")
        flags = _sub(ml, "flags")
        _sub(flags, "Identifiable", "1")
        _sub(flags, "Removable", "1")
        _sub(flags, "Searchable", "1")
        _sub(flags, "Private", "1" if private else "0")
        return ml

    def _map_layer(self, parent: etree._Element, lyr: PackageLayer) -> None:
        kind, wkb = _geometry(lyr)
        ml = self._layer_head(parent, lid=self.ids[lyr.name], table=lyr.name, title=lyr.title, kind=kind, wkb=wkb,
                              read_only=not lyr.editable)
        if kind is not None:
            self._renderer(ml, lyr, kind)
        custom = {}
        photos = [f.name for f in lyr.fields if f.widget == "foto" and lyr.editable]
        if photos:
            custom["QFieldSync/attachment_naming"] = json.dumps(
                {name: f"{_quote_literal(f'{PHOTO_DIR}/{lyr.name}_{name}_')} || "
                       "format_date(now(), 'yyyyMMddhhmmsszzz') || '.{extension}'" for name in photos})
        _option(_sub(ml, "customproperties"), custom)
        _sub(ml, "blendMode", "0")
        _sub(ml, "featureBlendMode", "0")
        _sub(ml, "layerOpacity", "1")
        self._fields(ml, lyr, kind)

    def _codelist_layer(self, parent: etree._Element) -> None:
        """The code-list table (liste, wert, text): read-only, kept out of the legend."""
        ml = self._layer_head(parent, lid=self.codelist_id, table=self.codelists, title="Wertelisten", kind=None,
                              wkb="NoGeometry", read_only=True, private=True)
        _option(_sub(ml, "customproperties"), {})
        fields = (FormField("liste", "text", "Werteliste", "nur_lesen"), FormField("wert", "text", "Wert", "nur_lesen"),
                  FormField("text", "text", "Bezeichnung", "nur_lesen"))
        table = PackageLayer(name=self.codelists, title="Wertelisten", key=None, geometry_type=None, has_z=False,
                             editable=False, fields=fields)
        self._fields(ml, table, None)

    # ------------------------------------------------------------------ symbology
    def _renderer(self, ml: etree._Element, lyr: PackageLayer, kind: str) -> None:
        group = [x for x in self.layers if x.editable == lyr.editable]
        palette = _EDIT_COLOURS if lyr.editable else _CONTEXT_COLOURS
        colour = palette[group.index(lyr) % len(palette)]
        renderer = _sub(ml, "renderer-v2", type="singleSymbol", symbollevels="0", enableorderby="0",
                        forceraster="0", referencescale="-1")
        symbols = _sub(renderer, "symbols")
        symbol_type = {"Point": "marker", "Line": "line", "Polygon": "fill"}[kind]
        symbol = _sub(symbols, "symbol", type=symbol_type, name="0", alpha="1", clip_to_extent="1", force_rhr="0",
                      frame_rate="10", is_animated="0")
        _option(_sub(symbol, "data_defined_properties"), {"name": "", "properties": None, "type": "collection"})
        if kind == "Point":
            cls, props = "SimpleMarker", {
                "name": "circle" if lyr.editable else "square", "color": f"{colour},255",
                "outline_color": "35,35,35,255", "outline_style": "solid", "outline_width": "0.4",
                "outline_width_unit": "MM", "size": "3" if lyr.editable else "2", "size_unit": "MM",
                "angle": "0", "offset": "0,0", "offset_unit": "MM", "scale_method": "diameter",
                "joinstyle": "bevel", "horizontal_anchor_point": "1", "vertical_anchor_point": "1"}
        elif kind == "Line":
            cls, props = "SimpleLine", {
                "line_color": f"{colour},255", "line_style": "solid", "line_width": "0.8" if lyr.editable else "0.5",
                "line_width_unit": "MM", "capstyle": "round", "joinstyle": "round", "offset": "0",
                "offset_unit": "MM", "use_custom_dash": "0", "draw_inside_polygon": "0"}
        else:
            cls, props = "SimpleFill", {
                "color": f"{colour},{90 if lyr.editable else 40}", "style": "solid",
                "outline_color": f"{colour},255", "outline_style": "solid",
                "outline_width": "0.5" if lyr.editable else "0.26", "outline_width_unit": "MM",
                "joinstyle": "bevel", "offset": "0,0", "offset_unit": "MM", "border_width_unit": "MM"}
        layer = _sub(symbol, "layer", attrs={"class": cls, "enabled": "1", "locked": "0", "pass": "0"})
        _option(layer, props)
        _option(_sub(layer, "data_defined_properties"), {"name": "", "properties": None, "type": "collection"})
        _sub(renderer, "rotation")
        _sub(renderer, "sizescale")

    # ------------------------------------------------------------------ fields and form
    def _widget(self, lyr: PackageLayer, f: FormField) -> tuple[str, dict[str, Any]]:
        """(QGIS edit widget type, its config) of one field."""
        w = f.widget if lyr.editable else "nur_lesen"
        if w == "versteckt":
            return "Hidden", {}
        if w == "mehrzeilig":
            return "TextEdit", {"IsMultiline": True, "UseHtml": False}
        if w == "zahl" and f.type in ("integer", "real"):
            return "Range", {"AllowNull": True, "Style": "SpinBox", "Precision": 0 if f.type == "integer" else 3,
                             "Step": 1}
        if w == "werteliste" and f.values:
            entries = [] if f.required else [{"(keine Angabe)": VALUEMAP_NULL}]
            entries += [{label: value} for value, label in f.values]
            return "ValueMap", {"map": entries}
        if w == "mehrfachauswahl" and f.codelist:
            return "ValueRelation", self._value_relation(
                lid=self.codelist_id, table=self.codelists, title="Wertelisten", key="wert", value="text",
                filter_expr=f"{_quote_field('liste')} = {_quote_literal(f.codelist)}", multi=True, allow_null=True)
        if w == "zaehler" and self.meters is not None:
            return "ValueRelation", self._value_relation(
                lid=self.ids[METER_LAYER], table=METER_LAYER, title=self.meters.title, key=METER_KEY,
                value=METER_KEY, filter_expr=f"{_quote_field(METER_STATUS)} = {_quote_literal(METER_INSTALLED)}",
                multi=False, allow_null=not f.required)
        if w == "datum" and f.type in ("date", "datetime"):
            fmt = "yyyy-MM-dd" if f.type == "date" else "yyyy-MM-ddTHH:mm:ss"
            display = "dd.MM.yyyy" if f.type == "date" else "dd.MM.yyyy HH:mm"
            return "DateTime", {"allow_null": True, "calendar_popup": True, "display_format": display,
                                "field_format": fmt, "field_iso_format": False}
        if w == "foto":
            return "ExternalResource", {
                "DocumentViewer": 1, "DocumentViewerHeight": 0, "DocumentViewerWidth": 0, "FileWidget": True,
                "FileWidgetButton": True, "FileWidgetFilter": "Bilder (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)",
                "RelativeStorage": 1, "StorageMode": 0, "StorageType": None, "DefaultRoot": PHOTO_DIR,
                "FullUrl": False, "UseLink": False,
                "PropertyCollection": {"name": "", "properties": None, "type": "collection"}}
        return "TextEdit", {"IsMultiline": False, "UseHtml": False}

    def _value_relation(self, *, lid: str, table: str, title: str, key: str, value: str, filter_expr: str,
                        multi: bool, allow_null: bool) -> dict[str, Any]:
        return {"AllowMulti": multi, "AllowNull": allow_null, "CompleterMatchFlags": 2, "Description": "",
                "DisplayGroupName": False, "FilterExpression": filter_expr, "Group": "", "Key": key,
                "Layer": lid, "LayerName": title, "LayerProviderName": "ogr",
                "LayerSource": datasource(table, self.gpkg), "NofColumns": 1, "OrderByValue": False,
                "UseCompleter": False, "Value": value}

    def _fields(self, ml: etree._Element, lyr: PackageLayer, kind: str | None) -> None:
        # QGIS sees the GeoPackage table as: fid, then the columns (the package writer keeps this order)
        index = {f.name: i + 1 for i, f in enumerate(lyr.fields)}
        conf = _sub(ml, "fieldConfiguration")
        fid = _sub(conf, "field", name=FID, configurationFlags="NoFlag")
        _option(_sub(_sub(fid, "editWidget", type="Hidden"), "config"), {})
        widgets: dict[str, str] = {}
        for f in lyr.fields:
            wtype, cfg = self._widget(lyr, f)
            widgets[f.name] = wtype
            el = _sub(conf, "field", name=f.name, configurationFlags="NoFlag")
            _option(_sub(_sub(el, "editWidget", type=wtype), "config"), cfg)

        aliases = _sub(ml, "aliases")
        _sub(aliases, "alias", field=FID, index="0", name="")
        for f in lyr.fields:
            _sub(aliases, "alias", field=f.name, index=str(index[f.name]), name=f.title)
        _sub(ml, "splitPolicies")

        defaults = _sub(ml, "defaults")
        _sub(defaults, "default", field=FID, expression="", applyOnUpdate="0")
        for f in lyr.fields:
            expr = f.default if lyr.editable and f.default else ""
            _sub(defaults, "default", field=f.name, expression=expr, applyOnUpdate=bool(expr and f.on_update))

        constraints = _sub(ml, "constraints")  # fid: the provider's own constraints suffice
        for f in lyr.fields:
            required = lyr.editable and f.required
            _sub(constraints, "constraint", field=f.name, constraints="1" if required else "0",
                 notnull_strength="1" if required else "0", unique_strength="0", exp_strength="0")
        cexpr = _sub(ml, "constraintExpressions")
        for name in (FID, *(f.name for f in lyr.fields)):
            _sub(cexpr, "constraint", field=name, exp="", desc="")

        self._attribute_table(ml, lyr)
        self._form(ml, lyr, widgets, index)
        # QField titles features in lists by this expression: the key, else the first form field
        title_field = lyr.key if lyr.key in index else next(iter(_form_order(lyr)), FID)
        _sub(ml, "previewExpression", _quote_field(title_field))
        _sub(ml, "mapTip", "", enabled="1")
        _sub(ml, "layerGeometryType", str(_KIND_CODE[kind]))

    def _attribute_table(self, ml: etree._Element, lyr: PackageLayer) -> None:
        cfg = _sub(ml, "attributetableconfig", actionWidgetStyle="dropDown", sortExpression="", sortOrder="0")
        columns = _sub(cfg, "columns")
        hidden = {f.name for f in lyr.fields if lyr.editable and f.widget == "versteckt"}
        for name in _form_order(lyr):
            if name not in hidden:
                _sub(columns, "column", type="field", name=name, hidden="0", width="-1")
        for name in _form_order(lyr):
            if name in hidden:
                _sub(columns, "column", type="field", name=name, hidden="1", width="-1")
        _sub(columns, "column", type="field", name=FID, hidden="1", width="-1")
        _sub(columns, "column", type="actions", hidden="1", width="-1")

    def _form(self, ml: etree._Element, lyr: PackageLayer, widgets: dict[str, str], index: dict[str, int]) -> None:
        _sub(ml, "editform", "", tolerant="1")
        _sub(ml, "editforminit")
        _sub(ml, "editforminitcodesource", "0")
        _sub(ml, "editforminitfilepath", "")
        _sub(ml, "editforminitcode").text = etree.CDATA("")
        _sub(ml, "featformsuppress", "0")
        _sub(ml, "editorlayout", "tablayout")
        form = _sub(ml, "attributeEditorForm")
        for name in _form_order(lyr):
            if widgets.get(name) == "Hidden":
                continue
            _sub(form, "attributeEditorField", name=name, index=str(index[name]), showLabel="1")
        editable = _sub(ml, "editable")
        _sub(editable, "field", name=FID, editable="0")
        for f in lyr.fields:
            writable = lyr.editable and f.widget != "nur_lesen"
            _sub(editable, "field", name=f.name, editable="1" if writable else "0")
        on_top = _sub(ml, "labelOnTop")
        for f in lyr.fields:
            _sub(on_top, "field", name=f.name, labelOnTop="0")
        _sub(ml, "reuseLastValue")
        _sub(ml, "dataDefinedFieldProperties")
        _sub(ml, "widgets")


def _form_order(lyr: PackageLayer) -> list[str]:
    """Field names in form order: ``lyr.order`` first (known fields only), then the rest as stored."""
    names = [f.name for f in lyr.fields]
    first = [n for n in dict.fromkeys(lyr.order) if n in names]
    return first + [n for n in names if n not in first]


def _uses_codelists(layers: Iterable[PackageLayer]) -> bool:
    return any(f.widget == "mehrfachauswahl" and f.codelist for lyr in layers if lyr.editable for f in lyr.fields)


def referenced_tables(layers: Iterable[PackageLayer], codelist_table: str = CODELIST_TABLE) -> list[str]:
    """Tables the project of ``layers`` reads from the GeoPackage (for the package writer): the layers, and
    ``codelist_table`` if a field chooses several values from a code list."""
    layers = list(layers)
    return [lyr.name for lyr in layers] + ([codelist_table] if _uses_codelists(layers) else [])
