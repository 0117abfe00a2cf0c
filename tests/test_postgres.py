"""The store on a real PostgreSQL server, started from Debian's package for these tests."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

import pytest

from storyline.ingest import validate
from storyline.nlp import parse_text
from storyline.records import Analysis, PublicationDate, RawArticle
from storyline.store import open_store

pytestmark = pytest.mark.postgres


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
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


def test_postgres_store_migrates_and_round_trips_an_article(pg_url):
    store = open_store(pg_url)
    try:
        doc = validate(RawArticle(origin="pg.txt", name="pg", text=(
            "Egypt and Ethiopia resumed talks on the Nile dam in Cairo on Sunday, the foreign "
            "ministry said, after a pause of two years in the negotiations.")))
        parsed = parse_text(doc.text, doc.id)
        store.save_article(doc, parsed, Analysis(
            doc_id=doc.id, published=PublicationDate("2023-08-27", "day", "metadata", 1.0)))
        assert store.known_ids([doc.id]) == {doc.id}
        (back_doc, back_parse), = store.parses([doc.id])
        assert back_doc == doc and back_parse == parsed
        assert store.get_meta("schema_version") == "0001"
        again = open_store(pg_url)  # reopening finds the schema current and the article there
        assert again.counts()["documents"] == 1
        again.close()
    finally:
        store.close()
