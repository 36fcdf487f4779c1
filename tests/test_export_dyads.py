"""Compound and reciprocal actors become proper dyads: one GDELT/CAMEO row per source-target pair."""

from __future__ import annotations

import csv
import io

from dyadline import export
from dyadline.records import Actor, Article, Event, Evidence, Record
from dyadline.store import Store


def _actor(text: str, name: str, country: str | None, sector: str | None) -> Actor:
    return Actor(name, (TEXT.index(name), TEXT.index(name) + len(name)), name, country, sector)


TEXT = "Officials and the Russian army attacked Kharkiv. Japan and the Philippines signed an agreement."


def _pairs() -> list[tuple[Article, Record]]:
    officials, army = _actor(TEXT, "Officials", None, "GOV"), _actor(TEXT, "Russian army", "RUS", "MIL")
    kharkiv = _actor(TEXT, "Kharkiv", "UKR", None)
    jpn, phl = _actor(TEXT, "Japan", "JPN", "GOV"), _actor(TEXT, "Philippines", "PHL", "GOV")
    attack = Event("ASSAULT", Evidence(TEXT[:48], (0, 48)), cameo="190", source=(officials, army), target=(kharkiv,))
    start = TEXT.index("Japan")
    deal = Event("AGREE", Evidence(TEXT[start:], (start, len(TEXT))), cameo="057", source=(jpn, phl), target=(jpn, phl))
    art = Article("d1", TEXT, "2025-05-01", "Dyads", "https://example.org/d1")
    return [(art, Record(art.id, (attack, deal)))]


def _gdelt(items) -> list[dict]:
    out = io.StringIO()
    export.export_gdelt(items, out)
    return [dict(zip(export.GDELT_FIELDS, r, strict=True)) for r in csv.reader(io.StringIO(out.getvalue()), delimiter="\t")]


def test_export_dyads_compound_actor_is_two_rows_not_one_merged_code():
    rows = _gdelt(_pairs())
    attack = [(r["Actor1Code"], r["Actor1CountryCode"], r["Actor2Code"]) for r in rows if r["EventCode"] == "190"]
    assert attack == [("GOV", "", "UKR"), ("RUSMIL", "RUS", "UKR")]
    assert "RUSGOV" not in {r["Actor1Code"] for r in rows}


def test_export_dyads_reciprocal_event_pairs_each_actor_with_the_other():
    rows = _gdelt(_pairs())
    deal = [(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in rows if r["EventCode"] == "057"]
    assert deal == [("JPN", "PHL"), ("PHL", "JPN")]
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_export_dyads_cameo_rows_per_pair():
    out = io.StringIO()
    assert export.export_cameo(_pairs(), out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == export.CAMEO_FIELDS
    assert [(r["source"], r["target"]) for r in rows] == [("GOV", "UKR"), ("RUSMIL", "UKR"), ("JPNGOV", "PHLGOV"),
                                                            ("PHLGOV", "JPNGOV")]


def test_export_dyads_plover_keeps_lists_and_reciprocal_has_no_recipient():
    out = io.StringIO()
    export.export_plover(_pairs(), out)
    import json

    attack, deal = (json.loads(line) for line in out.getvalue().splitlines())
    assert [(a["code"], a["sector"]) for a in attack["source"]] == [(None, "GOV"), ("RUS", "MIL")]
    assert [a["code"] for a in attack["recipient"]] == ["UKR"]
    assert [a["code"] for a in deal["source"]] == ["JPN", "PHL"] and deal["recipient"] == []


def test_export_dyads_same_from_store_and_from_pairs():
    with Store(":memory:") as s:
        s.add_many(_pairs())
        from_store = _gdelt(s)
    from_pairs = _gdelt(_pairs())
    skip = {"DATEADDED"}  # the store's is the time of ingest; pairs without one use the time of export
    assert [{k: v for k, v in r.items() if k not in skip} for r in from_store] == [
        {k: v for k, v in r.items() if k not in skip} for r in from_pairs]


def test_export_dyads_one_sided_event_keeps_a_row():
    text = "Protesters marched in Paris."
    crowd = Actor("Protesters", (0, 10), "Protesters", "FRA", "CVL")
    ev = Event("PROTEST", Evidence(text, (0, len(text))), cameo="141", source=(crowd,))
    rows = _gdelt([(Article("p", text, "2025-01-01"), Record("p", (ev,)))])
    assert len(rows) == 1 and rows[0]["Actor1Code"] == "FRACVL" and rows[0]["Actor2Code"] == ""


def test_export_dyads_flat_rows_are_refused_by_the_standard_formats():
    import pytest

    from dyadline.errors import ContractError
    from dyadline.store import flat_event_rows

    rows = flat_event_rows(*_pairs()[0])
    for exporter in (export.export_plover, export.export_gdelt, export.export_cameo):
        with pytest.raises(ContractError, match="need each event's actors"):
            exporter(rows, io.StringIO())
