"""An organisation modifying a people noun ("Hamas fighters", "al-Qaeda leaders") codes the phrase."""

from __future__ import annotations

import datetime as dt

from dyadline.extract.actors import ActorResolver


def _by_text(nlp, text):
    return {a.text: a for a in ActorResolver().find(nlp(text), None)}


def test_actors_org_modifier_lowercase_particle(nlp):
    a = _by_text(nlp, "A drone strike killed two senior al-Qaeda commanders on Friday.")
    found = a["two senior al-Qaeda commanders"]
    assert (found.country, found.sector) == ("IMG", "REB")


def test_actors_org_modifier_resolve_lowercase_particle():
    a = ActorResolver().resolve("al-Qaeda leaders")
    assert (a.country, a.sector) == ("IMG", "REB")


def test_actors_org_modifier_particle_needs_a_capital():
    assert ActorResolver().resolve("al qaeda").country == "IMG"  # all lower case: no casing evidence
    a = ActorResolver().resolve("leaders of al fresco dining")
    assert a.country is None


def test_actors_org_modifier_fighters_of_armed_group():
    a = ActorResolver().resolve("Hezbollah fighters")
    assert (a.country, a.sector) == ("LBN", "REB")


def test_actors_org_modifier_fighters_of_a_government():
    a = ActorResolver().resolve("Taliban fighters", date=dt.date(2023, 3, 1))
    assert (a.country, a.sector) == ("AFG", "MIL")
    a = ActorResolver().resolve("Taliban fighters", date=dt.date(2010, 3, 1))
    assert (a.country, a.sector) == ("AFG", "REB")


def test_actors_org_modifier_officials_keep_org_sector():
    a = ActorResolver().resolve("NATO officials")
    assert (a.country, a.sector) == ("IGO", "GOV")
    assert ActorResolver().resolve("NATO forces").sector == "MIL"
