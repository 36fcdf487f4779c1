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


def test_events_groups_pronoun_refers_to_group(pipeline):
    text = "The rebels attacked the army. They killed ten soldiers."
    second = [e for e in pipeline.extract(text).events if e.target and e.target[0].text == "ten soldiers"]
    # "They" is the rebels: the event names them, with the span of the mention that does
    assert second and second[0].source[0].text == "The rebels" and second[0].source[0].span == (0, 10)
    assert second[0].source[0].sector == "REB"


def test_events_groups_one_mention_one_country(pipeline):
    evs = pipeline.extract("Egyptian police opened fire to disperse Moslem fundamentalist demonstrators on Monday.").events
    protest = [e for e in evs if e.type == "PROTEST"]
    assert protest and protest[0].source[0].country == "EGY"


def test_events_groups_group_target_keeps_its_span(pipeline):
    ev = _one(pipeline, "The United Nations sent food aid to refugees fleeing the civil war in Liberia.", "AID")
    assert ev.target[0].text == "refugees" and ev.target[0].country == "LBR"


def test_events_groups_lexicon_phone_protest_insult(pipeline):
    assert _one(pipeline, "Putin spoke by phone with Erdogan on Monday.", "CONSULT").mode == "phone"
    assert _one(pipeline, "Thousands of protesters took to the streets of Caracas.", "PROTEST")
    assert _one(pipeline, "Hundreds of students gathered outside the parliament in Nairobi.", "PROTEST")
    assert _one(pipeline, "Duterte called the EU envoy a liar.", "ACCUSE").target[0].country == "IGO"


def test_events_confidence_is_a_probability():
    from dyadline.extract.events.anchors import confidence as _confidence
    from dyadline.extract.events.anchors import load_confidence_model

    model = load_confidence_model()
    assert model["weights"], "bench/fit_confidence.py has written the model"
    strong = dict.fromkeys(model["weights"], 0.0) | {"source_parsed": 1.0, "target_parsed": 1.0, "target_country": 1.0,
                                                     "source_country": 1.0}
    weak = dict.fromkeys(model["weights"], 0.0) | {"trigger_noun": 1.0, "source_inherited": 1.0, "target_none": 1.0}
    assert 0.0 < _confidence(weak) < _confidence(strong) < 1.0


def test_events_groups_names_that_spell_triggers_are_no_events(pipeline):
    events = pipeline.extract("John Strike, a British farmer, praised the decision.").events
    assert [e.type for e in events] == ["SUPPORT"]
    assert not events[0].target  # the farmer in apposition is John Strike himself


def test_events_groups_engaging_partners_is_no_fight(pipeline):
    assert not [e for e in pipeline.extract("The company will engage with partners in Kenya.").events
                if e.type in ("ASSAULT", "THREATEN")]
    assert _one(pipeline, "Nigerian troops engaged the militants near Maiduguri.", "ASSAULT")


def test_events_groups_defending_oneself_is_no_support(pipeline):
    assert not [e for e in pipeline.extract("The minister defended himself.").events if e.type == "SUPPORT"]
    assert _one(pipeline, "Biden defended Japan's right to administer the islands.", "SUPPORT").target[0].country == "JPN"


def test_events_groups_opponents_of_x_are_not_x(pipeline):
    ev = _one(pipeline, "Opponents of Maduro marched in Caracas.", "PROTEST")
    assert ev.source[0].text == "Opponents" and ev.source[0].sector == "OPP"


def test_events_groups_agentless_harm_has_no_source(pipeline):
    ev = _one(pipeline, "Two soldiers were killed on Monday.", "ASSAULT")
    assert ev.source == () and ev.target[0].text == "Two soldiers"
    # an infinitive's agent is elsewhere, and harm an event noun did is that event's
    assert not [e for e in pipeline.extract("Ukraine vowed to fight off Russian aggression.").events if not e.source]
    text = "An air attack by Myanmar's military on a village may have killed as many as 130 people."
    assert all(e.source for e in pipeline.extract(text).events)


def test_events_groups_unknown_people_and_fronts_are_actors(pipeline):
    ev = _one(pipeline, "Ingabire was arrested for collaborating with a terrorist organization.", "COERCE")
    assert ev.target[0].text == "Ingabire"
    ev = _one(pipeline, "The Ogaden National Liberation Front has declared a unilateral ceasefire.", "RETREAT")
    assert ev.source[0].sector == "REB"


def test_events_groups_culprit_of_a_named_act(pipeline):
    ev = _one(pipeline, "Los Zetas cartel has been responsible for mass killings and beheadings in northern Mexico.", "ASSAULT")
    assert ev.source[0].text == "Los Zetas cartel"


def test_events_groups_lexicon_peacekeeping_extradition_cyber(pipeline):
    assert _one(pipeline, "Japanese peacekeepers arrived at the Juba airport.", "AID").cameo == "074"
    assert _one(pipeline, "Turkey extradited a US citizen suspected of being a militant.", "COOPERATE")
    assert _one(pipeline, "Russia launched cyber warfare against the UK.", "COERCE").mode == "cyber"
    assert _one(pipeline, "Kuwait launched a mediation effort between the two parties.", "CONSULT").mode == "third-party"


def test_events_groups_joint_exercise_is_cooperation(pipeline):
    ev = _one(pipeline, "The war game was staged by U.S. marines and Jordanian armed forces.", "COOPERATE")
    assert ev.cameo == "062" and {a.country for a in ev.source} == {"USA", "JOR"}
    assert _one(pipeline, "North Korea staged a military drill.", "MOBILIZE")


def test_events_groups_unlisted_named_group_and_conditions(pipeline):
    ev = _one(pipeline, "The Civil Liberty Organization (CLO) has demanded the release of the detainees.", "REQUEST")
    assert ev.source[0].name == "The Civil Liberty Organization"
    record = pipeline.extract("Bolivian authorities declared a state of siege in the east.")
    assert not [a for a in record.actors if a.text.lower().endswith("state")]  # a condition, not a state
    assert _one(pipeline, "The United States military gave 625 new firearms to the Philippine Marines.", "AID")


def test_events_groups_what_refers_to_the_source_is_no_target(pipeline):
    text = "Chinese regulators have launched an investigation into Alibaba Group and will meet with its affiliate."
    ev = _one(pipeline, text, "ACCUSE")
    assert not any(a.text == "Chinese regulators" for a in ev.target)


def test_events_groups_echoed_call_is_made_of_the_same_side(pipeline):
    text = ("The Hostages and Missing Families Forum urged the government on Tuesday to widen the ceasefire. "
            "Opposition leader Yair Lapid echoed the call.")
    ev = [e for e in pipeline.extract(text, published="2025-01-21").events if "echoed" in e.evidence.text][0]
    assert ev.type == "REQUEST" and [a.text for a in ev.target] == ["the government"]


def test_events_groups_lexicon_sanctions_adopted_and_allegations_pursued(pipeline):
    ev = _one(pipeline, "The UN Security Council adopted new sanctions against North Korea.", "SANCTION")
    assert ev.source[0].country == "IGO"
    assert _one(pipeline, "Canadian security agencies were pursuing allegations against India.", "ACCUSE").mode == "investigate"


def test_events_groups_boycott_by_a_state_is_done_not_said(pipeline):
    assert _one(pipeline, "Russia boycotted the summit in Kyiv on Monday.", "PROTEST")
    assert _one(pipeline, "Japan protested to Beijing over the detention.", "ACCUSE")
    assert _one(pipeline, "Russia inked a deal with Ukraine on Monday.", "AGREE")
    assert _one(pipeline, "Russia lent money to Serbia on Monday.", "AID")
