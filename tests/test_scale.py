"""The same pipeline on a real Dask LocalCluster over a Parquet input: the driver stores what
the workers analysed, and finds the same events as the single-process run. (Dates may differ
where one article's learned actors date another: chunks run at the same time, so they do not
share what they learn within one run; see storyline/scale.py.)"""
from __future__ import annotations

import pytest

from storyline import build_options, ingest, open_store
from storyline.ingest import read_inputs

from conftest import SAMPLES

pytest.importorskip("dask.distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def parquet_corpus(tmp_path_factory):
    rows = [{"id": a.name, "title": a.title, "text": a.text, "published": a.published, "url": a.url}
            for a in read_inputs([str(SAMPLES)]) if hasattr(a, "text")]
    path = tmp_path_factory.mktemp("pq") / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path, len(rows)


def test_dask_ingest_of_parquet_equals_the_local_run(parquet_corpus, tmp_path):
    path, n = parquet_corpus
    local = open_store(f"sqlite:///{tmp_path / 'local.db'}")
    dask = open_store(f"sqlite:///{tmp_path / 'dask.db'}")
    try:
        assert len(ingest([str(path)], local, build_options(env={})).stored) == n
        report = ingest([str(path)], dask, build_options(env={}, dask="local"))
        assert len(report.stored) == n and report.ok
        key = lambda e: (e.id, e.plover, e.source, e.target, e.modality)  # noqa: E731
        assert sorted(map(key, dask.events())) == sorted(map(key, local.events()))
        assert dask.counts()["story_events"] > 0
    finally:
        local.close()
        dask.close()


def test_an_unreachable_scheduler_is_one_clear_error(parquet_corpus, tmp_path):
    from storyline.errors import ConfigError

    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
            ingest([str(parquet_corpus[0])], store, build_options(env={}, dask="tcp://127.0.0.1:9"))
    finally:
        store.close()
