"""Store writes: idempotent re-ingest, transactional batches, migrations, refusing bad stores."""

from __future__ import annotations

import sqlite3

import pytest

from dyadline.errors import ContractError, StoreError
from dyadline.records import Actor, Article, Event, Evidence, Place, Quote, Record, Time
from dyadline.store import SCHEMA_VERSION, Store
from dyadline.store.schema import MIGRATIONS

TABLES = ("documents", "events", "event_actors", "quotes", "times", "places", "actors")


def _actor(text: str, mention: str, country: str, sector: str) -> Actor:
    start = text.index(mention)
    return Actor(mention, (start, start + len(mention)), mention, country, sector)


def coded(i: int, *, etype: str = "ACCUSE", published: str = "2025-08-16") -> tuple[Article, Record]:
    """A small hand-coded article: Russia accuses Ukraine, with a quote, a time and a place."""
    text = f"Vladimir Putin accused Volodymyr Zelensky of shelling Kursk on Friday, “a crime”, he said. Story {i}."
    src = _actor(text, "Vladimir Putin", "RUS", "GOV")
    tgt = _actor(text, "Volodymyr Zelensky", "UKR", "GOV")
    when = Time("Friday", (text.index("Friday"), text.index("Friday") + 6), "2025-08-15", "2025-08-15", "2025-08-15")
    kursk = Place("Kursk", (text.index("Kursk"), text.index("Kursk") + 5), "Kursk", "RUS", 51.73, 36.19, 538560)
    ev_text = "Vladimir Putin accused Volodymyr Zelensky"
    event = Event(etype, Evidence(ev_text, (0, len(ev_text))), cameo="112", source=(src,), target=(tgt,),
                  date=when, location=kursk, confidence=0.8)
    q_start = text.index("“")
    quote = Quote("“a crime”", (q_start, q_start + 9), speaker=src, cue="said")
    art = Article(f"doc{i}", text, published, f"Story {i}", f"https://example.org/{i}")
    return art, Record(art.id, (event,), (quote,), (when,), (kursk,), (src, tgt))


def counts(store: Store) -> dict[str, int]:
    return {t: store.db[t].count for t in TABLES}


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "store.db"


def test_store_readd_adds_no_rows(db_path):
    with Store(db_path) as store:
        first = store.add_many([coded(1), coded(2)])
        before = counts(store)
    with Store(db_path) as store:
        again = store.add_many([coded(1), coded(2)])
        assert counts(store) == before
    assert (first.added, first.skipped, first.events) == (2, 0, 2)
    assert (again.added, again.skipped, again.events) == (0, 2, 0)
    assert before == {"documents": 2, "events": 2, "event_actors": 4, "quotes": 2, "times": 2, "places": 2,
                      "actors": 4}


def test_store_duplicate_in_one_batch_stored_once():
    with Store(":memory:") as store:
        result = store.add_many([coded(1), coded(1), coded(2)], batch_size=10)
        assert (result.added, result.skipped) == (2, 1)
        assert store.db["documents"].count == 2


def test_store_key_is_content_hash_not_article_id():
    art, rec = coded(1)
    renamed = Article("another-id", art.text + "\n", art.published)
    with Store(":memory:") as store:
        store.add(art, rec)
        assert store.add(renamed, Record("another-id")).skipped == 1
        assert store.has_document(art.text)
        assert store.has_document(Store.doc_hash(art.text))
        assert not store.has_document("some other text")


def test_store_opens_wal_with_foreign_keys(db_path):
    with Store(db_path) as store:
        assert store.db.journal_mode == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            store.db["events"].insert({"id": "x", "document_id": "missing", "type": "AGREE"})


def test_store_migrations_rerun_safely(db_path):
    Store(db_path).close()
    with Store(db_path) as store:
        store.add(*coded(1))
    with Store(db_path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.db["schema_version"].count == len(MIGRATIONS)
        assert store.db["documents"].count == 1
        assert {"documents_fts", "quotes_fts"} <= set(store.db.table_names())
        assert {"event_rows", "dyads"} <= set(store.db.view_names())


def test_store_refuses_newer_schema(db_path):
    with Store(db_path) as store:
        store.db["schema_version"].insert({"version": SCHEMA_VERSION + 1, "name": "future", "applied_at": "x"})
    with pytest.raises(StoreError, match="newer than this dyadline knows"):
        Store(db_path)


def test_store_refuses_non_database_without_touching_it(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="Cannot open the store"):
        Store(path)
    assert path.read_bytes() == before


def test_store_bad_record_keeps_earlier_batches(db_path):
    bad_art, bad_rec = coded(3, etype="NOT_A_TYPE")
    with Store(db_path) as store:
        with pytest.raises(ContractError, match="doc3"):
            store.add_many([coded(1), coded(2), (bad_art, bad_rec), coded(4)], batch_size=2)
    with Store(db_path) as store:
        stored = {r["article_id"] for r in store.db["documents"].rows}
        assert stored == {"doc1", "doc2"}
        assert store.db["events"].count == 2


def test_store_bad_span_rejected_with_skip():
    art, rec = coded(1)
    far = Event("AGREE", Evidence("x", (0, len(art.text) + 5)))
    with Store(":memory:") as store:
        result = store.add_many([(art, Record(art.id, (far,))), coded(2)], on_error="skip")
        assert result.added == 1
        assert [r.id for r in result.rejected] == ["doc1"]
        assert "outside the text" in result.rejected[0].reason


def test_store_failed_write_rolls_back_only_its_batch(db_path):
    with Store(db_path) as store:
        store.db.execute("CREATE TRIGGER no_agree BEFORE INSERT ON events WHEN NEW.type = 'AGREE' "
                         "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
        with pytest.raises(StoreError, match="disk trouble"):
            store.add_many([coded(1), coded(2, etype="AGREE"), coded(3)], batch_size=1)
        assert [r["article_id"] for r in store.db["documents"].rows] == ["doc1"]
        assert counts(store)["events"] == 1
        store.db.execute("DROP TRIGGER no_agree")
        assert store.add_many([coded(1), coded(2, etype="AGREE"), coded(3)]).added == 2


def test_store_missing_folder_is_clear(tmp_path):
    with pytest.raises(StoreError, match="Cannot open the store"):
        Store(tmp_path / "no" / "such" / "folder" / "x.db")
