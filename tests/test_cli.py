"""The installed command line on real inputs: stdin, a URL served by a local HTTP server,
every listing command, actor import, and the docs (every command has help with an example
and is in the README)."""
from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading

import click
import pytest

from storyline.cli import main

from conftest import DATA, ROOT, SAMPLES

CLI = [sys.executable, "-m", "storyline.cli"]
ARTICLE = (DATA / "ingest" / "duplicate-a.txt").read_text(encoding="utf-8")


def run(*args, db, stdin=None):
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1", "STORYLINE_DB": db}
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.db'}"
    assert run("ingest", "--no-progress", str(SAMPLES), db=db).returncode == 0
    return db


def test_ingest_from_stdin(tmp_path):
    db = f"sqlite:///{tmp_path / 'stdin.db'}"
    result = run("ingest", "--no-progress", "-", db=db, stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert "stored 1" in result.stdout


@pytest.fixture
def local_site(tmp_path):
    """A real HTTP server on 127.0.0.1 serving one article page (the internet is out of reach)."""
    page = tmp_path / "story.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n") if p.strip())
    page.write_text(f"<html><head><title>Talks resume</title><meta name='author' content='Ana Ruiz'>"
                    f"</head><body><nav>Home | World</nav><article>{paragraphs}</article>"
                    f"<footer>© Example</footer></body></html>", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(tmp_path), **kw)

        def log_message(self, *a):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_ingest_a_url_and_a_dead_url(local_site, tmp_path):
    db = f"sqlite:///{tmp_path / 'url.db'}"
    result = run("ingest", "--no-progress", f"{local_site}/story.html", f"{local_site}/missing.html", db=db)
    assert result.returncode == 1
    assert "stored 1" in result.stdout
    assert "missing.html: could not fetch" in result.stderr


@pytest.mark.parametrize("args,expect", [
    (["events", "--type", "ASSAULT"], "ASSAULT"),
    (["events", "--actor", "RUS", "--since", "2022-07"], "RUS"),
    (["claims"], "asserts"),
    (["timeline"], "2022"),
    (["dyad", "RUS", "UKR", "--by", "month"], "RUS"),
    (["actors", "--country", "TUR"], "Erdo"),
    (["status"], "events"),
])
def test_listing_commands(sample_db, args, expect):
    result = run(*args, db=sample_db)
    assert result.returncode == 0, result.stderr
    assert expect in result.stdout


def test_dates_explains_a_file(sample_db):
    path = next(SAMPLES.glob("*istanbul*"))
    result = run("dates", str(path), db=sample_db)
    assert result.returncode == 0, result.stderr
    assert "Publication date: 2022-07-22" in result.stdout


def test_dates_of_a_stored_article_agrees_with_what_ingest_stored(sample_db):
    """The article's own events are no evidence for its own date: `dates` on a stored file
    reasons as ingest did, without them."""
    from storyline import open_store

    store = open_store(sample_db)
    try:
        stored = {r["name"]: r["published_record"].value for r in store.document_rows()}
    finally:
        store.close()
    for path in sorted(SAMPLES.glob("*.txt")):
        result = run("dates", str(path), db=sample_db)
        assert result.returncode == 0, result.stderr
        assert f"Publication date: {stored[path.stem]}" in result.stdout, path.name


def test_actors_import_adds_actors_and_bad_yaml_is_one_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'act.db'}"
    good = run("actors", "import", str(DATA / "actors" / "user-actors.yaml"), db=db)
    assert good.returncode == 0, good.stderr
    assert "imported 2 actors" in good.stdout
    listed = run("actors", "--all", "--country", "DEU", db=db)
    assert "Lena Vogt" in listed.stdout
    bad = run("actors", "import", str(DATA / "actors" / "invalid-date.yaml"), db=db)
    assert bad.returncode == 1
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and "invalid-date.yaml" in lines[0] and "entry" in lines[0]


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path,cmd", list(_commands(main)), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_has_help_with_an_example_and_is_in_the_readme(path, cmd):
    assert "Example" in (cmd.help or ""), f"storyline {' '.join(path)} has no example in its help"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"storyline {' '.join(path)}" in readme
