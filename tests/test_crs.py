"""CRS names as German state data write them, and reprojection into the project CRS."""

from __future__ import annotations

import numpy as np
import pytest

from twin.crs import Reprojector, file_axes_swapped, horizontal_epsg, project_crs, resolve_crs
from twin.errors import CRSError


@pytest.mark.parametrize("name, epsg, vertical", [
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016", 25832, 7837),
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", 25832, 7837),
    ("urn:adv:crs:ETRS89_UTM33*DE_DHHN92_NH", 25833, 5783),
    ("urn:adv:crs:ETRS89_UTM32", 25832, None),
    ("urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH", 31468, 5783),
    ("EPSG:25832", 25832, None),
    ("urn:ogc:def:crs:EPSG::25833", 25833, None),
    ("urn:ogc:def:crs:EPSG:6.12:25832", 25832, None),
    ("urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783", 25833, 5783),
    ("http://www.opengis.net/def/crs/EPSG/0/25832", 25832, None),
])
def test_names(name, epsg, vertical):
    crs = resolve_crs(name)
    assert horizontal_epsg(name) == epsg
    if vertical:
        assert crs.is_compound and crs.sub_crs_list[1].to_epsg() == vertical
    else:
        assert not crs.is_compound


@pytest.mark.parametrize("name", ["urn:adv:crs:FANTASIE_UTM99", "urn:ogc:def:crs:EPSG::999999", "", "Mondkoordinaten"])
def test_unknown_names_raise_german_crs_error(name):
    with pytest.raises(CRSError, match="Koordinatensystem"):
        resolve_crs(name)


def test_axis_order_of_urns():
    assert file_axes_swapped("urn:ogc:def:crs:EPSG::4258")
    assert not file_axes_swapped("EPSG:4258")
    assert not file_axes_swapped("urn:adv:crs:DE_DHDN_3GK3")  # AdV: Rechtswert first
    assert not file_axes_swapped("urn:ogc:def:crs:EPSG::25832")


def test_reproject_utm33_to_utm32_keeps_heights():
    # Berlin, Brandenburger Tor (13.378° E, 52.516° N): 4.378° east of UTM32's 9° meridian
    # is about 4.378 * 111.32 km * cos(52.5°) = 296.7 km -> x about 796.7 km
    to32 = Reprojector(resolve_crs("urn:ogc:def:crs:EPSG::25833"), project_crs(25832))
    out = to32(np.array([[389900.0, 5819400.0, 34.5]]))
    assert 796_000 < out[0, 0] < 797_500 and 5_826_000 < out[0, 1] < 5_832_000
    assert out[0, 2] == 34.5


def test_reproject_latlon_urn_swaps_axes():
    to32 = Reprojector(resolve_crs("urn:ogc:def:crs:EPSG::4258"), project_crs(25832),
                       swap_axes=file_axes_swapped("urn:ogc:def:crs:EPSG::4258"))
    out = to32(np.array([[48.1500, 11.5680, 0.0]]))  # lat, lon (Munich)
    assert 690_000 < out[0, 0] < 692_000 and 5_335_000 < out[0, 1] < 5_337_000
