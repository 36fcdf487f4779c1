"""The flat formats: CSV, JSON Lines and Parquet, one flat event row (``EVENT_ROW_FIELDS``) per event.

They take flat rows (``Store.events()``), a ``Store``, ``(Article, Record)`` pairs or ``ExportEvent``
objects. A compound actor is a ";"-joined list in these rows; the standard formats (plover, gdelt,
cameo) keep whole actors instead.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from dyadline.errors import ConfigError, Errors
from dyadline.export._io import Dest, text_out
from dyadline.export.events import ExportEvent, _is_store
from dyadline.records import Article
from dyadline.store.schema import EVENT_ROW, EVENT_ROW_FIELDS, flat_event_rows


def event_rows(items) -> Iterator[dict]:
    """Flat event rows from a Store, rows, (Article, Record) pairs or ExportEvents."""
    if _is_store(items):
        yield from items.events()
        return
    for item in items:
        if isinstance(item, dict):
            yield item
        elif isinstance(item, ExportEvent):
            yield item.flat
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Article):
            yield from flat_event_rows(*item)
        else:
            raise TypeError(f"expected a flat event row (dict) or an (Article, Record) pair, got {type(item).__name__}")


def export_csv(items, dest: Dest) -> int:
    """Write flat event rows as CSV with a header (columns: ``EVENT_ROW_FIELDS``)."""
    n = 0
    with text_out(dest) as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_ROW_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in event_rows(items):
            writer.writerow(row)
            n += 1
    return n


def export_jsonl(items, dest: Dest) -> int:
    """Write flat event rows as JSON Lines, one event object per line."""
    n = 0
    with text_out(dest) as f:
        for row in event_rows(items):
            f.write(json.dumps({k: row.get(k) for k in EVENT_ROW_FIELDS}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ConfigError(Errors.E403) from e
    return pa, pq


def export_parquet(items, dest: Dest) -> int:
    """Write flat event rows as a Parquet file with typed columns (needs the [parquet] extra)."""
    pa, pq = _pyarrow()
    types = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(c.name, types[c.type]) for c in EVENT_ROW])
    rows = [{k: row.get(k) for k in EVENT_ROW_FIELDS} for row in event_rows(items)]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), dest if hasattr(dest, "write") else str(dest))
    return len(rows)
