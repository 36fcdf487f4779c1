"""Facets and filters over the per-actor rows, so a compound actor counts under each of its members.

The ``events`` table keeps a compound actor's countries as one string ("ARM;AZE"): a plain column
facet counts that string as a value of its own, so choosing ``ARM`` drops the joint event. The
``actor`` facet counts distinct events per value of one ``event_actors`` column for one role, and
choosing a value adds an exact filter that ``filters_from_request`` reads:

- facet (metadata ``facets: [{actor: source_country}]`` or ``?_facet_actor=target_sector``):
  ``source_country``, ``target_country``, ``source_sector``, ``target_sector``,
  ``actor_country``/``actor_sector`` (either role);
- filter: the same name with a leading underscore, ``?_source_country=ARM``, meaning
  ``id IN (SELECT event_id FROM event_actors WHERE role = 'source' AND country = 'ARM')``.
  Values match exactly, so ``US`` never matches ``RUS``.

Both work on the ``events`` table and the ``event_rows`` view (anything with an event ``id``).
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args

ROLES = ("source", "target", "actor")  # "actor": either role
COLUMNS = ("country", "sector")
EVENT_TABLES = frozenset({"events", "event_rows"})


def parse_name(name: str) -> tuple[str, str] | None:
    """("source", "country") for "source_country"; None for anything else."""
    role, _, column = name.partition("_")
    return (role, column) if role in ROLES and column in COLUMNS else None


def actor_condition(role: str, column: str, param: str) -> str:
    """SQL keeping events that have an actor whose ``column`` equals ``:param`` (in ``role``)."""
    role_sql = "" if role == "actor" else f" AND role = '{role}'"
    return f"id IN (SELECT event_id FROM event_actors WHERE [{column}] = :{param}{role_sql})"


class ActorFacet(Facet):
    """Distinct events per country or sector of their source, target or any actor."""

    type = "actor"

    async def facet_results(self):
        results, timed_out = [], []
        if self.table not in EVENT_TABLES:
            return results, timed_out
        pairs, size = self.get_querystring_pairs(), self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            name = config.get("column") or config["simple"]
            parsed = parse_name(name)
            if parsed is None:
                continue
            role, column = parsed
            role_sql = "" if role == "actor" else f" AND a.role = '{role}'"
            sql = (f"SELECT a.[{column}] AS value, COUNT(DISTINCT t.id) AS count FROM ({self.sql}) t "
                   f"JOIN event_actors a ON a.event_id = t.id{role_sql} WHERE a.[{column}] IS NOT NULL "
                   f"GROUP BY value ORDER BY count DESC, value LIMIT {size + 1}")
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(name)
                continue
            key = f"_{name}"
            values = []
            for row in rows.rows[:size]:
                selected = (key, str(row["value"])) in pairs
                path = (path_with_removed_args(self.request, {key: str(row["value"])}) if selected
                        else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                               "selected": selected})
            results.append({"name": name, "type": self.type, "hideable": source_and_config["source"] != "metadata",
                            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_actor": name})),
                            "results": values, "truncated": len(rows) > size})
        return results, timed_out


@hookimpl
def register_facet_classes():
    """Register facet classes: the per-actor ``actor`` facet."""
    return [ActorFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    """Exact per-actor filters (``?_source_country=ARM``) on the events table and the event_rows view."""
    if table not in EVENT_TABLES:
        return None
    clauses, params, human = [], {}, []
    for key in request.args.keys():
        parsed = parse_name(key[1:]) if key.startswith("_") else None
        if parsed is None:
            continue
        for value in request.args.getlist(key):
            param = f"dyadline_actor_{len(params)}"
            clauses.append(actor_condition(*parsed, param))
            params[param] = value
            human.append(f'{parsed[0]} {parsed[1]} is "{value}"')
    return FilterArguments(clauses, params=params, human_descriptions=human) if clauses else None
