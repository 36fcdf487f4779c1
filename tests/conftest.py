"""All shared fixtures. Most tests need no model; those that do use ``nlp`` (loaded once)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def pytest_configure(config):
    sys._called_from_test = True


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline (skips the test when none is installed)."""
    from dyadline.errors import ModelNotFound
    from dyadline.nlp import load_pipeline

    try:
        return load_pipeline()
    except ModelNotFound as e:
        pytest.skip(str(e))


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def pipeline():
    """A dyadline Pipeline with the default model and shipped data (loaded once per session)."""
    from dyadline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared_dir():
    """../shared, or skip when this checkout has none beside it."""
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
