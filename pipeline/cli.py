"""`timeline`: run the pipeline, show and query the timeline, explain a date, tag and extract JSONL.

Only `run` touches Dagster, and it loads the definitions lazily, so that `pipeline` stays free of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Sequence

from rich.console import Console
from rich.table import Table

from pipeline import config

console = Console()
err = Console(stderr=True)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


# ---------------------------------------------------------------- run


def plan_days(inbox: Path, db: Path, *, force: bool) -> tuple[list[dt.date], int, int]:
    """The days a run must cover: those whose files changed since the stored index, and those analysed
    by an older tagger or extractor. Returns (days, changed files, files in the inbox)."""
    from pipeline import store
    from pipeline.analysis import analyzer_version
    from pipeline.inbox_changes import detect_changes, known_from_index

    index: dict = {}
    stale: set[dt.date] = set()
    if db.exists() or store.parquet_setting() is not None:
        with store.open_db(db, read_only=True) as con:
            if store.current_version(con) > 0:
                index = store.indexed_files(con)
                version = analyzer_version()
                stale = store.unfinished_days(con, version)
    known = {} if force else known_from_index(index)
    changes = detect_changes(inbox, known, max_bytes=config.max_file_bytes(), today=dt.date.today())
    days = set(changes.days) | stale  # with --force nothing is known: every file is new, all its days touched
    start, last = config.partition_start(), dt.date.today() + dt.timedelta(days=1)
    return sorted(d for d in days if start <= d <= last), len(changes.keys), len(changes.entries)


def cmd_run(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from pipeline import progress

    inbox, db = Path(args.inbox).resolve(), Path(args.db).resolve()
    if not inbox.is_dir():
        err.print(f"[red]error:[/] inbox {inbox} is not a folder")
        return 2
    with console.status("Scanning the inbox..."):
        days, n_changed, n_files = plan_days(inbox, db, force=args.force)
    console.print(f"Inbox [bold]{inbox}[/]: {n_files} files, {n_changed} new or changed; database [bold]{db}[/]")
    if days:
        from assets.run import materialize_days  # lazily: only `run` needs Dagster

        from pipeline.runner import day_ranges

        ranges = day_ranges(days)
        console.print(f"Processing {len(days)} day(s) from {days[0]} to {days[-1]} in {len(ranges)} Dagster run(s)")
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=False) as bar:
            task = bar.add_task("Analysing articles", total=None)

            def on_progress(stage: str, advance: int, total: int | None) -> None:
                if total is not None:  # each run announces its share of the work
                    bar.update(task, total=(bar.tasks[task].total or 0) + total)
                bar.advance(task, advance)

            unsubscribe = progress.subscribe(on_progress)
            try:
                outcomes = [materialize_days(inbox, db, first, last, force=args.force) for first, last in ranges]
            finally:
                unsubscribe()
        for outcome in outcomes:
            console.print(f"Run {outcome.run_id}: {'[green]succeeded[/]' if outcome.success else '[red]failed[/]'}")
            for line in outcome.summary_lines:
                console.print(line)
        failed = [o for o in outcomes if not o.success]
        if failed:
            for outcome in failed:
                err.print(f"[red]The run failed:[/] {outcome.error}")
            return 1
    else:
        console.print("Nothing changed since the last run.")
    if not args.quiet:
        return _print_timeline(db, _filter_from(args))
    return 0


# ---------------------------------------------------------------- show / query


def _filter_from(args: argparse.Namespace):
    from pipeline.store import TimelineFilter

    bases = ("explicit", "narrative", "publication") if not getattr(args, "explicit_only", False) else ("explicit",)
    return TimelineFilter(
        start=getattr(args, "date_from", None), end=getattr(args, "date_to", None),
        entity=getattr(args, "entity", None), text=getattr(args, "text", None), bases=bases,
        limit=getattr(args, "limit", None), headline_only=not getattr(args, "all", False),
    )


PRONOUNS = frozenset("i we you he she it they its their his her our which that who this these those".split())


def _who(agent: str | None) -> str:
    """The agent as a reader wants it: a bare pronoun says nothing out of its sentence."""
    return "" if not agent or agent.lower() in PRONOUNS else agent


def _print_timeline(db: Path, flt) -> int:
    from pipeline import store

    try:
        with store.open_db(db, read_only=True, timeout_s=10) as con:
            columns, rows = store.timeline_entries(con, flt)
    except store.StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        return 1
    table = Table(title=f"Timeline ({len(rows)} entries)", show_lines=False, expand=True)
    for name, style in (("date", "cyan"), ("event", None), ("who", "green"), ("where", "magenta"), ("source", "dim")):
        table.add_column(name, style=style, overflow="fold")
    idx = {c: i for i, c in enumerate(columns)}
    for r in rows:
        start, end = r[idx["date_start"]], r[idx["date_end"]]
        if start is None:
            when = "undated" if end is None else f"until {end}"  # some time up to that day ("has pleaded")
        elif end is None:
            when = f"from {start}"  # open-ended ("from now on", FUTURE_REF)
        else:
            when = str(start) if start == end else f"{start} .. {end}"
        if r[idx["date_basis"]] != "explicit" and (start or end) is not None:
            when += f" ({r[idx['date_basis']]})"
        event = " ".join(x for x in (r[idx["trigger"]], r[idx["patient"]] or "") if x)
        if r[idx["modality"]] not in (None, "asserted"):
            event += f" [{r[idx['modality']]}]"
        sources = r[idx["sources"]]
        table.add_row(when, event, _who(r[idx["agent"]]), r[idx["place"]] or "", "\n".join(sources))
    console.print(table)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    return _print_timeline(Path(args.db), _filter_from(args))


def cmd_query(args: argparse.Namespace) -> int:
    from pipeline import store

    try:
        with store.open_db(Path(args.db), read_only=True, timeout_s=10) as con:
            columns, rows = store.run_readonly(con, args.sql)
    except store.StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        return 1
    except Exception as exc:  # DuckDB's own message is the useful part (syntax, read-only...)
        err.print(f"[red]query failed:[/] {exc}")
        return 1
    if args.format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))
    elif args.format == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns, title=f"{len(rows)} rows")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
    return 0


# ---------------------------------------------------------------- explain / tag / extract


def cmd_explain(args: argparse.Namespace) -> int:
    from pipeline.temporal import tag_text
    from pipeline.temporal.ranges import intervals

    text = sys.stdin.read() if args.text == "-" else args.text
    timexes = tag_text(text, args.published)
    table = Table("text", "type", "value", "range", "rule", "anchor", title=f"Published {args.published or 'unknown'}")
    ranges = intervals(timexes)
    for t in timexes:
        rng = "" if t.range_start is None else (f"{t.range_start}" if t.range_start == t.range_end else f"{t.range_start} .. {t.range_end}")
        if (interval := ranges.get(id(t))) is not None:
            rng += f"\n(range {interval[2]} .. {interval[3]})"
        anchor = "" if not t.anchor else f"{t.anchor} ({t.anchor_kind})"
        table.add_row(t.text, t.type, t.value or "unresolved", rng, t.rule, anchor)
    console.print(table)
    if not timexes:
        console.print("No temporal expression found.")
    return 0


def _open_in(path: str):
    return sys.stdin if path == "-" else open(path, encoding="utf-8")


def _jsonl_command(args: argparse.Namespace, engine) -> int:
    """Runs `engine` (tag_jsonl, extract_jsonl) over the JSONL file: lines that are no document are named
    on stderr and skipped, the others go on; exit code 2 when there were any."""
    errors: list[str] = []
    with _open_in(args.file) as inp:
        engine(inp, sys.stdout, errors=errors)
    for message in errors:
        err.print(f"[red]error:[/] {args.file}: {message}")
    return 2 if errors else 0


def cmd_tag(args: argparse.Namespace) -> int:
    from pipeline.temporal import tag_jsonl

    return _jsonl_command(args, tag_jsonl)


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.events import extract_jsonl

    return _jsonl_command(args, extract_jsonl)


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=str(config.default_db()), help="DuckDB file (default: %(default)s)")

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("--from", dest="date_from", type=_date, help="first day (YYYY-MM-DD)")
        p.add_argument("--to", dest="date_to", type=_date, help="last day (YYYY-MM-DD)")
        p.add_argument("--entity", help="a person, organisation or place taking part")
        p.add_argument("--text", help="words in the event's sentence")
        p.add_argument("--explicit-only", action="store_true", help="only events dated by their own words")
        p.add_argument("--limit", type=int, help="at most this many entries")
        p.add_argument("--all", action="store_true",
                       help="every event, speech and light verbs and hypotheticals included")

    p = sub.add_parser("run", help="process an inbox into the database, then print the timeline")
    p.add_argument("--inbox", default=str(config.default_inbox()), help="folder of articles (default: the bundled samples)")
    db_arg(p)
    p.add_argument("--force", action="store_true", help="re-process every article, changed or not")
    p.add_argument("--quiet", action="store_true", help="do not print the timeline afterwards")
    filters(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("show", help="print the timeline")
    db_arg(p)
    filters(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("query", help="run read-only SQL against the database")
    p.add_argument("sql")
    db_arg(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("explain", help="show how each temporal expression in a text is resolved, and why")
    p.add_argument("--published", type=_date, help="publication date of the text (YYYY-MM-DD)")
    p.add_argument("text", help="the text, or - to read standard input")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("tag", help="JSONL {doc_id, dct, text} in, JSONL {doc_id, timexes} out")
    p.add_argument("file", nargs="?", default="-")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("extract", help="JSONL {doc_id, dct, text} in, JSONL {doc_id, timexes, events} out")
    p.add_argument("file", nargs="?", default="-")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from pipeline.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as exc:  # locked, missing or too new a database: the message says what to do
        err.print(f"[red]error:[/] {exc}")
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
