"""End to end on real parts: ingest → spaCy → stages → SQLite → export, through the library
and through the installed `storyline` command."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline import build_options, export, ingest, open_store, reprocess
from storyline.store.schema import SCHEMA_VERSION

from conftest import DATA, ROOT, SAMPLES, SHARED

CLI = [sys.executable, "-m", "storyline.cli"]
EXPORT_FILES = ("documents", "events", "claims", "propositions", "storyline")


def run_cli(*args, db_url=None, **kw):
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1"}
    if db_url:
        env["STORYLINE_DB"] = db_url
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, cwd=ROOT, **kw)


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('samples') / 's.db'}"
    store = open_store(url)
    report = ingest([str(SAMPLES)], store, build_options(env={}))
    yield store, report
    store.close()


def test_sample_corpus_is_stored_with_events_and_claims(sample_store):
    store, report = sample_store
    assert report.ok and len(report.stored) >= 8
    counts = store.counts()
    assert counts["documents"] == len(report.stored)
    assert counts["parses"] == counts["documents"]
    assert counts["events"] > counts["documents"]
    assert counts["claims"] > 0 and counts["story_events"] > 0


def test_ingesting_again_stores_nothing_new(sample_store):
    store, _ = sample_store
    before = store.counts()
    again = ingest([str(SAMPLES)], store, build_options(env={}))
    assert again.stored == [] and len(again.duplicates) == before["documents"]
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "sources"} == \
        {k: v for k, v in before.items() if k != "sources"}


def test_reprocess_reruns_stages_from_stored_parses_without_spacy(sample_store, monkeypatch):
    store, _ = sample_store
    events_before = [(e.id, e.plover) for e in store.events()]
    import storyline.nlp

    def no_spacy():
        raise AssertionError("reprocess must not load spaCy")
    monkeypatch.setattr(storyline.nlp, "load_pipeline", no_spacy)
    assert reprocess(store) == store.counts()["documents"]
    assert [(e.id, e.plover) for e in store.events()] == events_before


def test_export_jsonl_is_valid_and_follows_the_eval_format(sample_store, tmp_path):
    store, _ = sample_store
    written = export(store, tmp_path, "jsonl")
    for name in EXPORT_FILES:
        rows = [json.loads(line) for line in (tmp_path / f"{name}.jsonl").read_text().splitlines()]
        assert len(rows) == written[f"{name}.jsonl"]
    doc = json.loads((tmp_path / "documents.jsonl").read_text().splitlines()[0])
    assert set(doc["published"]) >= {"date", "origin", "confidence", "evidence"}
    event = json.loads((tmp_path / "events.jsonl").read_text().splitlines()[0])
    assert {"id", "doc", "sentence", "source", "target", "plover", "cameo", "goldstein", "quad_class",
            "date", "modality"} <= set(event)


@pytest.mark.parametrize("fmt,files", [("csv", ["events.csv"]), ("parquet", ["events.parquet"]),
                                       ("gdelt", ["events.gdelt.tsv"]), ("plover", ["events.plover.json"])])
def test_other_export_formats(sample_store, tmp_path, fmt, files):
    store, _ = sample_store
    export(store, tmp_path, fmt)
    for f in files:
        assert (tmp_path / f).stat().st_size > 100


def test_export_of_an_empty_store_writes_every_file(tmp_path):
    result = run_cli("export", "--format", "jsonl", str(tmp_path / "out"),
                     db_url=f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 0, result.stderr
    for name in EXPORT_FILES:
        assert (tmp_path / "out" / f"{name}.jsonl").read_text() == ""


def test_bad_inputs_get_one_line_each_and_exit_code_1(tmp_path):
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    result = run_cli("ingest", "--no-progress", str(DATA / "ingest"), db_url=db)
    assert result.returncode == 1
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    for name in ("empty.txt", "binary.txt", "invalid-utf8.txt", "french.txt", "not-json-line.jsonl:2"):
        assert sum(name in line for line in rejected) == 1, (name, result.stderr)
    assert "duplicate" in result.stdout and "stored" in result.stdout
    store = open_store(db)
    assert store.counts()["documents"] >= 6  # the good inputs of the batch were kept
    store.close()


def test_status_reports_counts_and_versions(tmp_path):
    result = run_cli("status", db_url=f"sqlite:///{tmp_path / 'st.db'}")
    assert result.returncode == 0
    assert "documents" in result.stdout and f"schema version {SCHEMA_VERSION}" in result.stdout


def test_a_killed_ingest_leaves_no_half_article_and_the_next_run_resumes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(24):
        (folder / f"r{i:02d}.txt").write_text(f"{texts[i % len(texts)]}\nDispatch {i} of the wire.\n",
                                              encoding="utf-8")
    db_path = tmp_path / "kill.db"
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1", "STORYLINE_DB": f"sqlite:///{db_path}"}
    proc = subprocess.Popen([*CLI, "ingest", "--no-progress", "--batch-size", "2", str(folder)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stored() -> int:
        if not db_path.exists():
            return 0
        try:
            with sqlite3.connect(db_path) as conn:
                return conn.execute("select count(*) from documents").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
    deadline = time.time() + 120
    while stored() < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db_path) as conn:
        docs = conn.execute("select count(*) from documents").fetchone()[0]
        whole = conn.execute("select count(*) from documents d where exists (select 1 from parses p "
                             "where p.doc_id = d.id) and exists (select 1 from sentences s where "
                             "s.doc_id = d.id)").fetchone()[0]
    assert 2 <= docs < 24 and whole == docs
    again = subprocess.run([*CLI, "ingest", "--no-progress", str(folder)], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"stored {24 - docs}, skipped as duplicate {docs}" in again.stdout


@pytest.mark.seeds
def test_seeds_export_is_read_by_the_shared_scorer(seeds_dir, tmp_path):
    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    assert run_cli("ingest", "--no-progress", str(seeds_dir), db_url=db).returncode == 0
    assert run_cli("export", "--format", "jsonl", str(tmp_path / "out"), db_url=db).returncode == 0
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold",
                            str(SHARED / "corpus" / "seeds.gold.yaml"), "--export", str(tmp_path / "out"),
                            "--json"], capture_output=True, text=True, check=True)
    figures = json.loads(score.stdout)
    assert figures["documents_found"] == 5


@pytest.mark.parametrize("order", [("a-corentyne-farmers", "b-guyana-suriname-ceasefire"),
                                   ("b-guyana-suriname-ceasefire", "a-corentyne-farmers")])
def test_articles_of_one_batch_date_each_other_whatever_their_order(tmp_path, order):
    # The farmers' report has no date of its own; the other report dates "the ceasefire
    # between Guyana and Suriname" (a dated dateline and "on Saturday"), whichever is read first.
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        paths = [str(DATA / "time" / "batch" / f"{name}.txt") for name in order]
        assert ingest(paths, store, build_options(env={})).ok
        dates = {r["name"]: r["published_record"] for r in store.document_rows()}
        farmers = dates["a-corentyne-farmers"]
        assert farmers.origin == "inferred" and farmers.value and farmers.value >= "2024-03-02", farmers
        assert any("dated by another article" in e for e in farmers.evidence)
        assert dates["b-guyana-suriname-ceasefire"].value == "2024-03-03"
    finally:
        store.close()
