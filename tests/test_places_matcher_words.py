"""The place matcher built from the cached, tokenised names matches what the plain build matches."""

import spacy

from dyadline.extract.places.gazetteer import load_gazetteer
from dyadline.extract.places.match import build_matcher, matcher_from_words, matcher_names, matcher_words, name_words


def test_places_matcher_words_are_the_names_tokenised():
    names = matcher_names(load_gazetteer())
    words = matcher_words()
    assert words == name_words(names) and len(words) == len(names)
    assert name_words(["Port-au-Prince", "St. Petersburg"]) == (
        (("Port", "-", "au", "-", "Prince"), (False, False, False, False, False)),
        (("St.", "Petersburg"), (True, False)))


def test_places_matcher_words_same_matches_as_build_matcher():
    nlp = spacy.blank("en")
    text = ("Troops left Kyiv for the Gaza Strip, then Port-au-Prince, St. Petersburg and NEW YORK; "
            "nice weather in paris and Abu Dhabi, none in Nowhereville.")
    names = matcher_names(load_gazetteer())
    plain = build_matcher(nlp.vocab, names)(nlp(text))
    fast = matcher_from_words(nlp.vocab, matcher_words())(nlp(text))
    assert plain == fast and len(fast) >= 5
