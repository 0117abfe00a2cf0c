"""Loading the knowledge Storyline ships as data files (``storyline/data``).

Each file is read once per process and cached; callers validate the shape they need and
raise ``DataError`` naming the file and entry.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


def data_path(name: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("ontology/plover.csv")``."""
    return Path(str(resources.files("storyline") / "data" / name))


# libyaml's parser when PyYAML was built with it: the shipped calendar and actor base are
# several megabytes, which the pure-Python parser takes seconds to read (bench/ingest.py).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """YAML text as Python data, with the same safe types as ``yaml.safe_load``."""
    return yaml.load(text, Loader=_SAFE_LOADER)


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse a shipped YAML file (cached). Raises DataError when missing or malformed."""
    path = data_path(name)
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: data file missing; reinstall storyline") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc


@functools.cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped CSV file with a header line (cached)."""
    path = data_path(name)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return tuple(dict(row) for row in csv.DictReader(fh))
    except FileNotFoundError as exc:
        raise DataError(f"{path}: data file missing; reinstall storyline") from exc
