"""The command line: parses arguments, calls the library, prints. No logic lives here."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import pipeline
from .errors import StorylineError
from .options import Options, build_options
from .query import actor_label, dated_events, filter_claims, filter_events, filter_propositions, filter_story

console = Console(highlight=False)
err = Console(stderr=True, highlight=False)

# Progress bars only where there is enough work to watch.
PROGRESS_MIN_ITEMS = 3


def common(func):
    """--db and --config on every command; StorylineError becomes one red line and exit 1."""
    @click.option("--db", "db", metavar="URL", help="Database URL or SQLite path "
                  "(default sqlite:///storyline.db, or $STORYLINE_DB).")
    @click.option("--config", "config", metavar="FILE", help="Config file (default ./storyline.toml).")
    @functools.wraps(func)
    def wrapper(db, config, **kwargs):
        try:
            options = build_options(config_path=config, db=db, **{k: kwargs.pop(k) for k in
                                    ("encoding", "batch_size", "dask") if k in kwargs})
            return func(options, **kwargs)
        except StorylineError as exc:
            err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
            sys.exit(1)
    return wrapper


def _store(options: Options):
    from .store import open_store
    return open_store(options.db_url)


def _progress(label: str, enabled: bool):
    """(on_total, on_done, context manager) for a Rich progress bar, or no-ops."""
    bar = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=err, transient=True, disable=not (enabled and err.is_terminal))
    task = bar.add_task(label, total=None)

    def on_total(n):
        bar.update(task, total=n, visible=n >= PROGRESS_MIN_ITEMS)

    def on_done(n):
        bar.advance(task, n)
    return on_total, on_done, bar


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main():
    """Storyline keeps the analyst's record of a story: who did and said what to whom, when,
    which claims conflict, and how each relationship moves, each fact traced to its sentence.

    \b
    Example:
      storyline ingest samples/corpus && storyline timeline
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--encoding", default=None, help="Text encoding of the inputs (default utf-8).")
@click.option("--batch-size", type=int, default=None, help="Articles per spaCy batch (default 16).")
@click.option("--dask", default=None, metavar="ADDRESS",
              help="Parse and analyse on a Dask cluster: a scheduler address, or 'local'.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@common
def ingest(options: Options, paths, no_progress):
    """Read articles (files, directories, URLs or - for stdin), analyse and store them.

    Formats: .txt, .html/.htm, .jsonl, .csv, .parquet, RSS/Atom (.xml/.rss/.atom), http(s)
    URLs. With --dask, workers of a Dask cluster parse and analyse; this process stores.
    The same article twice is stored once. Exit code 1 when any input was rejected.

    \b
    Example:
      storyline ingest samples/corpus --db sqlite:///storyline.db
    """
    store = _store(options)
    on_total, on_done, bar = _progress("ingest", not no_progress)
    with bar:
        report = pipeline.ingest(list(paths), store, options, on_total=on_total, on_done=on_done)
    for skipped in report.rejected:
        err.print(f"[red]rejected[/red] {skipped.origin}: {skipped.reason}", soft_wrap=True)
    for dup in report.duplicates:
        console.print(f"[yellow]duplicate[/yellow] {dup.origin}: {dup.reason}", soft_wrap=True)
    counts = store.counts()
    console.print(f"stored {len(report.stored)}, skipped as duplicate {len(report.duplicates)}, "
                  f"rejected {len(report.rejected)}  →  {store.url}")
    console.print(f"the store now holds {counts['documents']} articles, {counts['events']} events, "
                  f"{counts['claims']} claims, {counts['propositions']} propositions, "
                  f"{counts['story_events']} storyline entries")
    if report.stored:
        console.print("next: storyline timeline · storyline claims --contested · storyline serve")
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover"]))
@common
def export(options: Options, out_dir, fmt):
    """Write the store's records to OUT_DIR (documents, events, claims, propositions,
    storyline, actors).

    \b
    Example:
      storyline export --format jsonl out/
    """
    from .export import export as run_export

    written = run_export(_store(options), out_dir, fmt)
    for name, n in written.items():
        console.print(f"{n:6d}  {Path(out_dir) / name}")


@main.command()
@common
def status(options: Options):
    """Counts per table, and the model and schema versions in use.

    \b
    Example:
      storyline status --db sqlite:///storyline.db
    """
    from .nlp import MODEL_PACKAGE

    store = _store(options)
    table = Table(title=f"storyline store: {store.url}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in store.counts().items():
        table.add_row(name, str(n))
    console.print(table)
    console.print(f"schema version {store.get_meta('schema_version')}; spaCy model package {MODEL_PACKAGE}"
                  f" (parses stored with: {', '.join(store.parse_models()) or 'none yet'})")


@main.command()
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@common
def reprocess(options: Options, no_progress):
    """Re-run every stage after the spaCy pass from the stored parses (no re-parsing), e.g.
    after editing the actor base or upgrading Storyline.

    \b
    Example:
      storyline reprocess
    """
    store = _store(options)
    on_total, on_done, bar = _progress("reprocess", not no_progress)
    with bar:
        n = pipeline.reprocess(store, on_total=on_total, on_done=on_done)
    console.print(f"reprocessed {n} articles from their stored parses")


@main.command()
@click.argument("file")
@common
def dates(options: Options, file):
    """Show the time expressions of one article and how its publication date was found.

    FILE is an article file, or the name or id of a stored article.

    \b
    Example:
      storyline dates samples/corpus/grain-deal-signed.txt
    """
    console.print(pipeline.explain_article_dates(file, _store(options), options), soft_wrap=True)


@main.group(invoke_without_command=True)
@click.option("--country", default=None, help="Only actors of this country (ISO3).")
@click.option("--all", "show_all", is_flag=True, help="Also actors the corpus never mentions.")
@common
@click.pass_context
def actors(ctx, options: Options, country, show_all):
    """List actors with their roles and mention counts; `actors import FILE` adds your own.

    \b
    Example:
      storyline actors --country IND
    """
    if ctx.invoked_subcommand:
        return
    rows = pipeline.list_actors(_store(options), country=country, include_unmentioned=show_all)
    table = Table()
    for col in ("id", "name", "kind", "country", "mentions", "docs", "roles"):
        table.add_column(col)
    for r in rows:
        roles = "; ".join(f"{x.title} {x.start or '?'}–{x.end or ''}" for x in r["actor"].roles[:3])
        table.add_row(r["actor"].id, r["actor"].name, r["actor"].kind, r["actor"].country or "",
                      str(r["mentions"]), str(r["documents"]), roles)
    console.print(table)


@actors.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@common
def actors_import(options: Options, file):
    """Add or correct actors from a YAML file (same schema as the shipped people.yaml).

    \b
    Example:
      storyline actors import my-actors.yaml && storyline reprocess
    """
    n = pipeline.import_actors(_store(options), file)
    console.print(f"imported {n} actors from {file}; run `storyline reprocess` to apply them")


@main.command()
@click.option("--actor", default=None, help="Country code, actor id or name.")
@click.option("--type", "plover", default=None, help="PLOVER type, e.g. ASSAULT.")
@click.option("--since", default=None, help="YYYY[-MM[-DD]]")
@click.option("--until", default=None, help="YYYY[-MM[-DD]]")
@click.option("--modality", default=None,
              type=click.Choice(["asserted", "negated", "hypothetical", "intended", "reported"]))
@common
def events(options: Options, actor, plover, since, until, modality):
    """List events with the sentence that carries each.

    \b
    Example:
      storyline events --actor IND --type ASSAULT --since 2025-05-01
    """
    store = _store(options)
    for e in filter_events(dated_events(store), actor, plover, since, until, modality=modality):
        console.print(f"[bold]{e.date.value or 'undated'}[/bold] {actor_label(e.source)} "
                      f"[cyan]{e.plover}{'/' + e.mode if e.mode else ''}[/cyan] {actor_label(e.target)} "
                      f"[dim]({e.modality}; CAMEO {e.cameo}, {e.goldstein:+.1f}; {e.id})[/dim]")
        console.print(f"    “{' '.join(e.sentence.split())}”", style="dim", soft_wrap=True)


@main.command()
@click.option("--contested", is_flag=True, help="Only propositions with someone on each side.")
@click.option("--actor", default=None, help="Country code, actor id or name.")
@common
def claims(options: Options, contested, actor):
    """Show propositions with who asserts and who denies them, and their sentences.

    \b
    Example:
      storyline claims --contested
    """
    store = _store(options)
    by_id = {c.id: c for c in store.claims()}
    for p in filter_propositions(store.propositions(), contested, actor):
        flag = "[red]CONTESTED[/red] " if p.contested else ""
        console.print(f"{flag}[bold]{p.text}[/bold] [dim]({p.id})[/dim]", soft_wrap=True)
        sides = dict(zip(p.claims, p.sides))
        for c in (by_id[i] for i in p.claims if i in by_id):
            stance = sides.get(c.id, c.stance)
            side = "[green]asserts[/green]" if stance == "asserts" else "[red]denies[/red] "
            console.print(f"  {side} {actor_label(c.speaker)} ({c.cue}): “{' '.join(c.sentence.split())}”",
                          soft_wrap=True)
    if not contested:
        loose = filter_claims((c for c in by_id.values() if not c.proposition), actor)
        for c in loose:
            console.print(f"  {c.stance} {actor_label(c.speaker)}: {c.text}", soft_wrap=True)


@main.command()
@click.option("--actor", default=None, help="Country code, actor id or name.")
@click.option("--since", default=None, help="YYYY[-MM[-DD]]")
@click.option("--until", default=None, help="YYYY[-MM[-DD]]")
@common
def timeline(options: Options, actor, since, until):
    """Print the storyline: merged events in date order with their sources.

    \b
    Example:
      storyline timeline --actor PAK --since 2025-04
    """
    from .merge import format_timeline

    store = _store(options)
    story = filter_story(store.story_events(), actor, since, until)
    console.print(format_timeline(story, {d.id: d for d in store.documents()}), soft_wrap=True,
                  markup=False)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--by", default="month", show_default=True, type=click.Choice(["day", "week", "month"]))
@common
def dyad(options: Options, a, b, by):
    """Conflict–cooperation between two actors or countries over time.

    \b
    Example:
      storyline dyad IND PAK --by month
    """
    from .dyads import dyad_left_out, dyad_trend, format_dyad_table

    events = dated_events(_store(options))
    table = format_dyad_table(dyad_trend(events, a, b, by), dyad_left_out(events, a, b, by), by)
    console.print(table, soft_wrap=True, markup=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", default=None, envvar="STORYLINE_TOKEN",
              help="Enable ingest over the API, only for requests carrying this token.")
@common
def serve(options: Options, host, port, token):
    """Serve the web UI and the REST API (OpenAPI docs at /docs).

    \b
    Example:
      storyline serve --port 8000   # then open http://127.0.0.1:8000
    """
    from .web.app import serve as run_server

    run_server(options, host=host, port=port, token=token)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False))
@common
def report(options: Options, out):
    """Write one self-contained HTML report (overview, timeline, disputes, dyads).

    \b
    Example:
      storyline report story.html
    """
    from .report import write_report

    path = write_report(_store(options), out)
    console.print(f"wrote {path}")


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold annotations (YAML, the format of ../shared/corpus/seeds.gold.yaml).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--explain", is_flag=True, help="List every gold item, found or missed.")
@common
def evaluate(options: Options, gold, as_json, explain):
    """Score the store against gold annotations of the same articles.

    \b
    Example:
      storyline ingest my-articles/ && storyline eval --gold my-articles.gold.yaml
    """
    from .evaluate import evaluate_store, format_scores

    scores, lines = evaluate_store(_store(options), gold)
    if explain:
        console.print("\n".join(lines), soft_wrap=True)
    if as_json:
        import json
        click.echo(json.dumps(scores))
    else:
        console.print(format_scores(scores))


if __name__ == "__main__":  # pragma: no cover
    main()
