"""DocHits.within by bisection gives what the token-by-token scan gives."""

import random

from dyadline.extract.actors.hits import DocHits
from dyadline.extract.actors.lexicon import Hit


def _scan(hits: DocHits, start: int, end: int):
    return [x for i in range(start, end) for x in hits.by_start.get(i, ()) if x[1] <= end]


def test_hits_within_same_as_scan():
    rng = random.Random(3)
    for _ in range(200):
        raw = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 40)
            raw.append((s, s + rng.randint(1, 4), Hit(0, 1, ())))
        hits = DocHits(tuple(raw))  # unsorted and overlapping too: the order must still match
        for _ in range(20):
            a = rng.randint(-35, 50)
            b = a + rng.randint(-3, 70)
            assert hits.within(a, b) == _scan(hits, a, b)
