"""PLOVER JSON Lines: the manual's field names, every field checked, dyadline's extras as extensions."""

from __future__ import annotations

import json

from dyadline import export
from dyadline.records import Actor, Article, Event, Evidence, Place, Record, Time
from dyadline.store import Store

# The manual's "PLOVER JSON" table (Data Fields chapter), in its order, written out here on purpose.
MANUAL = ("id has_event date time enddate endtime source recipient event event_loc event_text quad_code "
          "event_scale mode context link text text_info cite_info coder coded_date coded_time comment").split()
ACTOR = ["code", "sector", "actor_text", "identifier_id", "identifier_text"]

TEXT = "Russia and China accused the United States of meddling in Moscow on Monday, Tass reported."


def coded() -> tuple[Article, Record]:
    def actor(name, country, sector=None):
        return Actor(name, (TEXT.index(name), TEXT.index(name) + len(name)), name, country, sector)

    rus, chn, usa = actor("Russia", "RUS", "GOV"), actor("China", "CHN", "GOV"), actor("United States", "USA")
    week = Time("on Monday", (65, 74), "2025-W10", "2025-03-03", "2025-03-05")
    moscow = Place("Moscow", (58, 64), "Moscow", "RUS", 55.75, 37.62, 524901)
    ev = Event("ACCUSE", Evidence(TEXT[:74], (0, 74)), mode="disapprove", cameo="112", source=(rus, chn),
               target=(usa,), date=week, location=moscow, modality="hedged",
               attributed_to=Actor("Tass", (76, 80), "TASS", "RUS", "JRN"), confidence=0.75)
    art = Article("p1", TEXT, "2025-03-06", "Meddling", "https://example.org/p1")
    return art, Record(art.id, (ev,))


def test_export_plover_every_field(tmp_path):
    path = tmp_path / "events.plover.jsonl"
    with Store(tmp_path / "p.db") as s:
        s.add(*coded())
        doc_id, ingested = s.db.execute("SELECT id, ingested_at FROM documents").fetchone()
        assert export.export_plover(s, path) == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert list(rec) == MANUAL + list(export.PLOVER_EXTENSIONS)
    assert list(export.PLOVER_FIELDS) == MANUAL
    assert rec["id"] == f"{doc_id}-e0" and rec["has_event"] is True
    assert (rec["date"], rec["time"], rec["enddate"], rec["endtime"]) == ("2025-03-03", None, "2025-03-05", None)
    assert [list(a) for a in rec["source"]] == [ACTOR + ["span"]] * 2
    assert rec["source"][0] == {"code": "RUS", "sector": "GOV", "actor_text": "Russia", "identifier_id": None,
                                "identifier_text": "Russia", "span": [0, 6]}
    assert [a["code"] for a in rec["source"]] == ["RUS", "CHN"]
    assert rec["recipient"] == [{"code": "USA", "sector": None, "actor_text": "United States", "identifier_id": None,
                                 "identifier_text": "United States", "span": [29, 42]}]
    assert (rec["event"], rec["mode"], rec["context"]) == (["ACCUSE"], ["disapprove"], [])
    assert rec["event_loc"] == {"geonameid": 524901, "name": "Moscow", "latitude": 55.75, "longitude": 37.62,
                                "country code": "RU", "cc3": "RUS"}
    assert rec["event_text"] == [TEXT[:74]]
    assert (rec["quad_code"], rec["event_scale"]) == (3, -2.0)
    assert (rec["link"], rec["text"], rec["comment"]) == (None, None, None)
    assert rec["text_info"] == {"start": 0, "end": 74}
    assert rec["cite_info"] == {"citation": doc_id, "url": "https://example.org/p1", "title": "Meddling",
                                "language": "en", "coder": rec["coder"], "published": "2025-03-06"}
    assert rec["coder"].startswith("dyadline ")
    assert rec["coded_date"] == ingested[:10] and rec["coded_time"] == ingested[11:19] + "Z"
    assert (rec["modality"], rec["confidence"], rec["cameo"]) == ("hedged", 0.75, "112")
    assert rec["attribution"] == {"code": "RUS", "sector": "JRN", "actor_text": None, "identifier_id": None,
                                  "identifier_text": "TASS", "span": None}


def test_export_plover_is_json_lines_and_empty_is_empty(tmp_path):
    path = tmp_path / "none.jsonl"
    assert export.export_plover([], path) == 0
    assert path.read_text(encoding="utf-8") == ""


def test_export_plover_quad_codes_follow_the_manual():
    from dyadline.export.codes import plover_quad
    from dyadline.records import PLOVER_TYPES

    assert {t: plover_quad(t) for t in ("AGREE", "AID", "SANCTION", "PROTEST", "REQUEST")} == {
        "AGREE": 1, "AID": 2, "SANCTION": 3, "PROTEST": 4, "REQUEST": 3}
    assert all(plover_quad(t) in (1, 2, 3, 4) for t in PLOVER_TYPES)
