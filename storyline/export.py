"""Exports: the JSONL files the scorer reads (../shared/eval/README.md), plus CSV, Parquet, a
GDELT-style event table and PLOVER JSON. Every export is valid even when a stage found nothing.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from . import codec
from .errors import ConfigError
from .query import dated_events
from .records import ActorRef, Event, Role
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = ("documents", "events", "claims", "propositions", "storyline", "actors")


def actor_json(ref: ActorRef | None) -> dict | None:
    if ref is None:
        return None
    return {"id": ref.actor_id, "name": ref.name, "country": ref.country, "kind": ref.kind,
            "code": ref.code, "text": ref.text}


def _date(value: str | None) -> str | None:
    """Dates in exports are YYYY-MM-DD, YYYY-MM or YYYY; week/season values are coarsened."""
    if not value:
        return None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return value
    return value[:4] if value[:4].isdigit() else None


def document_rows(store: Store) -> list[dict]:
    rows = []
    for r in store.document_rows():
        pub = r["published_record"]
        persp = r["perspective"]
        rows.append({
            "id": r["id"], "name": r["name"], "title": r["title"], "url": r["url"], "outlet": r["outlet"],
            "published": {
                "date": _date(pub.value) if pub else None,
                "origin": "metadata" if pub and pub.origin == "metadata" else "inferred",
                "how": pub.origin if pub else "none",
                "confidence": pub.confidence if pub else 0.0,
                "evidence": list(pub.evidence) if pub else [],
                "conflicts": list(pub.conflicts) if pub else [],
                "earliest": pub.earliest if pub else None, "latest": pub.latest if pub else None},
            "genre": persp.genre if persp else None,
            "genre_evidence": list(persp.genre_evidence) if persp else [],
            "author": (persp.author if persp else None) or r["author"],
            # the lexicon's term and the words as the article wrote them ("occupied Crimea",
            # "Russian-occupied Crimea"), once each
            "framing_terms": list(dict.fromkeys(x for f in persp.framing for x in (f.term, f.matched)))
            if persp else [],
            "framing": [codec.to_dict(f) for f in persp.framing] if persp else [],
            "sources": store.sources(r["id"]),
        })
    return rows


def event_row(e: Event) -> dict:
    return {
        "id": e.id, "doc": e.doc_id, "sentence": e.sentence, "trigger": e.trigger,
        "span": [e.start, e.end], "source": actor_json(e.source), "target": actor_json(e.target),
        "others": [actor_json(o) for o in e.others], "plover": e.plover, "mode": e.mode,
        "context": list(e.context), "cameo": e.cameo, "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "date": {"date": _date(e.date.value), "granularity": e.date.granularity, "how": e.date.how,
                 "evidence": e.date.evidence},
        "modality": e.modality, "place": codec.to_dict(e.place),
        "figures": [codec.to_dict(f) for f in e.figures],
    }


def claim_rows(store: Store) -> list[dict]:
    return [{"id": c.id, "doc": c.doc_id, "speaker": actor_json(c.speaker), "cue": c.cue, "text": c.text,
             "sentence": c.sentence, "direct": c.direct, "stance": c.stance,
             "proposition": c.proposition, "channel": c.channel} for c in store.claims()]


def proposition_rows(store: Store) -> list[dict]:
    return [{"id": p.id, "text": p.text, "asserted_by": [actor_json(a) for a in p.asserted_by],
             "denied_by": [actor_json(a) for a in p.denied_by], "contested": p.contested,
             "claims": list(p.claims), "sides": list(p.sides), "documents": list(p.documents)}
            for p in store.propositions()]


def storyline_rows(store: Store) -> list[dict]:
    return [{"id": s.id, "date": _date(s.date), "granularity": s.granularity, "summary": s.summary,
             "plover": s.plover, "source": actor_json(s.source), "target": actor_json(s.target),
             "events": list(s.events), "documents": list(s.documents), "sentences": list(s.sentences),
             "propositions": list(s.propositions), "disagreements": list(s.disagreements),
             "goldstein": s.goldstein, "quad_class": s.quad_class} for s in store.story_events()]


def actor_rows(store: Store) -> list[dict]:
    """Every actor the corpus mentions, with its roles and the documents that mention it."""
    from .pipeline import actor_base

    base = actor_base(store)
    mentioned: dict[str, dict] = {}
    for doc_id, m in store.mentions_with_docs():
        for ref in m.refs:
            key = ref.actor_id or f"other:{(ref.name or ref.text or '').lower()}"
            row = mentioned.setdefault(key, {"ref": ref, "docs": set(), "mentions": 0})
            row["docs"].add(doc_id)
            row["mentions"] += 1
    rows = []
    for key, info in sorted(mentioned.items()):
        ref: ActorRef = info["ref"]
        actor = base.get(ref.actor_id) if ref.actor_id else None
        rows.append({
            "id": ref.actor_id or key, "name": actor.name if actor else ref.name or ref.text,
            "country": actor.country if actor else ref.country, "kind": actor.kind if actor else ref.kind,
            "code": (actor.code if actor else None) or ref.code,
            "aliases": list(actor.aliases) if actor else [], "sectors": list(actor.sectors) if actor else [],
            "roles": [_role(r) for r in actor.roles] if actor else [],
            "origin": actor.origin if actor else "unresolved",
            "documents": sorted(info["docs"]), "mentions": info["mentions"]})
    return rows


def _role(r: Role) -> dict:
    return {"title": r.title, "country": r.country, "start": r.start, "end": r.end}


def export_rows(store: Store) -> dict[str, list[dict]]:
    """Every exported table as rows (the JSONL format of ../shared/eval/README.md)."""
    return {"documents": document_rows(store), "events": [event_row(e) for e in dated_events(store)],
            "claims": claim_rows(store), "propositions": proposition_rows(store),
            "storyline": storyline_rows(store), "actors": actor_rows(store)}


def export(store: Store, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write the export to ``out_dir`` (created); returns rows written per file."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return {"events.gdelt.tsv": write_gdelt(store, out / "events.gdelt.tsv")}
    if fmt == "plover":
        return {"events.plover.json": write_plover(store, out / "events.plover.json")}
    written = {}
    for name, rows in export_rows(store).items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            write_jsonl(path, rows)
        elif fmt == "csv":
            write_csv(path, rows)
        else:
            write_parquet(path, rows)
        written[path.name] = len(rows)
    return written


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _flat(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def write_csv(path: Path, rows: list[dict]) -> None:
    fields = list(rows[0]) if rows else ["id"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})


def write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = list(rows[0]) if rows else ["id"]
    columns = {f: [_flat(r.get(f)) if isinstance(r.get(f), (dict, list)) else r.get(f) for r in rows]
               for f in fields}
    pq.write_table(pa.table(columns), path)


GDELT_COLUMNS = ("GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
                 "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
                 "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                 "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
                 "SOURCEURL", "Modality", "Sentence")


def write_gdelt(store: Store, path: Path) -> int:
    """A GDELT 2.0-style event table (tab-separated, the columns analysts join on)."""
    docs = {d.id: d for d in store.documents()}
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for e in dated_events(store):
            day = (_date(e.date.value) or "").replace("-", "")
            doc = docs.get(e.doc_id)
            s, t = e.source, e.target
            writer.writerow([
                e.id, day, s.code if s else "", s.name if s else "", s.country if s else "",
                t.code if t else "", t.name if t else "", t.country if t else "", 1, e.cameo,
                e.cameo[:3], e.cameo[:2], e.quad_class, e.goldstein, 1, 1,
                e.place.name if e.place else "", e.place.country if e.place else "",
                e.place.lat if e.place else "", e.place.lon if e.place else "",
                (doc.url or doc.name) if doc else "", e.modality, " ".join(e.sentence.split())])
            n += 1
    return n


def write_plover(store: Store, path: Path) -> int:
    """PLOVER JSON: one object per event with actor/recipient lists, type, mode and context."""
    out = []
    for e in dated_events(store):
        out.append({
            "id": e.id, "date": _date(e.date.value), "event": e.plover, "mode": e.mode,
            "context": list(e.context), "actor": [actor_json(e.source)] if e.source else [],
            "recipient": [actor_json(x) for x in (e.target, *e.others) if x],
            "modality": e.modality, "text": e.sentence, "trigger": e.trigger,
            "location": codec.to_dict(e.place), "cameo": e.cameo, "goldstein": e.goldstein})
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(out)
