"""Helpers shared by the tests of the regional and thematic calendars (storyline/data/time/known/)."""
from __future__ import annotations

from storyline.knowledge import load_yaml
from storyline.temporal.known import known_event_files, sentence_matches


def matched_dates(sentence: str) -> set[str]:
    """The days of the known events a sentence names."""
    return {e.date.isoformat() for e, _, _ in sentence_matches(sentence)}


def events_read_after_the_main_calendar(path: str) -> list[dict]:
    """The entries of a calendar file, once it is checked to be read after the main calendar."""
    files = known_event_files()
    assert path in files and files.index(path) > 0
    return load_yaml(path)["events"]
