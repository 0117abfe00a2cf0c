"""Measure the event stage on PLOVER's gold-standard sentences (PLOVER_GSR_CAMEO.json).

    .venv/bin/python bench/plover_gsr.py [--gsr ../shared/reference/PLOVER_GSR_CAMEO.json]
                                         [--explain] [--json]

Each of the 323 sentences goes through the real chain (parse_text → resolve_mentions →
find_time_expressions → extract_events) on its own, dated by the record's "date". PLOVER
0.5 names are mapped to ours (DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT,
INVESTIGATE → ACCUSE). Reported:

- type accuracy: the sentence's first event (in text order, ties broken by confidence) has
  the gold type; "any" counts a sentence when any of its events has it;
- actor-country accuracy, over sentences whose gold source has a country code: the source
  country of the event with the gold type (else the first event) is one of gold's; the same
  for the target where gold names one;
- how many sentences produced no event at all.

With --explain, every mistyped or empty sentence and every wrong source or target country.

It is a development set for typing: rules are written for news in general, never for these
sentences.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GSR = ROOT.parent / "shared" / "reference" / "PLOVER_GSR_CAMEO.json"
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# Gold codes that are not a state's ISO code: groups, sectors, IGOs.
NON_COUNTRY = {"IGO", "NGO", "MNC", "REB", "UIS", "IMG", "ISM", "ITL", "---", ""}
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "VTN": "VNM"}


def gold_actors(value) -> list[dict]:
    if not value or isinstance(value, str):
        return []
    return [a for a in value if isinstance(a, dict)]


def countries(actors: list[dict]) -> set[str]:
    out = set()
    for a in actors:
        code = str(a.get("code") or "").upper()[:3]
        code = CAMEO_TO_ISO.get(code, code)
        if len(code) == 3 and code.isalpha() and code not in NON_COUNTRY:
            out.add(code)
    return out


def run(gsr_path: Path, explain: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    from storyline.actors import load_actor_base, resolve_mentions
    from storyline.events import extract_events
    from storyline.nlp import parse_text
    from storyline.temporal import find_time_expressions

    records = [r for r in json.loads(gsr_path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    base = load_actor_base()
    n = first_ok = any_ok = empty = 0
    src_n = src_ok = tgt_n = tgt_ok = 0
    confusion: Counter = Counter()
    start = time.perf_counter()
    for r in records:
        gold = RENAMED.get(r["event"], r["event"])
        date = str(r.get("date") or "")[:10] or None
        parsed = parse_text(r["text"], r["id"])
        mentions, _ = resolve_mentions(parsed, base, date)
        events = extract_events(parsed, mentions, find_time_expressions(parsed, date))
        n += 1
        if not events:
            empty += 1
            confusion[(gold, "-")] += 1
            if explain:
                print(f"NONE  {gold:9} {r['text'][:110]}")
            continue
        first = events[0]
        typed = [e for e in events if e.plover == gold]
        first_ok += first.plover == gold
        any_ok += bool(typed)
        confusion[(gold, first.plover)] += 1
        chosen = typed[0] if typed else first
        gs, gt = countries(gold_actors(r.get("source"))), countries(gold_actors(r.get("target")))
        if gs:
            src_n += 1
            src_ok += bool(chosen.source and chosen.source.country in gs)
        if gt:
            tgt_n += 1
            tgt_ok += bool(chosen.target and chosen.target.country in gt)
            if explain and not (chosen.target and chosen.target.country in gt):
                got = chosen.target.country or chosen.target.name if chosen.target else None
                print(f"TGT   {gold:9} want {sorted(gt)} got {got} '{chosen.trigger}' | {r['text'][:100]}")
        if explain and gs and not (chosen.source and chosen.source.country in gs):
            got = chosen.source.country or chosen.source.name if chosen.source else None
            print(f"SRC   {gold:9} want {sorted(gs)} got {got} '{chosen.trigger}' | {r['text'][:100]}")
        if explain and first.plover != gold:
            print(f"TYPE  {gold:9} got {first.plover:9} '{first.trigger}' | {r['text'][:100]}")
    elapsed = time.perf_counter() - start
    return {
        "sentences": n,
        "type_accuracy_first": round(first_ok / n, 3),
        "type_accuracy_any": round(any_ok / n, 3),
        "no_event": empty,
        "source_country_accuracy": round(src_ok / src_n, 3) if src_n else None,
        "target_country_accuracy": round(tgt_ok / tgt_n, 3) if tgt_n else None,
        "source_scored": src_n, "target_scored": tgt_n,
        "seconds": round(elapsed, 1),
        "confusions": [f"{g}→{p}: {c}" for (g, p), c in confusion.most_common() if g != p][:15],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=DEFAULT_GSR)
    ap.add_argument("--explain", action="store_true", help="print every mistyped or empty sentence")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not a.gsr.exists():
        sys.exit(f"{a.gsr}: not found; pass --gsr PATH")
    result = run(a.gsr, a.explain)
    if a.json:
        print(json.dumps(result))
        return
    print(f"sentences                 {result['sentences']}")
    print(f"type accuracy (first)     {result['type_accuracy_first']:.1%}")
    print(f"type accuracy (any event) {result['type_accuracy_any']:.1%}")
    print(f"no event                  {result['no_event']}")
    print(f"source country accuracy   {result['source_country_accuracy']:.1%}  (of {result['source_scored']})")
    print(f"target country accuracy   {result['target_country_accuracy']:.1%}  (of {result['target_scored']})")
    print(f"time                      {result['seconds']} s")
    print("top confusions (gold→first):", ", ".join(result["confusions"]))


if __name__ == "__main__":
    main()
