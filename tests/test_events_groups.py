"""Events whose actors are groups named by a common noun, weapons, facilities: no dictionary entry needed.

These need the English pipeline (the ``pipeline`` fixture skips without one).
"""

from __future__ import annotations


def _one(pipeline, text, typ):
    events = [e for e in pipeline.extract(text, published="2018-03-01").events if e.type == typ]
    assert events, f"no {typ} in {text!r}"
    return events[0]


def test_events_groups_unlisted_group_is_an_actor(pipeline):
    ev = _one(pipeline, "Militants killed six soldiers.", "ASSAULT")
    assert [a.text for a in ev.source] == ["Militants"] and ev.source[0].sector == "REB"
    assert ev.source[0].country is None  # no country in the text: none is invented


def test_events_groups_armed_group_takes_the_country_it_fights_in(pipeline):
    ev = _one(pipeline, "Gunmen killed six Philippine soldiers.", "ASSAULT")
    assert ev.source[0].country == "PHL" and ev.source[0].sector == "UAF"


def test_events_groups_place_where_it_acts(pipeline):
    ev = _one(pipeline, "A suicide bomber attacked a police station in Quetta.", "ASSAULT")
    assert ev.source[0].country == "PAK" and ev.target[0].sector == "COP"


def test_events_groups_weapon_stands_for_unknown_attacker(pipeline):
    ev = _one(pipeline, "A roadside bomb killed four police officers.", "ASSAULT")
    assert ev.source[0].text == "A roadside bomb" and ev.source[0].sector == "UAF"
    assert not pipeline.extract("The storm killed ten people.").events


def test_events_groups_facility_is_the_force_it_houses(pipeline):
    ev = _one(pipeline, "Boko Haram jihadists overran a military base in northeast Nigeria.", "ASSAULT")
    assert ev.target[0].text == "a military base" and ev.target[0].sector == "MIL"


def test_events_groups_entry_without_its_arguments_gives_way(pipeline):
    # "welcome" as hosting needs someone received; without one, the praise is what is left
    ev = _one(pipeline, "Both Russia and the Syrian government have welcomed the OPCW visit.", "SUPPORT")
    assert ev.source
