"""The actor lexicon's first-word index finds exactly what trying every span finds."""

import random

from dyadline.extract.actors.lexicon import MAX_WORDS, Hit, Lexicon, Sense, Word, words_from_tokens


def _plain_longest(lex: Lexicon, words, i: int, cased: bool) -> Hit | None:
    """The unindexed search: every span from the longest down."""
    return lex._longest_upto(words, i, cased, min(len(words), i + MAX_WORDS))


def _lexicon() -> Lexicon:
    lex = Lexicon()
    for form, kind in (("Kim Jong Un", "person"), ("Kim", "short"), ("North Korea", "country"),
                       ("North Korean", "demonym"), ("United Nations Security Council", "org"),
                       ("United Nations", "org"), ("UN", "org"), ("police", "term"), ("riot police", "term"),
                       ("al-Qaeda", "org"), ("Islamic State of Iraq and the Levant", "org")):
        lex.add(form, Sense(kind, form))
    return lex


def test_lexicon_first_words_counts_the_longest_key():
    spans = _lexicon().first_words()
    assert spans["kim"] == 3 and spans["united"] == 4 and spans["riot"] == 2 and spans["islamic"] == 7
    assert "korea" not in spans


def test_lexicon_first_words_same_hits_as_every_span():
    lex = _lexicon()
    vocab = ["Kim", "Jong", "Un", "North", "Korea", "Korean", "United", "Nations", "Security", "Council", "UN",
             "police", "riot", "al", "-", "Qaeda", "Islamic", "State", "of", "Iraq", "and", "the", "Levant",
             "said", "\n", "..", "U.N.", "kim"]
    rng = random.Random(7)
    for _ in range(300):
        words = words_from_tokens([(rng.choice(vocab), i) for i in range(rng.randint(1, 25))])
        for i in range(len(words)):
            for cased in (True, False):
                assert lex._longest(words, i, cased) == _plain_longest(lex, words, i, cased)


def test_lexicon_first_words_key_with_a_space_takes_the_plain_path():
    lex = _lexicon()
    words = [Word("north korea", "North\u00a0Korea", 0)]  # an odd token whose key holds a space
    assert lex._longest(words, 0, False) == _plain_longest(lex, words, 0, False)
    assert lex._longest(words, 0, False) is not None


def test_lexicon_first_words_rebuilt_after_add():
    lex = _lexicon()
    assert "south" not in lex.first_words()
    lex.add("South Sudan Defence Forces", Sense("org", "x"))
    assert lex.first_words()["south"] == 4
