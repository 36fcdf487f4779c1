"""The mention finder's word lists: shipped as YAML, extended by an actor file's ``words:``."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.actors.kb import load_kb
from dyadline.extract.actors.words import ACTOR_FIELDS, actor_words, shipped_actor_words


def test_actors_words_shipped():
    words = shipped_actor_words()
    assert "nation" in words.pair_nouns and "news" in words.outlet_name_words
    assert "al" not in words.outlet_name_words  # unlike media_words.yaml media_words: "Al-Azhar" is no outlet
    assert all(getattr(words, name) for name in ACTOR_FIELDS)


def test_actors_words_user_file(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("words: {org_heads: [Caucus]}\npeople:\n  - {name: Jane Roe, country: USA, sector: GOV}\n")
    assert "caucus" in actor_words((str(user),)).org_heads
    assert "caucus" not in actor_words().org_heads
    assert any(e.name == "Jane Roe" for e in load_kb((str(user),)).entries)


def test_actors_words_bad_user_file(tmp_path):
    user = tmp_path / "bad_actors.yaml"
    user.write_text("words: {org_head: [caucus]}\n")
    with pytest.raises(ConfigError, match="bad_actors.yaml"):
        actor_words((str(user),))


def test_actors_words_particles_and_boundaries_from_data(tmp_path):
    from dyadline.extract.actors import groups, lexicon, phrase

    words = shipped_actor_words()
    assert lexicon.PARTICLES is words.name_particles and {"al", "bin", "van"} <= lexicon.PARTICLES
    assert phrase.BOUNDARIES is words.phrase_boundaries and {"on", ",", "("} <= phrase.BOUNDARIES
    assert groups.LOCATIVE is words.locative_prepositions
    user = tmp_path / "read_once.yaml"
    user.write_text("words: {name_particles: [abu]}\n")
    with pytest.raises(ConfigError, match="read_once.yaml"):
        actor_words((str(user),))  # read once at import: a user file cannot extend it (yet)
