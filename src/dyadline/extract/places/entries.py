"""The gazetteer's record type, shared by the sources that build it and the resolver that ranks it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadline.codebooks.countries import normalize_name

KINDS = ("country", "continent", "city", "region", "sea", "strait", "disputed", "macro", "landmark",
         "island", "river")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place: its name, other names, kind, country (ISO3), centre point and size."""

    name: str
    lat: float
    lon: float
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    population: int = 0
    geonameid: int | None = None
    capital: bool = False
    admin1: str | None = None  # first-level division code (US state postal code for US places)
    source: str = "geonames"   # geonames | country | continent | data | user


_ASCII_FOLD = str.maketrans({".": "", "`": "'", "-": " "})


_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def place_key(text: str) -> str:
    """The lookup key of a place name: :func:`normalize_name` ("St." read as "Saint"), fast for ASCII."""
    if text.isascii():
        key = " ".join(text.translate(_ASCII_FOLD).replace("&", " and ").casefold().split())
        key = key[4:] if key.startswith("the ") else key
    else:
        key = normalize_name(text)
    head, _, rest = key.partition(" ")
    if rest and head in _LEADING_ABBREVIATIONS:
        return f"{_LEADING_ABBREVIATIONS[head]} {rest}"
    return key


_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\u2019 .()\-]{3,}")


def usable_alternate(name: str) -> bool:
    """A capitalised Latin-script alternate name of three letters or more, not a code (all capitals, digits)."""
    return name[:1].isupper() and not name.isupper() and _LATIN_NAME.fullmatch(name) is not None
