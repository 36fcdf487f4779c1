"""International bodies are in the knowledge base under their usual written forms."""

from __future__ import annotations

import pytest

from dyadline.extract.actors import ActorResolver


@pytest.mark.parametrize("text", [
    "European Community", "EC", "EEC", "Organization of African Unity", "OAU", "Arab League", "GCC", "OSCE",
    "CSCE", "CIS", "Commonwealth", "APEC", "Asia-Pacific Economic Cooperation", "Mercosur", "SADC", "IGAD",
    "Interpol", "World Bank", "IMF", "WTO", "UNHCR", "WFP", "UNICEF", "UNESCO", "UNIFIL", "Security Council",
    "ILO", "International Labor Office", "Warsaw Pact", "OECD", "Non-Aligned Movement", "ECOMOG",
])
def test_actors_igo_forms(text):
    assert ActorResolver().resolve(text).country == "IGO"


def test_actors_igo_sector_from_title():
    a = ActorResolver().resolve("European Community foreign ministers")
    assert (a.country, a.sector) == ("IGO", "GOV")


def test_actors_igo_short_name_not_a_country():
    """A surname that is also a country name ("Montenegro") stays the country."""
    assert ActorResolver().resolve("Montenegro").country == "MNE"
