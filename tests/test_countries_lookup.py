"""The country table: names, aliases, demonyms, metonyms, codes, user files and bad files."""

from __future__ import annotations

import pytest

from dyadline.codebooks.countries import Country, CountryMatch, load_countries, normalize_name
from dyadline.errors import ConfigError


def _code(text: str) -> str | None:
    match = load_countries().lookup(text)
    return match.country.iso3 if match else None


def _write(tmp_path, text: str):
    path = tmp_path / "my_countries.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_countries_lookup_names():
    for text, code in [("Russia", "RUS"), ("North Korea", "PRK"), ("Ukraine", "UKR"), ("the Netherlands", "NLD"),
                       ("GERMANY", "DEU"), ("Georgia", "GEO"), ("Niger", "NER"), ("Guinea", "GIN"),
                       ("Congo", "COG"), ("South Sudan", "SSD"), ("The Gambia", "GMB")]:
        assert _code(text) == code, text
    assert load_countries().lookup("Russia").form == "name"


def test_countries_lookup_aliases():
    for text, code in [("U.S.", "USA"), ("US", "USA"), ("the USA", "USA"), ("America", "USA"),
                       ("United States of America", "USA"), ("UK", "GBR"), ("Britain", "GBR"),
                       ("Great Britain", "GBR"), ("Republic of China", "TWN"), ("People's Republic of China", "CHN"),
                       ("People\u2019s Republic of China", "CHN"), ("PRC", "CHN"), ("mainland China", "CHN"),
                       ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("C\u00f4te d'Ivoire", "CIV"), ("DRC", "COD"),
                       ("DR Congo", "COD"), ("Congo-Kinshasa", "COD"), ("Holland", "NLD"), ("Czechia", "CZE"),
                       ("Czech Republic", "CZE"), ("Turkiye", "TUR"), ("T\u00fcrkiye", "TUR"), ("Persia", "IRN"),
                       ("DPRK", "PRK"), ("D.P.R.K.", "PRK"), ("Korea", "KOR"), ("UAE", "ARE")]:
        assert _code(text) == code, text
    assert load_countries().lookup("Burma").form == "alias"


def test_countries_lookup_demonyms():
    for text, code in [("American", "USA"), ("British", "GBR"), ("Britons", "GBR"), ("Emirati", "ARE"),
                       ("Saudi", "SAU"), ("Israeli", "ISR"), ("Palestinians", "PSE"), ("Kosovar", "XKX"),
                       ("Taiwanese", "TWN"), ("Congolese", "COD"), ("North Korean", "PRK"), ("Nigerien", "NER"),
                       ("Nigerian", "NGA"), ("Dutch", "NLD"), ("Swiss", "CHE")]:
        assert _code(text) == code, text
    assert load_countries().lookup("north koreans").form == "demonym"


def test_countries_lookup_metonyms():
    for text, code in [("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Washington", "USA"), ("the White House", "USA"),
                       ("the Pentagon", "USA"), ("the State Department", "USA"), ("Downing Street", "GBR"),
                       ("Whitehall", "GBR"), ("London", "GBR"), ("Beijing", "CHN"), ("Zhongnanhai", "CHN"),
                       ("Seoul", "KOR"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Tehran", "IRN"), ("Jerusalem", "ISR"),
                       ("Ramallah", "PSE"), ("the Elysee", "FRA"), ("the \u00c9lys\u00e9e", "FRA"), ("Pyongyang", "PRK")]:
        assert _code(text) == code, text
    assert load_countries().lookup("Kremlin").form == "metonym"
    assert _code("Brussels") is None  # the EU, not Belgium


def test_countries_lookup_is_exact_on_whole_string():
    for text in ["", "Russian troops", "Korean", "male", "the", "Russia's"]:
        assert _code(text) is None, text


def test_countries_lookup_special_codes():
    table = load_countries()
    assert table.by_code("XKX").name == "Kosovo"
    assert table.by_code("PSE").name == "Palestine"
    assert table.by_code("twn").name == "Taiwan"
    assert _code("Kosovo") == "XKX" and _code("Palestine") == "PSE" and _code("Taiwan") == "TWN"
    assert table.by_code("ZZZ") is None


def test_countries_lookup_table_is_complete_and_consistent():
    table = load_countries()
    assert len(table) >= 245
    for country in table:
        assert -90 <= country.lat <= 90 and -180 <= country.lon <= 180, country.iso3
        assert isinstance(country.geonameid, int), country.iso3
    rus = table.by_code("RUS")
    assert rus.capital == "Moscow" and abs(rus.lat - 60) < 5 and abs(rus.lon - 100) < 10
    assert table.by_code("USA").geonameid == 6252001


def test_countries_lookup_surface_forms():
    forms = load_countries().surface_forms()
    assert forms["us"] == CountryMatch(load_countries().by_code("USA"), "alias")
    assert forms["kremlin"].country.iso3 == "RUS"
    assert all(key == normalize_name(key) for key in forms)
    forms.clear()  # a copy: the table is untouched
    assert load_countries().lookup("Kremlin") is not None


def test_countries_lookup_normalize_name():
    assert normalize_name("the U.S.") == "us"
    assert normalize_name("  The  People\u2019s Republic ") == "people's republic"
    assert normalize_name("C\u00f4te d\u2019Ivoire") == "cote d'ivoire"
    assert normalize_name("Guinea\u2013Bissau") == normalize_name("Guinea-Bissau") == "guinea bissau"


def test_countries_lookup_user_file_extends_and_overrides(tmp_path):
    path = _write(tmp_path, """
- iso3: BEL
  metonyms: [Brussels]
  lat: 50.5
- iso3: XYZ
  name: Freedonia
  demonyms: [Freedonian]
  lat: 10.0
  lon: 20.0
""")
    table = load_countries([path])
    assert table.lookup("Brussels") == CountryMatch(table.by_code("BEL"), "metonym")
    assert table.by_code("BEL").lat == 50.5
    assert "Belgians" in table.by_code("BEL").demonyms  # lists are extended, not replaced
    assert table.lookup("Freedonian").country == Country("XYZ", "Freedonia", demonyms=("Freedonian",),
                                                         lat=10.0, lon=20.0)
    assert load_countries().lookup("Brussels") is None  # the shipped table is unchanged


def test_countries_lookup_user_file_reassigns_form(tmp_path):
    path = _write(tmp_path, "- iso3: PRK\n  aliases: [Korea]\n")
    assert load_countries([path]).lookup("Korea").country.iso3 == "PRK"
    assert load_countries(str(path)).lookup("Korea").country.iso3 == "PRK"  # a single path is accepted too
    path = _write(tmp_path, "- iso3: COD\n  aliases: [Congo]\n")  # COD is listed before COG
    assert load_countries([path]).lookup("Congo").country.iso3 == "COD"


@pytest.mark.parametrize("text, words", [
    ("- iso3: usa\n  name: X\n", ["iso3", "'usa'"]),
    ("- iso3: XYZ\n  aliases: [X]\n", ["XYZ", "name"]),
    ("- iso3: USA\n  lat: north\n", ["USA", "lat"]),
    ("- iso3: USA\n  lat: 200\n", ["USA", "lat"]),
    ("- iso3: USA\n  aliases: Uncle Sam\n", ["USA", "aliases"]),
    ("- iso3: USA\n  nickname: [Uncle Sam]\n", ["USA", "nickname"]),
    ("- just a string\n", ["mapping"]),
    ("iso3: USA\n", ["list"]),
    ("- iso3: USA\n  aliases: [unclosed\n", ["Cannot read"]),
])
def test_countries_lookup_bad_file_error(tmp_path, text, words):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_countries([path])
    message = str(err.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_countries_lookup_missing_file_error(tmp_path):
    with pytest.raises(ConfigError, match="no_such.yaml"):
        load_countries([tmp_path / "no_such.yaml"])
