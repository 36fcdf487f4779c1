"""User knowledge-base files extend and override the shipped one; bad files fail clearly."""

from __future__ import annotations

import pytest

from dyadline.errors import ConfigError
from dyadline.extract.actors import ActorResolver
from dyadline.extract.actors.kb import load_kb

USER = """
people:
  - name: Vladimir Putin
    short: [Putin]
    roles: [[RUS, ELI, retired, 2000-01-01, null]]
  - name: Ada Testperson
    roles: [[NZL, LEG, member of parliament, 2020-01-01, null]]
organisations:
  - name: Fictional Liberation Front
    aliases: [FLF]
    country: BOL
    sector: REB
"""


def test_actors_user_file_extends_and_overrides(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER, encoding="utf-8")
    r = ActorResolver([str(path)])
    assert r.resolve("Ada Testperson").country == "NZL"
    assert (r.resolve("the FLF").country, r.resolve("the FLF").sector) == ("BOL", "REB")
    assert r.resolve("Putin").sector == "ELI"
    assert ActorResolver().resolve("Putin").sector == "GOV"  # the shipped KB is untouched


@pytest.mark.parametrize("text, needle", [
    ("people: [{name: X, roles: [[RUS, GOV, president, not-a-date, null]]}]", "bad date"),
    ("people: [{name: X, roles: [[RUS, XYZ, president, 2000-01-01, null]]}]", "unknown sector"),
    ("organisations: [{aliases: [Y]}]", "non-empty 'name'"),
    ("people: [{name: X, roles: [[Russia, GOV, president]]}]", "ISO3"),
    ("- just a list", "expected a mapping"),
    ("people: [unclosed", "Cannot read"),
])
def test_actors_user_file_bad_entries_name_the_file(tmp_path, text, needle):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_kb((str(path),))
    assert str(path) in str(e.value) and needle in str(e.value)


def test_actors_user_file_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="Cannot read"):
        load_kb((str(tmp_path / "absent.yaml"),))
