"""Regular-expression pieces for time expressions, and the parsing of their words.

The pieces are built once from the :class:`~dyadline.extract.time.lexicon.Lexicon`;
rules combine them with ``Grammar.fill``, which replaces ``{month:m}`` by a named
group ``(?P<m>...)`` matching any month word, and so on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dyadline.extract.time.lexicon import Lexicon, load_lexicon
from dyadline.extract.time.words import time_words

_TENS = time_words().tens
_ORDINAL_TAILS = time_words().ordinal_tails


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, with spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class Grammar:
    """Named regex fragments over a lexicon, and the parsers for what they match."""

    lex: Lexicon
    pieces: dict[str, str]

    @property
    def abbreviations(self) -> frozenset[str]:
        """Month and weekday words that are short forms, and so may end with a full stop ("Aug.")."""
        words = [w for w in list(self.lex.months) + list(self.lex.weekdays) if len(w) <= 5]
        return frozenset(w for w in words if w not in ("may", "june", "july"))

    def fill(self, template: str) -> str:
        """Expand ``{piece:group}`` (a named group) and ``{piece}`` (unnamed) placeholders."""
        def sub(m: re.Match) -> str:
            body = self.pieces[m.group(1)]
            return f"(?P<{m.group(2)}>{body})" if m.group(2) else f"(?:{body})"
        return re.sub(r"\{([a-z_]+)(?::(\w+))?\}", sub, template)

    def month(self, text: str) -> int:
        """The month number of a month word ("Sept." → 9)."""
        return self.lex.months[text.lower().rstrip(".")]

    def weekday(self, text: str) -> int:
        """The ISO weekday index (Monday = 0) of a weekday word."""
        return self.lex.weekdays[text.lower().rstrip(".")]

    def number(self, text: str) -> int | None:
        """The value of a cardinal written in digits or words ("twenty-five", "a couple of")."""
        t = re.sub(r"[\s-]+", " ", text.lower().strip())
        if t.isdigit():
            return int(t)
        if t in self.lex.numbers:
            return self.lex.numbers[t]
        parts = t.split(" ")
        if len(parts) == 2 and parts[0] in _TENS and self.lex.numbers.get(parts[1], 10) < 10:
            return self.lex.numbers[parts[0]] + self.lex.numbers[parts[1]]
        return None

    def day(self, text: str) -> int | None:
        """The day of month in "15", "15th", "fifteenth", "twenty-first", "twenty five"."""
        t = re.sub(r"[\s-]+", " ", text.lower().strip())
        m = re.fullmatch(r"0?(\d{1,2})(?:st|nd|rd|th)?", t)
        if m:
            return int(m.group(1))
        if t in self.lex.ordinals and self.lex.ordinals[t] > 0:
            return self.lex.ordinals[t]
        parts = t.split(" ")
        if len(parts) == 2 and parts[0] in _TENS and parts[1] in self.lex.ordinals:
            return self.lex.numbers[parts[0]] + self.lex.ordinals[parts[1]]
        return self.number(t)

    def ordinal(self, text: str) -> int | None:
        """The value of an ordinal ("3rd", "third", "last" = -1)."""
        t = text.lower().strip()
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", t)
        return int(m.group(1)) if m else self.lex.ordinals.get(t)


def _pieces(lex: Lexicon) -> dict[str, str]:
    small = [w for w, v in lex.numbers.items() if v < 10 and " " not in w and w not in ("a", "an")]
    tens = "|".join(_TENS)
    num_words = _alt(lex.numbers)
    day_words = (rf"(?:{tens})(?:[\s-]+(?:{'|'.join(_ORDINAL_TAILS)}|{'|'.join(small)}))?"
                 rf"|{_alt(w for w in lex.ordinals if w != 'last')}|{_alt(w for w, v in lex.numbers.items() if 1 < v < 20)}")
    full = {max((w for w, n in lex.months.items() if n == k), key=len) for k in set(lex.months.values())}
    abbreviated = [w for w in lex.months if w not in full]
    return {
        "month": rf"(?:{_alt(lex.months)})(?<=\w)(?:\.(?!\w))?",
        "month_full": _alt(w for w in lex.months if w not in abbreviated) + r"|sept|dec|nov|oct|aug|feb",
        "weekday": rf"(?:{_alt(lex.weekdays)})\.?",
        "weekday_full": _alt(w for w in lex.weekdays if len(w) > 3 or w in ("mon", "tue", "wed", "thu", "fri")),
        "season": _alt(lex.seasons),
        "unit": _alt(lex.units),
        "num": rf"\d{{1,3}}|(?:{tens})[\s-]+(?:{'|'.join(small)})|{num_words}",
        "day": rf"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)|{day_words}",
        "ord": rf"\d{{1,2}}(?:st|nd|rd|th)|{_alt(lex.ordinals)}",
        "year": r"(?<![\d$£€.,])(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\d%]|,\d|\.\d)",
        "yy": r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2}|'?\d{2})(?!\d)",
        "holiday": _alt(lex.holidays),
        "this": r"this|current|the\s+current|the\s+present",
        "last": r"last|past|previous|the\s+last|the\s+past|the\s+previous|this\s+past",
        "next": r"next|coming|upcoming|following|the\s+next|the\s+coming|the\s+following|the\s+upcoming|this\s+coming|this\s+upcoming",
    }


@functools.lru_cache(maxsize=4)
def load_grammar(path: str | None = None) -> Grammar:
    """The grammar over the lexicon at ``path`` (or the shipped one), built once."""
    lex = load_lexicon(path)
    return Grammar(lex, _pieces(lex))
