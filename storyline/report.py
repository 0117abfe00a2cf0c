"""The single-file HTML report: overview, timeline, disputes, dyad charts and the actor
network in one file that opens offline in any browser (styles, Plotly and the chart data
are inlined; nothing is fetched).

It shows what the web UI shows, from the same views (``storyline.web.views``) and the same
templates, with quoted sentences in place of links to the server.
"""
from __future__ import annotations

import os
import secrets
from datetime import datetime, timezone
from pathlib import Path

from .errors import StorylineError
from .store import Store
from .web import views
from .web.templating import environment, static_file

# Dyad charts in the report: the busiest country pairs; more would bury the rest.
REPORT_DYADS = 4


def render_report(store: Store) -> str:
    """The report as one HTML string."""
    corpus = views.Corpus(store)
    pairs = views.dyad_pairs(corpus, REPORT_DYADS)
    dyads = [views.dyad_view(corpus, a, b, "month") for a, b, _ in pairs]
    template = environment().get_template("report.html")
    return template.render(
        report=True, o=views.overview(corpus, top=15, latest=10), entries=views.timeline(corpus),
        disputes=views.disputes(corpus), dyads=[d for d in dyads if d["rows"]],
        network=views.actor_network(corpus.events),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        css=_inline(static_file("style.css"), "</style"),
        plotly_js=_inline(static_file("plotly.min.js"), "</script"),
        charts_js=_inline(static_file("charts.js"), "</script"))


def _inline(data: bytes, closing: str) -> str:
    """Our own CSS/JS, safe to inline: a closing tag inside would end the block early."""
    text = data.decode("utf-8")
    return text.replace(closing, "<\\" + closing[1:]) if closing in text else text


def write_report(store: Store, out: str | Path) -> Path:
    """Write the report to ``out`` (atomically: a half-written file never replaces a good one).

    Returns the path written. Raises StorylineError when the directory is missing or the
    file cannot be written.
    """
    path = Path(out).expanduser()
    if not path.parent.is_dir():
        raise StorylineError(f"{path}: the directory {path.parent} does not exist")
    html = render_report(store)
    # A temporary name beside the target, then one rename; created with open() so that the
    # file gets the usual permissions (umask), unlike mkstemp's 0600.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(html)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorylineError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc
    return path.resolve()
