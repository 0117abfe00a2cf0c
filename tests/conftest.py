"""Shared fixtures: paths to our own data and to ../shared (tests using it skip when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "corpus" / "seeds.gold.yaml"


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'storyline.db'}"


@pytest.fixture
def store(db_url):
    from storyline.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    if not SEEDS_GOLD.is_file():
        pytest.skip("../shared/corpus/seeds.gold.yaml is absent")
    import yaml

    return yaml.safe_load(SEEDS_GOLD.read_text(encoding="utf-8"))
