"""Shared fixtures: paths to our own data and to ../shared (tests using it skip when absent)."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples" / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "corpus" / "seeds.gold.yaml"
# Whole-word calendar keywords that are everyday English once case is ignored ("us", "may").
AMBIGUOUS_KEYWORDS = frozenset({"us", "may", "will", "it", "who"})


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


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    pytest.importorskip("psycopg")
    run_as: list[str] = []
    home = tempfile.mkdtemp(prefix="storyline-pg-")
    os.chmod(home, 0o755)
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(home, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = os.path.join(home, "data")
    port = _free_port()
    subprocess.run([*run_as, initdb, "-D", data, "-A", "trust", "-U", "storyline", "-E", "UTF8"],
                   check=True, capture_output=True)
    subprocess.run([*run_as, pg_ctl, "-D", data, "-w", "-l", os.path.join(home, "log"), "-o",
                    f"-p {port} -k {home} -c listen_addresses=127.0.0.1", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://storyline@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", data, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
