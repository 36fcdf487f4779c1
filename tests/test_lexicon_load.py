"""The trigger lexicon is data: it loads, users extend it, bad files fail with the file named."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.events.triggers import Lexicon
from dyadline.records import PLOVER_TYPES


def test_lexicon_covers_every_plover_type():
    lex = Lexicon.load()
    types = {t.type for entries in lex.index.values() for t in entries}
    assert types == set(PLOVER_TYPES)


def test_lexicon_user_file_extends(tmp_path, blank_nlp):
    extra = tmp_path / "mine.yaml"
    extra.write_text("PROTEST:\n  - {verb: [picnic], mode: demo}\n", encoding="utf-8")
    lex = Lexicon.load([extra])
    assert ("verb", "picnic") in lex.index
    assert lex.index[("verb", "picnic")][0].type == "PROTEST"


@pytest.mark.parametrize("body, fragment", [
    ("NOT_A_TYPE:\n  - {verb: [x]}\n", "not a PLOVER type"),
    ("ASSAULT:\n  - {mode: drone}\n", "needs 'verb' or 'noun'"),
    ("- just a list\n", "top level"),
    ("ASSAULT: [unclosed\n", "Cannot read"),
])
def test_lexicon_bad_file_names_the_file(tmp_path, body, fragment):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Lexicon.load([bad])
    assert "bad.yaml" in str(err.value) and fragment in str(err.value)


def test_lexicon_object_condition_picks_type(nlp):
    lex = Lexicon.load()
    doc = nlp("Turkey sent troops to Libya. Japan sent food aid to Manila.")
    sends = [t for t in doc if t.lemma_ == "send"]
    assert lex.match(sends[0]).trigger.type == "MOBILIZE"
    assert lex.match(sends[1]).trigger.type == "AID"


def test_lexicon_phrasal_and_hyphenated_triggers(nlp):
    lex = Lexicon.load()
    doc = nlp("Police cracked down on students after Ukraine's counter-offensive.")
    cracked = [t for t in doc if t.lower_ == "cracked"][0]
    assert lex.match(cracked).trigger.type == "COERCE"
    offensive = [t for t in doc if t.lower_ == "offensive"][0]
    assert lex.match(offensive).trigger.key == "counter-offensive"
