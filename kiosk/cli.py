"""The `kiosk` console script: one command per verb. Every command honours KIOSK_* settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _app(**overrides):
    from kiosk import create_app

    return create_app(overrides or None)


def _base_url(app) -> str:
    host = app.config["HOST"]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{shown}:{app.config['PORT']}"


class _Main(click.Group):
    def invoke(self, ctx):
        """A wrong setting is one line naming the variable, not a traceback."""
        from kiosk.config import SettingError

        try:
            return super().invoke(ctx)
        except SettingError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Main, help="Kiosk: customer praise on every break-room screen.")
def main() -> None:
    pass


@main.command()
@click.option("--demo", is_flag=True, help="Load the demo company if the database is empty; "
              "make a demo screen and admin.")
def init(demo: bool) -> None:
    """Create or upgrade the database (Alembic), optionally with demo data."""
    from kiosk import schema
    from kiosk.taxonomy import seed_default_themes

    app = _app()
    schema.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        seed_default_themes()
    click.echo(f"database ready: {_redacted_url(app.config['DATABASE_URL'])}")
    if not demo:
        return
    from kiosk import demo as demo_data

    with app.app_context():
        summary = demo_data.load_if_empty()
        if summary:
            click.echo(summary)
        screen, username, password = demo_data.ensure_screen_and_admin()
        from kiosk.screens import screen_url

        click.echo(f"display:  {screen_url(screen, _base_url(app))}")
        click.echo(f"admin:    {_base_url(app)}/admin/login  user {username}  "
                   f"password {password}")


def _redacted_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@main.command()
@click.option("--workers", type=int, default=None, help="gunicorn processes (KIOSK_WORKERS).")
def serve(workers: int | None) -> None:
    """Serve web and websockets with gunicorn (gevent workers) on KIOSK_HOST:KIOSK_PORT."""
    from kiosk.server import run

    run(workers=workers)


@main.command("scheduler")
def scheduler_() -> None:
    """Run scheduled jobs (source polls, the daily close) until stopped."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    from kiosk import logs, scheduler

    app = _app()
    logs.configure(app.config["LOG_LEVEL"], app.config["LOG_FORMAT"])
    if not app.config["MESSAGE_QUEUE"]:
        click.echo("note: without KIOSK_MESSAGE_QUEUE, screens hear of items this process "
                   "collects only when they reconnect; set it, or keep KIOSK_SCHEDULER="
                   "embedded in `kiosk serve`", err=True)
    click.echo(f"scheduler {scheduler.HOLDER} started; daily close at "
               f"{app.config['DAILY_AT']} {app.config['TIMEZONE']}", err=True)
    try:
        scheduler.start(app, BlockingScheduler())
    except (KeyboardInterrupt, SystemExit):
        pass


@main.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup_(file: Path) -> None:
    """Write a consistent copy of the whole database to FILE (safe while serving)."""
    from kiosk import backup

    app = _app()
    try:
        counts = backup.backup(app.config["DATABASE_URL"], file)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backed up {sum(counts.values())} rows of {len(counts)} tables to {file}")


@main.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_(file: Path) -> None:
    """Load a backup into an empty database (KIOSK_DATABASE_URL), then migrate it."""
    from kiosk import backup

    app = _app()
    try:
        counts = backup.restore(app.config["DATABASE_URL"], file)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from None
    where = _redacted_url(app.config["DATABASE_URL"])
    click.echo(f"restored {sum(counts.values())} rows into {where}")


@main.command()
@click.option("--source", "names", multiple=True, metavar="NAME",
              help="Poll only this source (repeatable); default: every enabled source.")
def ingest(names: tuple[str, ...]) -> None:
    """Poll sources once now, with progress, and print what came in."""
    from kiosk.sources import collect, registry

    app = _app()
    with app.app_context():
        try:
            sources = ([registry.get_source(n) for n in names] if names
                       else registry.polled_sources())
        except registry.SourceError as exc:
            raise click.ClickException(str(exc)) from None
        if not sources:
            click.echo("no sources to poll; add one with `kiosk sources add NAME --kind rss "
                       "--set url=…`")
            return
        summaries = []
        with click.progressbar(sources, label="polling", file=sys.stderr,
                               item_show_func=lambda s: s.name if s else "") as bar:
            for source in bar:
                summaries.append(collect.poll(source, force=True))
    failed = 0
    for s in summaries:
        if s.skipped:
            click.echo(f"{s.source}: skipped ({s.skipped})")
            continue
        line = f"{s.source}: {s.new} new, {s.duplicates} duplicate, {s.rejected} rejected, " \
               f"{len(s.invalid)} invalid" + (f", {s.empty} without text" if s.empty else "")
        if s.error:
            failed += 1
            line += f"; error: {s.error}"
        click.echo(line)
        for message in s.invalid[:10]:
            click.echo(f"  {message}", err=True)
    total = [sum(getattr(s, k) for s in summaries) for k in ("new", "duplicates", "rejected")]
    click.echo(f"total: {total[0]} new, {total[1]} duplicate, {total[2]} rejected, "
               f"{sum(len(s.invalid) for s in summaries)} invalid, {failed} sources failed")
    if failed and failed == len(summaries):
        sys.exit(1)



@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source", "default_source", help="Source name for rows that name none.")
def import_(file: Path, default_source: str | None) -> None:
    """Import feedback from a CSV or JSON lines file; bad lines are reported, good ones kept."""
    from kiosk import ingest
    from kiosk.analysis.pipeline import warm_up

    app = _app()
    warm_up()  # a file can hold 100,000 items
    with app.app_context():
        report = ingest.ingest(ingest.read_records(file.read_bytes(), file.name),
                               default_source)
    for line, message in report.errors:
        click.echo(f"{file.name}:{line}: {message}", err=True)
    click.echo(f"imported {len(report.added)} new, {report.duplicates} already known, "
               f"{len(report.errors)} bad")
    if report.errors and not report.added and not report.duplicates:
        sys.exit(1)


@main.command()
@click.option("--roster", "roster_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Staff roster CSV (name,aliases,team,branch[,email]).")
@click.option("--branches", "branches_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Branches CSV (name,city,aliases).")
def analyze(roster_file: Path | None, branches_file: Path | None) -> None:
    """JSON lines of feedback on stdin → JSON lines of analysis on stdout (no database).

    One output line per input line, in order; a bad line gets {"error": …} in its place.
    """
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from kiosk.analysis.mentions import Roster, RosterError, parse_branches, parse_roster
    from kiosk.analysis.pipeline import Thresholds, warm_up
    from kiosk.analysis.pipeline import analyze as run_analysis
    from kiosk.config import load_settings
    from kiosk.feedback import parse_feedback

    try:
        roster = Roster(
            parse_roster(roster_file.read_text("utf-8")) if roster_file else [],
            parse_branches(branches_file.read_text("utf-8")) if branches_file else [])
    except (RosterError, KeyError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read the roster: {exc}") from None
    settings = load_settings(materialise=False)  # no database, no files written
    tz = ZoneInfo(settings["TIMEZONE"])
    thresholds = Thresholds.from_config(settings)
    now = datetime.now(UTC)
    warm_up()
    stdin = click.get_text_stream("stdin", errors="replace")
    for number, raw in enumerate(stdin, start=1):
        record = None
        try:
            record = json.loads(raw)
            if isinstance(record, dict) and not record.get("source"):
                record = {**record, "source": "stdin"}
            item = parse_feedback(record, tz, settings["MAX_TEXT_LENGTH"], now)
            result = run_analysis(item, thresholds, roster).to_json()
        except (ValueError, RecursionError) as exc:  # bad JSON (or a 5,000-digit number),
            message = ("empty line" if not raw.strip() else  # or a record that is refused
                       "not valid JSON: nested too deeply" if isinstance(exc, RecursionError)
                       else str(exc))
            given = record.get("external_id") if isinstance(record, dict) else None
            if isinstance(given, str):  # as given, if it can be printed
                given = given.encode("utf-8", "replace").decode()
            elif not isinstance(given, int) or isinstance(given, bool):
                given = None
            result = {"external_id": given, "error": {"line": number, "message": message}}
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()


@main.group()
def roster() -> None:
    """The staff roster that shout-outs are matched against."""


@roster.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--branches", "branches_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Also load branches (name,city,aliases).")
def roster_import(file: Path, branches_file: Path | None) -> None:
    """Replace the roster with FILE (CSV: name,aliases,team,branch[,email])."""
    from kiosk import roster as roster_store
    from kiosk.analysis.mentions import RosterError

    with _app().app_context():
        try:
            count = roster_store.import_roster(file.read_text("utf-8-sig"))
            if branches_file:
                roster_store.import_branches(branches_file.read_text("utf-8-sig"))
        except (RosterError, UnicodeDecodeError) as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"roster: {count} people")


@main.group()
def users() -> None:
    """Manage admin and curator accounts."""


@users.command("create")
@click.option("--username", required=True)
@click.option("--password", required=True)
@click.option("--role", type=click.Choice(["admin", "curator"]), required=True)
def users_create(username: str, password: str, role: str) -> None:
    from kiosk import accounts

    if len(password) < accounts.MIN_PASSWORD:
        click.echo(f"warning: passwords shorter than {accounts.MIN_PASSWORD} characters are "
                   "easy to guess", err=True)
    with _app().app_context():
        try:
            # The console asks for 8+ characters; whoever scripts the CLI decides for itself.
            user = accounts.create_user(username, password, role, min_length=1)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"created {user.role} {user.username}")


@main.group()
def tokens() -> None:
    """API bearer tokens."""


@tokens.command("create")
@click.argument("username")
def tokens_create(username: str) -> None:
    """Print a new bearer token for USERNAME (shown once; only its hash is kept)."""
    from kiosk import accounts

    with _app().app_context():
        try:
            click.echo(accounts.create_token(username))
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None


@main.group()
def sources() -> None:
    """Feedback sources."""


@sources.command("add")
@click.argument("name")
@click.option("--kind", required=True,
              help="webhook, import, rss, mastodon, x, foursquare, google, appstore, imap")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="A connector setting; secrets as env:VARNAME.")
def sources_add(name: str, kind: str, settings: tuple[str, ...]) -> None:
    """Add a source; a webhook source prints its signing secret."""
    from kiosk.sources import registry

    values = {}
    for pair in settings:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--set")
        values[key.strip()] = value
    with _app().app_context():
        try:
            source = registry.add_source(name, kind, values)
        except registry.SourceError as exc:
            raise click.ClickException(str(exc)) from None
        if source.signing_secret:
            click.echo(source.signing_secret)
        else:
            click.echo(f"added {source.kind} source {source.name}")


@sources.command("list")
def sources_list() -> None:
    """Name, kind and health of every source."""
    from kiosk.sources import registry

    with _app().app_context():
        for source in registry.list_sources():
            click.echo(f"{source.name}\t{source.kind}\t{registry.health(source)}")


@main.group()
def screens() -> None:
    """Break-room screens."""


@screens.command("create")
@click.argument("name")
@click.option("--channel", default="default", show_default=True,
              help="Channel to show; created (showing everything approved) if new.")
@click.option("--branch", help="The branch this screen hangs in (favoured in rotation).")
def screens_create(name: str, channel: str, branch: str | None) -> None:
    """Create a screen and print its URL."""
    from kiosk.screens import ScreenError, create_screen, screen_url

    app = _app()
    with app.app_context():
        try:
            screen = create_screen(name, channel, branch)
        except ScreenError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(screen_url(screen, _base_url(app)))


# Commands kept in modules of their own register themselves on `main` when imported
# (they call `cli._app`, so tests that replace it reach them too).
from kiosk import cli_care, cli_outputs  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
