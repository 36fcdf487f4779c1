"""The SQLite store: coded articles, events with their actors, quotes, times, places.

``Store("dyadline.db")`` opens (or creates) a store and brings its schema up to date.
"""

from dyadline.store.db import AddResult, Dyad, Rejection, Store, Summary
from dyadline.store.reviews import Review
from dyadline.store.schema import EVENT_ROW, EVENT_ROW_FIELDS, SCHEMA_VERSION, doc_hash, flat_event_rows

__all__ = ["AddResult", "Dyad", "EVENT_ROW", "EVENT_ROW_FIELDS", "Rejection", "Review", "SCHEMA_VERSION",
           "Store", "Summary", "doc_hash", "flat_event_rows"]
