"""The dyadline spaCy component: nlp.add_pipe("dyadline") writes doc._.dyadline and doc.spans."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from dyadline.errors import ConfigError
from dyadline.nlp import DEFAULT_MODELS, load_pipeline
from dyadline.nlp.component import REQUIRES, SPAN_GROUPS
from dyadline.records import Article, Record

TEXT = "The Fictional Liberation Front attacked a police station in Bolivia on Monday, police said."
USER_ACTORS = """
organisations:
  - name: Fictional Liberation Front
    aliases: [FLF]
    country: BOL
    sector: REB
"""


def _installed_model() -> str:
    model = next((m for m in DEFAULT_MODELS if spacy.util.is_package(m)), None)
    if model is None:
        pytest.skip("no English model installed")
    return model


@pytest.fixture(scope="module")
def fresh_nlp():
    """A copy of the installed model of its own (the session ``nlp`` is shared and must stay as it is)."""
    return spacy.load(_installed_model())


@pytest.fixture(scope="module")
def user_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("component") / "actors.yaml"
    path.write_text(USER_ACTORS, encoding="utf-8")
    return path


def test_nlp_component_add_pipe_writes_record_and_spans(fresh_nlp, user_file):
    fresh_nlp.add_pipe("dyadline", config={"extractors": {"actor_files": [str(user_file)]}})
    doc = fresh_nlp.make_doc(TEXT)
    doc._.dyadline_article = Article("flf", TEXT, published="2025-03-05")
    doc = fresh_nlp(doc)
    record = doc._.dyadline
    assert isinstance(record, Record) and record.id == "flf"
    attack = next(e for e in record.events if e.type == "ASSAULT")
    assert [(a.country, a.sector) for a in attack.source] == [("BOL", "REB")]
    assert attack.date is not None and attack.date.start == "2025-03-03"
    actors = doc.spans[SPAN_GROUPS["actors"]]
    assert any(s.label_ == "BOL REB" and s.kb_id_ == "Fictional Liberation Front" for s in actors)
    evidence = doc.spans[SPAN_GROUPS["evidence"]]
    assert [s.label_ for s in evidence] == [e.type for e in record.events]
    assert evidence[0].start_char <= attack.evidence.span[0] < evidence[0].end_char + 1
    assert "Monday" in doc.spans[SPAN_GROUPS["times"]][0].text


def test_nlp_component_without_article_codes_an_undated_doc(fresh_nlp):
    if "dyadline" not in fresh_nlp.pipe_names:
        fresh_nlp.add_pipe("dyadline")
    doc = fresh_nlp("Russia attacked Ukraine.")
    assert doc._.dyadline.id == "doc" and [e.type for e in doc._.dyadline.events] == ["ASSAULT"]


def test_nlp_component_declares_what_it_requires(fresh_nlp):
    meta = fresh_nlp.get_pipe_meta("dyadline") if "dyadline" in fresh_nlp.pipe_names else None
    meta = meta or spacy.language.Language.get_factory_meta("dyadline")
    assert set(REQUIRES) == set(meta.requires) and "token.dep" in meta.requires
    assert {"doc._.dyadline", "doc.spans"} <= set(meta.assigns)
    if "dyadline" in fresh_nlp.pipe_names:
        assert fresh_nlp.analyze_pipes(pretty=False)["problems"]["dyadline"] == []


def test_nlp_component_on_a_pipeline_without_parser_fails_clearly():
    nlp = spacy.blank("en")
    nlp.add_pipe("dyadline")
    with pytest.raises(ConfigError, match="token.dep"):
        nlp("Russia attacked Ukraine.")
    assert nlp("")._.dyadline.events == ()


def test_nlp_component_is_what_pipeline_uses(pipeline):
    assert pipeline.nlp.pipe_names[-1] == "dyadline"
    assert pipeline.nlp.get_pipe("dyadline").extractors is pipeline.extractors
    assert "dyadline" not in load_pipeline().pipe_names  # the shared parse-only pipeline is left alone


def test_nlp_component_config_survives_save_and_load(fresh_nlp, user_file, tmp_path):
    if "dyadline" not in fresh_nlp.pipe_names:
        fresh_nlp.add_pipe("dyadline", config={"extractors": {"actor_files": [str(user_file)]}})
    cfg = fresh_nlp.config["components"]["dyadline"]
    assert cfg["factory"] == "dyadline" and cfg["extractors"]["@misc"] == "dyadline.extractors.v1"
    fresh_nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert again.pipe_names[-1] == "dyadline"
    assert again.config["components"]["dyadline"]["extractors"]["actor_files"] == [str(user_file)]


def test_nlp_component_found_through_the_entry_point():
    """A fresh interpreter that never imports dyadline itself still finds the factory."""
    code = "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('dyadline'); print(nlp.pipe_names, nlp('')._.dyadline.id)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["['dyadline']", "doc"]


def test_nlp_component_extractors_read_only_what_they_are_given(user_file, tmp_path, monkeypatch):
    from dyadline.nlp.factories import make_extractors

    monkeypatch.setenv("DYADLINE_ACTOR_FILES", str(user_file))  # ignored without a settings file
    assert make_extractors().actors.resolve("the FLF").country != "BOL"
    toml = tmp_path / "dyadline.toml"
    toml.write_text(f'[dyadline]\nactor_files = ["{user_file}"]\n', encoding="utf-8")
    monkeypatch.delenv("DYADLINE_ACTOR_FILES")
    assert make_extractors(config=str(toml)).actors.resolve("the FLF").country == "BOL"
    assert make_extractors(actor_files=[str(user_file)]) is make_extractors(actor_files=[str(user_file)])
