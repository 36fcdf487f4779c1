"""Direct quotes in every common layout: speaker, cue and channel (real model)."""

from __future__ import annotations

from dyadline.extract.speech.claims import find_claims
from dyadline.extract.speech.quotes import find_quotes
from dyadline.records import Actor, Basis, Quote


def _quotes(nlp, text: str, actors: list[Actor] | None = None) -> list[Quote]:
    doc = nlp(text)
    actors = actors or []
    return find_quotes(doc, actors, find_claims(doc, actors))


def _speaker(q: Quote) -> str | None:
    return q.speaker and (q.speaker.name or q.speaker.text)


def test_quotes_layout_quote_then_x_said(nlp):
    (q,) = _quotes(nlp, "“We will not retreat,” Lapid said.")
    assert (q.text, _speaker(q), q.cue) == ("We will not retreat,", "Lapid", "said")


def test_quotes_layout_quote_then_said_x(nlp):
    (q,) = _quotes(nlp, '"The bodies are on the other side of the border," said Shubhendu Bhardwaj.')
    assert _speaker(q) == "Shubhendu Bhardwaj" and q.cue == "said"


def test_quotes_layout_x_said_colon_quote(nlp):
    (q,) = _quotes(nlp, 'The general spoke to troops. Idris Mahjoub said: "We do not seek war."')
    assert _speaker(q) == "Idris Mahjoub"


def test_quotes_layout_x_told_reporters(nlp):
    (q,) = _quotes(nlp, "Economy Minister Lucia Ferrante told reporters, “We want the border to work.”")
    assert _speaker(q) == "Lucia Ferrante" and q.cue == "told" and q.attributed_to is None


def test_quotes_layout_pronoun_remarked(nlp):
    text = "Vladimir Putin praised the troops. He remarked, “Their bravery will be remembered.”"
    (q,) = _quotes(nlp, text)
    assert q.speaker.text == "He" and q.speaker.name == "Vladimir Putin" and q.cue == "remarked"


def test_quotes_layout_pronoun_resolved_by_the_actor_layer(nlp):
    text = "Vladimir Putin praised the troops. He remarked, “Their bravery will be remembered.”"
    he = Actor(text="He", span=(35, 37), name="Vladimir Putin", country="RUS", sector="GOV", how="coref:pronoun",
               basis=Basis.COREF_PRONOUN)
    (q,) = _quotes(nlp, text, [he])
    assert q.speaker == he


def test_quotes_layout_quote_over_two_sentences(nlp):
    (q,) = _quotes(nlp, 'He said: "There was an infiltration attempt. We retaliated." Officials confirmed it.')
    assert q.text == "There was an infiltration attempt. We retaliated."


def test_quotes_layout_continuing_quote_keeps_speaker(nlp):
    first, second = _quotes(nlp, "“Now it is Gaza’s turn,” Yair Lapid said. “It is time to end this war.”")
    assert _speaker(first) == _speaker(second) == "Yair Lapid"


def test_quotes_layout_several_paragraphs(nlp):
    text = ("General Idris Mahjoub addressed the troops.\n"
            "“We have lost too many young men,” he said. “We owe it to their families.\n"
            "“If the other side is serious, it will find us at the table.”\n")
    quotes = _quotes(nlp, text)
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.name == "Idris Mahjoub" for q in quotes)


def test_quotes_layout_no_guess_across_paragraphs_without_cue(nlp):
    text = "“We will win,” Omar Jaber said.\n“Nobody can stop this.”\n"
    first, second = _quotes(nlp, text)
    assert _speaker(first) == "Omar Jaber" and second.speaker is None


def test_quotes_layout_partial_quote_in_reported_speech(nlp):
    text = ("Putin praised the partnership. The Russian leader underscored its role in building "
            "what he termed a “just and multi-polar world order.”")
    (q,) = _quotes(nlp, text)
    assert q.fragment and q.cue == "termed" and q.speaker.name == "Putin"


def test_quotes_layout_scare_quote_is_kept_as_fragment(nlp):
    text = "A Russian delegation thanked Kim for sending what they described as “excellent soldiers” to Kursk."
    (q,) = _quotes(nlp, text)
    assert q.text == "excellent soldiers" and q.fragment
    assert "delegation" in (q.speaker.name or "")


def test_quotes_layout_according_to_agency_is_attributed_to(nlp):
    text = ("Putin wrote to Kim Jong-un. He remarked, “The Russian people will keep forever the memories "
            "of their bravery,” according to the Korean Central News Agency.")
    (q,) = _quotes(nlp, text)
    assert q.speaker.name == "Putin" and q.cue == "remarked"
    assert q.attributed_to is not None and "Korean Central News Agency" in q.attributed_to.text


def test_quotes_layout_told_a_news_agency(nlp):
    (q,) = _quotes(nlp, "“Our fishermen deserve calm waters,” Teresa Almonte told Reuters.")
    assert _speaker(q) == "Teresa Almonte" and q.attributed_to.text == "Reuters"


def test_quotes_layout_quoted_as_saying(nlp):
    text = 'The state news agency Belta quoted Alexander Lukashenko as saying that Minsk "has no intention of provoking anyone."'
    (q,) = _quotes(nlp, text)
    assert _speaker(q) == "Alexander Lukashenko" and "Belta" in q.attributed_to.text


def test_quotes_layout_unbalanced_mark_does_not_swallow(nlp):
    text = ("The Interior Ministry said it arrested 41 people for what it termed “criminal acts. "
            "Hospital officials said 12 people were hurt.\nPolice said more marches are expected.")
    (q,) = _quotes(nlp, text)
    assert q.text == "criminal acts."
    assert "Ministry" in (q.speaker.name or "")


def test_quotes_layout_nested_quote_keeps_outer_speaker(nlp):
    text = "Opposition leader Grace Wanjiru said, “They told us to ‘tighten our belts’ again.”"
    (q,) = _quotes(nlp, text)
    assert "‘tighten our belts’" in q.text and _speaker(q) == "Grace Wanjiru"
