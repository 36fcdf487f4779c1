"""Exporters: every format round-trips, from store rows and from (Article, Record) pairs."""

from __future__ import annotations

import builtins
import csv
import io
import json

import pytest

from dyadline import export
from dyadline.errors import ConfigError
from dyadline.records import Actor, Article, Event, Evidence, Place, Record, Time
from dyadline.store import EVENT_ROW_FIELDS, Store, flat_event_rows


def coded(i: int, *, with_place: bool = True) -> tuple[Article, Record]:
    """Russia and China (compound) accuse the United States, in Moscow, on a dated day."""
    text = f"Russia and China accused the United States\tof meddling in Moscow on Monday. Note {i}."
    rus, chn, usa = (Actor(n, (text.index(n), text.index(n) + len(n)), n, c, "GOV")
                     for n, c in (("Russia", "RUS"), ("China", "CHN"), ("United States", "USA")))
    when = Time("Monday", (text.index("Monday"), text.index("Monday") + 6), "2025-03-03", "2025-03-03", "2025-03-03")
    where = Place("Moscow", (text.index("Moscow"), text.index("Moscow") + 6), "Moscow", "RUS", 55.75, 37.62, 524901)
    ev = Event("ACCUSE", Evidence(text[:42], (0, 42)), mode="disapprove", cameo="112", source=(rus, chn),
               target=(usa,), date=when, location=where if with_place else None, confidence=0.75)
    art = Article(f"n{i}", text, "2025-03-04", f"Note {i}", f"https://example.org/n{i}")
    return art, Record(art.id, (ev,))


@pytest.fixture
def rows():
    with Store(":memory:") as s:
        s.add_many([coded(1), coded(2, with_place=False)])
        return s.events()


def test_export_registry_names_every_format():
    assert set(export.EXPORTERS) == {"csv", "jsonl", "plover", "cameo", "gdelt", "parquet"}
    assert set(export.SUFFIXES) == set(export.EXPORTERS)


def test_export_csv_round_trip(rows, tmp_path):
    path = tmp_path / "events.csv"
    assert export.export_csv(rows, path) == 2
    back = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert tuple(back[0]) == EVENT_ROW_FIELDS
    assert [r["id"] for r in back] == [r["id"] for r in rows]
    assert back[0]["evidence"] == rows[0]["evidence"]
    assert float(back[0]["lat"]) == rows[0]["lat"] and back[1]["lat"] == ""


def test_export_jsonl_round_trip(rows):
    out = io.StringIO()
    assert export.export_jsonl(rows, out) == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == rows


def test_export_accepts_record_pairs(rows):
    from_pairs, from_rows = io.StringIO(), io.StringIO()
    export.export_jsonl([coded(1), coded(2, with_place=False)], from_pairs)
    export.export_jsonl(rows, from_rows)
    assert from_pairs.getvalue() == from_rows.getvalue()
    with pytest.raises(TypeError, match="Article, Record"):
        export.export_csv([("not", "a pair")], io.StringIO())


def test_export_plover_json(rows, tmp_path):
    path = tmp_path / "events.json"
    assert export.export_plover(rows, path) == 2
    events = json.loads(path.read_text(encoding="utf-8"))
    first = events[0]
    assert (first["event_type"], first["mode"], first["date"]) == ("ACCUSE", "disapprove", "2025-03-03")
    assert first["source"]["country"] == ["RUS", "CHN"] and first["target"]["country"] == ["USA"]
    assert first["source"]["sector"] == ["GOV"]
    assert first["story_id"] == rows[0]["document_id"] and first["text"] == rows[0]["evidence"]
    assert first["location"]["geonameid"] == 524901 and events[1]["location"] is None
    assert export.export_plover([], io.StringIO()) == 0


def test_export_plover_empty_is_valid_json():
    out = io.StringIO()
    export.export_plover([], out)
    assert json.loads(out.getvalue()) == []


def test_export_gdelt_tsv(rows):
    out = io.StringIO()
    assert export.export_gdelt(rows, out) == 2
    lines = out.getvalue().splitlines()
    header, first = lines[0].split("\t"), dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert tuple(header) == export.GDELT_FIELDS
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor2CountryCode"]) == ("20250303", "RUSGOV", "USA")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("112", "112", "11")
    assert first["ActionGeo_FullName"] == "Moscow" and first["SOURCEURL"] == "https://example.org/n1"
    assert first["GLOBALEVENTID"].isdigit()
    no_header = io.StringIO()
    export.export_gdelt(rows, no_header, header=False)
    assert no_header.getvalue().splitlines() == lines[1:]


def test_export_cameo_tsv(rows):
    out = io.StringIO()
    assert export.export_cameo(rows, out) == 2
    records = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert (records[0]["date"], records[0]["source"], records[0]["target"], records[0]["cameo"]) == (
        "20250303", "RUSGOV", "USAGOV", "112")
    assert "\t" not in records[0]["evidence"] and records[0]["plover"] == "ACCUSE"


def test_export_parquet_round_trip(rows, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export.export_parquet(rows, path) == 2
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_ROW_FIELDS)
    assert table.to_pylist() == rows
    assert str(table.schema.field("lat").type) == "double"


def test_export_parquet_missing_pyarrow_names_extra(rows, monkeypatch):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ConfigError, match=r"pip install 'dyadline\[parquet\]'"):
        export.export_parquet(rows, io.BytesIO())


def test_export_flat_rows_need_no_store():
    rows = flat_event_rows(*coded(1))
    assert rows[0]["source"] == "RUS GOV Russia; CHN GOV China"
    assert rows[0]["target_country"] == "USA"
