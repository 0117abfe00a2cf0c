"""Storyline's one exception tree.

    StorylineError
     ├── ConfigError       bad options, config file or environment
     ├── IngestError       an input that cannot be read as an article (one per file/line)
     ├── ExtractionError   a stage failed on an article it accepted
     ├── StoreError        the database cannot be opened, migrated or written
     └── DataError         a data file (shipped or the user's) is invalid

Messages name the file (and line or entry) and say how to fix it where we know how. The CLI
prints them as one red line; the web layer turns them into one JSON error shape.
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base of every error Storyline raises on purpose."""


class ConfigError(StorylineError):
    """Options, config file or environment are invalid."""


class IngestError(StorylineError):
    """An input cannot be read as an article. ``origin`` names the file (and line)."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ExtractionError(StorylineError):
    """A stage failed on an article it had accepted."""


class StoreError(StorylineError):
    """The database cannot be opened, migrated or written."""


class DataError(StorylineError):
    """A data file is invalid; the message names the file, the entry and the field."""
