"""Verb lemmas the small English model gets wrong, corrected after its lemmatizer.

``fix_lemmas`` is registered as the ``dyadline_lemma_fixes`` component in ``factories.py``.
"""

from __future__ import annotations

# Verb lemmas the small English model's rule lemmatizer gets wrong, keyed by the wrong lemma;
# a fix applies only when the word starts with the right lemma ("lambasted" -> lambaste).
LEMMA_FIXES = {"lambast": "lambaste", "instal": "install"}
# Irregular past forms the lemmatizer sometimes leaves as they are, depending on the tag it guessed.
IRREGULAR_PAST = {"overran": "overrun", "outran": "outrun", "foresaw": "foresee", "mistook": "mistake",
                  "overtook": "overtake", "overthrew": "overthrow", "overcame": "overcome", "overrode": "override",
                  "withdrew": "withdraw", "undertook": "undertake", "forbade": "forbid", "slew": "slay",
                  "upheld": "uphold", "withheld": "withhold", "oversaw": "oversee", "shot": "shoot", "fled": "flee",
                  "forgave": "forgive", "forbore": "forbear", "besought": "beseech"}
_VOWELS = set("aeiou")


_VOWELS = set("aeiou")


def fix_lemmas(doc):
    """Correct verb lemmas in place: the rule lemmatizer strips "-ed"/"-es" to a shorter verb
    ("hoped" -> hop, "staged" -> stag, "waged" -> wag), but a one-syllable verb ending in a
    single vowel and consonant doubles it ("hopped"), so "hoped" can only be "hope"."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_
        if lemma.lower() in IRREGULAR_PAST:
            tok.lemma_ = IRREGULAR_PAST[lemma.lower()]
            continue
        right = LEMMA_FIXES.get(lemma)
        if right is not None and tok.lower_.startswith(right):
            tok.lemma_ = right
        elif _lost_final_e(lemma, tok.lower_):
            tok.lemma_ = lemma + "e"
    return doc


def _lost_final_e(lemma: str, word: str) -> bool:
    """Whether ``word`` ("hoped") is ``lemma`` ("hop") + e + an ending."""
    if len(lemma) < 3 or word not in (lemma + "ed", lemma + "es") or lemma[-1] in "aeiouwxyzs":
        return False
    if lemma[-2] not in _VOWELS or lemma[-3] in _VOWELS:
        return False  # "heated", "planted": not a single short vowel before the consonant
    groups = sum(1 for i, ch in enumerate(lemma) if ch in _VOWELS and (i == 0 or lemma[i - 1] not in _VOWELS))
    return groups == 1  # "visited", "edited": longer verbs do not double and are right as they are
