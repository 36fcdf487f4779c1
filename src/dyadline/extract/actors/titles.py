"""Titles: who held "the Russian leader" or "the Iranian foreign minister" on a given date.

Titles are compared in a canonical form ("defense secretary" and "foreign secretary" become
"defence minister" and "foreign minister"). "Leader" and other head titles mean the head of
state, or the head of government in parliamentary countries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from dyadline.extract.actors.kb import Entry, KnowledgeBase, Role
from dyadline.extract.actors.terms import Term

_SAME = {
    "defense": "defence", "foreign secretary": "foreign minister", "secretary of state": "foreign minister",
    "top diplomat": "foreign minister", "defence secretary": "defence minister",
    "secretary of defence": "defence minister", "war minister": "defence minister", "premier": "prime minister",
    "home minister": "interior minister", "home secretary": "interior minister", "vice-president": "vice president",
    "secretary general": "secretary-general", "director general": "director-general",
}
STATE_HEADS = ("supreme leader", "junta leader", "president", "king", "queen", "emir", "sultan", "emperor")
GOVERNMENT_HEADS = ("prime minister", "chancellor")
GENERIC_HEADS = frozenset({"leader", "head of state", "head of government", "dictator", "strongman", "monarch"})


def canonical_title(title: str) -> str:
    """The canonical form of a title ("Defense Secretary" -> "defence minister")."""
    t = " ".join(title.lower().replace(".", "").split())
    t = t.replace("defense", "defence")
    return _SAME.get(t, t)


@dataclass(frozen=True)
class Holder:
    """A person and the role by which they hold a title."""

    entry: Entry
    role: Role


class TitleIndex:
    """People by (country, canonical title), to find who held a title on a date."""

    def __init__(self, kb: KnowledgeBase, parliamentary: frozenset[str]):
        self.parliamentary = parliamentary
        self._by: dict[tuple[str, str], list[Holder]] = defaultdict(list)
        for e in kb.by_kind("person"):
            for r in e.roles:
                if r.country:
                    self._by[(r.country, canonical_title(r.title))].append(Holder(e, r))

    def holder(self, country: str, title: str, date: dt.date | None) -> Holder | None:
        """Who held ``title`` (canonical) for ``country`` on ``date`` (no date: the latest holder)."""
        found = [h for h in self._by.get((country, title), ()) if date is None or h.role.holds(date)]
        if not found:
            return None
        return max(found, key=lambda h: h.role.start or dt.date.min)

    def lookup(self, country: str, term: Term, date: dt.date | None) -> tuple[Entry, Role] | None:
        """The holder of a title term for a country, heads resolved by the country's system."""
        title = canonical_title(term.text)
        if term.plural:
            return None
        titles = self.head_titles(country) if title in GENERIC_HEADS else (title,)
        for t in titles:
            h = self.holder(country, t, date)
            if h is not None:
                return h.entry, h.role
        return None

    def head_titles(self, country: str) -> tuple[str, ...]:
        """Titles that make someone "the leader" of ``country``, strongest first."""
        if country in self.parliamentary:
            return ("supreme leader", "junta leader", *GOVERNMENT_HEADS, *STATE_HEADS[2:])
        return (*STATE_HEADS, *GOVERNMENT_HEADS)


def matches_title(role: Role | None, term: Term, index: TitleIndex) -> bool:
    """True when a role fits a description's title ("the minister" fits "foreign minister")."""
    if role is None:
        return False
    title, have = canonical_title(term.text), canonical_title(role.title)
    if title in GENERIC_HEADS:
        return have in index.head_titles(role.country or "")
    if have.startswith(("vice ", "deputy ", "first deputy ")) and not title.startswith(("vice", "deputy", "first")):
        return False
    return have == title or have.endswith(" " + title) or have.startswith(title + " of")
