"""The Jinja2 environment shared by the web pages and the single-file report.

Autoescaping is on for every template; article text only ever reaches a page through it
(or through ``views.highlight_article``, which escapes each piece itself).
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..query import actor_label
from . import views

STATIC_FILES = ("style.css", "app.js", "charts.js")


def _goldstein(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def _when(value: str | None) -> str:
    """A date value for reading: ranges shortened ("2025-05-07 – 08"), None as "undated"."""
    if not value:
        return "undated"
    if "/" not in value:
        return value
    first, _, last = value.partition("/")
    shared = 0
    for part in (7, 4):  # the same month, else the same year, is not repeated
        if len(first) >= part + 1 and len(last) > part and first[:part] == last[:part]:
            shared = part + 1
            break
    return f"{first} – {last[shared:]}"


def json_script(value) -> Markup:
    """JSON for a ``<script type="application/json">`` block: ``<``, ``>`` and ``&`` are
    written as \\u escapes so that no article text can close the block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def inline_code(text: str | None) -> Markup:
    """Text with `backtick` spans as <code> (the API's descriptions), everything escaped."""
    escaped = str(escape(text or ""))
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))


@functools.cache
def environment() -> Environment:
    """The (cached) environment: our templates, our filters, autoescape on."""
    env = Environment(loader=PackageLoader("storyline.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(actor=actor_label, goldstein=_goldstein, when=_when, json_script=json_script,
                       spans=views.highlight_spans_html, code=inline_code)
    env.globals.update(labels=views.labels, anchor=views.sentence_anchor, unique_roles=views.unique_roles)
    return env


@functools.cache
def static_file(name: str) -> bytes:
    """One of our static files (by exact name from STATIC_FILES), or Plotly's bundle."""
    if name == "plotly.min.js":
        return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()
    if name not in STATIC_FILES:
        raise KeyError(name)
    return (resources.files("storyline.web") / "static" / name).read_bytes()
