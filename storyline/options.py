"""One options object, built once from a config file, the environment and flags (in that
order of precedence, flags last), and passed down explicitly."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError
from .store.db import DEFAULT_URL

CONFIG_FILE = "storyline.toml"


SETTINGS = ("db", "encoding", "batch_size", "dask")


@dataclass(frozen=True, slots=True)
class Options:
    """Settings every command shares."""

    db_url: str = DEFAULT_URL
    encoding: str = "utf-8"
    batch_size: int = 16
    progress: bool = True
    dask: str | None = None  # a scheduler address, or "local" for a local cluster


def build_options(config_path: str | None = None, env: dict | None = None, **flags) -> Options:
    """Options from ``storyline.toml`` (or ``config_path``), then ``STORYLINE_*`` variables,
    then the flags given (None means "not given")."""
    env = os.environ if env is None else env
    options = Options()
    path = Path(config_path or env.get("STORYLINE_CONFIG") or CONFIG_FILE)
    if path.exists():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("storyline", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        unknown = set(table) - set(SETTINGS)
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))} in [storyline]")
        options = _apply(options, table)
    options = _apply(options, {k: env.get(f"STORYLINE_{k.upper()}") for k in SETTINGS})
    options = _apply(options, flags)
    if flags.get("progress") is not None:
        options = replace(options, progress=bool(flags["progress"]))
    return options


def _apply(options: Options, layer: dict) -> Options:
    """One layer of settings over the options; a missing or empty value changes nothing."""
    changes = {}
    if db := layer.get("db"):
        changes["db_url"] = db if "://" in db else f"sqlite:///{db}"
    if encoding := layer.get("encoding"):
        try:
            "".encode(encoding)
        except LookupError as exc:
            raise ConfigError(f"unknown encoding {encoding!r} (try utf-8 or latin-1)") from exc
        changes["encoding"] = encoding
    if (batch_size := layer.get("batch_size")) not in (None, ""):
        if int(batch_size) < 1:
            raise ConfigError("batch size must be at least 1")
        changes["batch_size"] = int(batch_size)
    if dask := layer.get("dask"):
        changes["dask"] = dask
    return replace(options, **changes)
