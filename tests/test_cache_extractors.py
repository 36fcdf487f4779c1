"""The compiled cache: keyed on package and user files, rebuilt when they change, never trusted when broken."""

from __future__ import annotations

from dyadline import cache
from dyadline.settings import Settings


def test_cache_key_changes_with_a_user_file(tmp_path):
    user = tmp_path / "actors.yaml"
    user.write_text("- name: Jane Roe\n  country: FRA\n  sector: GOV\n")
    settings = Settings(actor_files=(str(user),), cache_dir=str(tmp_path))
    before = cache.cache_key(settings)
    assert cache.cache_key(settings) == before
    user.write_text("- name: Jane Roe\n  country: DEU\n  sector: GOV\n")
    assert cache.cache_key(settings) != before
    assert cache.cache_key(Settings(cache_dir=str(tmp_path))) != before


def test_cache_path_off_and_default(tmp_path, monkeypatch):
    assert cache.cache_path(Settings(cache_dir="off")) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_path(Settings()).parent == tmp_path / "dyadline"


def test_cache_load_extractors_builds_then_hits(tmp_path):
    settings = Settings(cache_dir=str(tmp_path))
    ex, info = cache.load_extractors(settings)
    assert not info.hit and info.path.exists()
    ex2, info2 = cache.load_extractors(settings)
    assert info2.hit and info2.path == info.path
    assert ex2.actors.resolve("President Macron").country == "FRA"


def test_cache_broken_file_is_rebuilt(tmp_path):
    settings = Settings(cache_dir=str(tmp_path))
    path = cache.cache_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    _, info = cache.load_extractors(settings)
    assert not info.hit
    assert cache.load_extractors(settings)[1].hit


def test_cache_primed_loaders_exist():
    """Each cached loader is still where the cache looks for it (moving one makes it silently uncached)."""
    for p in cache.PRIMED:
        loader = cache.resolve_loader(p.module, p.name)
        assert loader is not None and callable(loader), f"{p.module}.{p.name} moved: update dyadline.cache.PRIMED"


def test_cache_keeps_only_recent_files(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEEP_FILES", 2)
    for i in range(4):
        (tmp_path / f"extractors-old{i}.pickle").write_bytes(b"x")
    settings = Settings(cache_dir=str(tmp_path))
    cache.load_extractors(settings)
    kept = sorted(p.name for p in tmp_path.glob("extractors-*.pickle"))
    assert len(kept) == 2 and cache.cache_path(settings).name in kept
