"""Past one machine: the same per-article stages on a Dask cluster.

Workers parse and analyse chunks of documents (each worker loads spaCy and the actor base
once); the driver alone writes to the store, one transaction per article as everywhere.
Clusters and clients live here and nowhere else; the stages know nothing of Dask.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from .errors import ConfigError
from .records import Actor, Analysis, Document, ParsedDoc

# Documents per task: large enough that a task's spaCy batching pays off, small enough that
# a lost worker loses little and the driver can store results as they come.
CHUNK_SIZE = 32


def dask_client(address: str):
    """A client for a scheduler address, or for a local cluster when ``address`` is "local"."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("Dask is not installed: pip install 'storyline[dask]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster)
    try:
        return Client(address, timeout=30)
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def analyse_chunk(documents: Sequence[Document], extra_actors: Sequence[Actor],
                  anchors: Sequence[tuple], batch_size: int
                  ) -> list[tuple[Document, ParsedDoc, Analysis]]:
    """Parse and analyse a chunk (runs in a worker)."""
    from .actors import load_actor_base
    from .nlp import parse_documents
    from .pipeline import analyze

    base = load_actor_base(extra=extra_actors)
    return [(d, p, analyze(d, p, base, anchors))
            for d, p in zip(documents, parse_documents(documents, batch_size))]


def analyse_on_dask(client, documents: Sequence[Document], extra_actors: Sequence[Actor],
                    anchors: Sequence[tuple], batch_size: int
                    ) -> Iterator[tuple[Document, ParsedDoc, Analysis]]:
    """Every document parsed and analysed on the cluster, yielded as chunks complete.

    Actors a chunk learns from appositions reach later ingests through the store, not the
    other chunks of this run (they run at the same time).
    """
    from dask.distributed import as_completed

    extra = tuple(extra_actors)  # the user's and the corpus's actors: small, sent with each task
    futures = [client.submit(analyse_chunk, documents[i:i + CHUNK_SIZE], extra, list(anchors),
                             batch_size, pure=False)
               for i in range(0, len(documents), CHUNK_SIZE)]
    for future in as_completed(futures):
        yield from future.result()
