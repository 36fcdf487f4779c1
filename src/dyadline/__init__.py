"""dyadline: political event data from news text, with evidence for every field."""

from dyadline.pipeline import Pipeline, extract
from dyadline.records import Actor, Article, Event, Evidence, Place, Quote, Record, Time

__all__ = ["Actor", "Article", "Event", "Evidence", "Pipeline", "Place", "Quote", "Record", "Time", "extract"]
__version__ = "0.1.0"
