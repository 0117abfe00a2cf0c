"""What each page (and the HTML report) shows, built from the store's records.

Shared by ``pages`` (the server-rendered UI) and ``storyline.report`` (the single file), so
both say the same thing. No FastAPI here. The only HTML built in Python is the article view
and search hits (``highlight_article``, ``highlight_spans_html``): they assemble markup from
pieces that are each escaped, never from raw article text.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from ..dyads import HAPPENED  # only events that happened count in charts and the network
from ..errors import DataError
from ..knowledge import load_yaml
from ..query import actor_label, dated_events, filter_story
from ..records import (ActorRef, Claim, Event, Mention, Proposition, Quote, Sentence,
                       StoryEvent, TimeExpr)
from ..store import Store
from ..store.search import document_sentences, lead_sentences

LABELS_FILE = "web/labels.yaml"
# Nodes drawn in the actor network: beyond ~30 the labels of a circle layout collide.
NETWORK_MAX_NODES = 28
# Goldstein means beyond ±1 colour an edge as cooperative/conflictual; nearer 0 it is grey.
NETWORK_TONE_THRESHOLD = 1.0


@functools.cache
def labels() -> dict:
    """The reader-facing labels (QuadClass names and colours, PLOVER readings, ...).

    Raises DataError when the file lacks a section or a QuadClass.
    """
    data = load_yaml(LABELS_FILE)
    for key in ("quad_classes", "plover", "modality", "mention_how", "published_origin"):
        if not isinstance((data or {}).get(key), dict):
            raise DataError(f"storyline/data/{LABELS_FILE}: section {key!r} is missing")
    quads = {int(k): v for k, v in data["quad_classes"].items()}
    if sorted(quads) != [1, 2, 3, 4] or not all({"name", "color"} <= set(v) for v in quads.values()):
        raise DataError(f"storyline/data/{LABELS_FILE}: quad_classes needs 1..4, each with name and color")
    return {**data, "quad_classes": quads}


def doc_title(row: dict | None) -> str:
    """A document's display title: its title, else its opening words, else its name."""
    if not row:
        return "(unknown article)"
    return row.get("display") or row.get("title") or row.get("name") or row.get("id") or "(untitled)"


# An untitled article is shown by its first words, cut at a word near this many characters.
DISPLAY_TITLE_CHARS = 90


def _clip(text: str | None, limit: int = DISPLAY_TITLE_CHARS) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(",;:") + "…"


def ref_key(ref: ActorRef | None) -> str | None:
    """The identifier an actor is filtered and charted by: its actor id, else its country."""
    if ref is None:
        return None
    return ref.actor_id or ref.country


def sentence_anchor(sent: int) -> str:
    return f"s{sent}"


@dataclass(frozen=True, slots=True)
class Source:
    """One article sentence that reports a fact, for "open its source" links."""

    doc_id: str
    doc_title: str
    sent: int
    sentence: str
    event: Event | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    story: StoryEvent
    sources: tuple[Source, ...]
    plover_reading: str


@dataclass(frozen=True, slots=True)
class Dispute:
    proposition: Proposition
    asserts: tuple[tuple[Claim, str], ...]  # (claim, its article's title)
    denies: tuple[tuple[Claim, str], ...]


@dataclass
class Corpus:
    """A read-only snapshot of the store for one page or report: each record kind is read
    once, when first needed."""

    store: Store

    @cached_property
    def docs(self) -> list[dict]:
        """Document rows, each with ``display``: its title, else its opening words."""
        leads = lead_sentences(self.store)
        return [{**row, "display": row.get("title") or _clip(leads.get(row["id"])) or row.get("name")}
                for row in self.store.document_rows()]

    @cached_property
    def docs_by_id(self) -> dict[str, dict]:
        return {d["id"]: d for d in self.docs}

    @cached_property
    def events(self) -> list[Event]:
        return dated_events(self.store)

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def claims(self) -> list[Claim]:
        return self.store.claims()

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def propositions(self) -> list[Proposition]:
        return self.store.propositions()

    @cached_property
    def story(self) -> list[StoryEvent]:
        return self.store.story_events()

    @cached_property
    def actor_base(self):
        from ..pipeline import actor_base

        return actor_base(self.store)

    @cached_property
    def actor_rows(self) -> list[dict]:
        """Mentioned actors, most mentioned first, with event and claim counts."""
        from ..pipeline import list_actors

        as_source: Counter = Counter()
        as_target: Counter = Counter()
        for e in self.events:
            if e.source and e.source.actor_id:
                as_source[e.source.actor_id] += 1
            for ref in (e.target, *e.others):
                if ref and ref.actor_id:
                    as_target[ref.actor_id] += 1
        claims = Counter(c.speaker.actor_id for c in self.claims if c.speaker and c.speaker.actor_id)
        rows = []
        for r in list_actors(self.store):
            aid = r["actor"].id
            rows.append({**r, "as_source": as_source[aid], "as_target": as_target[aid],
                         "claims": claims[aid]})
        return rows

    def title(self, doc_id: str) -> str:
        return doc_title(self.docs_by_id.get(doc_id))

    def source_of(self, event: Event) -> Source:
        return Source(event.doc_id, self.title(event.doc_id), event.sent, event.sentence, event)

    def name_of(self, key: str) -> str:
        """A readable name for an actor id or a country code."""
        actor = self.actor_base.get(key)
        if actor is not None:
            return actor.name
        for e in self.events:
            for ref in (e.source, e.target):
                if ref and key in (ref.actor_id, ref.country) and ref.kind in ("state", "government"):
                    return ref.name or key
        return key


# ── overview ──────────────────────────────────────────────────────────────────────────

def overview(corpus: Corpus, top: int = 10, latest: int = 8) -> dict:
    """The corpus at a glance: articles, dates, outlets, top actors, disputes, latest events."""
    dates = sorted(d["published"] for d in corpus.docs if d.get("published"))
    outlets = Counter(d.get("outlet") or "outlet not stated" for d in corpus.docs)
    genres = Counter(d.get("genre") or "unknown" for d in corpus.docs)
    dated = [s for s in corpus.story if s.date]
    return {
        "n_articles": len(corpus.docs),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "undated": sum(1 for d in corpus.docs if not d.get("published")),
        "outlets": outlets.most_common(),
        "genres": genres.most_common(),
        "counts": corpus.store.counts(),
        "top_actors": corpus.actor_rows[:top],
        "contested": [d for d in disputes(corpus) if d.proposition.contested],
        "latest": sorted(dated, key=lambda s: s.date, reverse=True)[:latest],
        "documents": corpus.docs,
    }


# ── timeline ──────────────────────────────────────────────────────────────────────────

def timeline(corpus: Corpus, actor: str | None = None, plover: str | None = None,
             since: str | None = None, until: str | None = None) -> list[TimelineEntry]:
    """Storyline entries (dated first, in date order; undated last) with their sources."""
    story = filter_story(corpus.story, actor or None, since or None, until or None, plover or None)
    story = sorted(story, key=lambda s: (s.date is None, s.date or "", s.id))
    readings = labels()["plover"]
    out = []
    for s in story:
        sources, seen = [], set()
        for event in (corpus.events_by_id[i] for i in s.events if i in corpus.events_by_id):
            if (event.doc_id, event.sent) not in seen:  # two events of one sentence: cite it once
                seen.add((event.doc_id, event.sent))
                sources.append(corpus.source_of(event))
        cited = {src.doc_id for src in sources}
        sources += [Source(d, corpus.title(d), -1, "") for d in s.documents if d not in cited]
        out.append(TimelineEntry(s, tuple(sources), readings.get(s.plover, "")))
    return out


def story_types(corpus: Corpus) -> list[str]:
    return sorted({s.plover for s in corpus.story})


# ── disputes ──────────────────────────────────────────────────────────────────────────

def disputes(corpus: Corpus, contested_only: bool = False) -> list[Dispute]:
    """Propositions with their asserting and denying claims side by side; contested first,
    then by how many claims they carry."""
    out = []
    for p in corpus.propositions:
        if contested_only and not p.contested:
            continue
        sides = p.sides
        asserts, denies = [], []
        for n, claim_id in enumerate(p.claims):
            claim = corpus.claims_by_id.get(claim_id)
            if claim is None:
                continue
            # A claim's side on this proposition may differ from its own stance ("denies any
            # mediation" asserts "the talks are bilateral only").
            side = sides[n] if len(sides) == len(p.claims) else claim.stance
            (asserts if side == "asserts" else denies).append((claim, corpus.title(claim.doc_id)))
        out.append(Dispute(p, tuple(asserts), tuple(denies)))
    out.sort(key=lambda d: (not d.proposition.contested, -len(d.proposition.claims), d.proposition.text))
    return out


def unique_roles(actor) -> list:
    """An actor's roles without repeats (the same title and dates from two sources)."""
    seen, out = set(), []
    for role in actor.roles if actor else ():
        key = (role.title, role.country, role.start, role.end)
        if key not in seen:
            seen.add(key)
            out.append(role)
    return out


# ── actors ────────────────────────────────────────────────────────────────────────────

def _involves(event: Event, actor_id: str) -> bool:
    return any(r is not None and r.actor_id == actor_id for r in (event.source, event.target, *event.others))


def actor_detail(corpus: Corpus, actor_id: str) -> dict | None:
    """An actor with its roles, events, claims and counterparts (dyads); None if unknown."""
    actor = corpus.actor_base.get(actor_id)
    events = sorted((e for e in corpus.events if _involves(e, actor_id)),
                    key=lambda e: (e.date.value is None, e.date.value or "", e.doc_id, e.sent))
    claims = [c for c in corpus.claims if c.speaker and c.speaker.actor_id == actor_id]
    if actor is None and not events and not claims:
        return None
    partners: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.modality not in HAPPENED:
            continue
        for ref in (e.source, e.target, *e.others):
            key = ref_key(ref)
            if key and key != actor_id and (ref is None or ref.actor_id != actor_id):
                partners[key].append(e)
    dyads = sorted(({"key": k, "name": corpus.name_of(k), "events": len(v),
                     "goldstein_mean": sum(e.goldstein for e in v) / len(v)}
                    for k, v in partners.items()), key=lambda d: (-d["events"], d["name"]))
    row = next((r for r in corpus.actor_rows if r["actor"].id == actor_id), None)
    name = actor.name if actor else next(
        (actor_label(r) for e in events for r in (e.source, e.target) if r and r.actor_id == actor_id),
        actor_id)
    return {"id": actor_id, "actor": actor, "name": name, "row": row,
            "events": [corpus.source_of(e) for e in events],
            "claims": [(c, corpus.title(c.doc_id)) for c in claims], "dyads": dyads}


def actor_network(events: Iterable[Event], max_nodes: int = NETWORK_MAX_NODES,
                  size: tuple[int, int] = (760, 560)) -> dict:
    """Who acts on whom: nodes on a circle (grouped by country), edges weighted by how many
    events that happened link them and coloured by their mean Goldstein weight."""
    pair_events: dict[tuple[str, str], list[Event]] = defaultdict(list)
    names: dict[str, str] = {}
    countries: dict[str, str] = {}
    for e in events:
        if e.modality not in HAPPENED or e.source is None:
            continue
        a = ref_key(e.source)
        for ref in (e.target, *e.others):
            b = ref_key(ref)
            if not a or not b or a == b:
                continue
            for key, r in ((a, e.source), (b, ref)):
                names.setdefault(key, _short_label(r))
                countries.setdefault(key, r.country or "")
            pair_events[(a, b)].append(e)
    degree: Counter = Counter()
    for (a, b), evs in pair_events.items():
        degree[a] += len(evs)
        degree[b] += len(evs)
    keep = {k for k, _ in degree.most_common(max_nodes)}
    order = sorted(keep, key=lambda k: (countries.get(k, ""), names.get(k, k)))
    width, height = size
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 90
    nodes = {}
    for n, key in enumerate(order):
        angle = 2 * math.pi * n / max(1, len(order)) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 5 + 2.2 * math.sqrt(degree[key])
        nodes[key] = {"key": key, "label": names.get(key, key), "x": round(x, 1), "y": round(y, 1),
                      "r": round(r, 1),
                      "anchor": "start" if x > cx + 1 else "end" if x < cx - 1 else "middle",
                      "lx": round(cx + (radius + r + 6) * math.cos(angle), 1),
                      "ly": round(cy + (radius + r + 6) * math.sin(angle) + 4, 1),
                      "degree": degree[key]}
    undirected: dict[tuple[str, str], dict] = {}
    for (a, b), evs in pair_events.items():
        if a not in keep or b not in keep:
            continue
        key = tuple(sorted((a, b)))
        edge = undirected.setdefault(key, {"a": key[0], "b": key[1], "ab": 0, "ba": 0, "g": []})
        edge["ab" if (a, b) == key else "ba"] += len(evs)
        edge["g"].extend(e.goldstein for e in evs)
    edges = []
    for edge in undirected.values():
        count = edge["ab"] + edge["ba"]
        mean = sum(edge["g"]) / len(edge["g"])
        tone = ("coop" if mean > NETWORK_TONE_THRESHOLD else "conflict" if mean < -NETWORK_TONE_THRESHOLD
                else "neutral")
        na, nb = nodes[edge["a"]], nodes[edge["b"]]
        edges.append({"x1": na["x"], "y1": na["y"], "x2": nb["x"], "y2": nb["y"], "tone": tone,
                      "width": round(1 + 1.6 * math.sqrt(count), 1), "count": count,
                      "title": f"{na['label']} → {nb['label']}: {edge['ab']} · {nb['label']} → "
                               f"{na['label']}: {edge['ba']} · mean Goldstein {mean:+.1f}",
                      "a": edge["a"], "b": edge["b"]})
    edges.sort(key=lambda e: e["count"])
    return {"width": width, "height": height, "nodes": list(nodes.values()), "edges": edges}


def _short_label(ref: ActorRef) -> str:
    if ref.kind == "person" and ref.name:
        return ref.name
    return ref.name or ref.text or ref.country or "?"


# ── dyads ─────────────────────────────────────────────────────────────────────────────

def dyad_pairs(corpus: Corpus, n: int = 6) -> list[tuple[str, str, int]]:
    """The most frequent country pairs (either direction) among events that happened."""
    pairs: Counter = Counter()
    for e in corpus.events:
        if e.modality not in HAPPENED or not e.source or not e.source.country or e.source.kind == "nsa":
            continue
        for ref in (e.target, *e.others):
            if ref and ref.country and ref.kind != "nsa" and ref.country != e.source.country:
                pairs[tuple(sorted((e.source.country, ref.country)))] += 1
    return [(a, b, k) for (a, b), k in pairs.most_common(n)]


def named_pairs(corpus: Corpus, n: int = 6) -> list[dict]:
    """``dyad_pairs`` with readable names, for links."""
    return [{"a": a, "b": b, "events": k, "label": f"{corpus.name_of(a)} – {corpus.name_of(b)}"}
            for a, b, k in dyad_pairs(corpus, n)]


def dyad_choices(corpus: Corpus) -> list[tuple[str, str]]:
    """(key, label) of every country and actor that appears in an event, for the dyad form."""
    countries: set[str] = set()
    actors: dict[str, str] = {}
    for e in corpus.events:
        for ref in (e.source, e.target, *e.others):
            if ref is None:
                continue
            if ref.country:
                countries.add(ref.country)
            if ref.actor_id and ref.actor_id != ref.country:
                actors[ref.actor_id] = actor_label(ref)
    out = [(c, f"{corpus.name_of(c)} ({c})") for c in sorted(countries)]
    out += sorted(actors.items(), key=lambda kv: kv[1])
    return out


def dyad_view(corpus: Corpus, a: str, b: str, by: str = "month") -> dict:
    """The dyad's points, each with the events behind it, and its Plotly figure."""
    from ..dyads import dyad_left_out, dyad_trend

    points = dyad_trend(corpus.events, a, b, by)
    left_out = dyad_left_out(corpus.events, a, b, by).note(by)
    rows = [{"point": p, "events": [corpus.source_of(corpus.events_by_id[i])
                                    for i in p.events if i in corpus.events_by_id]} for p in points]
    name_a, name_b = corpus.name_of(a), corpus.name_of(b)
    return {"a": a, "b": b, "by": by, "name_a": name_a, "name_b": name_b, "rows": rows,
            "left_out": left_out,
            "figure": dyad_figure(points, f"{name_a} – {name_b}")}


def dyad_figure(points: Sequence, title: str) -> dict:
    """A Plotly figure: stacked event counts by QuadClass, and the mean Goldstein weight as a
    line on a second axis fixed to the scale's −10..+10."""
    quads = labels()["quad_classes"]
    periods = [p.period for p in points]
    # Periods sit at their middle day on a date axis, so that a gap of two years looks like one.
    middles = [_middle_day(p) for p in periods]
    width = _bar_width_ms(points)
    data = [{"type": "bar", "name": quads[q]["name"], "x": middles, "width": width,
             "y": [p.counts[q - 1] for p in points], "marker": {"color": quads[q]["color"]},
             "customdata": periods,
             "hovertemplate": "%{customdata}: %{y} " + quads[q]["name"].lower() + "<extra></extra>"}
            for q in (1, 2, 3, 4)]
    line_x, line_y, line_data = [], [], []
    for n, (period, middle, p) in enumerate(zip(periods, middles, points)):
        if n and _gap(middles[n - 1], middle, width):  # no line across empty periods
            line_x.append(middle)
            line_y.append(None)
            line_data.append(None)
        line_x.append(middle)
        line_y.append(round(p.goldstein_mean, 2))
        line_data.append([period, round(p.goldstein_sum, 1)])
    data.append({"type": "scatter", "mode": "lines+markers", "name": "Mean Goldstein (right axis)",
                 "x": line_x, "y": line_y, "yaxis": "y2", "connectgaps": False,
                 "line": {"color": "#222", "width": 2}, "customdata": line_data,
                 "hovertemplate": "%{customdata[0]}: mean %{y:+.1f}, sum %{customdata[1]:+.1f}<extra></extra>"})
    layout = {"title": {"text": title, "y": 0.97}, "barmode": "stack", "height": 440,
              "margin": {"l": 55, "r": 60, "t": 80, "b": 40},
              "legend": {"orientation": "h", "x": 0, "y": 1.1, "traceorder": "normal"},
              "xaxis": {"type": "date", "rangeslider": {"visible": True, "thickness": 0.08}},
              "yaxis": {"title": {"text": "events"}, "rangemode": "tozero"},
              "yaxis2": {"title": {"text": "Goldstein (−10 conflict … +10 cooperation)"},
                         "overlaying": "y", "side": "right", "range": [-10.5, 10.5], "dtick": 5,
                         "zeroline": True, "showgrid": False}}
    return {"data": data, "layout": layout}


def _middle_day(period: str) -> str:
    from ..merge import date_span

    span = date_span(period)
    if span is None:
        return period
    first, last = span
    return (first + (last - first) / 2).isoformat()


def _gap(previous: str, current: str, width_ms: float | None) -> bool:
    """True when whole empty periods lie between two period middles."""
    if not width_ms:
        return False
    try:
        days = (dt.date.fromisoformat(current) - dt.date.fromisoformat(previous)).days
    except ValueError:
        return False
    period_days = width_ms / 0.8 / 86_400_000
    return days > 1.5 * period_days


def _bar_width_ms(points: Sequence) -> float | None:
    """Bars as wide as 80% of their period (a month, a week or a day)."""
    from ..merge import date_span

    for p in points:
        span = date_span(p.period)
        if span:
            days = (span[1] - span[0]).days + 1
            return 0.8 * days * 86_400_000
    return None


# ── article ───────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of an article: kind is date, actor, event or claim."""

    start: int
    end: int
    kind: str
    title: str


def claim_span(claim: Claim, sentences: dict[int, Sentence], quotes: dict[str, Quote]
               ) -> tuple[int, int] | None:
    """Where a claim sits in the text: its quote's span, else its words inside its sentence,
    else the whole sentence."""
    quote = quotes.get(claim.quote_id) if claim.quote_id else None
    if quote is not None and quote.end > quote.start:
        return quote.start, quote.end
    sentence = sentences.get(claim.sent)
    if sentence is None:
        return None
    at = sentence.text.lower().find(claim.text.lower()) if claim.text else -1
    if at >= 0:
        return sentence.start + at, sentence.start + at + len(claim.text)
    return sentence.start, sentence.end


def article_marks(timexes: Sequence[TimeExpr], mentions: Sequence[Mention], events: Sequence[Event],
                  claims: Sequence[Claim], quotes: Sequence[Quote], sentences: Sequence[Sentence]
                  ) -> list[Mark]:
    """Every highlight of an article, with the tooltip that explains it."""
    how = labels()["mention_how"]
    marks = [Mark(t.start, t.end, "date", f"date: {t.value or 'unresolved'}"
                  + (f" ({t.granularity})" if t.value else f" — {t.reason or 'no value'}"))
             for t in timexes]
    for m in mentions:
        who = ", ".join(actor_label(r) for r in m.refs) or "unresolved"
        marks.append(Mark(m.start, m.end, "actor", f"actor: {who} ({how.get(m.how, m.how)})"))
    for e in events:
        marks.append(Mark(e.start, e.end, "event",
                          f"event: {actor_label(e.source)} {e.plover}{'/' + e.mode if e.mode else ''} "
                          f"{actor_label(e.target)} · {e.modality} · {e.date.value or 'undated'}"))
    by_sent = {s.index: s for s in sentences}
    by_quote = {q.id: q for q in quotes}
    for c in claims:
        span = claim_span(c, by_sent, by_quote)
        if span:
            marks.append(Mark(span[0], span[1], "claim",
                              f"claim: {actor_label(c.speaker)} {c.stance} ({c.cue or 'no cue'})"))
    return marks


def highlight_article(text: str, sentences: Sequence[Sentence], marks: Sequence[Mark]) -> Markup:
    """The article as HTML: each sentence a ``<span id="sN">``, each highlight a ``<span>``
    with its kinds as classes and its explanations as a tooltip. Every piece of text and
    every tooltip is escaped; the only literal markup is our own tags."""
    n = len(text)
    cuts = {0, n}
    for s in sentences:
        cuts.update((max(0, min(n, s.start)), max(0, min(n, s.end))))
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    for m in valid:
        cuts.update((m.start, m.end))
    points = sorted(cuts)
    ordered = sorted((s for s in sentences if 0 <= s.start < s.end <= n), key=lambda s: s.start)
    out: list[str] = []
    si = 0
    open_sentence: Sentence | None = None
    for p, q in zip(points, points[1:]):
        while si < len(ordered) and ordered[si].end <= p:
            si += 1
        sentence = ordered[si] if si < len(ordered) and ordered[si].start <= p else None
        if open_sentence is not None and open_sentence is not sentence:
            out.append("</span>")
            open_sentence = None
        if sentence is not None and open_sentence is None:
            out.append(f'<span class="sent" id="{sentence_anchor(sentence.index)}">')
            open_sentence = sentence
        active = [m for m in valid if m.start <= p and q <= m.end]
        piece = str(escape(text[p:q]))
        if active:
            kinds = " ".join(sorted({m.kind for m in active}))
            tip = escape(" · ".join(dict.fromkeys(m.title for m in active)))
            out.append(f'<span class="hl {kinds}" title="{tip}">{piece}</span>')
        else:
            out.append(piece)
    if open_sentence is not None:
        out.append("</span>")
    return Markup("".join(out))


def highlight_spans_html(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """A sentence with the given spans in ``<mark>``, every piece escaped."""
    out, at = [], 0
    for start, end in spans:
        if start < at or end > len(text):
            continue
        out.append(str(escape(text[at:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def article_view(corpus: Corpus, doc_id: str) -> dict | None:
    """A document with its highlighted text, perspective, events and claims; None if unknown."""
    document = corpus.store.document(doc_id)
    if document is None:
        return None
    row = corpus.docs_by_id.get(doc_id) or {}
    store = corpus.store
    sentences = document_sentences(store, doc_id)
    mentions = store.mentions(doc_id)
    events = dated_events(store, doc_id)
    claims = store.claims(doc_id)
    quotes = store.quotes(doc_id)
    timexes = row.get("timexes") or ()
    marks = article_marks(timexes, mentions, events, claims, quotes, sentences)
    return {"document": document, "row": row, "title": document.title or doc_title(row),
            "published": row.get("published_record"), "perspective": row.get("perspective"),
            "html": highlight_article(document.text, sentences, marks), "events": events,
            "claims": claims, "quotes": quotes, "timexes": timexes, "sources": store.sources(doc_id),
            "n_mentions": len(mentions)}
