"""Quote recall and speaker accuracy on the project's own gold articles (tests/data/quotes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dyadline.extract.speech.claims import find_claims
from dyadline.extract.speech.quotes import find_quotes

GOLD = Path(__file__).parent / "data" / "quotes"


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", (s or "").lower()))


def _same_person(speaker, gold_name: str) -> bool:
    """The scorer's rule: names contain each other, or share two words."""
    if speaker is None:
        return False
    g = gold_name.lower()
    for value in (speaker.name, speaker.text):
        p = (value or "").lower()
        if p and (p in g or g in p or len(_words(p) & _words(g)) >= min(len(_words(g)), 2)):
            return True
    return False


def test_quotes_gold_recall_and_speaker(nlp):
    found = right = total = 0
    for path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp((GOLD / gold["text_file"]).read_text(encoding="utf-8"))
        quotes = find_quotes(doc, [], find_claims(doc, []))
        for g in (q for q in gold["quotes"] if not q.get("optional")):
            total += 1
            gw = _words(g["text"])
            hits = [q for q in quotes if len(_words(q.text) & gw) >= 0.6 * len(gw)]
            found += bool(hits)
            right += any(_same_person(q.speaker, g["speaker"]["name"]) for q in hits)
    assert total >= 25
    assert found / total >= 0.9
    assert right / total >= 0.85
