"""One event, many articles: mentions of the same real-world event grouped into clusters.

Ten outlets report the same clash; each report is an event *mention*. Two mentions can
belong to one event when they have

* the same type family: the same PLOVER type, or the same CAMEO quad class with clearly
  similar evidence (``ClusterParams.family_similarity``);
* the same dyad: their source countries overlap and their target countries overlap (a side
  unknown in one mention matches anything, but one side must be known and shared); for a
  joint act (AGREE, CONSULT, COOPERATE) the sides may be swapped;
* overlapping dates: their intervals (else the publication date, which trails the event)
  overlap, within ``date_slack_days``;
* compatible locations: the same place or country when both name one;
* similar evidence: at least ``min_similarity`` (Jaccard of the content words of the evidence
  and the article text around it);
* the same modality class (what happened, what is announced, what did not happen).

Clustering is complete-linkage within blocks of mentions that share type family, a country
and modality: a mention joins the most similar cluster whose every member it fits. Mentions
that name their place and date are clustered first, so that a vague one ("a strike in
Ukraine") joins the event it resembles most instead of bridging two. Every
event is in exactly one cluster (a lone report is a cluster of one). A cluster counts its
``mentions`` (events), ``articles`` (documents) and ``sources`` (outlets: the web domain of
the article's URL, else the article itself), like GDELT's NumMentions, NumArticles and
NumSources.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["Cluster", "ClusterParams", "PairScores", "cluster_events", "cluster_mentions", "clusters", "is_stale",
           "pairwise_scores", "refresh_clusters"]

JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_MODALITY_CLASS = {"asserted": "fact", "hedged": "fact", "future": "future", "hypothetical": "future",
                   "negated": "negated"}
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class ClusterParams:
    """Thresholds of the clustering (see the module docstring)."""

    date_slack_days: int = 1
    report_lag_days: int = 2  # a mention without a date: the event happened up to this long before publication
    min_similarity: float = 0.08
    family_similarity: float = 0.3
    context_chars: int = 160  # article text on each side of the evidence compared with other mentions


@dataclass(frozen=True)
class Cluster:
    """One real-world event: its mentions (event ids, earliest first) and counts."""

    id: str
    event_ids: tuple[str, ...]
    mentions: int
    articles: int
    sources: int
    representative: str = ""
    members: tuple[dict, ...] = field(default=(), repr=False, compare=False)


@dataclass
class _Mention:
    row: dict
    src: frozenset[str]
    tgt: frozenset[str]
    start: dt.date | None
    end: dt.date | None
    words: frozenset[str]

    @classmethod
    def of(cls, row: dict, params: ClusterParams, context: str | None = None) -> _Mention:
        start, end = _interval(row, params)
        return cls(row, _codes(row.get("source_country")), _codes(row.get("target_country")), start, end,
                   _words(context or row.get("evidence") or ""))


def event_contexts(store, *, width: int) -> dict[str, str]:
    """Each stored event's evidence with ``width`` characters of its article on each side (read in SQL,
    so that no article is loaded whole)."""
    sql = ("SELECT e.id, substr(d.text, max(0, e.evidence_start - :w) + 1, "
           "e.evidence_end + :w - max(0, e.evidence_start - :w)) FROM events e JOIN documents d ON d.id = e.document_id "
           "WHERE e.evidence_start IS NOT NULL AND e.evidence_end IS NOT NULL")
    return dict(store.db.execute(sql, {"w": int(width)}).fetchall())


def _words(text: str) -> frozenset[str]:
    """Content words, lower case, a plural -s dropped ("missiles" = "missile")."""
    return frozenset(w.lower().removesuffix("s") for w in _WORD.findall(text))


def _codes(value: str | None) -> frozenset[str]:
    return frozenset(v for v in (value or "").split(";") if v)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _interval(row: dict, params: ClusterParams) -> tuple[dt.date | None, dt.date | None]:
    start, end = _date(row.get("date_start")), _date(row.get("date_end"))
    if start is not None:
        return start, end or start
    published = _date(row.get("published"))
    if published is None:
        return None, None
    return published - dt.timedelta(days=params.report_lag_days), published


def _family(row: dict) -> str:
    quad = row.get("quad_class")
    return f"Q{quad}" if quad else str(row.get("type"))


def _block_keys(m: _Mention) -> list[tuple]:
    family = _family(m.row)
    modality = _MODALITY_CLASS.get(m.row.get("modality") or "asserted", "fact")
    return [(family, modality, c) for c in sorted(m.src | m.tgt)]


def _sides_fit(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """True when both sides are known and share a country, None when one is unknown, else False."""
    if not a or not b:
        return None
    return bool(a & b)


def _dyad_fits(a: _Mention, b: _Mention) -> bool:
    def fits(bs: frozenset[str], bt: frozenset[str]) -> bool:
        s, t = _sides_fit(a.src, bs), _sides_fit(a.tgt, bt)
        return False not in (s, t) and True in (s, t)

    joint = a.row.get("type") == b.row.get("type") and a.row.get("type") in JOINT
    return fits(b.src, b.tgt) or (joint and fits(b.tgt, b.src))


def _dates_fit(a: _Mention, b: _Mention, params: ClusterParams) -> bool:
    if None in (a.start, b.start):
        return True
    slack = dt.timedelta(days=params.date_slack_days)
    return a.start <= b.end + slack and b.start <= a.end + slack


def _places_fit(a: dict, b: dict) -> bool:
    """Unknown fits anything; two known places must be the same place, or share a country when one is the country."""
    if a.get("geonameid") and b.get("geonameid"):
        same = a["geonameid"] == b["geonameid"]
        return same or _is_country(a) or _is_country(b)
    ca, cb = a.get("location_country"), b.get("location_country")
    return not ca or not cb or ca == cb


@functools.lru_cache(maxsize=4096)
def _country_name(name: str) -> bool:
    from dyadline.codebooks.countries import load_countries

    return load_countries().lookup(name) is not None


def _is_country(row: dict) -> bool:
    """Whether the event's place is a whole country ("in Ukraine"), which contains its cities."""
    return bool(row.get("location")) and _country_name(row["location"])


def similarity(a: _Mention, b: _Mention) -> float:
    """Jaccard similarity of the two mentions' evidence words."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def _fits(a: _Mention, b: _Mention, params: ClusterParams) -> float | None:
    """The similarity of two mentions of one event, or None when they cannot be one event."""
    if not (_dyad_fits(a, b) and _dates_fit(a, b, params) and _places_fit(a.row, b.row)):
        return None
    sim = similarity(a, b)
    needed = params.min_similarity if a.row.get("type") == b.row.get("type") else params.family_similarity
    return sim if sim >= needed else None


def _order(row: dict) -> tuple:
    """Mentions that name their place and date first (they seed clusters), then the vaguer ones,
    which join the cluster they fit best; within each, the earliest reports first."""
    vague = (not row.get("location")) + (not row.get("date_start"))
    return (vague, row.get("published") or "", row.get("document_id") or "", row.get("position") or 0, row["id"])


def cluster_events(rows: Iterable[dict], *, contexts: Mapping[str, str] | None = None,
                   params: ClusterParams = ClusterParams()) -> list[Cluster]:
    """Group flat event rows (``Store.events()``) into clusters; every event lands in exactly one.

    ``contexts`` (event id -> the evidence with the words around it, see :func:`event_contexts`)
    is compared between mentions; without it, the evidence alone."""
    contexts = contexts or {}
    mentions = [_Mention.of(r, params, contexts.get(r["id"])) for r in sorted(rows, key=_order)]
    blocks: dict[tuple, list[int]] = defaultdict(list)  # block key -> cluster numbers
    members: list[list[_Mention]] = []
    for m in mentions:
        best, best_sim = None, -1.0
        for key in _block_keys(m):
            for c in blocks[key]:
                sims = [_fits(m, other, params) for other in members[c]]
                if None not in sims and sum(sims) / len(sims) > best_sim:
                    best, best_sim = c, sum(sims) / len(sims)
        if best is None:
            best = len(members)
            members.append([])
        members[best].append(m)
        for key in _block_keys(m):
            if best not in blocks[key]:
                blocks[key].append(best)
    return [_cluster(group) for group in members]


def _outlet(row: dict) -> str:
    host = urlsplit(row.get("url") or "").hostname or ""
    return host.removeprefix("www.") or f"doc:{row.get('document_id')}"


def _cluster(group: Sequence[_Mention]) -> Cluster:
    rows = [m.row for m in group]
    ids = tuple(r["id"] for r in rows)
    return Cluster(id="c" + hashlib.sha256(ids[0].encode()).hexdigest()[:15], event_ids=ids, mentions=len(rows),
                   articles=len({r.get("document_id") for r in rows}), sources=len({_outlet(r) for r in rows}),
                   representative=ids[0], members=tuple(rows))


# --- the store's tables ------------------------------------------------------------------------

CLUSTER_COLUMNS = {"id": str, "representative": str, "type": str, "mode": str, "cameo": str, "quad_class": int,
                   "source": str, "source_country": str, "target": str, "target_country": str,
                   "date_start": str, "date_end": str, "location": str, "location_country": str,
                   "evidence": str, "first_published": str, "mentions": int, "articles": int, "sources": int}
MEMBER_COLUMNS = {"event_id": str, "cluster_id": str}


def _cluster_row(c: Cluster) -> dict:
    first = c.members[0]
    starts = [r["date_start"] for r in c.members if r.get("date_start")]
    ends = [r.get("date_end") or r["date_start"] for r in c.members if r.get("date_start")]
    row = {k: first.get(k) for k in ("type", "mode", "cameo", "quad_class", "source", "source_country", "target",
                                     "target_country", "location", "location_country", "evidence")}
    return {**row, "id": c.id, "representative": c.representative, "date_start": min(starts, default=None),
            "date_end": max(ends, default=None),
            "first_published": min((r["published"] for r in c.members if r.get("published")), default=None),
            "mentions": c.mentions, "articles": c.articles, "sources": c.sources}


def refresh_clusters(store, *, params: ClusterParams = ClusterParams()) -> int:
    """Recluster every stored event and rewrite ``event_clusters``/``event_cluster_members``; return the count."""
    found = cluster_events(store.events(), contexts=event_contexts(store, width=params.context_chars), params=params)
    with store.db.atomic():
        store.db.execute("DELETE FROM event_cluster_members")
        store.db.execute("DELETE FROM event_clusters")
        store.db["event_clusters"].insert_all((_cluster_row(c) for c in found), columns=CLUSTER_COLUMNS)
        store.db["event_cluster_members"].insert_all(
            ({"event_id": e, "cluster_id": c.id} for c in found for e in c.event_ids), columns=MEMBER_COLUMNS)
    return len(found)


def is_stale(store) -> bool:
    """Whether some stored event is in no cluster (a store filled before clustering, or by another tool)."""
    return store.db.execute("SELECT EXISTS (SELECT 1 FROM events WHERE id NOT IN "
                            "(SELECT event_id FROM event_cluster_members))").fetchone()[0] == 1


def clusters(store, *, type: str | None = None, actor: str | None = None, since: str | None = None,
             until: str | None = None, min_mentions: int = 1, limit: int | None = None) -> list[dict]:
    """Cluster rows (one per real-world event), the most reported first; filters as in ``Store.events``."""
    where, params = ["mentions >= ?"], [int(min_mentions)]
    if since:
        where.append("COALESCE(date_end, date_start, first_published) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(date_start, first_published) <= ?")
        params.append(until)
    if type:
        where.append("type = ?")
        params.append(type.strip().upper())
    if actor:
        where.append("(source_country LIKE ? OR target_country LIKE ? OR source LIKE ? OR target LIKE ?)")
        params += [f"%{actor.strip()}%"] * 4
    sql = ("SELECT * FROM event_clusters WHERE " + " AND ".join(where)
           + " ORDER BY mentions DESC, sources DESC, COALESCE(date_start, first_published), id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return list(store.db.query(sql, params))


# Every mention of the cluster of the event given as the parameter, earliest first.
CLUSTER_MENTIONS_SQL = ("SELECT r.* FROM event_rows r JOIN event_cluster_members m ON m.event_id = r.id "
                        "WHERE m.cluster_id = (SELECT cluster_id FROM event_cluster_members WHERE event_id = ?) "
                        "ORDER BY r.published, (SELECT rowid FROM documents d WHERE d.id = r.document_id), r.position")


def cluster_mentions(store, event_id: str) -> list[dict]:
    """Every mention (flat event row) of the real-world event that ``event_id`` belongs to, earliest first."""
    return list(store.db.query(CLUSTER_MENTIONS_SQL, [event_id]))


# --- evaluation ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PairScores:
    """Pairwise precision and recall: over pairs of mentions put in one cluster vs. of one real event."""

    precision: float
    recall: float
    predicted_pairs: int
    gold_pairs: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairwise_scores(predicted: dict[str, str], gold: dict[str, str]) -> PairScores:
    """Score cluster ids ``predicted`` (event id -> cluster) against ``gold`` (event id -> real event),
    over the events both know."""
    ids = sorted(set(predicted) & set(gold))
    pred = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if predicted[a] == predicted[b]}
    true = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if gold[a] == gold[b]}
    both = len(pred & true)
    return PairScores(precision=both / len(pred) if pred else 1.0, recall=both / len(true) if true else 1.0,
                      predicted_pairs=len(pred), gold_pairs=len(true))
