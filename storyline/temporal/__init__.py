"""Time: every temporal expression resolved, events dated, and each article's date.

    scan.py         find expressions as written (word lists in data/time/lexicon.yaml)
    resolve.py      resolve them against the article's date, the tense and the discourse
    event_date.py   date an event from the expression governing its clause, or the discourse
    publication.py  the article's date: metadata, a dateline, or inferred from the content
                    (people's dated titles, corpus anchors, data/time/known_events.yaml)
    explain.py      readable output for ``storyline dates FILE``
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import Actor, ParsedDoc, PublicationDate, TimeExpr
from .event_date import date_event
from .explain import explain_dates
from .publication import normalise_date, resolve_publication_date
from .resolve import find_time_expressions


def date_article(parsed: ParsedDoc, metadata_date: str | None, people: Iterable[Actor] = (),
                 corpus_anchors: Sequence[tuple] = (), genre: str | None = None
                 ) -> tuple[PublicationDate, tuple[TimeExpr, ...]]:
    """The article's date and its expressions resolved against it, in one call.

    The two passes the pipeline needs: the date from metadata, a dateline or the content,
    then every expression resolved with that date as the anchor (None when it is unknown).
    """
    published = resolve_publication_date(parsed, metadata_date, people, corpus_anchors, genre)
    return published, find_time_expressions(parsed, published.value)


__all__ = ["find_time_expressions", "date_event", "resolve_publication_date", "explain_dates",
           "date_article", "normalise_date"]
