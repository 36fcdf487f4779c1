"""Events out in standard formats: PLOVER JSON Lines, GDELT 2.0 and CAMEO TSV, and flat CSV,
JSON Lines and Parquet (docs/formats.md describes each one column by column).

Modules, one per format: ``plover``, ``gdelt``, ``cameo``, ``tabular`` (csv, jsonl, parquet);
``events`` reads what they write (each event with its per-actor rows) and ``counts`` how often
an event was reported; ``codes`` holds the code tables (FIPS 10-4, PLOVER quads).

Every exporter takes a ``Store`` or ``(Article, Record)`` pairs (the flat formats also take the
rows of ``Store.events()``) and a destination (a path, or an open stream: text for the text
formats, binary for Parquet), and returns the number of records (lines) written.
``EXPORTERS`` maps a format name to its function, ``SUFFIXES`` to its usual file suffix.
"""

from __future__ import annotations

from collections.abc import Callable

from dyadline.export.cameo import CAMEO_FIELDS, cameo_rows, export_cameo
from dyadline.export.counts import Counts, cluster_counts
from dyadline.export.events import ActorRow, ExportEvent, export_events, reviewed_events
from dyadline.export.gdelt import GDELT_FIELDS, export_gdelt, gdelt_rows
from dyadline.export.plover import PLOVER_EXTENSIONS, PLOVER_FIELDS, export_plover, plover_event
from dyadline.export.tabular import event_rows, export_csv, export_jsonl, export_parquet

EXPORTERS: dict[str, Callable[..., int]] = {
    "csv": export_csv,
    "jsonl": export_jsonl,
    "plover": export_plover,
    "cameo": export_cameo,
    "gdelt": export_gdelt,
    "parquet": export_parquet,
}
# Formats built from the per-actor rows (ExportEvents), as against the flat event rows.
STANDARD_FORMATS = frozenset({"plover", "gdelt", "cameo"})
# Formats whose records are source-target pairs (several per event with compound actors).
DYADIC = frozenset({"gdelt", "cameo"})
# Formats with an optional header line, and whether they write it by default.
HEADERS = {"gdelt": False, "cameo": True}

SUFFIXES: dict[str, str] = {"csv": ".csv", "jsonl": ".jsonl", "plover": ".plover.jsonl", "cameo": ".cameo.tsv",
                            "gdelt": ".gdelt.tsv", "parquet": ".parquet"}

__all__ = ["CAMEO_FIELDS", "DYADIC", "EXPORTERS", "GDELT_FIELDS", "HEADERS", "PLOVER_EXTENSIONS", "PLOVER_FIELDS",
           "STANDARD_FORMATS", "SUFFIXES", "ActorRow", "Counts", "ExportEvent", "cameo_rows", "cluster_counts", "event_rows",
           "export_cameo", "export_csv", "export_events", "export_gdelt", "export_jsonl", "export_parquet",
           "export_plover", "gdelt_rows", "plover_event", "reviewed_events"]
