"""Filters over stored records, shared by the CLI, the REST API and the report."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .records import ActorRef, Claim, Event, Proposition, StoryEvent

if TYPE_CHECKING:
    from .store.db import Store


def dated_events(store: Store, doc_id: str | None = None) -> list[Event]:
    """The stored events as readers see them: an event another article dates more finely
    carries that day (merge.corpus_dates); the store keeps each article's own dates, from
    which the corpus level is recomputed."""
    from .merge import corpus_dates

    events = store.events()
    finer = corpus_dates(events, store.story_events())
    return [replace(e, date=finer[e.id]) if e.id in finer else e
            for e in events if doc_id is None or e.doc_id == doc_id]


def ref_matches(ref: ActorRef | None, actor: str) -> bool:
    """An actor filter matches a country code, an actor id or a name (case-insensitive)."""
    if ref is None:
        return False
    key = actor.strip().lower()
    return key in {(ref.country or "").lower(), (ref.actor_id or "").lower(), (ref.code or "").lower()} \
        or (len(key) > 3 and key in (ref.name or "").lower())


def date_on_or_after(value: str | None, since: str | None) -> bool:
    """True when a date (at any granularity) can fall on or after ``since``."""
    if not since:
        return True
    if not value:
        return False
    return value >= since[:len(value)]


def date_on_or_before(value: str | None, until: str | None) -> bool:
    if not until:
        return True
    if not value:
        return False
    return value[:len(until)] <= until


def filter_events(events: Iterable[Event], actor: str | None = None, plover: str | None = None,
                  since: str | None = None, until: str | None = None, doc: str | None = None,
                  modality: str | None = None) -> list[Event]:
    out = []
    for e in events:
        if actor and not any(ref_matches(r, actor) for r in (e.source, e.target, *e.others)):
            continue
        if plover and e.plover != plover.upper():
            continue
        if doc and e.doc_id != doc:
            continue
        if modality and e.modality != modality:
            continue
        if not (date_on_or_after(e.date.value, since) and date_on_or_before(e.date.value, until)):
            continue
        out.append(e)
    return out


def filter_propositions(props: Iterable[Proposition], contested: bool = False,
                        actor: str | None = None) -> list[Proposition]:
    return [p for p in props if (p.contested or not contested)
            and (not actor or any(ref_matches(r, actor) for r in (*p.asserted_by, *p.denied_by)))]


def filter_claims(claims: Iterable[Claim], actor: str | None = None, stance: str | None = None
                  ) -> list[Claim]:
    return [c for c in claims if (not actor or ref_matches(c.speaker, actor))
            and (not stance or c.stance == stance)]


def filter_story(story: Sequence[StoryEvent], actor: str | None = None, since: str | None = None,
                 until: str | None = None, plover: str | None = None) -> list[StoryEvent]:
    return [s for s in story
            if (not actor or ref_matches(s.source, actor) or ref_matches(s.target, actor))
            and (not plover or s.plover == plover.upper())
            and date_on_or_after(s.date, since) and date_on_or_before(s.date, until)]


def actor_label(ref: ActorRef | None) -> str:
    if ref is None:
        return "—"
    if ref.kind == "person" and ref.name:
        return f"{ref.name} ({ref.country})" if ref.country else ref.name
    return ref.name or ref.text or ref.country or "?"
