"""The time rules behind their first-character lookahead find exactly what the plain rules find."""

import re
from pathlib import Path

from dyadline.extract.time.rules import gated
from dyadline.extract.time.times import all_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHARED = Path(__file__).resolve().parents[2] / "shared"

TEXTS = [
    "On Monday, Jan. 5, 2015 the talks resumed; by 2015-01-07 (07/01/2015) they had failed.",
    "Three weeks ago, in the spring of 1999 and again last Christmas, the 1990s' troubles returned.",
    "The first quarter of 2020, Q3 2021, the 21st century, the twenties: now, recently, tomorrow night.",
    "ſeptember 3 and KELVIN ſunday: \u212a, 'March 4', O'Neill's 1st of May, 12.5.2020, 20200105.",
    "Within the next 10 days, in two months, over the past three years, the weekend of May 3-4.",
]


def _corpus() -> list[str]:
    texts = list(TEXTS)
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*")) if p.suffix in (".txt", ".md")]
    docs = SHARED / "docs"
    if docs.is_dir():  # the shared gold documents, when this checkout sits beside them
        texts += [p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.txt"))]
    return texts


def test_times_gated_same_matches_as_plain():
    texts = _corpus()
    assert len(texts) > len(TEXTS)
    for rule in all_rules():
        assert rule.pattern.pattern != rule.source  # every shipped rule is gated
        plain_pattern = re.compile(rule.source, rule.pattern.flags)
        for text in texts:
            plain = [(m.span(), m.groups(), m.groupdict()) for m in plain_pattern.finditer(text)]
            fast = [(m.span(), m.groups(), m.groupdict()) for m in rule.pattern.finditer(text)]
            assert plain == fast, rule.name


def test_times_gated_lookahead_sets():
    assert gated(r"(?<!\w)(?:jan|feb)\d?", re.I).pattern.startswith("(?=[fj])")
    assert gated(r"(?:the\s+)?\d{4}").pattern.startswith(r"(?=[\dt])")
    assert gated(r"[a-c]x|\sy").pattern.startswith(r"(?=[\sa-c])")


def test_times_gated_left_alone_when_unsure():
    for src in (r"(?:x)?", r"\bx?", r"[^a]b", r".b", r"(?i:a)b"):
        assert gated(src).pattern == src
