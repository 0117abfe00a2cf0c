"""Ingest throughput and peak memory, as ratios to spaCy's bare ``nlp.pipe`` on the same texts.

    python bench/ingest.py [--articles 40] [--corpus samples/corpus]

Each side runs in its own child process (so each peak RSS is its own), on the same texts:
the sample corpus's articles, each made distinct by a numbered closing sentence so that
Storyline does not skip them as duplicates. Figures are machine-dependent; the ratios are
what to compare across changes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_texts(corpus: Path, n: int) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from storyline.ingest import read_inputs, validate
    from storyline.records import Skipped

    base = [d.text for d in (validate(r) for r in read_inputs([str(corpus)]) if not isinstance(r, Skipped))
            if not isinstance(d, Skipped)]
    return [f"{base[i % len(base)]}\nThis is report number {i} in the benchmark run." for i in range(n)]


def run_baseline(texts: list[str]) -> dict:
    import spacy

    from storyline.nlp import MODEL_PACKAGE, BATCH_SIZE
    nlp = spacy.load(MODEL_PACKAGE)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return {"seconds": time.perf_counter() - start}


def run_storyline(texts: list[str]) -> dict:
    from storyline import build_options, ingest, open_store
    from storyline.nlp import load_pipeline

    load_pipeline()  # model load is outside both timings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        store = open_store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        report = ingest([str(folder)], store, build_options(env={}))
        seconds = time.perf_counter() - start
        assert len(report.stored) == len(texts), report.rejected[:3]
    return {"seconds": seconds}


def child(kind: str, texts_file: str) -> None:
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    result = (run_baseline if kind == "baseline" else run_storyline)(texts)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    ap.add_argument("--child", choices=["baseline", "storyline"], help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child, a.texts)
        return
    texts = make_texts(Path(a.corpus), a.articles)
    words = sum(len(t.split()) for t in texts)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(texts, fh)
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "1"}
    results = {}
    for kind in ("baseline", "storyline"):
        out = subprocess.run([sys.executable, __file__, "--child", kind, "--texts", fh.name],
                             capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    os.unlink(fh.name)
    b, s = results["baseline"], results["storyline"]
    print(f"{len(texts)} articles, {words} words")
    print(f"spaCy nlp.pipe alone : {len(texts) / b['seconds']:7.1f} articles/s   peak RSS {b['peak_rss_mb']:6.0f} MB")
    print(f"storyline ingest     : {len(texts) / s['seconds']:7.1f} articles/s   peak RSS {s['peak_rss_mb']:6.0f} MB")
    print(f"ratio (storyline / spaCy): speed {b['seconds'] / s['seconds']:.2f}x, "
          f"memory {s['peak_rss_mb'] / b['peak_rss_mb']:.2f}x")


if __name__ == "__main__":
    main()
