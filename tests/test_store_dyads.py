"""The dyads view pairs sources with targets, never a reciprocal event's actor with itself."""

from __future__ import annotations

from dyadline.records import Actor, Article, Event, Evidence, Record
from dyadline.store import Store


def test_store_dyads_skip_self_pairs_of_reciprocal_events():
    text = "Japan and the Philippines signed an agreement. Japan's police arrested Japanese activists."
    jpn, phl = Actor("Japan", (0, 5), country="JPN"), Actor("the Philippines", (10, 25), country="PHL")
    police = Actor("Japan's police", (47, 61), country="JPN", sector="COP")
    activists = Actor("Japanese activists", (71, 89), country="JPN", sector="CVL")
    signed = Event(type="AGREE", evidence=Evidence(text[:45], (0, 45)), source=(jpn, phl), target=(jpn, phl))
    arrest = Event(type="COERCE", evidence=Evidence(text[47:89], (47, 89)), source=(police,), target=(activists,))
    with Store(":memory:") as store:
        store.add_many([(Article(id="a", text=text), Record(id="a", events=(signed, arrest)))])
        dyads = {(d.source_country, d.target_country): d.count for d in store.summary().top_dyads}
    assert dyads[("JPN", "PHL")] == 1 and dyads[("PHL", "JPN")] == 1
    assert dyads[("JPN", "JPN")] == 1  # the arrest: a domestic dyad between two different actors
