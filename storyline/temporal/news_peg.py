"""The news peg: dating the news a report leads with, which no expression dates.

A news report tells its news without a date ("India has once again rejected…", "Trump has
stepped in to offer mediation") because the date is the report's own. An event that stays
undated after the clause and discourse rules is dated to the day before the report's
publication when

- the article is news (or a press release) and its publication day is known;
- the event happened or was said (asserted, reported, or an offer/threat made: intended),
  never a negated or hypothetical one;
- it is in the lead (the first ``LEDE_SENTENCES`` sentences) or its clause is in the present
  perfect or present progressive ("has condemned", "is facing"), which news uses for what is
  current;
- its sentence carries no background cue ("repeatedly", "has long", "previously").

The date is labelled how="publication" with the reason as evidence: never silent.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from ..knowledge import load_yaml
from ..records import Event, EventDate, ParsedDoc, PublicationDate
from .scan import clause_verb

# A headline, the lede and the paragraph that explains it: in wire copy these carry the
# news itself; later undated sentences are as often background (checked on the seeds and on
# samples/corpus: beyond ten sentences, undated simple-past sentences were background).
LEDE_SENTENCES = 10
NEWS_GENRES = frozenset({"news", "press release"})
PEGGED_MODALITIES = frozenset({"asserted", "reported", "intended"})


@functools.cache
def _background_cues() -> re.Pattern:
    """The background cues as one whole-word pattern ("always" is not in "hallways")."""
    cues = load_yaml("time/publication.yaml").get("background_cues") or ()
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(c.lower()) for c in cues) + r")(?![a-z])")


def is_current_tense(parsed: ParsedDoc, token: int) -> bool:
    """Present perfect ("has condemned") or present progressive ("is facing") clause."""
    toks = parsed.tokens
    verb = clause_verb(parsed, token)
    if verb is None:
        return False
    auxes = [toks[c] for c in range(max(0, verb - 4), verb)
             if toks[c].head == verb and toks[c].dep in ("aux", "auxpass")]
    tags = {a.tag for a in auxes}
    lemmas = {a.lemma for a in auxes}
    perfect = "have" in lemmas and tags & {"VBZ", "VBP"} and toks[verb].tag == "VBN"
    progressive = "be" in lemmas and tags & {"VBZ", "VBP"} and toks[verb].tag == "VBG"
    return bool(perfect or progressive)


def peg_news_events(parsed: ParsedDoc, events: Sequence[Event], published: PublicationDate,
                    genre: str | None) -> tuple[Event, ...]:
    """The events, with the undated news among them dated to the day before publication."""
    if (genre or "news") not in NEWS_GENRES or not published.value or len(published.value) != 10:
        return tuple(events)
    day = dt.date.fromisoformat(published.value) - dt.timedelta(days=1)
    cues = _background_cues()
    starts = [t.idx for t in parsed.tokens]
    out = []
    for event in events:
        if event.date.how != "undated" or event.modality not in PEGGED_MODALITIES:
            out.append(event)
            continue
        sentence = event.sentence.lower()
        token = _token_at(starts, event.start)
        lead = event.sent < LEDE_SENTENCES
        if cues.search(sentence) or not (lead or is_current_tense(parsed, token)):
            out.append(event)
            continue
        where = "in the lead" if lead else "told in the present perfect or progressive"
        out.append(replace(event, date=EventDate(
            value=day.isoformat(), granularity="day", how="publication",
            evidence=f"news peg: undated news {where} of a report published {published.value}")))
    return tuple(out)


def _token_at(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)
