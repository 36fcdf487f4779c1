"""The PLOVER vocabulary: event types, actor sectors, modalities and non-state actor codes."""

from __future__ import annotations

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)
MODALITIES = ("asserted", "hedged", "negated", "future", "hypothetical")
NON_STATE_CODES = ("IGO", "NGO", "IMG", "MNC")

# Groups of sectors that coding rules ask about, defined once and side by side. They overlap on
# purpose: each answers a different question, given in its comment (and used where named).

# The arms of a state: "the government", "the army", "the police" are some country's (coreference,
# mention finding).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Arms of a state that act on its own people: an event they cause is domestic (events/discourse).
# Narrower than STATE_SECTORS: armies, spies and parliaments act abroad or on other states too.
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "GOV"})
# Institutions "the ..." refers to at home ("the authorities", "the opposition"): with no country of
# their own they take the article's home country (events/discourse). The military is left out:
# unnamed troops go abroad often (see ARMED_STATE).
HOME_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "OPP", "PTY"})
# Titles of one person ("the interior minister", "the general") of these sectors take the home
# country when the article names only one (events/discourse).
TITLED_SECTORS = HOME_SECTORS | {"ELI", "MIL"}
# Groups named by a common noun ("militants", "protesters", "students"): failing a place of their
# own, of the country an article is clearly about (events/discourse).
GROUP_SECTORS = frozenset({"REB", "UAF", "CRM", "CVL", "EDU", "LAB", "MED", "JRN", "REL", "BUS", "AGR", "REF", "OPP",
                           "ELI"})
# A state's armed arms: unnamed troops take the home country only in an article almost all about
# one country (events/discourse).
ARMED_STATE = frozenset({"MIL", "SPY"})
# Non-state groups that fight where they live: a hostile event with one enemy is theirs at home
# (events/discourse).
ARMED_GROUPS = frozenset({"REB", "UAF", "CRM"})
# Sectors of armed nouns ("fighters", "guerrillas", "gunmen", "commanders", "forces"): attached to an
# organisation they take the organisation's armed sector (actors/phrase).
ARMED_NOUNS = frozenset({"MIL", "REB", "PRM", "UAF"})
# Organisations whose fighters are the organisation itself ("Hamas fighters": REB), unlike a
# party's, which are rebels (actors/phrase).
ARMED_ORGS = frozenset({"REB", "PRM", "CRM", "UAF", "SPY", "COP"})
# Terms that make a people's name an armed group ("Kurdish rebels"): the group, not the people
# (actors/groups).
ARMED_PEOPLES = frozenset({"REB", "PRM"})
# Sectors whose singular nouns can name one person ("the official", "the opposition leader"):
# a later "the official" may be an earlier named person (actors/terms, coreference).
PERSON_SECTORS = frozenset({"OPP", "PTY", "GOV", "LEG", "JUD", "MIL", "SPY", "REL", "COP"})
