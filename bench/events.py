"""Articles per second of the whole per-article pipeline (spaCy pass + every stage), as a
ratio to the bare spaCy pass over the same texts, in the same process.

    python bench/events.py [--articles 40] [--corpus samples/corpus]

No database: this measures the analysis itself (bench/ingest.py measures ingest with storage).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    from ingest import make_texts

    from storyline.actors import load_actor_base
    from storyline.ingest import validate
    from storyline.nlp import parse_documents, load_pipeline
    from storyline.pipeline import analyze
    from storyline.records import RawArticle

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    a = ap.parse_args()
    docs = [validate(RawArticle(origin=f"b{i}", name=f"b{i}", text=t))
            for i, t in enumerate(make_texts(Path(a.corpus), a.articles))]
    load_pipeline()
    base = load_actor_base()
    analyze(docs[0], next(parse_documents(docs[:1])), base)  # warm the stages' data caches

    start = time.perf_counter()
    parsed = list(parse_documents(docs))
    spacy_s = time.perf_counter() - start
    start = time.perf_counter()
    n_events = sum(len(analyze(d, p, base).events) for d, p in zip(docs, parsed))
    stages_s = time.perf_counter() - start
    total = spacy_s + stages_s
    print(f"{len(docs)} articles, {n_events} events")
    print(f"spaCy pass alone     : {len(docs) / spacy_s:7.1f} articles/s")
    print(f"whole pipeline       : {len(docs) / total:7.1f} articles/s "
          f"(stages after spaCy: {len(docs) / stages_s:.1f} articles/s)")
    print(f"ratio (pipeline / spaCy): {spacy_s / total:.2f}x the speed, stages add {stages_s / spacy_s:.0%}")


if __name__ == "__main__":
    main()
