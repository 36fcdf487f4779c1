"""The flat exporters (csv, jsonl, parquet) round-trip, from store rows, a Store and (Article, Record) pairs."""

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
    assert set(export.HEADERS) <= set(export.EXPORTERS) and export.DYADIC <= set(export.EXPORTERS)
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


def test_export_flat_formats_take_a_store():
    with Store(":memory:") as s:
        s.add_many([coded(1)])
        from_store, from_rows = io.StringIO(), io.StringIO()
        assert export.export_jsonl(s, from_store) == 1
        export.export_jsonl(s.events(), from_rows)
    assert from_store.getvalue() == from_rows.getvalue()
