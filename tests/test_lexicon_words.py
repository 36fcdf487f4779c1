"""Word lists as data: the event coder's lists load from YAML, users extend them from a lexicon
file's ``words:`` section, and bad entries are reported with the file's name."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.events.triggers import Lexicon
from dyadline.extract.events.words import EVENT_FIELDS, shipped_event_words
from dyadline.extract.wordlists import check_lists, grammar_words


def test_lexicon_words_shipped():
    words = shipped_event_words()
    assert {"launch", "hold", "wage"} <= words.light_verbs
    assert "accuse" in words.charging_verbs and "ally" in words.relational_nouns
    assert all(getattr(words, name) for name in EVENT_FIELDS)


def test_lexicon_words_user_extension(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("words: {light_verbs: [Spearhead], charging_verbs: [rebuke]}\nAGREE:\n  - {verb: [shake]}\n")
    lex = Lexicon.load((str(user),))
    assert "spearhead" in lex.words.light_verbs and "launch" in lex.words.light_verbs
    assert "rebuke" in lex.words.charging_verbs
    assert ("verb", "shake") in lex.index
    assert "spearhead" not in Lexicon.load().words.light_verbs


@pytest.mark.parametrize("text, entry", [("words: {light_verb: [x]}", "light_verb"),
                                         ("words: {light_verbs: [1]}", "1"),
                                         ("words: {light_verbs: launch}", "light_verbs")])
def test_lexicon_words_bad_user_entry(tmp_path, text, entry):
    user = tmp_path / "bad.yaml"
    user.write_text(text + "\n")
    with pytest.raises(ConfigError) as e:
        Lexicon.load((str(user),))
    assert "bad.yaml" in str(e.value) and entry in str(e.value)


def test_lexicon_words_grammar_defined_once():
    g = grammar_words()
    assert {"’ll", "'ll", "will"} <= g.future_modals
    assert g.gendered_pronouns["she"] == "f" and "they" in g.group_pronouns and "we" in g.group_pronouns
    assert {"he", "its", "i", "you"} <= g.pronouns


def test_lexicon_words_check_lists_complete():
    with pytest.raises(ConfigError, match="missing"):
        check_lists("x.yaml", {"a": ["b"]}, ("a", "c"), complete=True)
