"""How often an event was reported: GDELT's NumMentions, NumSources and NumArticles.

Every event counts at least once. When the store has event clusters (``event_cluster_members``:
``event_id`` and ``cluster_id``; events reported more than once share a cluster), an event's counts
are those of its cluster: mentions are its events, articles its distinct documents, sources the
distinct web hosts of those documents (a document without a URL is a source of its own).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlite_utils import Database

CLUSTERS = "event_cluster_members"
_MEMBERS_SQL = f"""SELECT c.cluster_id, c.event_id, e.document_id, d.url FROM {CLUSTERS} c
JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = e.document_id"""


@dataclass(frozen=True)
class Counts:
    """Mentions, sources and articles of one event (each at least 1)."""

    mentions: int = 1
    sources: int = 1
    articles: int = 1


ONCE = Counts()


@dataclass(frozen=True)
class Member:
    """One event of a cluster, with the document it was coded from."""

    cluster_id: str
    event_id: str
    document_id: str
    url: str | None = None


def _source(member: Member) -> str:
    host = urlsplit(member.url).hostname if member.url else None
    return host.removeprefix("www.") if host else f"document:{member.document_id}"


def counts_from_members(members: Iterable[Member]) -> dict[str, Counts]:
    """Counts for every event of the given cluster members, keyed by event id."""
    clusters: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        clusters[m.cluster_id].append(m)
    out = {}
    for group in clusters.values():
        counts = Counts(mentions=len({m.event_id for m in group}), sources=len({_source(m) for m in group}),
                        articles=len({m.document_id for m in group}))
        out.update((m.event_id, counts) for m in group)
    return out


def has_clusters(db: Database) -> bool:
    """Whether the store has cluster members (event_id, cluster_id)."""
    return db[CLUSTERS].exists() and {"event_id", "cluster_id"} <= set(db[CLUSTERS].columns_dict)


def cluster_counts(db: Database) -> dict[str, Counts]:
    """Counts of every clustered event of the store (events missing here count once: ``ONCE``)."""
    if not has_clusters(db):
        return {}
    return counts_from_members(Member(str(c), str(e), d, u) for c, e, d, u in db.execute(_MEMBERS_SQL))
