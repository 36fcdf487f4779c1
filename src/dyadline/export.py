"""Events out in standard formats: CSV, JSON Lines, PLOVER JSON, CAMEO and GDELT-like TSV, Parquet.

Every exporter takes an iterable of flat event rows (``Store.events()``) or of
``(Article, Record)`` pairs, mixed freely, and a destination (a path, or an open stream:
text for the text formats, binary for Parquet). Each returns the number of events written.
``EXPORTERS`` maps a format name to its function.

The GDELT-like TSV is a documented subset of the GDELT 2.0 event table (``GDELT_FIELDS``,
see docs/schema.md); the CAMEO TSV is the classic one-line-per-event layout of the
KEDS/TABARI coders (date, source code, target code, CAMEO code) plus Goldstein, quad class
and the evidence.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dyadline.errors import ConfigError, Errors
from dyadline.records import Article
from dyadline.store.schema import EVENT_ROW, EVENT_ROW_FIELDS, flat_event_rows

Dest = str | Path | IO
Items = Iterable[dict | tuple]

GDELT_FIELDS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
    "SOURCEURL",
)
CAMEO_FIELDS = ("date", "source", "target", "cameo", "goldstein", "quad_class", "plover", "event_id", "evidence")


def event_rows(items: Items) -> Iterator[dict]:
    """Flat event rows from rows or (Article, Record) pairs."""
    for item in items:
        if isinstance(item, dict):
            yield item
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Article):
            yield from flat_event_rows(*item)
        else:
            raise TypeError(f"expected a flat event row (dict) or an (Article, Record) pair, got {type(item).__name__}")


@contextlib.contextmanager
def _text_out(dest: Dest) -> Iterator[IO[str]]:
    if hasattr(dest, "write"):
        yield dest
        return
    with open(dest, "w", encoding="utf-8", newline="") as f:
        yield f


def export_csv(items: Items, dest: Dest) -> int:
    """Write flat event rows as CSV with a header (columns: ``EVENT_ROW_FIELDS``)."""
    n = 0
    with _text_out(dest) as f:
        writer = csv.DictWriter(f, fieldnames=EVENT_ROW_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in event_rows(items):
            writer.writerow(row)
            n += 1
    return n


def export_jsonl(items: Items, dest: Dest) -> int:
    """Write flat event rows as JSON Lines, one event object per line."""
    n = 0
    with _text_out(dest) as f:
        for row in event_rows(items):
            f.write(json.dumps({k: row.get(k) for k in EVENT_ROW_FIELDS}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def _plover_actor(row: dict, side: str) -> dict:
    return {"text": row.get(f"{side}_name"), "actor": row.get(side), "country": _split(row.get(f"{side}_country")),
            "sector": _split(row.get(f"{side}_sector"))}


def plover_event(row: dict) -> dict:
    """One flat event row as a PLOVER-style event object."""
    has_geo = row.get("lat") is not None
    return {
        "id": row.get("id"), "date": row.get("date_start") or row.get("published"),
        "date_end": row.get("date_end"), "event_type": row.get("type"), "mode": row.get("mode"),
        "contexts": [], "modality": row.get("modality"),
        "source": _plover_actor(row, "source"), "target": _plover_actor(row, "target"),
        "attributed_to": row.get("attributed_to"),
        "location": {"name": row.get("location"), "country": row.get("location_country"), "lat": row.get("lat"),
                     "lon": row.get("lon"), "geonameid": row.get("geonameid")} if has_geo else None,
        "cameo": row.get("cameo"), "goldstein": row.get("goldstein"), "quad_class": row.get("quad_class"),
        "story_id": row.get("document_id"), "story_title": row.get("title"), "publication_date": row.get("published"),
        "url": row.get("url"), "text": row.get("evidence"),
        "span": [row.get("evidence_start"), row.get("evidence_end")], "confidence": row.get("confidence"),
    }


def export_plover(items: Items, dest: Dest) -> int:
    """Write a JSON array of PLOVER-style event objects (streamed, one object per line)."""
    n = 0
    with _text_out(dest) as f:
        f.write("[")
        for row in event_rows(items):
            f.write(("," if n else "") + "\n" + json.dumps(plover_event(row), ensure_ascii=False))
            n += 1
        f.write("\n]\n")
    return n


def _yyyymmdd(row: dict) -> str:
    return (row.get("date_start") or row.get("published") or "").replace("-", "")[:8]


def _actor_code(row: dict, side: str) -> str:
    return "".join(_split(row.get(f"{side}_country"))[:1] + _split(row.get(f"{side}_sector"))[:1])


def _numeric_id(event_id: str) -> int:
    return int(hashlib.sha1(str(event_id).encode("utf-8")).hexdigest()[:15], 16)


def gdelt_row(row: dict) -> dict:
    """One flat event row as a GDELT 2.0-like event row (the ``GDELT_FIELDS`` subset)."""
    code = row.get("cameo") or ""
    actors = {f"Actor{n}{k}": v for n, side in ((1, "source"), (2, "target")) for k, v in (
        ("Code", _actor_code(row, side)), ("Name", (row.get(f"{side}_name") or "").upper()),
        ("CountryCode", (_split(row.get(f"{side}_country")) or [""])[0]),
        ("Type1Code", (_split(row.get(f"{side}_sector")) or [""])[0]))}
    return {
        "GLOBALEVENTID": _numeric_id(row.get("id")), "SQLDATE": _yyyymmdd(row), **actors, "IsRootEvent": 1,
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": row.get("quad_class"), "GoldsteinScale": row.get("goldstein"),
        "ActionGeo_FullName": row.get("location"), "ActionGeo_CountryCode": row.get("location_country"),
        "ActionGeo_Lat": row.get("lat"), "ActionGeo_Long": row.get("lon"), "ActionGeo_FeatureID": row.get("geonameid"),
        "DATEADDED": (row.get("published") or "").replace("-", ""), "SOURCEURL": row.get("url") or row.get("document_id"),
    }


def _tsv_value(value: Any) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")


def _write_tsv(dest: Dest, fields: tuple[str, ...], rows: Iterable[dict], *, header: bool) -> int:
    n = 0
    with _text_out(dest) as f:
        if header:
            f.write("\t".join(fields) + "\n")
        for row in rows:
            f.write("\t".join(_tsv_value(row.get(k)) for k in fields) + "\n")
            n += 1
    return n


def export_gdelt(items: Items, dest: Dest, *, header: bool = True) -> int:
    """Write a GDELT-like tab-separated event table (``GDELT_FIELDS``; header line unless header=False)."""
    return _write_tsv(dest, GDELT_FIELDS, (gdelt_row(r) for r in event_rows(items)), header=header)


def cameo_row(row: dict) -> dict:
    """One flat event row in the classic CAMEO event-data layout."""
    return {"date": _yyyymmdd(row), "source": _actor_code(row, "source"), "target": _actor_code(row, "target"),
            "cameo": row.get("cameo"), "goldstein": row.get("goldstein"), "quad_class": row.get("quad_class"),
            "plover": row.get("type"), "event_id": row.get("id"), "evidence": row.get("evidence")}


def export_cameo(items: Items, dest: Dest, *, header: bool = True) -> int:
    """Write CAMEO-coded events as TSV: date, source code, target code, CAMEO code, Goldstein, ..."""
    return _write_tsv(dest, CAMEO_FIELDS, (cameo_row(r) for r in event_rows(items)), header=header)


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ConfigError(Errors.E403) from e
    return pa, pq


def export_parquet(items: Items, dest: Dest) -> int:
    """Write flat event rows as a Parquet file with typed columns (needs the [parquet] extra)."""
    pa, pq = _pyarrow()
    types = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(c.name, types[c.type]) for c in EVENT_ROW])
    rows = [{k: row.get(k) for k in EVENT_ROW_FIELDS} for row in event_rows(items)]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), dest if hasattr(dest, "write") else str(dest))
    return len(rows)


EXPORTERS: dict[str, Callable[[Items, Dest], int]] = {
    "csv": export_csv,
    "jsonl": export_jsonl,
    "plover": export_plover,
    "cameo": export_cameo,
    "gdelt": export_gdelt,
    "parquet": export_parquet,
}

SUFFIXES: dict[str, str] = {"csv": ".csv", "jsonl": ".jsonl", "plover": ".json", "cameo": ".cameo.tsv",
                            "gdelt": ".gdelt.tsv", "parquet": ".parquet"}
