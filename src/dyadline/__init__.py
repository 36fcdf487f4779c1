"""dyadline: political event data from news text, with evidence for every field."""

from dyadline.pipeline import Pipeline
from dyadline.pipeline import extract as extract_text
from dyadline.records import Actor, Article, Event, Evidence, Place, Quote, Record, Time

__all__ = ["Actor", "Article", "Event", "Evidence", "Pipeline", "Place", "Quote", "Record", "Time", "extract_text"]
__version__ = "0.1.0"
