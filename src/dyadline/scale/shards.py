"""Parquet shards: one partition's coded articles, written anywhere, merged into the store.

A shard is a Parquet file with one row per coded article and three string columns:
``doc_id`` (the store's content hash of the text), ``article`` (the Article as JSON) and
``record`` (the Record in the JSON contract). Shards are written atomically (a temporary
file renamed into place), so a killed run leaves whole shards or none. Merging is
idempotent: the store keys documents by content hash, so merging a shard twice, or two
shards holding the same article, stores each article once.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadline.errors import ConfigError, Errors, InputError
from dyadline.records import Article, Record
from dyadline.store.schema import doc_hash

__all__ = ["MergeResult", "merge_shards", "read_shard", "shard_bytes", "shard_name", "write_shard"]

COLUMNS = ("doc_id", "article", "record")


@dataclass(frozen=True)
class MergeResult:
    """What merging shards did: shards read, documents added, already stored, not stored."""

    shards: int = 0
    added: int = 0
    skipped: int = 0
    rejected: tuple = ()


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ConfigError(Errors.E401) from None
    return pyarrow


def shard_name(articles: Iterable[Article]) -> str:
    """A stable file name for a partition: the hash of its documents' content hashes."""
    import hashlib

    keys = sorted(doc_hash(a.text) for a in articles)
    return "part-" + hashlib.sha256(",".join(keys).encode()).hexdigest()[:16] + ".parquet"


def shard_bytes(pairs: Iterable[tuple[Article, Record]]) -> bytes:
    """The Parquet bytes of a shard holding ``pairs``."""
    pa = _pyarrow()
    rows = {c: [] for c in COLUMNS}
    for article, record in pairs:
        rows["doc_id"].append(doc_hash(article.text))
        rows["article"].append(json.dumps(dataclasses.asdict(article), ensure_ascii=False))
        rows["record"].append(json.dumps(record.to_dict(), ensure_ascii=False))
    table = pa.table({c: pa.array(v, type=pa.string()) for c, v in rows.items()})
    out = io.BytesIO()
    pa.parquet.write_table(table, out, compression="zstd")
    return out.getvalue()


def write_shard(data: bytes, path: str | Path) -> Path:
    """Write shard bytes to ``path`` atomically (a reader sees the whole file or none)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path


def read_shard(path: str | Path) -> Iterator[tuple[Article, Record]]:
    """The (article, record) pairs of a shard; a file that is not a shard raises InputError."""
    pa = _pyarrow()
    try:
        table = pa.parquet.read_table(path, columns=list(COLUMNS))
    except (OSError, pa.ArrowException) as e:
        raise InputError(Errors.E121.format(path=path, reason=e), path=str(path)) from None
    for n, (article, record) in enumerate(zip(table["article"].to_pylist(), table["record"].to_pylist(),
                                              strict=True)):
        try:
            yield Article(**json.loads(article)), Record.from_dict(json.loads(record))
        except (TypeError, ValueError, KeyError) as e:
            raise InputError(Errors.E121.format(path=path, reason=f"row {n}: {e}"), path=str(path)) from None


def merge_shards(paths: Iterable[str | Path], store, *, remove: bool = False) -> MergeResult:
    """Store every shard's pairs (documents already stored are skipped); ``remove`` deletes merged shards."""
    shards = added = skipped = 0
    rejected: list = []
    for path in paths:
        result = store.add_many(read_shard(path), on_error="skip")
        shards += 1
        added += result.added
        skipped += result.skipped
        rejected.extend(result.rejected)
        if remove:
            Path(path).unlink(missing_ok=True)
    return MergeResult(shards=shards, added=added, skipped=skipped, rejected=tuple(rejected))
