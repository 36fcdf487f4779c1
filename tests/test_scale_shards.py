"""Parquet shards: a round trip keeps every stored row; merging twice stores once; a bad file is named."""

from __future__ import annotations

import pytest

from dyadline.errors import InputError
from dyadline.records import Actor, Article, Event, Evidence, Record, Time
from dyadline.store import Store

pytest.importorskip("pyarrow")

from dyadline.scale.shards import merge_shards, read_shard, shard_bytes, shard_name, write_shard  # noqa: E402

TEXT = "Russia attacked Ukraine on Monday."


def _pair(text: str = TEXT, id: str = "a1") -> tuple[Article, Record]:
    ev = Event(type="ASSAULT", source=(Actor(text="Russia", span=(0, 6), country="RUS"),),
               target=(Actor(text="Ukraine", span=(16, 23), country="UKR"),),
               date=Time(text="on Monday", span=(24, 33), value="2025-03-03", start="2025-03-03", end="2025-03-03"),
               evidence=Evidence(text=text, span=(0, len(text))))
    return (Article(id=id, text=text, published="2025-03-05", title="T", source_path="x.txt"),
            Record(id=id, events=(ev,), actors=ev.source + ev.target))


def _rows(store: Store) -> list:
    return [{k: v for k, v in r.items() if k != "ingested_at"} for r in store.events()]


def test_scale_shards_round_trip_keeps_rows(tmp_path):
    pairs = [_pair(), _pair("Chile protested to Peru.", "a2")]
    path = write_shard(shard_bytes(pairs), tmp_path / shard_name(a for a, _ in pairs))
    assert list(read_shard(path)) == pairs
    direct, merged = Store(":memory:"), Store(":memory:")
    direct.add_many(pairs)
    result = merge_shards([path], merged)
    assert result.added == 2 and _rows(merged) == _rows(direct)


def test_scale_shards_merge_is_idempotent(tmp_path):
    a = write_shard(shard_bytes([_pair()]), tmp_path / "part-a.parquet")
    b = write_shard(shard_bytes([_pair(), _pair("Chile protested to Peru.", "a2")]), tmp_path / "part-b.parquet")
    store = Store(":memory:")
    first = merge_shards([a, b, a], store, remove=False)
    assert (first.added, first.skipped) == (2, 2)
    assert merge_shards([a, b], store, remove=True).added == 0
    assert not a.exists() and store.summary().documents == 2


def test_scale_shards_bad_file_is_named(tmp_path):
    bad = tmp_path / "part-bad.parquet"
    bad.write_text("not parquet")
    with pytest.raises(InputError, match="part-bad.parquet"):
        list(read_shard(bad))


def test_scale_shards_cli_merge(tmp_path):
    from click.testing import CliRunner

    from dyadline.cli import cli

    write_shard(shard_bytes([_pair()]), tmp_path / "shards" / "part-a.parquet")
    (tmp_path / "junk.parquet").write_text("junk")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["merge", str(tmp_path / "shards"), str(tmp_path / "junk.parquet"), "--db", db])
    assert result.exit_code == 1 and "1 documents added" in result.stdout and "junk.parquet" in result.stderr
    again = CliRunner().invoke(cli, ["merge", str(tmp_path / "shards"), "--db", db])
    assert again.exit_code == 0 and "0 documents added, 1 already stored" in again.stdout
