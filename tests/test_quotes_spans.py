"""Quote-mark pairing: pure text, no model needed."""

from __future__ import annotations

import time

from dyadline.extract.speech.quotes import find_quote_spans, find_quotes, is_fragment


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_quotes_curly_and_straight_marks():
    text = 'He said, “We will stay.” She said, "We will go."'
    assert _texts(text) == ["We will stay.", "We will go."]


def test_quotes_nested_single_marks_stay_inside():
    text = "She said, “They told us to ‘tighten our belts’ again,” and left."
    assert _texts(text) == ["They told us to ‘tighten our belts’ again,"]


def test_quotes_nested_double_marks_stay_inside():
    text = "“He called it “a farce” in public,” she said."
    assert _texts(text) == ["He called it “a farce” in public,"]


def test_quotes_over_two_sentences_are_one_quote():
    text = 'He said: "There was sniper fire. We retaliated." Then he left.'
    assert _texts(text) == ["There was sniper fire. We retaliated."]


def test_quotes_over_several_paragraphs_share_a_chain():
    text = "“We lost many men,” he said. “We owe it to them.\n“We will be at the table.”\nNext paragraph."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["We lost many men,", "We owe it to them.",
                                                    "We will be at the table."]
    assert spans[1].chain == spans[2].chain != spans[0].chain
    assert not spans[1].closed


def test_quotes_unbalanced_mark_stops_at_its_sentence():
    text = "The ministry condemned “criminal acts. Hospitals treated 12 people.\nOfficials said more."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["criminal acts."]
    assert not spans[0].closed


def test_quotes_stray_closing_mark_is_ignored():
    text = "Nothing opens here” but “this does,” he said."
    assert _texts(text) == ["this does,"]


def test_quotes_single_opening_mark_in_a_long_article(blank_nlp):
    sentence = "The talks went on for hours without any agreement on the border. "
    text = "Officials said “" + sentence * (50_000 // len(sentence))
    assert len(text) > 50_000
    doc = blank_nlp(text)
    started = time.perf_counter()
    quotes = find_quotes(doc, [], [])
    elapsed = time.perf_counter() - started  # reported, not asserted: tests never assert on speed
    assert len(quotes) == 1
    assert quotes[0].text == sentence.strip()
    assert quotes[0].speaker is None
    assert elapsed >= 0


def test_quotes_fragment_marks_scare_and_partial_quotes():
    assert is_fragment("heroic")
    assert is_fragment("act jointly and effectively defend their sovereignty.")
    assert not is_fragment("Bring the hostages home,")
