<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:xlink="http://www.w3.org/1999/xlink">
  <gml:description>Synthetische Testdaten (erfundene Gebäude, Namen und Adressen) auf einer realen DGM1-Kachel (Bayerische Vermessungsverwaltung, 690/5335). Keine realen Daten.</gml:description>
  <gml:name>Markt Musterdorf (synthetisch)</gml:name>
  <gml:boundedBy>
    <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH" srsDimension="3">
      <gml:lowerCorner>690212.054 5335285.105 516.384</gml:lowerCorner>
      <gml:upperCorner>690507.035 5335581.548 552.671</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0001">
      <gml:name>Wohnhaus Hauptstraße 1</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0001_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690212.054 5335449.000 516.976 690223.792 5335451.495 516.976 690225.871 5335441.713 516.976 690214.133 5335439.218 516.976 690212.054 5335449.000 516.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0001_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690214.133 5335439.218 522.976 690225.871 5335441.713 522.976 690224.832 5335446.604 527.176 690213.093 5335444.109 527.176 690214.133 5335439.218 522.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0001_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690223.792 5335451.495 522.976 690212.054 5335449.000 522.976 690213.093 5335444.109 527.176 690224.832 5335446.604 527.176 690223.792 5335451.495 522.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0001_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690214.133 5335439.218 516.976 690225.871 5335441.713 516.976 690225.871 5335441.713 522.976 690214.133 5335439.218 522.976 690214.133 5335439.218 516.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0001_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690225.871 5335441.713 516.976 690223.792 5335451.495 516.976 690223.792 5335451.495 522.976 690224.832 5335446.604 527.176 690225.871 5335441.713 522.976 690225.871 5335441.713 516.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0001_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690223.792 5335451.495 516.976 690212.054 5335449.000 516.976 690212.054 5335449.000 522.976 690223.792 5335451.495 522.976 690223.792 5335451.495 516.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0001_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0001_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690212.054 5335449.000 516.976 690214.133 5335439.218 516.976 690214.133 5335439.218 522.976 690213.093 5335444.109 527.176 690212.054 5335449.000 522.976 690212.054 5335449.000 516.976</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>1</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0002">
      <gml:name>Wohnhaus Hauptstraße 3</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0002_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690232.541 5335441.598 516.860 690229.838 5335454.314 516.860 690240.598 5335456.601 516.860 690243.300 5335443.885 516.860 690232.541 5335441.598 516.860</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0002_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690243.300 5335443.885 523.260 690240.598 5335456.601 523.260 690235.218 5335455.457 527.860 690237.921 5335442.741 527.860 690243.300 5335443.885 523.260</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0002_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690229.838 5335454.314 523.260 690232.541 5335441.598 523.260 690237.921 5335442.741 527.860 690235.218 5335455.457 527.860 690229.838 5335454.314 523.260</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0002_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690243.300 5335443.885 516.860 690240.598 5335456.601 516.860 690240.598 5335456.601 523.260 690243.300 5335443.885 523.260 690243.300 5335443.885 516.860</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0002_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690240.598 5335456.601 516.860 690229.838 5335454.314 516.860 690229.838 5335454.314 523.260 690235.218 5335455.457 527.860 690240.598 5335456.601 523.260 690240.598 5335456.601 516.860</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0002_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690229.838 5335454.314 516.860 690232.541 5335441.598 516.860 690232.541 5335441.598 523.260 690229.838 5335454.314 523.260 690229.838 5335454.314 516.860</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0002_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0002_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690232.541 5335441.598 516.860 690243.300 5335443.885 516.860 690243.300 5335443.885 523.260 690237.921 5335442.741 527.860 690232.541 5335441.598 523.260 690232.541 5335441.598 516.860</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>3</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0003">
      <gml:name>Wohnhaus Hauptstraße 5</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0003_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690247.808 5335456.344 517.062 690258.568 5335458.631 517.062 690260.543 5335449.339 517.062 690249.784 5335447.052 517.062 690247.808 5335456.344 517.062</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0003_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690249.784 5335447.052 522.862 690260.543 5335449.339 522.862 690259.556 5335453.985 526.862 690248.796 5335451.698 526.862 690249.784 5335447.052 522.862</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0003_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690258.568 5335458.631 522.862 690247.808 5335456.344 522.862 690248.796 5335451.698 526.862 690259.556 5335453.985 526.862 690258.568 5335458.631 522.862</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0003_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690249.784 5335447.052 517.062 690260.543 5335449.339 517.062 690260.543 5335449.339 522.862 690249.784 5335447.052 522.862 690249.784 5335447.052 517.062</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0003_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690260.543 5335449.339 517.062 690258.568 5335458.631 517.062 690258.568 5335458.631 522.862 690259.556 5335453.985 526.862 690260.543 5335449.339 522.862 690260.543 5335449.339 517.062</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0003_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690258.568 5335458.631 517.062 690247.808 5335456.344 517.062 690247.808 5335456.344 522.862 690258.568 5335458.631 522.862 690258.568 5335458.631 517.062</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0003_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0003_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690247.808 5335456.344 517.062 690249.784 5335447.052 517.062 690249.784 5335447.052 522.862 690248.796 5335451.698 526.862 690247.808 5335456.344 522.862 690247.808 5335456.344 517.062</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>5</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0004">
      <gml:name>Wohnhaus Hauptstraße 7</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0004_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690263.896 5335460.019 516.979 690277.590 5335462.930 516.979 690279.669 5335453.149 516.979 690265.975 5335450.238 516.979 690263.896 5335460.019 516.979</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0004_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690265.975 5335450.238 523.779 690279.669 5335453.149 523.779 690278.630 5335458.039 528.579 690264.935 5335455.128 528.579 690265.975 5335450.238 523.779</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0004_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690277.590 5335462.930 523.779 690263.896 5335460.019 523.779 690264.935 5335455.128 528.579 690278.630 5335458.039 528.579 690277.590 5335462.930 523.779</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0004_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690265.975 5335450.238 516.979 690279.669 5335453.149 516.979 690279.669 5335453.149 523.779 690265.975 5335450.238 523.779 690265.975 5335450.238 516.979</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0004_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690279.669 5335453.149 516.979 690277.590 5335462.930 516.979 690277.590 5335462.930 523.779 690278.630 5335458.039 528.579 690279.669 5335453.149 523.779 690279.669 5335453.149 516.979</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0004_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690277.590 5335462.930 516.979 690263.896 5335460.019 516.979 690263.896 5335460.019 523.779 690277.590 5335462.930 523.779 690277.590 5335462.930 516.979</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0004_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0004_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690263.896 5335460.019 516.979 690265.975 5335450.238 516.979 690265.975 5335450.238 523.779 690264.935 5335455.128 528.579 690263.896 5335460.019 523.779 690263.896 5335460.019 516.979</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>7</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0005">
      <gml:name>Wohnhaus Hauptstraße 9</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0005_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690285.257 5335453.314 517.451 690282.762 5335465.052 517.451 690293.521 5335467.339 517.451 690296.016 5335455.601 517.451 690285.257 5335453.314 517.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0005_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690296.016 5335455.601 523.451 690293.521 5335467.339 523.451 690288.141 5335466.195 528.051 690290.637 5335454.457 528.051 690296.016 5335455.601 523.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0005_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690282.762 5335465.052 523.451 690285.257 5335453.314 523.451 690290.637 5335454.457 528.051 690288.141 5335466.195 528.051 690282.762 5335465.052 523.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0005_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690296.016 5335455.601 517.451 690293.521 5335467.339 517.451 690293.521 5335467.339 523.451 690296.016 5335455.601 523.451 690296.016 5335455.601 517.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0005_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690293.521 5335467.339 517.451 690282.762 5335465.052 517.451 690282.762 5335465.052 523.451 690288.141 5335466.195 528.051 690293.521 5335467.339 523.451 690293.521 5335467.339 517.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0005_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690282.762 5335465.052 517.451 690285.257 5335453.314 517.451 690285.257 5335453.314 523.451 690282.762 5335465.052 523.451 690282.762 5335465.052 517.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0005_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0005_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690285.257 5335453.314 517.451 690296.016 5335455.601 517.451 690296.016 5335455.601 523.451 690290.637 5335454.457 528.051 690285.257 5335453.314 523.451 690285.257 5335453.314 517.451</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>9</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0006">
      <gml:name>Wohnhaus Hauptstraße 11</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0006_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690299.650 5335467.363 517.309 690312.366 5335470.066 517.309 690314.341 5335460.774 517.309 690301.625 5335458.071 517.309 690299.650 5335467.363 517.309</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0006_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690301.625 5335458.071 523.709 690314.341 5335460.774 523.709 690313.353 5335465.420 527.509 690300.637 5335462.717 527.509 690301.625 5335458.071 523.709</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0006_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690312.366 5335470.066 523.709 690299.650 5335467.363 523.709 690300.637 5335462.717 527.509 690313.353 5335465.420 527.509 690312.366 5335470.066 523.709</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0006_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690301.625 5335458.071 517.309 690314.341 5335460.774 517.309 690314.341 5335460.774 523.709 690301.625 5335458.071 523.709 690301.625 5335458.071 517.309</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0006_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690314.341 5335460.774 517.309 690312.366 5335470.066 517.309 690312.366 5335470.066 523.709 690313.353 5335465.420 527.509 690314.341 5335460.774 523.709 690314.341 5335460.774 517.309</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0006_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690312.366 5335470.066 517.309 690299.650 5335467.363 517.309 690299.650 5335467.363 523.709 690312.366 5335470.066 523.709 690312.366 5335470.066 517.309</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0006_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0006_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690299.650 5335467.363 517.309 690301.625 5335458.071 517.309 690301.625 5335458.071 523.709 690300.637 5335462.717 527.509 690299.650 5335467.363 523.709 690299.650 5335467.363 517.309</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>11</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0007">
      <gml:name>Wohnhaus Hauptstraße 21</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0007_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690442.843 5335486.299 517.161 690440.140 5335499.015 517.161 690450.899 5335501.302 517.161 690453.602 5335488.586 517.161 690442.843 5335486.299 517.161</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0007_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690453.602 5335488.586 523.561 690450.899 5335501.302 523.561 690445.519 5335500.158 528.161 690448.222 5335487.442 528.161 690453.602 5335488.586 523.561</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0007_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690440.140 5335499.015 523.561 690442.843 5335486.299 523.561 690448.222 5335487.442 528.161 690445.519 5335500.158 528.161 690440.140 5335499.015 523.561</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0007_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690453.602 5335488.586 517.161 690450.899 5335501.302 517.161 690450.899 5335501.302 523.561 690453.602 5335488.586 523.561 690453.602 5335488.586 517.161</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0007_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690450.899 5335501.302 517.161 690440.140 5335499.015 517.161 690440.140 5335499.015 523.561 690445.519 5335500.158 528.161 690450.899 5335501.302 523.561 690450.899 5335501.302 517.161</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0007_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690440.140 5335499.015 517.161 690442.843 5335486.299 517.161 690442.843 5335486.299 523.561 690440.140 5335499.015 523.561 690440.140 5335499.015 517.161</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0007_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0007_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690442.843 5335486.299 517.161 690453.602 5335488.586 517.161 690453.602 5335488.586 523.561 690448.222 5335487.442 528.161 690442.843 5335486.299 523.561 690442.843 5335486.299 517.161</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>21</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0008">
      <gml:name>Wohnhaus Hauptstraße 23</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0008_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690458.110 5335501.045 516.813 690468.870 5335503.332 516.813 690470.845 5335494.040 516.813 690460.085 5335491.753 516.813 690458.110 5335501.045 516.813</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0008_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690460.085 5335491.753 522.613 690470.845 5335494.040 522.613 690469.857 5335498.686 526.613 690459.097 5335496.399 526.613 690460.085 5335491.753 522.613</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0008_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690468.870 5335503.332 522.613 690458.110 5335501.045 522.613 690459.097 5335496.399 526.613 690469.857 5335498.686 526.613 690468.870 5335503.332 522.613</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0008_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690460.085 5335491.753 516.813 690470.845 5335494.040 516.813 690470.845 5335494.040 522.613 690460.085 5335491.753 522.613 690460.085 5335491.753 516.813</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0008_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690470.845 5335494.040 516.813 690468.870 5335503.332 516.813 690468.870 5335503.332 522.613 690469.857 5335498.686 526.613 690470.845 5335494.040 522.613 690470.845 5335494.040 516.813</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0008_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690468.870 5335503.332 516.813 690458.110 5335501.045 516.813 690458.110 5335501.045 522.613 690468.870 5335503.332 522.613 690468.870 5335503.332 516.813</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0008_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0008_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690458.110 5335501.045 516.813 690460.085 5335491.753 516.813 690460.085 5335491.753 522.613 690459.097 5335496.399 526.613 690458.110 5335501.045 522.613 690458.110 5335501.045 516.813</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>23</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0009">
      <gml:name>Wohnhaus Hauptstraße 25</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0009_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690478.649 5335493.398 516.821 690475.738 5335507.092 516.821 690485.520 5335509.172 516.821 690488.430 5335495.477 516.821 690478.649 5335493.398 516.821</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0009_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690488.430 5335495.477 523.621 690485.520 5335509.172 523.621 690480.629 5335508.132 528.421 690483.539 5335494.438 528.421 690488.430 5335495.477 523.621</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0009_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690475.738 5335507.092 523.621 690478.649 5335493.398 523.621 690483.539 5335494.438 528.421 690480.629 5335508.132 528.421 690475.738 5335507.092 523.621</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0009_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690488.430 5335495.477 516.821 690485.520 5335509.172 516.821 690485.520 5335509.172 523.621 690488.430 5335495.477 523.621 690488.430 5335495.477 516.821</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0009_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690485.520 5335509.172 516.821 690475.738 5335507.092 516.821 690475.738 5335507.092 523.621 690480.629 5335508.132 528.421 690485.520 5335509.172 523.621 690485.520 5335509.172 516.821</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0009_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690475.738 5335507.092 516.821 690478.649 5335493.398 516.821 690478.649 5335493.398 523.621 690475.738 5335507.092 523.621 690475.738 5335507.092 516.821</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0009_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0009_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690478.649 5335493.398 516.821 690488.430 5335495.477 516.821 690488.430 5335495.477 523.621 690483.539 5335494.438 528.421 690478.649 5335493.398 523.621 690478.649 5335493.398 516.821</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>25</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0010">
      <gml:name>Wohnhaus Hauptstraße 27</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0010_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690492.678 5335509.160 516.790 690504.416 5335511.655 516.790 690506.703 5335500.895 516.790 690494.966 5335498.400 516.790 690492.678 5335509.160 516.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0010_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690494.966 5335498.400 522.790 690506.703 5335500.895 522.790 690505.559 5335506.275 527.390 690493.822 5335503.780 527.390 690494.966 5335498.400 522.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0010_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690504.416 5335511.655 522.790 690492.678 5335509.160 522.790 690493.822 5335503.780 527.390 690505.559 5335506.275 527.390 690504.416 5335511.655 522.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0010_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690494.966 5335498.400 516.790 690506.703 5335500.895 516.790 690506.703 5335500.895 522.790 690494.966 5335498.400 522.790 690494.966 5335498.400 516.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0010_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690506.703 5335500.895 516.790 690504.416 5335511.655 516.790 690504.416 5335511.655 522.790 690505.559 5335506.275 527.390 690506.703 5335500.895 522.790 690506.703 5335500.895 516.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0010_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690504.416 5335511.655 516.790 690492.678 5335509.160 516.790 690492.678 5335509.160 522.790 690504.416 5335511.655 522.790 690504.416 5335511.655 516.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0010_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0010_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690492.678 5335509.160 516.790 690494.966 5335498.400 516.790 690494.966 5335498.400 522.790 690493.822 5335503.780 527.390 690492.678 5335509.160 522.790 690492.678 5335509.160 516.790</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>27</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0011">
      <gml:name>Wohnhaus Hauptstraße 2</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0011_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690218.832 5335419.515 517.041 690229.592 5335421.802 517.041 690231.567 5335412.510 517.041 690220.808 5335410.223 517.041 690218.832 5335419.515 517.041</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0011_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690220.808 5335410.223 522.841 690231.567 5335412.510 522.841 690230.579 5335417.156 526.841 690219.820 5335414.869 526.841 690220.808 5335410.223 522.841</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0011_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690229.592 5335421.802 522.841 690218.832 5335419.515 522.841 690219.820 5335414.869 526.841 690230.579 5335417.156 526.841 690229.592 5335421.802 522.841</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0011_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690220.808 5335410.223 517.041 690231.567 5335412.510 517.041 690231.567 5335412.510 522.841 690220.808 5335410.223 522.841 690220.808 5335410.223 517.041</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0011_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690231.567 5335412.510 517.041 690229.592 5335421.802 517.041 690229.592 5335421.802 522.841 690230.579 5335417.156 526.841 690231.567 5335412.510 522.841 690231.567 5335412.510 517.041</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0011_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690229.592 5335421.802 517.041 690218.832 5335419.515 517.041 690218.832 5335419.515 522.841 690229.592 5335421.802 522.841 690229.592 5335421.802 517.041</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0011_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0011_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690218.832 5335419.515 517.041 690220.808 5335410.223 517.041 690220.808 5335410.223 522.841 690219.820 5335414.869 526.841 690218.832 5335419.515 522.841 690218.832 5335419.515 517.041</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>2</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0012">
      <gml:name>Wohnhaus Hauptstraße 4</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0012_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690234.920 5335423.190 517.132 690248.614 5335426.101 517.132 690250.693 5335416.319 517.132 690236.999 5335413.409 517.132 690234.920 5335423.190 517.132</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0012_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690236.999 5335413.409 523.932 690250.693 5335416.319 523.932 690249.654 5335421.210 528.732 690235.959 5335418.299 528.732 690236.999 5335413.409 523.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0012_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690248.614 5335426.101 523.932 690234.920 5335423.190 523.932 690235.959 5335418.299 528.732 690249.654 5335421.210 528.732 690248.614 5335426.101 523.932</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0012_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690236.999 5335413.409 517.132 690250.693 5335416.319 517.132 690250.693 5335416.319 523.932 690236.999 5335413.409 523.932 690236.999 5335413.409 517.132</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0012_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690250.693 5335416.319 517.132 690248.614 5335426.101 517.132 690248.614 5335426.101 523.932 690249.654 5335421.210 528.732 690250.693 5335416.319 523.932 690250.693 5335416.319 517.132</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0012_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690248.614 5335426.101 517.132 690234.920 5335423.190 517.132 690234.920 5335423.190 523.932 690248.614 5335426.101 523.932 690248.614 5335426.101 517.132</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0012_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0012_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690234.920 5335423.190 517.132 690236.999 5335413.409 517.132 690236.999 5335413.409 523.932 690235.959 5335418.299 528.732 690234.920 5335423.190 523.932 690234.920 5335423.190 517.132</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>4</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0013">
      <gml:name>Wohnhaus Hauptstraße 6</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0013_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690253.401 5335427.629 517.185 690265.139 5335430.124 517.185 690267.426 5335419.365 517.185 690255.688 5335416.870 517.185 690253.401 5335427.629 517.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0013_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690255.688 5335416.870 523.185 690267.426 5335419.365 523.185 690266.282 5335424.745 527.785 690254.544 5335422.249 527.785 690255.688 5335416.870 523.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0013_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690265.139 5335430.124 523.185 690253.401 5335427.629 523.185 690254.544 5335422.249 527.785 690266.282 5335424.745 527.785 690265.139 5335430.124 523.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0013_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690255.688 5335416.870 517.185 690267.426 5335419.365 517.185 690267.426 5335419.365 523.185 690255.688 5335416.870 523.185 690255.688 5335416.870 517.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0013_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690267.426 5335419.365 517.185 690265.139 5335430.124 517.185 690265.139 5335430.124 523.185 690266.282 5335424.745 527.785 690267.426 5335419.365 523.185 690267.426 5335419.365 517.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0013_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690265.139 5335430.124 517.185 690253.401 5335427.629 517.185 690253.401 5335427.629 523.185 690265.139 5335430.124 523.185 690265.139 5335430.124 517.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0013_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0013_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690253.401 5335427.629 517.185 690255.688 5335416.870 517.185 690255.688 5335416.870 523.185 690254.544 5335422.249 527.785 690253.401 5335427.629 523.185 690253.401 5335427.629 517.185</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>6</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0014">
      <gml:name>Wohnhaus Hauptstraße 8</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0014_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690274.725 5335419.894 517.430 690272.022 5335432.610 517.430 690281.315 5335434.585 517.430 690284.017 5335421.869 517.430 690274.725 5335419.894 517.430</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0014_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690284.017 5335421.869 523.830 690281.315 5335434.585 523.830 690276.668 5335433.598 527.630 690279.371 5335420.882 527.630 690284.017 5335421.869 523.830</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0014_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690272.022 5335432.610 523.830 690274.725 5335419.894 523.830 690279.371 5335420.882 527.630 690276.668 5335433.598 527.630 690272.022 5335432.610 523.830</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0014_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690284.017 5335421.869 517.430 690281.315 5335434.585 517.430 690281.315 5335434.585 523.830 690284.017 5335421.869 523.830 690284.017 5335421.869 517.430</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0014_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690281.315 5335434.585 517.430 690272.022 5335432.610 517.430 690272.022 5335432.610 523.830 690276.668 5335433.598 527.630 690281.315 5335434.585 523.830 690281.315 5335434.585 517.430</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0014_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690272.022 5335432.610 517.430 690274.725 5335419.894 517.430 690274.725 5335419.894 523.830 690272.022 5335432.610 523.830 690272.022 5335432.610 517.430</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0014_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0014_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690274.725 5335419.894 517.430 690284.017 5335421.869 517.430 690284.017 5335421.869 523.830 690279.371 5335420.882 527.630 690274.725 5335419.894 523.830 690274.725 5335419.894 517.430</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>8</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0015">
      <gml:name>Wohnhaus Hauptstraße 10</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0015_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690289.207 5335434.729 517.439 690299.967 5335437.016 517.439 690302.046 5335427.235 517.439 690291.286 5335424.948 517.439 690289.207 5335434.729 517.439</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0015_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690291.286 5335424.948 523.239 690302.046 5335427.235 523.239 690301.006 5335432.126 528.439 690290.247 5335429.839 528.439 690291.286 5335424.948 523.239</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0015_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690299.967 5335437.016 523.239 690289.207 5335434.729 523.239 690290.247 5335429.839 528.439 690301.006 5335432.126 528.439 690299.967 5335437.016 523.239</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0015_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690291.286 5335424.948 517.439 690302.046 5335427.235 517.439 690302.046 5335427.235 523.239 690291.286 5335424.948 523.239 690291.286 5335424.948 517.439</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0015_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690302.046 5335427.235 517.439 690299.967 5335437.016 517.439 690299.967 5335437.016 523.239 690301.006 5335432.126 528.439 690302.046 5335427.235 523.239 690302.046 5335427.235 517.439</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0015_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690299.967 5335437.016 517.439 690289.207 5335434.729 517.439 690289.207 5335434.729 523.239 690299.967 5335437.016 523.239 690299.967 5335437.016 517.439</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0015_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0015_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690289.207 5335434.729 517.439 690291.286 5335424.948 517.439 690291.286 5335424.948 523.239 690290.247 5335429.839 528.439 690289.207 5335434.729 523.239 690289.207 5335434.729 517.439</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>10</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0016">
      <gml:name>Wohnhaus Hauptstraße 12</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0016_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.243 5335438.649 517.367 690318.937 5335441.559 517.367 690321.224 5335430.800 517.367 690307.530 5335427.889 517.367 690305.243 5335438.649 517.367</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0016_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690307.530 5335427.889 524.167 690321.224 5335430.800 524.167 690320.081 5335436.180 527.167 690306.387 5335433.269 527.167 690307.530 5335427.889 524.167</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0016_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690318.937 5335441.559 524.167 690305.243 5335438.649 524.167 690306.387 5335433.269 527.167 690320.081 5335436.180 527.167 690318.937 5335441.559 524.167</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0016_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690307.530 5335427.889 517.367 690321.224 5335430.800 517.367 690321.224 5335430.800 524.167 690307.530 5335427.889 524.167 690307.530 5335427.889 517.367</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0016_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690321.224 5335430.800 517.367 690318.937 5335441.559 517.367 690318.937 5335441.559 524.167 690320.081 5335436.180 527.167 690321.224 5335430.800 524.167 690321.224 5335430.800 517.367</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0016_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690318.937 5335441.559 517.367 690305.243 5335438.649 517.367 690305.243 5335438.649 524.167 690318.937 5335441.559 524.167 690318.937 5335441.559 517.367</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0016_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0016_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.243 5335438.649 517.367 690307.530 5335427.889 517.367 690307.530 5335427.889 524.167 690306.387 5335433.269 527.167 690305.243 5335438.649 524.167 690305.243 5335438.649 517.367</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>12</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0017">
      <gml:name>Wohnhaus Hauptstraße 14</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0017_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690323.983 5335441.865 517.442 690335.721 5335444.360 517.442 690337.696 5335435.068 517.442 690325.958 5335432.573 517.442 690323.983 5335441.865 517.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0017_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690325.958 5335432.573 523.442 690337.696 5335435.068 523.442 690336.708 5335439.714 529.042 690324.971 5335437.219 529.042 690325.958 5335432.573 523.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0017_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690335.721 5335444.360 523.442 690323.983 5335441.865 523.442 690324.971 5335437.219 529.042 690336.708 5335439.714 529.042 690335.721 5335444.360 523.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0017_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690325.958 5335432.573 517.442 690337.696 5335435.068 517.442 690337.696 5335435.068 523.442 690325.958 5335432.573 523.442 690325.958 5335432.573 517.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0017_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690337.696 5335435.068 517.442 690335.721 5335444.360 517.442 690335.721 5335444.360 523.442 690336.708 5335439.714 529.042 690337.696 5335435.068 523.442 690337.696 5335435.068 517.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0017_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690335.721 5335444.360 517.442 690323.983 5335441.865 517.442 690323.983 5335441.865 523.442 690335.721 5335444.360 523.442 690335.721 5335444.360 517.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0017_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0017_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690323.983 5335441.865 517.442 690325.958 5335432.573 517.442 690325.958 5335432.573 523.442 690324.971 5335437.219 529.042 690323.983 5335441.865 523.442 690323.983 5335441.865 517.442</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>14</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0018">
      <gml:name>Wohnhaus Hauptstraße 16</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0018_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690344.907 5335434.812 517.477 690342.204 5335447.528 517.477 690351.986 5335449.607 517.477 690354.689 5335436.891 517.477 690344.907 5335434.812 517.477</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0018_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690354.689 5335436.891 523.877 690351.986 5335449.607 523.877 690347.095 5335448.567 528.077 690349.798 5335435.851 528.077 690354.689 5335436.891 523.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0018_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690342.204 5335447.528 523.877 690344.907 5335434.812 523.877 690349.798 5335435.851 528.077 690347.095 5335448.567 528.077 690342.204 5335447.528 523.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0018_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690354.689 5335436.891 517.477 690351.986 5335449.607 517.477 690351.986 5335449.607 523.877 690354.689 5335436.891 523.877 690354.689 5335436.891 517.477</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0018_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690351.986 5335449.607 517.477 690342.204 5335447.528 517.477 690342.204 5335447.528 523.877 690347.095 5335448.567 528.077 690351.986 5335449.607 523.877 690351.986 5335449.607 517.477</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0018_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690342.204 5335447.528 517.477 690344.907 5335434.812 517.477 690344.907 5335434.812 523.877 690342.204 5335447.528 523.877 690342.204 5335447.528 517.477</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0018_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0018_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690344.907 5335434.812 517.477 690354.689 5335436.891 517.477 690354.689 5335436.891 523.877 690349.798 5335435.851 528.077 690344.907 5335434.812 523.877 690344.907 5335434.812 517.477</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>16</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0019">
      <gml:name>Wohnhaus Hauptstraße 18</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0019_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690371.268 5335452.683 517.555 690382.027 5335454.970 517.555 690384.314 5335444.210 517.555 690373.555 5335441.923 517.555 690371.268 5335452.683 517.555</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0019_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690373.555 5335441.923 523.355 690384.314 5335444.210 523.355 690383.171 5335449.590 527.755 690372.412 5335447.303 527.755 690373.555 5335441.923 523.355</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0019_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.027 5335454.970 523.355 690371.268 5335452.683 523.355 690372.412 5335447.303 527.755 690383.171 5335449.590 527.755 690382.027 5335454.970 523.355</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0019_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690373.555 5335441.923 517.555 690384.314 5335444.210 517.555 690384.314 5335444.210 523.355 690373.555 5335441.923 523.355 690373.555 5335441.923 517.555</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0019_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690384.314 5335444.210 517.555 690382.027 5335454.970 517.555 690382.027 5335454.970 523.355 690383.171 5335449.590 527.755 690384.314 5335444.210 523.355 690384.314 5335444.210 517.555</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0019_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.027 5335454.970 517.555 690371.268 5335452.683 517.555 690371.268 5335452.683 523.355 690382.027 5335454.970 523.355 690382.027 5335454.970 517.555</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0019_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0019_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690371.268 5335452.683 517.555 690373.555 5335441.923 517.555 690373.555 5335441.923 523.355 690372.412 5335447.303 527.755 690371.268 5335452.683 523.355 690371.268 5335452.683 517.555</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>18</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0020">
      <gml:name>Wohnhaus Hauptstraße 20</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0020_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690387.563 5335455.380 517.549 690401.257 5335458.290 517.549 690403.232 5335448.998 517.549 690389.538 5335446.087 517.549 690387.563 5335455.380 517.549</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0020_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.538 5335446.087 524.349 690403.232 5335448.998 524.349 690402.245 5335453.644 528.549 690388.550 5335450.734 528.549 690389.538 5335446.087 524.349</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0020_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690401.257 5335458.290 524.349 690387.563 5335455.380 524.349 690388.550 5335450.734 528.549 690402.245 5335453.644 528.549 690401.257 5335458.290 524.349</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0020_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.538 5335446.087 517.549 690403.232 5335448.998 517.549 690403.232 5335448.998 524.349 690389.538 5335446.087 524.349 690389.538 5335446.087 517.549</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0020_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690403.232 5335448.998 517.549 690401.257 5335458.290 517.549 690401.257 5335458.290 524.349 690402.245 5335453.644 528.549 690403.232 5335448.998 524.349 690403.232 5335448.998 517.549</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0020_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690401.257 5335458.290 517.549 690387.563 5335455.380 517.549 690387.563 5335455.380 524.349 690401.257 5335458.290 524.349 690401.257 5335458.290 517.549</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0020_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0020_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690387.563 5335455.380 517.549 690389.538 5335446.087 517.549 690389.538 5335446.087 524.349 690388.550 5335450.734 528.549 690387.563 5335455.380 524.349 690387.563 5335455.380 517.549</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>20</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0021">
      <gml:name>Wohnhaus Hauptstraße 22</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0021_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690406.096 5335459.575 517.283 690417.834 5335462.069 517.283 690419.913 5335452.288 517.283 690408.175 5335449.793 517.283 690406.096 5335459.575 517.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0021_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690408.175 5335449.793 523.283 690419.913 5335452.288 523.283 690418.873 5335457.179 527.083 690407.136 5335454.684 527.083 690408.175 5335449.793 523.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0021_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690417.834 5335462.069 523.283 690406.096 5335459.575 523.283 690407.136 5335454.684 527.083 690418.873 5335457.179 527.083 690417.834 5335462.069 523.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0021_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690408.175 5335449.793 517.283 690419.913 5335452.288 517.283 690419.913 5335452.288 523.283 690408.175 5335449.793 523.283 690408.175 5335449.793 517.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0021_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690419.913 5335452.288 517.283 690417.834 5335462.069 517.283 690417.834 5335462.069 523.283 690418.873 5335457.179 527.083 690419.913 5335452.288 523.283 690419.913 5335452.288 517.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0021_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690417.834 5335462.069 517.283 690406.096 5335459.575 517.283 690406.096 5335459.575 523.283 690417.834 5335462.069 523.283 690417.834 5335462.069 517.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0021_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0021_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690406.096 5335459.575 517.283 690408.175 5335449.793 517.283 690408.175 5335449.793 523.283 690407.136 5335454.684 527.083 690406.096 5335459.575 523.283 690406.096 5335459.575 517.283</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>22</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0022">
      <gml:name>Wohnhaus Hauptstraße 24</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0022_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690426.582 5335452.172 517.408 690423.880 5335464.888 517.408 690434.639 5335467.175 517.408 690437.342 5335454.459 517.408 690426.582 5335452.172 517.408</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0022_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690437.342 5335454.459 523.808 690434.639 5335467.175 523.808 690429.259 5335466.032 529.008 690431.962 5335453.316 529.008 690437.342 5335454.459 523.808</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0022_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690423.880 5335464.888 523.808 690426.582 5335452.172 523.808 690431.962 5335453.316 529.008 690429.259 5335466.032 529.008 690423.880 5335464.888 523.808</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0022_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690437.342 5335454.459 517.408 690434.639 5335467.175 517.408 690434.639 5335467.175 523.808 690437.342 5335454.459 523.808 690437.342 5335454.459 517.408</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0022_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690434.639 5335467.175 517.408 690423.880 5335464.888 517.408 690423.880 5335464.888 523.808 690429.259 5335466.032 529.008 690434.639 5335467.175 523.808 690434.639 5335467.175 517.408</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0022_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690423.880 5335464.888 517.408 690426.582 5335452.172 517.408 690426.582 5335452.172 523.808 690423.880 5335464.888 523.808 690423.880 5335464.888 517.408</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0022_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0022_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690426.582 5335452.172 517.408 690437.342 5335454.459 517.408 690437.342 5335454.459 523.808 690431.962 5335453.316 529.008 690426.582 5335452.172 523.808 690426.582 5335452.172 517.408</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>24</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0023">
      <gml:name>Wohnhaus Hauptstraße 26</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0023_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690441.850 5335466.919 517.389 690452.610 5335469.206 517.389 690454.585 5335459.913 517.389 690443.825 5335457.626 517.389 690441.850 5335466.919 517.389</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0023_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690443.825 5335457.626 523.189 690454.585 5335459.913 523.189 690453.597 5335464.559 527.989 690442.837 5335462.272 527.989 690443.825 5335457.626 523.189</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0023_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690452.610 5335469.206 523.189 690441.850 5335466.919 523.189 690442.837 5335462.272 527.989 690453.597 5335464.559 527.989 690452.610 5335469.206 523.189</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0023_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690443.825 5335457.626 517.389 690454.585 5335459.913 517.389 690454.585 5335459.913 523.189 690443.825 5335457.626 523.189 690443.825 5335457.626 517.389</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0023_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690454.585 5335459.913 517.389 690452.610 5335469.206 517.389 690452.610 5335469.206 523.189 690453.597 5335464.559 527.989 690454.585 5335459.913 523.189 690454.585 5335459.913 517.389</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0023_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690452.610 5335469.206 517.389 690441.850 5335466.919 517.389 690441.850 5335466.919 523.189 690452.610 5335469.206 523.189 690452.610 5335469.206 517.389</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0023_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0023_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690441.850 5335466.919 517.389 690443.825 5335457.626 517.389 690443.825 5335457.626 523.189 690442.837 5335462.272 527.989 690441.850 5335466.919 523.189 690441.850 5335466.919 517.389</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>26</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0024">
      <gml:name>Wohnhaus Hauptstraße 28</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0024_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690457.938 5335470.594 516.770 690471.632 5335473.505 516.770 690473.711 5335463.723 516.770 690460.017 5335460.812 516.770 690457.938 5335470.594 516.770</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0024_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690460.017 5335460.812 523.570 690473.711 5335463.723 523.570 690472.671 5335468.614 526.970 690458.978 5335465.703 526.970 690460.017 5335460.812 523.570</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0024_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690471.632 5335473.505 523.570 690457.938 5335470.594 523.570 690458.978 5335465.703 526.970 690472.671 5335468.614 526.970 690471.632 5335473.505 523.570</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0024_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690460.017 5335460.812 516.770 690473.711 5335463.723 516.770 690473.711 5335463.723 523.570 690460.017 5335460.812 523.570 690460.017 5335460.812 516.770</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0024_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690473.711 5335463.723 516.770 690471.632 5335473.505 516.770 690471.632 5335473.505 523.570 690472.671 5335468.614 526.970 690473.711 5335463.723 523.570 690473.711 5335463.723 516.770</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0024_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690471.632 5335473.505 516.770 690457.938 5335470.594 516.770 690457.938 5335470.594 523.570 690471.632 5335473.505 523.570 690471.632 5335473.505 516.770</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0024_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0024_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690457.938 5335470.594 516.770 690460.017 5335460.812 516.770 690460.017 5335460.812 523.570 690458.978 5335465.703 526.970 690457.938 5335470.594 523.570 690457.938 5335470.594 516.770</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>28</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0025">
      <gml:name>Wohnhaus Hauptstraße 30</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0025_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690476.418 5335475.033 516.933 690488.156 5335477.528 516.933 690490.443 5335466.769 516.933 690478.705 5335464.274 516.933 690476.418 5335475.033 516.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0025_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690478.705 5335464.274 522.933 690490.443 5335466.769 522.933 690489.299 5335472.149 527.933 690477.561 5335469.654 527.933 690478.705 5335464.274 522.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0025_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690488.156 5335477.528 522.933 690476.418 5335475.033 522.933 690477.561 5335469.654 527.933 690489.299 5335472.149 527.933 690488.156 5335477.528 522.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0025_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690478.705 5335464.274 516.933 690490.443 5335466.769 516.933 690490.443 5335466.769 522.933 690478.705 5335464.274 522.933 690478.705 5335464.274 516.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0025_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690490.443 5335466.769 516.933 690488.156 5335477.528 516.933 690488.156 5335477.528 522.933 690489.299 5335472.149 527.933 690490.443 5335466.769 522.933 690490.443 5335466.769 516.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0025_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690488.156 5335477.528 516.933 690476.418 5335475.033 516.933 690476.418 5335475.033 522.933 690488.156 5335477.528 522.933 690488.156 5335477.528 516.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0025_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0025_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690476.418 5335475.033 516.933 690478.705 5335464.274 516.933 690478.705 5335464.274 522.933 690477.561 5335469.654 527.933 690476.418 5335475.033 522.933 690476.418 5335475.033 516.933</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>30</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0026">
      <gml:name>Wohnhaus Hauptstraße 32</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0026_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690497.743 5335467.298 517.152 690495.040 5335480.014 517.152 690504.332 5335481.989 517.152 690507.035 5335469.273 517.152 690497.743 5335467.298 517.152</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0026_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690507.035 5335469.273 523.552 690504.332 5335481.989 523.552 690499.686 5335481.002 526.952 690502.389 5335468.286 526.952 690507.035 5335469.273 523.552</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0026_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690495.040 5335480.014 523.552 690497.743 5335467.298 523.552 690502.389 5335468.286 526.952 690499.686 5335481.002 526.952 690495.040 5335480.014 523.552</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0026_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690507.035 5335469.273 517.152 690504.332 5335481.989 517.152 690504.332 5335481.989 523.552 690507.035 5335469.273 523.552 690507.035 5335469.273 517.152</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0026_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690504.332 5335481.989 517.152 690495.040 5335480.014 517.152 690495.040 5335480.014 523.552 690499.686 5335481.002 526.952 690504.332 5335481.989 523.552 690504.332 5335481.989 517.152</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0026_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690495.040 5335480.014 517.152 690497.743 5335467.298 517.152 690497.743 5335467.298 523.552 690495.040 5335480.014 523.552 690495.040 5335480.014 517.152</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0026_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0026_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690497.743 5335467.298 517.152 690507.035 5335469.273 517.152 690507.035 5335469.273 523.552 690502.389 5335468.286 526.952 690497.743 5335467.298 523.552 690497.743 5335467.298 517.152</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>32</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0027">
      <gml:name>Wohnhaus Bahnhofstraße 1</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0027_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690345.904 5335425.311 517.572 690357.642 5335427.806 517.572 690359.721 5335418.025 517.572 690347.983 5335415.530 517.572 690345.904 5335425.311 517.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0027_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690347.983 5335415.530 523.572 690359.721 5335418.025 523.572 690358.681 5335422.916 527.772 690346.944 5335420.421 527.772 690347.983 5335415.530 523.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0027_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690357.642 5335427.806 523.572 690345.904 5335425.311 523.572 690346.944 5335420.421 527.772 690358.681 5335422.916 527.772 690357.642 5335427.806 523.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0027_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690347.983 5335415.530 517.572 690359.721 5335418.025 517.572 690359.721 5335418.025 523.572 690347.983 5335415.530 523.572 690347.983 5335415.530 517.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0027_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690359.721 5335418.025 517.572 690357.642 5335427.806 517.572 690357.642 5335427.806 523.572 690358.681 5335422.916 527.772 690359.721 5335418.025 523.572 690359.721 5335418.025 517.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0027_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690357.642 5335427.806 517.572 690345.904 5335425.311 517.572 690345.904 5335425.311 523.572 690357.642 5335427.806 523.572 690357.642 5335427.806 517.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0027_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0027_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690345.904 5335425.311 517.572 690347.983 5335415.530 517.572 690347.983 5335415.530 523.572 690346.944 5335420.421 527.772 690345.904 5335425.311 523.572 690345.904 5335425.311 517.572</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>1</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0028">
      <gml:name>Wohnhaus Bahnhofstraße 2</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0028_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690374.270 5335431.341 517.531 690387.965 5335434.251 517.531 690390.044 5335424.470 517.531 690376.350 5335421.559 517.531 690374.270 5335431.341 517.531</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0028_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690376.350 5335421.559 524.331 690390.044 5335424.470 524.331 690389.005 5335429.361 529.131 690375.310 5335426.450 529.131 690376.350 5335421.559 524.331</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0028_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690387.965 5335434.251 524.331 690374.270 5335431.341 524.331 690375.310 5335426.450 529.131 690389.005 5335429.361 529.131 690387.965 5335434.251 524.331</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0028_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690376.350 5335421.559 517.531 690390.044 5335424.470 517.531 690390.044 5335424.470 524.331 690376.350 5335421.559 524.331 690376.350 5335421.559 517.531</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0028_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690390.044 5335424.470 517.531 690387.965 5335434.251 517.531 690387.965 5335434.251 524.331 690389.005 5335429.361 529.131 690390.044 5335424.470 524.331 690390.044 5335424.470 517.531</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0028_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690387.965 5335434.251 517.531 690374.270 5335431.341 517.531 690374.270 5335431.341 524.331 690387.965 5335434.251 524.331 690387.965 5335434.251 517.531</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0028_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0028_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690374.270 5335431.341 517.531 690376.350 5335421.559 517.531 690376.350 5335421.559 524.331 690375.310 5335426.450 529.131 690374.270 5335431.341 524.331 690374.270 5335431.341 517.531</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>2</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0029">
      <gml:name>Wohnhaus Bahnhofstraße 3</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0029_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690349.054 5335408.090 517.571 690361.769 5335410.793 517.571 690364.056 5335400.033 517.571 690351.341 5335397.330 517.571 690349.054 5335408.090 517.571</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0029_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690351.341 5335397.330 523.971 690364.056 5335400.033 523.971 690362.912 5335405.413 528.571 690350.198 5335402.710 528.571 690351.341 5335397.330 523.971</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0029_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690361.769 5335410.793 523.971 690349.054 5335408.090 523.971 690350.198 5335402.710 528.571 690362.912 5335405.413 528.571 690361.769 5335410.793 523.971</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0029_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690351.341 5335397.330 517.571 690364.056 5335400.033 517.571 690364.056 5335400.033 523.971 690351.341 5335397.330 523.971 690351.341 5335397.330 517.571</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0029_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.056 5335400.033 517.571 690361.769 5335410.793 517.571 690361.769 5335410.793 523.971 690362.912 5335405.413 528.571 690364.056 5335400.033 523.971 690364.056 5335400.033 517.571</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0029_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690361.769 5335410.793 517.571 690349.054 5335408.090 517.571 690349.054 5335408.090 523.971 690361.769 5335410.793 523.971 690361.769 5335410.793 517.571</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0029_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0029_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690349.054 5335408.090 517.571 690351.341 5335397.330 517.571 690351.341 5335397.330 523.971 690350.198 5335402.710 528.571 690349.054 5335408.090 523.971 690349.054 5335408.090 517.571</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>3</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0030">
      <gml:name>Wohnhaus Bahnhofstraße 4</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0030_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690378.887 5335414.431 517.766 690390.625 5335416.926 517.766 690392.912 5335406.166 517.766 690381.174 5335403.671 517.766 690378.887 5335414.431 517.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0030_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690381.174 5335403.671 523.766 690392.912 5335406.166 523.766 690391.769 5335411.546 528.366 690380.030 5335409.051 528.366 690381.174 5335403.671 523.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0030_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690390.625 5335416.926 523.766 690378.887 5335414.431 523.766 690380.030 5335409.051 528.366 690391.769 5335411.546 528.366 690390.625 5335416.926 523.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0030_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690381.174 5335403.671 517.766 690392.912 5335406.166 517.766 690392.912 5335406.166 523.766 690381.174 5335403.671 523.766 690381.174 5335403.671 517.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0030_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690392.912 5335406.166 517.766 690390.625 5335416.926 517.766 690390.625 5335416.926 523.766 690391.769 5335411.546 528.366 690392.912 5335406.166 523.766 690392.912 5335406.166 517.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0030_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690390.625 5335416.926 517.766 690378.887 5335414.431 517.766 690378.887 5335414.431 523.766 690390.625 5335416.926 523.766 690390.625 5335416.926 517.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0030_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0030_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690378.887 5335414.431 517.766 690381.174 5335403.671 517.766 690381.174 5335403.671 523.766 690380.030 5335409.051 528.366 690378.887 5335414.431 523.766 690378.887 5335414.431 517.766</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>4</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0031">
      <gml:name>Wohnhaus Bahnhofstraße 5</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0031_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690353.930 5335389.957 517.981 690364.690 5335392.244 517.981 690366.665 5335382.952 517.981 690355.905 5335380.665 517.981 690353.930 5335389.957 517.981</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0031_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690355.905 5335380.665 523.781 690366.665 5335382.952 523.781 690365.677 5335387.598 527.781 690354.917 5335385.311 527.781 690355.905 5335380.665 523.781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0031_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.690 5335392.244 523.781 690353.930 5335389.957 523.781 690354.917 5335385.311 527.781 690365.677 5335387.598 527.781 690364.690 5335392.244 523.781</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0031_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690355.905 5335380.665 517.981 690366.665 5335382.952 517.981 690366.665 5335382.952 523.781 690355.905 5335380.665 523.781 690355.905 5335380.665 517.981</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0031_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690366.665 5335382.952 517.981 690364.690 5335392.244 517.981 690364.690 5335392.244 523.781 690365.677 5335387.598 527.781 690366.665 5335382.952 523.781 690366.665 5335382.952 517.981</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0031_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.690 5335392.244 517.981 690353.930 5335389.957 517.981 690353.930 5335389.957 523.781 690364.690 5335392.244 523.781 690364.690 5335392.244 517.981</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0031_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0031_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690353.930 5335389.957 517.981 690355.905 5335380.665 517.981 690355.905 5335380.665 523.781 690354.917 5335385.311 527.781 690353.930 5335389.957 523.781 690353.930 5335389.957 517.981</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>5</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0032">
      <gml:name>Wohnhaus Bahnhofstraße 6</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0032_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.296 5335395.987 517.744 690395.012 5335398.690 517.744 690396.987 5335389.397 517.744 690384.271 5335386.694 517.744 690382.296 5335395.987 517.744</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0032_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690384.271 5335386.694 524.144 690396.987 5335389.397 524.144 690395.999 5335394.044 527.944 690383.283 5335391.340 527.944 690384.271 5335386.694 524.144</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0032_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690395.012 5335398.690 524.144 690382.296 5335395.987 524.144 690383.283 5335391.340 527.944 690395.999 5335394.044 527.944 690395.012 5335398.690 524.144</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0032_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690384.271 5335386.694 517.744 690396.987 5335389.397 517.744 690396.987 5335389.397 524.144 690384.271 5335386.694 524.144 690384.271 5335386.694 517.744</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0032_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690396.987 5335389.397 517.744 690395.012 5335398.690 517.744 690395.012 5335398.690 524.144 690395.999 5335394.044 527.944 690396.987 5335389.397 524.144 690396.987 5335389.397 517.744</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0032_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690395.012 5335398.690 517.744 690382.296 5335395.987 517.744 690382.296 5335395.987 524.144 690395.012 5335398.690 524.144 690395.012 5335398.690 517.744</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0032_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0032_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.296 5335395.987 517.744 690384.271 5335386.694 517.744 690384.271 5335386.694 524.144 690383.283 5335391.340 527.944 690382.296 5335395.987 524.144 690382.296 5335395.987 517.744</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>6</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0033">
      <gml:name>Wohnhaus Bahnhofstraße 7</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0033_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690356.153 5335372.283 517.616 690369.847 5335375.194 517.616 690371.926 5335365.413 517.616 690358.232 5335362.502 517.616 690356.153 5335372.283 517.616</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0033_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690358.232 5335362.502 524.416 690371.926 5335365.413 524.416 690370.887 5335370.304 529.216 690357.193 5335367.393 529.216 690358.232 5335362.502 524.416</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0033_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690369.847 5335375.194 524.416 690356.153 5335372.283 524.416 690357.193 5335367.393 529.216 690370.887 5335370.304 529.216 690369.847 5335375.194 524.416</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0033_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690358.232 5335362.502 517.616 690371.926 5335365.413 517.616 690371.926 5335365.413 524.416 690358.232 5335362.502 524.416 690358.232 5335362.502 517.616</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0033_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690371.926 5335365.413 517.616 690369.847 5335375.194 517.616 690369.847 5335375.194 524.416 690370.887 5335370.304 529.216 690371.926 5335365.413 524.416 690371.926 5335365.413 517.616</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0033_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690369.847 5335375.194 517.616 690356.153 5335372.283 517.616 690356.153 5335372.283 524.416 690369.847 5335375.194 524.416 690369.847 5335375.194 517.616</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0033_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0033_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690356.153 5335372.283 517.616 690358.232 5335362.502 517.616 690358.232 5335362.502 524.416 690357.193 5335367.393 529.216 690356.153 5335372.283 524.416 690356.153 5335372.283 517.616</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>7</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0034">
      <gml:name>Wohnhaus Bahnhofstraße 8</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0034_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690386.965 5335378.833 517.993 690397.725 5335381.120 517.993 690399.804 5335371.338 517.993 690389.044 5335369.051 517.993 690386.965 5335378.833 517.993</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0034_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.044 5335369.051 523.793 690399.804 5335371.338 523.793 690398.765 5335376.229 528.993 690388.005 5335373.942 528.993 690389.044 5335369.051 523.793</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0034_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690397.725 5335381.120 523.793 690386.965 5335378.833 523.793 690388.005 5335373.942 528.993 690398.765 5335376.229 528.993 690397.725 5335381.120 523.793</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0034_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.044 5335369.051 517.993 690399.804 5335371.338 517.993 690399.804 5335371.338 523.793 690389.044 5335369.051 523.793 690389.044 5335369.051 517.993</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0034_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690399.804 5335371.338 517.993 690397.725 5335381.120 517.993 690397.725 5335381.120 523.793 690398.765 5335376.229 528.993 690399.804 5335371.338 523.793 690399.804 5335371.338 517.993</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0034_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690397.725 5335381.120 517.993 690386.965 5335378.833 517.993 690386.965 5335378.833 523.793 690397.725 5335381.120 523.793 690397.725 5335381.120 517.993</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0034_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0034_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690386.965 5335378.833 517.993 690389.044 5335369.051 517.993 690389.044 5335369.051 523.793 690388.005 5335373.942 528.993 690386.965 5335378.833 523.793 690386.965 5335378.833 517.993</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>8</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0035">
      <gml:name>Wohnhaus Bahnhofstraße 9</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0035_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690360.770 5335355.374 517.532 690372.508 5335357.869 517.532 690374.795 5335347.109 517.532 690363.057 5335344.614 517.532 690360.770 5335355.374 517.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0035_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690363.057 5335344.614 523.532 690374.795 5335347.109 523.532 690373.652 5335352.489 528.132 690361.914 5335349.994 528.132 690363.057 5335344.614 523.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0035_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690372.508 5335357.869 523.532 690360.770 5335355.374 523.532 690361.914 5335349.994 528.132 690373.652 5335352.489 528.132 690372.508 5335357.869 523.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0035_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690363.057 5335344.614 517.532 690374.795 5335347.109 517.532 690374.795 5335347.109 523.532 690363.057 5335344.614 523.532 690363.057 5335344.614 517.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0035_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690374.795 5335347.109 517.532 690372.508 5335357.869 517.532 690372.508 5335357.869 523.532 690373.652 5335352.489 528.132 690374.795 5335347.109 523.532 690374.795 5335347.109 517.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0035_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690372.508 5335357.869 517.532 690360.770 5335355.374 517.532 690360.770 5335355.374 523.532 690372.508 5335357.869 523.532 690372.508 5335357.869 517.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0035_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0035_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690360.770 5335355.374 517.532 690363.057 5335344.614 517.532 690363.057 5335344.614 523.532 690361.914 5335349.994 528.132 690360.770 5335355.374 523.532 690360.770 5335355.374 517.532</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>9</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0036">
      <gml:name>Wohnhaus Bahnhofstraße 10</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0036_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.136 5335361.403 517.877 690402.830 5335364.314 517.877 690405.117 5335353.554 517.877 690391.423 5335350.644 517.877 690389.136 5335361.403 517.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0036_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690391.423 5335350.644 524.677 690405.117 5335353.554 524.677 690403.973 5335358.934 527.677 690390.279 5335356.024 527.677 690391.423 5335350.644 524.677</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0036_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690402.830 5335364.314 524.677 690389.136 5335361.403 524.677 690390.279 5335356.024 527.677 690403.973 5335358.934 527.677 690402.830 5335364.314 524.677</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0036_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690391.423 5335350.644 517.877 690405.117 5335353.554 517.877 690405.117 5335353.554 524.677 690391.423 5335350.644 524.677 690391.423 5335350.644 517.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0036_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690405.117 5335353.554 517.877 690402.830 5335364.314 517.877 690402.830 5335364.314 524.677 690403.973 5335358.934 527.677 690405.117 5335353.554 524.677 690405.117 5335353.554 517.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0036_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690402.830 5335364.314 517.877 690389.136 5335361.403 517.877 690389.136 5335361.403 524.677 690402.830 5335364.314 524.677 690402.830 5335364.314 517.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0036_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0036_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690389.136 5335361.403 517.877 690391.423 5335350.644 517.877 690391.423 5335350.644 524.677 690390.279 5335356.024 527.677 690389.136 5335361.403 524.677 690389.136 5335361.403 517.877</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>10</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0037">
      <gml:name>Wohnhaus Am Anger 1</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0037_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690272.780 5335552.896 517.150 690284.518 5335555.391 517.150 690286.597 5335545.609 517.150 690274.859 5335543.114 517.150 690272.780 5335552.896 517.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0037_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690274.859 5335543.114 523.150 690286.597 5335545.609 523.150 690285.557 5335550.500 527.350 690273.819 5335548.005 527.350 690274.859 5335543.114 523.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0037_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690284.518 5335555.391 523.150 690272.780 5335552.896 523.150 690273.819 5335548.005 527.350 690285.557 5335550.500 527.350 690284.518 5335555.391 523.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0037_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690274.859 5335543.114 517.150 690286.597 5335545.609 517.150 690286.597 5335545.609 523.150 690274.859 5335543.114 523.150 690274.859 5335543.114 517.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0037_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690286.597 5335545.609 517.150 690284.518 5335555.391 517.150 690284.518 5335555.391 523.150 690285.557 5335550.500 527.350 690286.597 5335545.609 523.150 690286.597 5335545.609 517.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0037_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690284.518 5335555.391 517.150 690272.780 5335552.896 517.150 690272.780 5335552.896 523.150 690284.518 5335555.391 523.150 690284.518 5335555.391 517.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0037_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0037_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690272.780 5335552.896 517.150 690274.859 5335543.114 517.150 690274.859 5335543.114 523.150 690273.819 5335548.005 527.350 690272.780 5335552.896 523.150 690272.780 5335552.896 517.150</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>1</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0038">
      <gml:name>Wohnhaus Am Anger 2</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0038_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690295.223 5335545.909 517.176 690292.520 5335558.625 517.176 690303.280 5335560.912 517.176 690305.983 5335548.196 517.176 690295.223 5335545.909 517.176</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0038_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.983 5335548.196 523.576 690303.280 5335560.912 523.576 690297.900 5335559.769 528.176 690300.603 5335547.053 528.176 690305.983 5335548.196 523.576</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0038_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690292.520 5335558.625 523.576 690295.223 5335545.909 523.576 690300.603 5335547.053 528.176 690297.900 5335559.769 528.176 690292.520 5335558.625 523.576</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0038_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.983 5335548.196 517.176 690303.280 5335560.912 517.176 690303.280 5335560.912 523.576 690305.983 5335548.196 523.576 690305.983 5335548.196 517.176</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0038_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690303.280 5335560.912 517.176 690292.520 5335558.625 517.176 690292.520 5335558.625 523.576 690297.900 5335559.769 528.176 690303.280 5335560.912 523.576 690303.280 5335560.912 517.176</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0038_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690292.520 5335558.625 517.176 690295.223 5335545.909 517.176 690295.223 5335545.909 523.576 690292.520 5335558.625 523.576 690292.520 5335558.625 517.176</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0038_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0038_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690295.223 5335545.909 517.176 690305.983 5335548.196 517.176 690305.983 5335548.196 523.576 690300.603 5335547.053 528.176 690295.223 5335545.909 523.576 690295.223 5335545.909 517.176</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>2</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0039">
      <gml:name>Wohnhaus Am Anger 3</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">9.80</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0039_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690312.447 5335561.072 517.171 690323.206 5335563.359 517.171 690325.182 5335554.066 517.171 690314.422 5335551.779 517.171 690312.447 5335561.072 517.171</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0039_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690314.422 5335551.779 522.971 690325.182 5335554.066 522.971 690324.194 5335558.713 526.971 690313.434 5335556.425 526.971 690314.422 5335551.779 522.971</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0039_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690323.206 5335563.359 522.971 690312.447 5335561.072 522.971 690313.434 5335556.425 526.971 690324.194 5335558.713 526.971 690323.206 5335563.359 522.971</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0039_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690314.422 5335551.779 517.171 690325.182 5335554.066 517.171 690325.182 5335554.066 522.971 690314.422 5335551.779 522.971 690314.422 5335551.779 517.171</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0039_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690325.182 5335554.066 517.171 690323.206 5335563.359 517.171 690323.206 5335563.359 522.971 690324.194 5335558.713 526.971 690325.182 5335554.066 522.971 690325.182 5335554.066 517.171</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0039_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690323.206 5335563.359 517.171 690312.447 5335561.072 517.171 690312.447 5335561.072 522.971 690323.206 5335563.359 522.971 690323.206 5335563.359 517.171</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0039_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0039_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690312.447 5335561.072 517.171 690314.422 5335551.779 517.171 690314.422 5335551.779 522.971 690313.434 5335556.425 526.971 690312.447 5335561.072 522.971 690312.447 5335561.072 517.171</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>3</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0040">
      <gml:name>Wohnhaus Am Anger 4</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0040_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690354.505 5335557.999 516.384 690351.594 5335571.693 516.384 690361.375 5335573.772 516.384 690364.286 5335560.078 516.384 690354.505 5335557.999 516.384</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0040_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.286 5335560.078 523.184 690361.375 5335573.772 523.184 690356.485 5335572.732 527.984 690359.395 5335559.038 527.984 690364.286 5335560.078 523.184</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0040_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690351.594 5335571.693 523.184 690354.505 5335557.999 523.184 690359.395 5335559.038 527.984 690356.485 5335572.732 527.984 690351.594 5335571.693 523.184</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0040_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.286 5335560.078 516.384 690361.375 5335573.772 516.384 690361.375 5335573.772 523.184 690364.286 5335560.078 523.184 690364.286 5335560.078 516.384</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0040_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690361.375 5335573.772 516.384 690351.594 5335571.693 516.384 690351.594 5335571.693 523.184 690356.485 5335572.732 527.984 690361.375 5335573.772 523.184 690361.375 5335573.772 516.384</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0040_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690351.594 5335571.693 516.384 690354.505 5335557.999 516.384 690354.505 5335557.999 523.184 690351.594 5335571.693 523.184 690351.594 5335571.693 516.384</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0040_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0040_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690354.505 5335557.999 516.384 690364.286 5335560.078 516.384 690364.286 5335560.078 523.184 690359.395 5335559.038 527.984 690354.505 5335557.999 523.184 690354.505 5335557.999 516.384</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>4</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0041">
      <gml:name>Wohnhaus Am Anger 5</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.60</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0041_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690370.491 5335574.176 517.030 690382.228 5335576.671 517.030 690384.515 5335565.911 517.030 690372.778 5335563.417 517.030 690370.491 5335574.176 517.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0041_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690372.778 5335563.417 523.030 690384.515 5335565.911 523.030 690383.372 5335571.291 527.630 690371.635 5335568.797 527.630 690372.778 5335563.417 523.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0041_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.228 5335576.671 523.030 690370.491 5335574.176 523.030 690371.635 5335568.797 527.630 690383.372 5335571.291 527.630 690382.228 5335576.671 523.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0041_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690372.778 5335563.417 517.030 690384.515 5335565.911 517.030 690384.515 5335565.911 523.030 690372.778 5335563.417 523.030 690372.778 5335563.417 517.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0041_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690384.515 5335565.911 517.030 690382.228 5335576.671 517.030 690382.228 5335576.671 523.030 690383.372 5335571.291 527.630 690384.515 5335565.911 523.030 690384.515 5335565.911 517.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0041_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690382.228 5335576.671 517.030 690370.491 5335574.176 517.030 690370.491 5335574.176 523.030 690382.228 5335576.671 523.030 690382.228 5335576.671 517.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0041_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0041_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690370.491 5335574.176 517.030 690372.778 5335563.417 517.030 690372.778 5335563.417 523.030 690371.635 5335568.797 527.630 690370.491 5335574.176 523.030 690370.491 5335574.176 517.030</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>5</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0042">
      <gml:name>Wohnhaus Am Anger 6</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.20</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0042_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690393.771 5335566.857 517.005 690391.068 5335579.572 517.005 690400.361 5335581.548 517.005 690403.064 5335568.832 517.005 690393.771 5335566.857 517.005</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0042_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690403.064 5335568.832 523.405 690400.361 5335581.548 523.405 690395.715 5335580.560 527.205 690398.417 5335567.844 527.205 690403.064 5335568.832 523.405</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0042_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690391.068 5335579.572 523.405 690393.771 5335566.857 523.405 690398.417 5335567.844 527.205 690395.715 5335580.560 527.205 690391.068 5335579.572 523.405</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0042_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690403.064 5335568.832 517.005 690400.361 5335581.548 517.005 690400.361 5335581.548 523.405 690403.064 5335568.832 523.405 690403.064 5335568.832 517.005</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0042_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690400.361 5335581.548 517.005 690391.068 5335579.572 517.005 690391.068 5335579.572 523.405 690395.715 5335580.560 527.205 690400.361 5335581.548 523.405 690400.361 5335581.548 517.005</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0042_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690391.068 5335579.572 517.005 690393.771 5335566.857 517.005 690393.771 5335566.857 523.405 690391.068 5335579.572 523.405 690391.068 5335579.572 517.005</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0042_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0042_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690393.771 5335566.857 517.005 690403.064 5335568.832 517.005 690403.064 5335568.832 523.405 690398.417 5335567.844 527.205 690393.771 5335566.857 523.405 690393.771 5335566.857 517.005</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>6</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Am Anger</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0043">
      <gml:name>Rathaus Markt Musterdorf</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_3012</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">16.50</bldg:measuredHeight>
      <bldg:storeysAboveGround>3</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0043_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690330.755 5335535.060 517.120 690356.187 5335540.466 517.120 690359.306 5335525.793 517.120 690333.874 5335520.388 517.120 690330.755 5335535.060 517.120</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0043_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690333.874 5335520.388 526.620 690359.306 5335525.793 526.620 690357.747 5335533.129 533.620 690332.314 5335527.724 533.620 690333.874 5335520.388 526.620</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0043_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690356.187 5335540.466 526.620 690330.755 5335535.060 526.620 690332.314 5335527.724 533.620 690357.747 5335533.129 533.620 690356.187 5335540.466 526.620</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0043_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690333.874 5335520.388 517.120 690359.306 5335525.793 517.120 690359.306 5335525.793 526.620 690333.874 5335520.388 526.620 690333.874 5335520.388 517.120</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0043_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690359.306 5335525.793 517.120 690356.187 5335540.466 517.120 690356.187 5335540.466 526.620 690357.747 5335533.129 533.620 690359.306 5335525.793 526.620 690359.306 5335525.793 517.120</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0043_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690356.187 5335540.466 517.120 690330.755 5335535.060 517.120 690330.755 5335535.060 526.620 690356.187 5335540.466 526.620 690356.187 5335540.466 517.120</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0043_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0043_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690330.755 5335535.060 517.120 690333.874 5335520.388 517.120 690333.874 5335520.388 526.620 690332.314 5335527.724 533.620 690330.755 5335535.060 526.620 690330.755 5335535.060 517.120</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>1</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Marktplatz</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0044">
      <gml:name>Pfarrkirche St. Musterus</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_3041</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">20.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0044_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690394.869 5335512.395 516.671 690426.169 5335519.048 516.671 690429.080 5335505.354 516.671 690397.779 5335498.700 516.671 690394.869 5335512.395 516.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0044_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690397.779 5335498.700 528.671 690429.080 5335505.354 528.671 690427.624 5335512.201 536.671 690396.324 5335505.547 536.671 690397.779 5335498.700 528.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0044_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690426.169 5335519.048 528.671 690394.869 5335512.395 528.671 690396.324 5335505.547 536.671 690427.624 5335512.201 536.671 690426.169 5335519.048 528.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0044_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690397.779 5335498.700 516.671 690429.080 5335505.354 516.671 690429.080 5335505.354 528.671 690397.779 5335498.700 528.671 690397.779 5335498.700 516.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0044_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690429.080 5335505.354 516.671 690426.169 5335519.048 516.671 690426.169 5335519.048 528.671 690427.624 5335512.201 536.671 690429.080 5335505.354 528.671 690429.080 5335505.354 516.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0044_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690426.169 5335519.048 516.671 690394.869 5335512.395 516.671 690394.869 5335512.395 528.671 690426.169 5335519.048 528.671 690426.169 5335519.048 516.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0044_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0044_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690394.869 5335512.395 516.671 690397.779 5335498.700 516.671 690397.779 5335498.700 528.671 690396.324 5335505.547 536.671 690394.869 5335512.395 528.671 690394.869 5335512.395 516.671</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DEBY_MUSTER_0044_BP01">
          <gml:name>Pfarrkirche St. Musterus – Kirchturm</gml:name>
          <core:creationDate>2025-01-01</core:creationDate>
          <gen:stringAttribute name="Hinweis">
            <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
          </gen:stringAttribute>
          <bldg:function>31001_3041</bldg:function>
          <bldg:roofType>3100</bldg:roofType>
          <bldg:measuredHeight uom="urn:adv:uom:m">36.00</bldg:measuredHeight>
          <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DEBY_MUSTER_0044_BP01_ground_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_ground_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690390.205 5335500.669 516.671 690388.749 5335507.516 516.671 690395.596 5335508.971 516.671 690397.052 5335502.124 516.671 690390.205 5335500.669 516.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DEBY_MUSTER_0044_BP01_roof_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_roof_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690397.052 5335502.124 544.671 690395.596 5335508.971 544.671 690392.172 5335508.243 552.671 690393.628 5335501.396 552.671 690397.052 5335502.124 544.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:RoofSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DEBY_MUSTER_0044_BP01_roof_2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_roof_2_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690388.749 5335507.516 544.671 690390.205 5335500.669 544.671 690393.628 5335501.396 552.671 690392.172 5335508.243 552.671 690388.749 5335507.516 544.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:RoofSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0044_BP01_wall_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_wall_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690397.052 5335502.124 516.671 690395.596 5335508.971 516.671 690395.596 5335508.971 544.671 690397.052 5335502.124 544.671 690397.052 5335502.124 516.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0044_BP01_wall_2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_wall_2_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690395.596 5335508.971 516.671 690388.749 5335507.516 516.671 690388.749 5335507.516 544.671 690392.172 5335508.243 552.671 690395.596 5335508.971 544.671 690395.596 5335508.971 516.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0044_BP01_wall_3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_wall_3_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690388.749 5335507.516 516.671 690390.205 5335500.669 516.671 690390.205 5335500.669 544.671 690388.749 5335507.516 544.671 690388.749 5335507.516 516.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0044_BP01_wall_4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0044_BP01_wall_4_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690390.205 5335500.669 516.671 690397.052 5335502.124 516.671 690397.052 5335502.124 544.671 690393.628 5335501.396 552.671 690390.205 5335500.669 544.671 690390.205 5335500.669 516.671</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>5</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Marktplatz</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0045">
      <gml:name>Gasthof zur Post</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">12.50</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0045_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.271 5335476.993 517.391 690301.529 5335494.599 517.391 690313.266 5335497.094 517.391 690317.009 5335479.487 517.391 690305.271 5335476.993 517.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0045_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690317.009 5335479.487 524.391 690313.266 5335497.094 524.391 690307.397 5335495.846 529.891 690311.140 5335478.240 529.891 690317.009 5335479.487 524.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0045_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690301.529 5335494.599 524.391 690305.271 5335476.993 524.391 690311.140 5335478.240 529.891 690307.397 5335495.846 529.891 690301.529 5335494.599 524.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0045_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690317.009 5335479.487 517.391 690313.266 5335497.094 517.391 690313.266 5335497.094 524.391 690317.009 5335479.487 524.391 690317.009 5335479.487 517.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0045_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690313.266 5335497.094 517.391 690301.529 5335494.599 517.391 690301.529 5335494.599 524.391 690307.397 5335495.846 529.891 690313.266 5335497.094 524.391 690313.266 5335497.094 517.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0045_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690301.529 5335494.599 517.391 690305.271 5335476.993 517.391 690305.271 5335476.993 524.391 690301.529 5335494.599 524.391 690301.529 5335494.599 517.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0045_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0045_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690305.271 5335476.993 517.391 690317.009 5335479.487 517.391 690317.009 5335479.487 524.391 690311.140 5335478.240 529.891 690305.271 5335476.993 524.391 690305.271 5335476.993 517.391</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:consistsOfBuildingPart>
        <bldg:BuildingPart gml:id="DEBY_MUSTER_0045_BP01">
          <gml:name>Gasthof zur Post – Festsaal</gml:name>
          <core:creationDate>2025-01-01</core:creationDate>
          <gen:stringAttribute name="Hinweis">
            <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
          </gen:stringAttribute>
          <bldg:function>31001_2000</bldg:function>
          <bldg:roofType>1000</bldg:roofType>
          <bldg:measuredHeight uom="urn:adv:uom:m">6.00</bldg:measuredHeight>
          <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
          <bldg:boundedBy>
            <bldg:GroundSurface gml:id="DEBY_MUSTER_0045_BP01_ground_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_ground_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690288.043 5335490.710 517.391 690301.737 5335493.621 517.391 690305.063 5335477.971 517.391 690291.369 5335475.060 517.391 690288.043 5335490.710 517.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:GroundSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:RoofSurface gml:id="DEBY_MUSTER_0045_BP01_roof_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_roof_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690291.369 5335475.060 523.391 690305.063 5335477.971 523.391 690301.737 5335493.621 523.391 690288.043 5335490.710 523.391 690291.369 5335475.060 523.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:RoofSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0045_BP01_wall_1">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_wall_1_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690291.369 5335475.060 517.391 690305.063 5335477.971 517.391 690305.063 5335477.971 523.391 690291.369 5335475.060 523.391 690291.369 5335475.060 517.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0045_BP01_wall_2">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_wall_2_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690305.063 5335477.971 517.391 690301.737 5335493.621 517.391 690301.737 5335493.621 523.391 690305.063 5335477.971 523.391 690305.063 5335477.971 517.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0045_BP01_wall_3">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_wall_3_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690301.737 5335493.621 517.391 690288.043 5335490.710 517.391 690288.043 5335490.710 523.391 690301.737 5335493.621 523.391 690301.737 5335493.621 517.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
          <bldg:boundedBy>
            <bldg:WallSurface gml:id="DEBY_MUSTER_0045_BP01_wall_4">
              <bldg:lod2MultiSurface>
                <gml:MultiSurface>
                  <gml:surfaceMember>
                    <gml:Polygon gml:id="DEBY_MUSTER_0045_BP01_wall_4_poly">
                      <gml:exterior>
                        <gml:LinearRing>
                          <gml:posList srsDimension="3">690288.043 5335490.710 517.391 690291.369 5335475.060 517.391 690291.369 5335475.060 523.391 690288.043 5335490.710 523.391 690288.043 5335490.710 517.391</gml:posList>
                        </gml:LinearRing>
                      </gml:exterior>
                    </gml:Polygon>
                  </gml:surfaceMember>
                </gml:MultiSurface>
              </bldg:lod2MultiSurface>
            </bldg:WallSurface>
          </bldg:boundedBy>
        </bldg:BuildingPart>
      </bldg:consistsOfBuildingPart>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>2</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Marktplatz</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0046">
      <gml:name>Wohn- und Geschäftshaus Marktplatz 3</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">12.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>3</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0046_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690298.202 5335510.250 517.236 690309.940 5335512.745 517.236 690312.435 5335501.007 517.236 690300.697 5335498.512 517.236 690298.202 5335510.250 517.236</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0046_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690300.697 5335498.512 524.736 690312.435 5335501.007 524.736 690311.188 5335506.876 529.236 690299.450 5335504.381 529.236 690300.697 5335498.512 524.736</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0046_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690309.940 5335512.745 524.736 690298.202 5335510.250 524.736 690299.450 5335504.381 529.236 690311.188 5335506.876 529.236 690309.940 5335512.745 524.736</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0046_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690300.697 5335498.512 517.236 690312.435 5335501.007 517.236 690312.435 5335501.007 524.736 690300.697 5335498.512 524.736 690300.697 5335498.512 517.236</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0046_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690312.435 5335501.007 517.236 690309.940 5335512.745 517.236 690309.940 5335512.745 524.736 690311.188 5335506.876 529.236 690312.435 5335501.007 524.736 690312.435 5335501.007 517.236</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0046_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690309.940 5335512.745 517.236 690298.202 5335510.250 517.236 690298.202 5335510.250 524.736 690309.940 5335512.745 524.736 690309.940 5335512.745 517.236</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0046_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0046_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690298.202 5335510.250 517.236 690300.697 5335498.512 517.236 690300.697 5335498.512 524.736 690299.450 5335504.381 529.236 690298.202 5335510.250 524.736 690298.202 5335510.250 517.236</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>3</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Marktplatz</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0047">
      <gml:name>Pfarrhaus</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>3100</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">11.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>2</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0047_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690398.786 5335537.252 516.987 690412.480 5335540.163 516.987 690414.767 5335529.403 516.987 690401.073 5335526.493 516.987 690398.786 5335537.252 516.987</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0047_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690401.073 5335526.493 523.487 690414.767 5335529.403 523.487 690413.623 5335534.783 527.987 690399.929 5335531.873 527.987 690401.073 5335526.493 523.487</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0047_roof_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_roof_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690412.480 5335540.163 523.487 690398.786 5335537.252 523.487 690399.929 5335531.873 527.987 690413.623 5335534.783 527.987 690412.480 5335540.163 523.487</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0047_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690401.073 5335526.493 516.987 690414.767 5335529.403 516.987 690414.767 5335529.403 523.487 690401.073 5335526.493 523.487 690401.073 5335526.493 516.987</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0047_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690414.767 5335529.403 516.987 690412.480 5335540.163 516.987 690412.480 5335540.163 523.487 690413.623 5335534.783 527.987 690414.767 5335529.403 523.487 690414.767 5335529.403 516.987</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0047_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690412.480 5335540.163 516.987 690398.786 5335537.252 516.987 690398.786 5335537.252 523.487 690412.480 5335540.163 523.487 690412.480 5335540.163 516.987</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0047_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0047_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690398.786 5335537.252 516.987 690401.073 5335526.493 516.987 690401.073 5335526.493 523.487 690399.929 5335531.873 527.987 690398.786 5335537.252 523.487 690398.786 5335537.252 516.987</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>2</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Kirchplatz</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0048">
      <gml:name>Sparkasse</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.50</bldg:measuredHeight>
      <bldg:storeysAboveGround>3</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0048_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690406.498 5335491.353 517.143 690426.060 5335495.511 517.143 690428.555 5335483.773 517.143 690408.992 5335479.615 517.143 690406.498 5335491.353 517.143</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0048_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690408.992 5335479.615 527.643 690428.555 5335483.773 527.643 690426.060 5335495.511 527.643 690406.498 5335491.353 527.643 690408.992 5335479.615 527.643</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0048_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690408.992 5335479.615 517.143 690428.555 5335483.773 517.143 690428.555 5335483.773 527.643 690408.992 5335479.615 527.643 690408.992 5335479.615 517.143</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0048_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690428.555 5335483.773 517.143 690426.060 5335495.511 517.143 690426.060 5335495.511 527.643 690428.555 5335483.773 527.643 690428.555 5335483.773 517.143</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0048_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690426.060 5335495.511 517.143 690406.498 5335491.353 517.143 690406.498 5335491.353 527.643 690426.060 5335495.511 527.643 690426.060 5335495.511 517.143</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0048_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0048_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690406.498 5335491.353 517.143 690408.992 5335479.615 517.143 690408.992 5335479.615 527.643 690406.498 5335491.353 527.643 690406.498 5335491.353 517.143</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>19</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Hauptstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0049">
      <gml:name>Grundschule Musterdorf</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_3021</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">10.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>3</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0049_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690228.276 5335502.543 516.812 690267.402 5335510.859 516.812 690270.313 5335497.165 516.812 690231.187 5335488.849 516.812 690228.276 5335502.543 516.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0049_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690231.187 5335488.849 526.812 690270.313 5335497.165 526.812 690267.402 5335510.859 526.812 690228.276 5335502.543 526.812 690231.187 5335488.849 526.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0049_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690231.187 5335488.849 516.812 690270.313 5335497.165 516.812 690270.313 5335497.165 526.812 690231.187 5335488.849 526.812 690231.187 5335488.849 516.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0049_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690270.313 5335497.165 516.812 690267.402 5335510.859 516.812 690267.402 5335510.859 526.812 690270.313 5335497.165 526.812 690270.313 5335497.165 516.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0049_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690267.402 5335510.859 516.812 690228.276 5335502.543 516.812 690228.276 5335502.543 526.812 690267.402 5335510.859 526.812 690267.402 5335510.859 516.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0049_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0049_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690228.276 5335502.543 516.812 690231.187 5335488.849 516.812 690231.187 5335488.849 526.812 690228.276 5335502.543 526.812 690228.276 5335502.543 516.812</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>1</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Schulweg</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0050">
      <gml:name>Lebensmittelmarkt</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0050_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690398.558 5335336.314 517.729 690429.859 5335342.967 517.729 690434.433 5335321.448 517.729 690403.132 5335314.795 517.729 690398.558 5335336.314 517.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0050_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690403.132 5335314.795 523.729 690434.433 5335321.448 523.729 690429.859 5335342.967 523.729 690398.558 5335336.314 523.729 690403.132 5335314.795 523.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0050_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690403.132 5335314.795 517.729 690434.433 5335321.448 517.729 690434.433 5335321.448 523.729 690403.132 5335314.795 523.729 690403.132 5335314.795 517.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0050_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690434.433 5335321.448 517.729 690429.859 5335342.967 517.729 690429.859 5335342.967 523.729 690434.433 5335321.448 523.729 690434.433 5335321.448 517.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0050_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690429.859 5335342.967 517.729 690398.558 5335336.314 517.729 690398.558 5335336.314 523.729 690429.859 5335342.967 523.729 690429.859 5335342.967 517.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0050_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0050_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690398.558 5335336.314 517.729 690403.132 5335314.795 517.729 690403.132 5335314.795 523.729 690398.558 5335336.314 523.729 690398.558 5335336.314 517.729</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>20</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0051">
      <gml:name>Lagerhalle Raiffeisen</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">8.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0051_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690348.673 5335325.710 517.776 690374.105 5335331.116 517.776 690377.847 5335313.509 517.776 690352.415 5335308.104 517.776 690348.673 5335325.710 517.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0051_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690352.415 5335308.104 525.776 690377.847 5335313.509 525.776 690374.105 5335331.116 525.776 690348.673 5335325.710 525.776 690352.415 5335308.104 525.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0051_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690352.415 5335308.104 517.776 690377.847 5335313.509 517.776 690377.847 5335313.509 525.776 690352.415 5335308.104 525.776 690352.415 5335308.104 517.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0051_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690377.847 5335313.509 517.776 690374.105 5335331.116 517.776 690374.105 5335331.116 525.776 690377.847 5335313.509 525.776 690377.847 5335313.509 517.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0051_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690374.105 5335331.116 517.776 690348.673 5335325.710 517.776 690348.673 5335325.710 525.776 690374.105 5335331.116 525.776 690374.105 5335331.116 517.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0051_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0051_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690348.673 5335325.710 517.776 690352.415 5335308.104 517.776 690352.415 5335308.104 525.776 690348.673 5335325.710 525.776 690348.673 5335325.710 517.776</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>21</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0052">
      <gml:name>Kfz-Werkstatt</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">5.00</bldg:measuredHeight>
      <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0052_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690361.965 5335296.843 517.774 690377.616 5335300.170 517.774 690380.110 5335288.432 517.774 690364.460 5335285.105 517.774 690361.965 5335296.843 517.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0052_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.460 5335285.105 522.774 690380.110 5335288.432 522.774 690377.616 5335300.170 522.774 690361.965 5335296.843 522.774 690364.460 5335285.105 522.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0052_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690364.460 5335285.105 517.774 690380.110 5335288.432 517.774 690380.110 5335288.432 522.774 690364.460 5335285.105 522.774 690364.460 5335285.105 517.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0052_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690380.110 5335288.432 517.774 690377.616 5335300.170 517.774 690377.616 5335300.170 522.774 690380.110 5335288.432 522.774 690380.110 5335288.432 517.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0052_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690377.616 5335300.170 517.774 690361.965 5335296.843 517.774 690361.965 5335296.843 522.774 690377.616 5335300.170 522.774 690377.616 5335300.170 517.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0052_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0052_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690361.965 5335296.843 517.774 690364.460 5335285.105 517.774 690364.460 5335285.105 522.774 690361.965 5335296.843 522.774 690361.965 5335296.843 517.774</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>23</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_MUSTER_0053">
      <gml:name>Bauhof Markt Musterdorf</gml:name>
      <core:creationDate>2025-01-01</core:creationDate>
      <gen:stringAttribute name="Hinweis">
        <gen:value>Synthetisch erzeugt – keine realen Daten</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_2000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">6.50</bldg:measuredHeight>
      <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="DEBY_MUSTER_0053_ground_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_ground_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690409.956 5335301.932 518.003 690429.519 5335306.090 518.003 690432.430 5335292.396 518.003 690412.867 5335288.238 518.003 690409.956 5335301.932 518.003</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="DEBY_MUSTER_0053_roof_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_roof_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690412.867 5335288.238 524.503 690432.430 5335292.396 524.503 690429.519 5335306.090 524.503 690409.956 5335301.932 524.503 690412.867 5335288.238 524.503</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0053_wall_1">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_wall_1_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690412.867 5335288.238 518.003 690432.430 5335292.396 518.003 690432.430 5335292.396 524.503 690412.867 5335288.238 524.503 690412.867 5335288.238 518.003</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0053_wall_2">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_wall_2_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690432.430 5335292.396 518.003 690429.519 5335306.090 518.003 690429.519 5335306.090 524.503 690432.430 5335292.396 524.503 690432.430 5335292.396 518.003</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0053_wall_3">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_wall_3_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690429.519 5335306.090 518.003 690409.956 5335301.932 518.003 690409.956 5335301.932 524.503 690429.519 5335306.090 524.503 690429.519 5335306.090 518.003</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="DEBY_MUSTER_0053_wall_4">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon gml:id="DEBY_MUSTER_0053_wall_4_poly">
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">690409.956 5335301.932 518.003 690412.867 5335288.238 518.003 690412.867 5335288.238 524.503 690409.956 5335301.932 524.503 690409.956 5335301.932 518.003</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:address>
        <core:Address>
          <core:xalAddress>
            <xAL:AddressDetails>
              <xAL:Country>
                <xAL:CountryName>Germany</xAL:CountryName>
                <xAL:Locality Type="Town">
                  <xAL:LocalityName>Markt Musterdorf</xAL:LocalityName>
                  <xAL:Thoroughfare Type="Street">
                    <xAL:ThoroughfareNumber>22</xAL:ThoroughfareNumber>
                    <xAL:ThoroughfareName>Bahnhofstraße</xAL:ThoroughfareName>
                  </xAL:Thoroughfare>
                </xAL:Locality>
              </xAL:Country>
            </xAL:AddressDetails>
          </core:xalAddress>
        </core:Address>
      </bldg:address>
    </bldg:Building>
  </core:cityObjectMember>
</core:CityModel>
