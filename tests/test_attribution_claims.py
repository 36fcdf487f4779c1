"""Claims: who each stretch of text is credited to (real model, except the data-file tests)."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.speech import Claim, claim_for, find_claims
from dyadline.extract.speech.cues import load_cues
from dyadline.records import Actor


def _claims(nlp, text: str, kind: str | None = None) -> list[Claim]:
    claims = find_claims(nlp(text), [])
    return [c for c in claims if kind is None or c.kind == kind]


def _scope(text: str, claim: Claim) -> str:
    return text[claim.scope[0]:claim.scope[1]]


def _claim_over(nlp, text: str, phrase: str) -> Claim | None:
    start = text.index(phrase)
    return claim_for(find_claims(nlp(text), []), (start, start + len(phrase)))


def test_attribution_said_that_scopes_the_complement(nlp):
    text = "Canada's foreign minister said that India had expelled two diplomats."
    (c,) = _claims(nlp, text, "report")
    assert _scope(text, c).endswith("India had expelled two diplomats")
    assert "foreign minister" in c.source.text and c.cue == "said" and not c.hedged


def test_attribution_many_cue_verbs(nlp):
    for verb in ("warned", "insisted", "claimed", "announced", "indicated", "noted"):
        text = f"The ministry {verb} that troops would stay in the region."
        (c,) = _claims(nlp, text, "report")
        assert c.cue == verb and c.source.text == "The ministry"


def test_attribution_according_to(nlp):
    text = "According to India's Border Security Force (BSF), Pakistan Rangers opened fire on Indian posts."
    c = _claim_over(nlp, text, "Pakistan Rangers opened fire")
    assert c.kind == "according" and "Border Security Force" in c.source.text


def test_attribution_relay_passive(nlp):
    text = ("In a letter reported by North Korean state media, Putin highlighted the military ties "
            "between the two nations.")
    c = _claim_over(nlp, text, "Putin highlighted the military ties")
    assert c.kind == "relay" and "state media" in c.source.text and c.channel == "letter"


def test_attribution_relative_clause_reporter(nlp):
    text = ("Concerns were raised by South Korean intelligence, which indicated that North Korea "
            "may send 30,000 more troops.")
    c = _claim_over(nlp, text, "North Korea may send")
    assert c.source.text == "South Korean intelligence" and c.cue == "indicated"


def test_attribution_unattributed_hedges(nlp):
    for text, phrase in (("Reports suggest that North Korea is supplying ammunition.", "North Korea is supplying"),
                         ("Sources say the bloc could adopt the package within weeks.", "the bloc could adopt"),
                         ("Hamas negotiators are reportedly already in Cairo.", "already in Cairo"),
                         ("It is believed that the rebels crossed the river.", "the rebels crossed")):
        c = _claim_over(nlp, text, phrase)
        assert c is not None and c.source is None and c.hedged, text


def test_attribution_channel_of_statement(nlp):
    text = "In a statement, the Border Security Force said that seven rangers were killed."
    c = _claim_over(nlp, text, "seven rangers were killed")
    assert c.channel == "statement" and "Border Security Force" in c.source.text


def test_attribution_nested_reports_take_the_nearest_source(nlp):
    text = "The ministry said that, according to the army, rebels attacked a convoy."
    c = _claim_over(nlp, text, "rebels attacked a convoy")
    assert c.kind == "according" and c.source.text == "the army"


def test_attribution_quote_claims_credit_the_speaker(nlp):
    text = "“We feel deeply regretful over the decision,” a ministry spokesman said, according to Xinhua."
    c = _claim_over(nlp, text, "We feel deeply regretful")
    assert c.kind == "quote" and "spokesman" in c.source.text and c.via.text == "Xinhua"


def test_attribution_prefers_actor_layer_mentions(nlp):
    text = "Putin said that Russia would send more troops."
    putin = Actor(text="Putin", span=(0, 5), name="Vladimir Putin", country="RUS", sector="GOV")
    (c,) = [c for c in find_claims(nlp(text), [putin]) if c.kind == "report"]
    assert c.source == putin


def test_attribution_claim_for_innermost():
    outer = Claim(scope=(0, 100), source=Actor("outer"), cue="said", cue_span=(0, 4))
    inner = Claim(scope=(10, 50), source=Actor("inner"), cue="said", cue_span=(5, 9))
    assert claim_for([outer, inner], (20, 30)) is inner
    assert claim_for([outer, inner], (60, 70)) is outer
    assert claim_for([outer, inner], (90, 120)) is None


def test_attribution_without_parse_makes_no_claims(blank_nlp):
    assert find_claims(blank_nlp("He said that it rained."), []) == []


def test_attribution_bad_cue_file_names_it(tmp_path):
    missing = tmp_path / "none.yaml"
    with pytest.raises(ConfigError, match="none.yaml"):
        load_cues(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("report_verbs: [say, 3]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_cues(bad)
