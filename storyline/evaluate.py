"""`storyline eval`: score the store against a user's gold annotations.

The gold format is the one of ../shared/corpus/seeds.gold.yaml (documents with published,
genre, framing terms, events and claims; contested propositions; a storyline spine), and the
matching rules are those documented in ../shared/eval/README.md, so that a user's figures on
their own data are comparable with ours on the seeds.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import yaml

from .errors import DataError
from .store import Store

PARTICLES = frozenset({"de", "van", "von", "al", "bin", "jr", "sr"})
# A claim matches when this share of the gold cue's content words is in its text or sentence.
CUE_WORD_SHARE = 0.6
# A month-level date matches a day-level gold date only when gold tolerates half a month.
MONTH_TOLERANCE_DAYS = 15


def _listify(x) -> list:
    return [] if x is None else x if isinstance(x, list) else [x]


def _span(value) -> tuple[dt.date, dt.date] | None:
    """The days a date string covers: '2025-05' is all of May."""
    s = str(value or "")
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
            d = dt.date.fromisoformat(s)
            return d, d
        if re.fullmatch(r"\d{4}-\d\d", s):
            year, month = int(s[:4]), int(s[5:])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 1, 1), dt.date(int(s), 12, 31)
    except ValueError:
        return None
    return None


def date_matches(predicted, gold, tolerance: int) -> bool:
    pred, want = _span(predicted), _span(gold)
    if not pred or not want:
        return False
    first, last = pred
    if (last - first).days > max(2 * tolerance + 1, 0) and last > first:
        return tolerance >= MONTH_TOLERANCE_DAYS and first <= want[0] <= last
    slack = dt.timedelta(days=tolerance)
    return first - slack <= want[0] <= last + slack


def _surname(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name.lower()) if w and w not in PARTICLES]
    return words[-1] if words else ""


def actor_matches(token: str, actor: dict | None, persons: bool = False) -> bool:
    """A gold actor token ('IND', 'IND/Narendra Modi', 'NSA/militants', 'EU') against an actor."""
    if not actor:
        return False
    country = (actor.get("country") or "").upper()
    kind = (actor.get("kind") or "").lower()
    name = (actor.get("name") or "").lower()
    head, _, person = token.partition("/")
    if head == "NSA":
        return kind == "nsa"
    if re.fullmatch(r"[A-Z]{3}", head) and head != "IGO":
        if country != head or kind == "nsa":
            return False
        if persons and person and person not in ("military", "government"):
            return bool(_surname(person)) and _surname(person) in name
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", actor.get("name") or "") if w[0].isupper())
    return head.upper() in {(actor.get("code") or "").upper(), initials.upper(), name.upper()} \
        or head.lower() in name


def _any_actor(gold, actor, persons=False) -> bool:
    return any(actor_matches(g, actor, persons) for g in _listify(gold))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'"))


def _cue_found(cue: str, *texts: str) -> bool:
    wanted = [w for w in _words(cue) if len(w) > 2] or _words(cue)
    if not wanted:
        return True
    have = {w for t in texts for w in _words(t)}
    return sum(w in have for w in wanted) >= max(1, round(CUE_WORD_SHARE * len(wanted) + 1e-9))


def load_gold(path: str | Path) -> dict:
    try:
        gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(gold, dict) or "documents" not in gold:
        raise DataError(f"{path}: a gold file needs a 'documents' mapping (see ../shared/eval/README.md)")
    return gold


def score_rows(gold: dict, rows: dict[str, list[dict]]) -> tuple[dict, list[str]]:
    """Scores and one explanation line per gold item, from exported rows per table."""
    lines: list[str] = []
    docs = {Path(str(d.get("name") or d["id"])).stem: d for d in rows["documents"]}
    key_of = {d["id"]: k for k, d in docs.items()}
    gdocs = gold.get("documents") or {}

    def by_doc(table):
        grouped = defaultdict(list)
        for r in rows[table]:
            grouped[key_of.get(r.get("doc"), r.get("doc"))].append(r)
        return grouped

    dated = 0
    for key, g in gdocs.items():
        got = ((docs.get(key) or {}).get("published") or {}).get("date")
        ok = date_matches(got, g["published"]["date"], g["published"].get("tol", 0))
        dated += ok
        lines.append(f"{'OK  ' if ok else 'MISS'} published {key}: gold {g['published']['date']}, got {got}")

    events = by_doc("events")
    n_ev = hit_dyad = hit_date = hit_person = 0
    for key, g in gdocs.items():
        for ge in g.get("events") or []:
            n_ev += 1
            kinds = set(_listify(ge["action"]))
            cands = [e for e in events[key] if (e.get("plover") or "").upper() in kinds
                     and _any_actor(ge["source"], e.get("source")) and _any_actor(ge["target"], e.get("target"))]
            timely = [e for e in cands if "date" not in ge or date_matches(
                (e.get("date") or {}).get("date"), ge["date"], ge.get("tol", 0))]
            personal = [e for e in timely if _any_actor(ge["source"], e.get("source"), True)
                        and _any_actor(ge["target"], e.get("target"), True)]
            hit_dyad += bool(cands)
            hit_date += bool(timely)
            hit_person += bool(personal)
            mark = "OK  " if personal else "PERS" if timely else "DATE" if cands else "MISS"
            line = f"{mark} event {key}: {ge['source']} {ge['action']} {ge['target']} — {ge.get('cue', '')}"
            if mark == "DATE":
                got = sorted({str((e.get("date") or {}).get("date")) for e in cands})
                line += f" (gold {ge['date']}; got {', '.join(got)})"
            lines.append(line)
    n_pred_ev = sum(len(events[k]) for k in gdocs)

    claims = by_doc("claims")
    n_cl = hit_cl = 0
    for key, g in gdocs.items():
        for gc in g.get("claims") or []:
            n_cl += 1
            ok = any(_any_actor(gc["speaker"], c.get("speaker")) and (c.get("stance") or "asserts") == gc["stance"]
                     and _cue_found(gc.get("cue", ""), c.get("text", ""), c.get("sentence", ""))
                     for c in claims[key])
            hit_cl += ok
            lines.append(f"{'OK  ' if ok else 'MISS'} claim {key}: {gc['speaker']} {gc['stance']} {gc['about']}")

    contested = [p for p in rows["propositions"] if p.get("contested")]
    hit_con = 0
    for gp in gold.get("contested") or []:
        def side(gold_side, actors):
            return any(actor_matches(g.split("/")[0], a) for g in gold_side for a in actors or [])
        ok = any(side(gp["asserted_by"], p.get("asserted_by")) and side(gp["denied_by"], p.get("denied_by"))
                 and any(k.lower() in (p.get("text") or "").lower() for k in gp.get("keywords", []))
                 for p in contested)
        hit_con += ok
        lines.append(f"{'OK  ' if ok else 'MISS'} contested: {gp['proposition']}")

    spine = gold.get("storyline") or []
    hit_sp = 0
    for item in spine:
        wanted = {str(d).lstrip("0") for d in item.get("docs", [])}
        ok = any(date_matches(s.get("date"), item["date"], 1) and any(
            key_of.get(d, str(d)).split("_")[0].lstrip("0") in wanted for d in s.get("documents", []))
            for s in rows["storyline"])
        hit_sp += ok
        lines.append(f"{'OK  ' if ok else 'MISS'} storyline {item['date']}: {item['what']}")

    people = set()
    for key, g in gdocs.items():
        for item in (g.get("events") or []) + (g.get("claims") or []):
            for tok in _listify(item.get("source")) + _listify(item.get("target")) + _listify(item.get("speaker")):
                head, _, rest = tok.partition("/")
                if re.fullmatch(r"[A-Z]{3}", head) and rest and rest not in ("military", "government"):
                    people.add((key, head, rest))
    hit_act = 0
    for key, country, person in sorted(people):
        doc_id = (docs.get(key) or {}).get("id")
        ok = doc_id is not None and any(
            (a.get("country") or "").upper() == country and _surname(person) in (a.get("name") or "").lower()
            and doc_id in (a.get("documents") or []) for a in rows["actors"])
        hit_act += ok
        lines.append(f"{'OK  ' if ok else 'MISS'} person {key}: {country}/{person}")

    genre_ok = terms_ok = n_terms = 0
    for key, g in gdocs.items():
        d = docs.get(key) or {}
        genre_ok += (d.get("genre") or "") == g.get("genre")
        have = {t.lower() for t in d.get("framing_terms") or []}
        for term in g.get("kashmir_terms") or g.get("framing_terms") or []:
            n_terms += 1
            terms_ok += term.lower() in have

    def ratio(a, b):
        return round(a / b, 3) if b else 0.0

    n_docs = max(len(gdocs), 1)
    scores = {
        "documents_found": sum(k in docs for k in gdocs), "documents_gold": len(gdocs),
        "publication_date_accuracy": ratio(dated, n_docs),
        "events_recall": ratio(hit_dyad, n_ev), "events_with_date_recall": ratio(hit_date, n_ev),
        "events_with_persons_recall": ratio(hit_person, n_ev),
        "events_precision_lower_bound": ratio(hit_dyad, n_pred_ev),
        "events_per_article": round(n_pred_ev / n_docs, 1),
        "claims_recall": ratio(hit_cl, n_cl), "claims_predicted": sum(len(claims[k]) for k in gdocs),
        "contested_recall": ratio(hit_con, len(gold.get("contested") or [])),
        "contested_predicted": len(contested), "people_resolved": ratio(hit_act, len(people)),
        "genre_accuracy": ratio(genre_ok, n_docs), "framing_terms_recall": ratio(terms_ok, n_terms),
        "storyline_recall": ratio(hit_sp, len(spine)), "storyline_entries": len(rows["storyline"]),
    }
    return scores, lines


def evaluate_store(store: Store, gold_path: str | Path) -> tuple[dict, list[str]]:
    """Scores of the store's current records against a gold file."""
    from .export import export_rows

    return score_rows(load_gold(gold_path), export_rows(store))


def format_scores(s: dict) -> str:
    return "\n".join([
        f"documents found           {s['documents_found']}/{s['documents_gold']}",
        f"publication dates         {s['publication_date_accuracy']:.0%}",
        f"events recall (dyad+type) {s['events_recall']:.0%}  ({s['events_per_article']} per article; "
        f"precision ≥ {s['events_precision_lower_bound']:.0%})",
        f"  … with the right date   {s['events_with_date_recall']:.0%}",
        f"  … with the right people {s['events_with_persons_recall']:.0%}",
        f"claims recall             {s['claims_recall']:.0%}  ({s['claims_predicted']} predicted)",
        f"contested propositions    {s['contested_recall']:.0%}  ({s['contested_predicted']} flagged)",
        f"people resolved           {s['people_resolved']:.0%}",
        f"genre                     {s['genre_accuracy']:.0%}",
        f"framing terms             {s['framing_terms_recall']:.0%}",
        f"storyline spine           {s['storyline_recall']:.0%}  ({s['storyline_entries']} entries)",
    ])
