"""GDELT 2.0 events: 61 columns in the codebook's order, headerless TSV, every column checked."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from dyadline import export
from dyadline.export.gdelt import date_added, fraction_date
from dyadline.records import Actor, Article, Event, Evidence, Place, Record, Time
from dyadline.store import Store

# The 61 columns as the GDELT 2.0 event codebook lists them, written out here on purpose.
CODEBOOK = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()

LEAD = "MOSCOW - Russia accused the United States of meddling in Moscow on Monday."
TEXT = LEAD + "\n\nLater, the United Nations urged calm."


def coded() -> tuple[Article, Record]:
    rus = Actor("Russia", (9, 15), "Russia", "RUS", "GOV")
    usa = Actor("the United States", (25, 42), "United States", "USA", None)
    un = Actor("the United Nations", (TEXT.index("the United"), TEXT.index("the United") + 18), "United Nations",
               "IGO", None)
    monday = Time("on Monday", (63, 72), "2025-03-03", "2025-03-03", "2025-03-03")
    moscow = Place("Moscow", (56, 62), "Moscow", "RUS", 55.75, 37.62, 524901)
    accuse = Event("ACCUSE", Evidence(LEAD[9:], (9, len(LEAD))), mode="disapprove", cameo="112", source=(rus,),
                   target=(usa,), date=monday, location=moscow, confidence=0.75)
    start = TEXT.index("Later")
    appeal = Event("REQUEST", Evidence(TEXT[start:], (start, len(TEXT))), cameo="0256", source=(un,))
    art = Article("g1", TEXT, "2025-03-04", "Meddling", "https://example.org/g1")
    return art, Record(art.id, (accuse, appeal))


@pytest.fixture
def stored(tmp_path):
    with Store(tmp_path / "g.db") as s:
        s.add(*coded())
        ingested = s.db.execute("SELECT ingested_at FROM documents").fetchone()[0]
        path = tmp_path / "events.gdelt.tsv"
        assert export.export_gdelt(s, path) == 2
    return path, ingested


def test_export_gdelt_has_the_codebook_columns():
    assert export.GDELT_FIELDS == tuple(CODEBOOK) and len(CODEBOOK) == 61


def test_export_gdelt_every_column(stored):
    path, ingested = stored
    lines = path.read_text(encoding="utf-8").splitlines()
    assert not lines[0].startswith("GLOBALEVENTID")  # headerless by default, as GDELT's own files
    rows = [dict(zip(CODEBOOK, r, strict=True)) for r in csv.reader(lines, delimiter="\t")]
    first = rows[0]
    assert first["GLOBALEVENTID"].isdigit()
    assert (first["SQLDATE"], first["MonthYear"], first["Year"], first["FractionDate"]) == (
        "20250303", "202503", "2025", "2025.1726")
    assert [first[f"Actor1{c}"] for c in ("Code", "Name", "CountryCode", "Type1Code")] == [
        "RUSGOV", "RUSSIA", "RUS", "GOV"]
    assert [first[f"Actor2{c}"] for c in ("Code", "Name", "CountryCode", "Type1Code")] == [
        "USA", "UNITED STATES", "USA", ""]
    for side in ("Actor1", "Actor2"):
        assert all(first[f"{side}{c}"] == "" for c in ("KnownGroupCode", "EthnicCode", "Religion1Code",
                                                         "Religion2Code", "Type2Code", "Type3Code"))
        assert first[f"{side}Geo_Type"] == "0" and first[f"{side}Geo_FullName"] == ""
    assert (first["IsRootEvent"], first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "1", "112", "112", "11")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("3", "-2.0")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"], first["AvgTone"]) == ("1", "1", "1", "")
    assert [first[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                                              "Long", "FeatureID")] == [
        "4", "Moscow, Russia", "RS", "RS48", "", "55.75", "37.62", "524901"]
    assert first["DATEADDED"] == dt.datetime.fromisoformat(ingested).strftime("%Y%m%d%H%M%S")
    assert first["SOURCEURL"] == "https://example.org/g1"
    second = rows[1]
    assert (second["SQLDATE"], second["IsRootEvent"]) == ("20250304", "0")  # article date; not in the lead
    assert (second["Actor1Code"], second["Actor1CountryCode"], second["Actor1Type1Code"]) == ("IGO", "", "IGO")
    assert (second["EventCode"], second["EventBaseCode"], second["EventRootCode"]) == ("0256", "025", "02")
    assert second["ActionGeo_Type"] == "0" and second["ActionGeo_CountryCode"] == ""


def test_export_gdelt_loads_with_pandas_like_gdelt_readers(stored):
    pd = pytest.importorskip("pandas")
    path, _ = stored
    frame = pd.read_csv(path, sep="\t", header=None, names=list(CODEBOOK), dtype={"EventCode": str})
    assert frame.shape == (2, 61)
    assert list(frame["NumMentions"]) == [1, 1] and frame["GLOBALEVENTID"].dtype.kind == "i"
    assert list(frame["ActionGeo_CountryCode"].fillna("")) == ["RS", ""]


def test_export_gdelt_header_option():
    out = io.StringIO()
    export.export_gdelt([coded()], out, header=True)
    assert out.getvalue().splitlines()[0].split("\t") == CODEBOOK


def test_export_gdelt_dates():
    assert fraction_date(dt.date(1979, 1, 1)) == "1979.0027"
    assert date_added("2026-12-04T16:20:05+00:00") == "20261204162005"
    assert date_added("2026-12-04T17:20:05+01:00") == "20261204162005"


def test_export_gdelt_country_location_uses_fips():
    text = "Iraq agreed."
    iraq = Place("Iraq", (0, 4), "Iraq", "IRQ", 33.0, 44.0, 99237)
    ev = Event("AGREE", Evidence(text, (0, len(text))), cameo="030", location=iraq)
    out = io.StringIO()
    export.export_gdelt([(Article("i", text, "2025-01-01"), Record("i", (ev,)))], out)
    row = dict(zip(CODEBOOK, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert [row[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID")] == [
        "1", "Iraq", "IZ", "IZ", "IZ"]


def test_export_gdelt_us_city_and_state():
    from dyadline.export.gdelt import geo_columns

    def geo(name, gid, lat, lon):
        event = {"location_name": name, "location_country": "USA", "geonameid": gid, "lat": lat, "lon": lon}
        cols = geo_columns("Action", event)
        return [cols[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID")]

    assert geo("Austin", 4671654, 30.27, -97.74) == [3, "Austin, Texas, United States", "US", "USTX", 4671654]
    assert geo("Texas", 4736286, 31.0, -100.0) == [2, "Texas, United States", "US", "USTX", 4736286]
