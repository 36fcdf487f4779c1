"""The SQL behind the browser's pages: one async function per thing a page shows.

Each function takes a Datasette ``Database`` and returns plain dicts. Actors are given as a
*key*: a three-letter code (``RUS``, ``IGO``) matches an actor's country, anything else a
name or mention (any case, substring).
"""

from __future__ import annotations

import re

_CODE = re.compile(r"^[A-Z]{3}$")

_DOCUMENT = "select id, title, url, published, text from documents where id = ?"
_EVENTS_OF_DOC = """select id, type, source, target, modality, date_start, evidence_start, evidence_end
from events where document_id = ? order by evidence_start, position"""
_SPANS = {
    "actor": "select id, start, \"end\", text, name, country, sector, how from actors where document_id = ?",
    "quote": "select id, start, \"end\", speaker, speaker_name, cue from quotes where document_id = ?",
    "time": "select id, start, \"end\", text, value, date_start, date_end from times where document_id = ?",
    "place": "select id, start, \"end\", text, name, country, lat, lon, geonameid from places where document_id = ?",
}
_EVENT = "select * from event_rows where id = ?"
_EVENT_ACTORS = "select * from event_actors where event_id = ? order by role desc, position"
_EXPLANATION = "select rule, trigger, text from explanations where event_id = ?"
_REVIEWS = "select * from reviews where event_id = ? order by id desc"
_ROW_COLUMNS = "id, document_id, date_start, published, type, quad_class, goldstein, source, target, evidence, title"


def actor_match(key: str, alias: str) -> tuple[str, list]:
    """SQL condition (on an ``event_actors`` alias) matching an actor key, with its parameters."""
    if _CODE.match(key):
        return f"{alias}.country = ?", [key]
    return f"({alias}.name like ? or {alias}.text like ?)", [f"%{key}%"] * 2


async def _rows(db, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def _first(db, sql: str, params: list) -> dict | None:
    row = (await db.execute(sql, params)).first()
    return dict(row) if row else None


async def has_table(db, name: str) -> bool:
    """Whether the store has this table (older stores lack the version 3 tables)."""
    return await db.table_exists(name)


async def document(db, doc_id: str) -> dict | None:
    """The document row, or None."""
    return await _first(db, _DOCUMENT, [doc_id])


async def document_events(db, doc_id: str) -> list[dict]:
    """The events of a document, in text order."""
    return await _rows(db, _EVENTS_OF_DOC, [doc_id])


async def document_spans(db, doc_id: str) -> dict[str, list[dict]]:
    """Actor, quote, time and place rows of a document, keyed by kind."""
    return {kind: await _rows(db, sql, [doc_id]) for kind, sql in _SPANS.items()}


async def event(db, event_id: str) -> dict | None:
    """One flat event row (``event_rows``), or None."""
    return await _first(db, _EVENT, [event_id])


async def event_actors(db, event_id: str) -> list[dict]:
    """The source and target actors of an event, with how each was found."""
    return await _rows(db, _EVENT_ACTORS, [event_id])


async def explanation(db, event_id: str) -> dict | None:
    """What `dyadline explain` said about the event at ingest (None in stores without it)."""
    if not await has_table(db, "explanations"):
        return None
    return await _first(db, _EXPLANATION, [event_id])


async def reviews(db, event_id: str) -> list[dict]:
    """The reviews of an event, newest first."""
    if not await has_table(db, "reviews"):
        return []
    return await _rows(db, _REVIEWS, [event_id])


async def other_mentions(db, event_id: str) -> list[dict]:
    """Every mention of the same real-world event (its cluster, ``store.clusters``) for the event
    page; none when the store has no clusters or the event is reported once."""
    from dyadline.store.clusters import CLUSTER_MENTIONS_SQL

    if not await has_table(db, "event_cluster_members"):
        return []
    rows = await _rows(db, CLUSTER_MENTIONS_SQL, [event_id])
    return rows if len(rows) > 1 else []


def _pair_sql(source: str, target: str) -> tuple[str, list]:
    """Event ids with ``source`` among the sources and ``target`` among the targets (a reciprocal
    event's mention is not paired with itself, as in the ``dyads`` view)."""
    s_cond, s_params = actor_match(source, "s")
    t_cond, t_params = actor_match(target, "t")
    sql = ("select s.event_id from event_actors s join event_actors t on t.event_id = s.event_id "
           f"and t.role = 'target' where s.role = 'source' and {s_cond} and {t_cond} "
           "and not (s.start is t.start and s.\"end\" is t.\"end\")")
    return sql, s_params + t_params


async def dyad_events(db, a: str, b: str, *, directed: bool = False, limit: int = 1000) -> list[dict]:
    """Flat event rows with ``a`` as source and ``b`` as target (and the other way round unless directed)."""
    ids, params = _pair_sql(a, b)
    if not directed:
        back, back_params = _pair_sql(b, a)
        ids, params = f"{ids} union {back}", params + back_params
    sql = (f"select {_ROW_COLUMNS} from event_rows where id in ({ids}) "
           f"order by coalesce(date_start, published), id limit {int(limit)}")
    return await _rows(db, sql, params)


async def actor_events(db, key: str, role: str, *, limit: int = 1000) -> list[dict]:
    """Flat event rows where the actor is the source (``role="source"``) or the target."""
    cond, params = actor_match(key, "a")
    sql = (f"select {_ROW_COLUMNS} from event_rows where id in "
           f"(select a.event_id from event_actors a where a.role = ? and {cond}) "
           f"order by coalesce(date_start, published), id limit {int(limit)}")
    return await _rows(db, sql, [role, *params])


async def actor_names(db, key: str) -> list[dict]:
    """How the actor is named in the store: canonical names, countries, sectors, with counts."""
    cond, params = actor_match(key, "a")
    sql = (f"select coalesce(name, text) as name, country, sector, count(*) as mentions from actors a where {cond} "
           "group by coalesce(name, text), country, sector order by mentions desc limit 10")
    return await _rows(db, sql, params)


async def actor_quotes(db, key: str, *, limit: int = 200) -> list[dict]:
    """Quotes whose speaker is the actor."""
    if _CODE.match(key):
        cond, params = "q.speaker_country = ?", [key]
    else:
        cond, params = "(q.speaker_name like ? or q.speaker_text like ?)", [f"%{key}%"] * 2
    sql = (f"select q.id, q.document_id, q.text, q.speaker, q.cue, d.title, d.published from quotes q "
           f"join documents d on d.id = q.document_id where {cond} order by d.published, q.id limit {int(limit)}")
    return await _rows(db, sql, params)


async def actor_partners(db, key: str, *, limit: int = 15) -> list[dict]:
    """The countries the actor has most events with, either way round."""
    cond, params = actor_match(key, "a")
    sql = (f"select p.country as partner, count(distinct a.event_id) as events from event_actors a "
           f"join event_actors p on p.event_id = a.event_id and p.role != a.role "
           f"where {cond} and p.country is not null "
           f"and not (p.start is a.start and p.\"end\" is a.\"end\") "
           f"group by p.country order by events desc, partner limit {int(limit)}")
    return await _rows(db, sql, params)
