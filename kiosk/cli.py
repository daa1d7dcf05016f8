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


@main.group("digest")
def digest_group() -> None:
    """The morning digest e-mail (yesterday's praise) and its subscribers."""


@digest_group.command("send")
@click.option("--dry-run", is_flag=True, help="Print what would be sent; send nothing.")
@click.option("--date", "day", metavar="YYYY-MM-DD",
              help="The day whose praise to send (company time zone); default: yesterday.")
@click.option("--to", "to", multiple=True, metavar="ADDRESS",
              help="Send the day's full digest to this address instead of the subscribers "
              "(repeatable); counts as that address's digest for the day.")
@click.option("--language", type=click.Choice(["tr", "en"]),
              help="Language for --to (default: KIOSK_LANGUAGE).")
def digest_send(dry_run: bool, day: str | None, to: tuple[str, ...],
                language: str | None) -> None:
    """Send a day's digest; an address never gets the same day twice (except --dry-run)."""
    from kiosk import digest, mail

    with _app().app_context():
        try:
            when = digest.parse_day(day) if day else None
            outcomes = digest.send_day(when, to=to, language=language, dry_run=dry_run)
        except (digest.DigestError, mail.MailError) as exc:
            raise click.ClickException(str(exc)) from None
    if not outcomes:
        click.echo("nothing to send: no praise for " + ("those addresses" if to else
                                                         "any subscriber") + " on that day")
    for o in outcomes:
        click.echo(f"{o.status}: {o.address} ({o.language}, {o.scope}) {o.items} "
                   f"item{'' if o.items == 1 else 's'} — "
                   f"{o.subject}" + (f": {o.error}" if o.error else ""))
        if o.text is not None:
            click.echo(o.text.rstrip("\n") + "\n" + "-" * 72)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


@digest_group.command("subscribe")
@click.argument("email")
@click.option("--branch", help="Only this branch's praise.")
@click.option("--team", help="Only praise naming someone of this roster team.")
@click.option("--language", type=click.Choice(["tr", "en"]), default="tr", show_default=True)
def digest_subscribe(email: str, branch: str | None, team: str | None, language: str) -> None:
    """Subscribe EMAIL to the morning digest (everything, a branch or a team)."""
    from kiosk import digest

    with _app().app_context():
        try:
            sub = digest.subscribe(email, branch=branch, team=team, language=language)
        except digest.DigestError as exc:
            raise click.ClickException(str(exc)) from None
        scope = " · ".join(filter(None, [sub.branch, sub.team])) or "everything"
        click.echo(f"subscribed {sub.email} ({sub.language}, {scope})")


@digest_group.command("unsubscribe")
@click.argument("email")
def digest_unsubscribe(email: str) -> None:
    """Stop every digest to EMAIL."""
    from kiosk import digest

    with _app().app_context():
        try:
            count = digest.unsubscribe_address(email)
        except digest.DigestError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"unsubscribed {email.strip().lower()} ({count} subscriptions)")


@digest_group.command("list")
def digest_list() -> None:
    """Subscriptions: address, language, branch, team, state."""
    from kiosk import digest

    with _app().app_context():
        for s in digest.subscriptions():
            state = f"unsubscribed {s.unsubscribed_at:%Y-%m-%d}" if s.unsubscribed_at \
                else "active"
            click.echo(f"{s.email}\t{s.language}\t{s.branch or '*'}\t{s.team or '*'}\t{state}")


@main.command("poster")
@click.argument("item_id", type=int, required=False)
@click.option("--pdf", "pdf_file", required=True, type=click.Path(dir_okay=False,
              writable=True, path_type=Path), help="Where to write the PDF.")
@click.option("--size", type=click.Choice(["A4", "A3"], case_sensitive=False), default="A4",
              show_default=True, metavar="A4|A3")
@click.option("--week", is_flag=False, flag_value="", default=None, metavar="[YYYY-Www]",
              help="The week's best 3–5 quotes instead of one item; alone: this week "
              "(last week while this one has fewer than three).")
@click.option("--lang", type=click.Choice(["tr", "en"]), help="Default: KIOSK_LANGUAGE.")
def poster(item_id: int | None, pdf_file: Path, size: str, week: str | None,
           lang: str | None) -> None:
    """Print-ready poster of an approved or pinned item (or --week's best) as a PDF."""
    from kiosk import posters

    if (item_id is None) == (week is None):
        raise click.UsageError("give either ITEM_ID or --week")
    with _app().app_context():
        try:
            if week is None:
                data, what = posters.item_poster(item_id, size, "cli", lang), f"item {item_id}"
            else:
                data, label = posters.week_poster(week or None, size, "cli", lang)
                what = f"best of week {label}"
        except posters.PosterError as exc:
            raise click.ClickException(str(exc)) from None
    pdf_file.write_bytes(data)
    click.echo(f"{pdf_file}: {what}, {size.upper()}, {len(data) // 1024} KB")


@main.group()
def report() -> None:
    """Reports: the monthly strengths report."""


@report.command("monthly")
@click.option("--month", metavar="YYYY-MM",
              help="Default: the last full month in KIOSK_TIMEZONE.")
@click.option("--pdf", "pdf_file", type=click.Path(dir_okay=False, writable=True,
              path_type=Path), help="Write the report as a PDF here instead of printing it.")
@click.option("--lang", type=click.Choice(["tr", "en"]), help="Default: KIOSK_LANGUAGE.")
def report_monthly(month: str | None, pdf_file: Path | None, lang: str | None) -> None:
    """What customers praised most in a month, with trends, staff and branches."""
    from datetime import UTC, datetime

    import flask_babel

    from kiosk import report as reports

    app = _app()
    tz = app.config["TIMEZONE"]
    try:
        chosen = reports.Month.parse(month) if month else \
            reports.last_full_month(datetime.now(UTC), tz)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--month") from None
    lang = lang or ("en" if app.config["LANGUAGE"] == "en" else "tr")
    with app.app_context():
        data = reports.monthly(chosen, tz)
        if pdf_file is None:
            with app.test_request_context(), flask_babel.force_locale(lang):
                click.echo(reports.render_text(data, lang), nl=False)
            return
        body = reports.render_pdf(data, lang)
    pdf_file.write_bytes(body)
    click.echo(f"{pdf_file}: monthly report {chosen}, {data['totals']['praise']} praise, "
               f"{len(body) // 1024} KB")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())


@main.command("erase")
@click.option("--author", "handle", required=True, metavar="HANDLE",
              help="Author handle or name, as stored (no case, no leading @).")
@click.option("--email", metavar="ADDRESS", help="Their e-mail address: also erases digest "
              "subscriptions and masks the address in other people's feedback.")
@click.option("--source", metavar="NAME", help="Only this source's items.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase(handle: str, email: str | None, source: str | None, yes: bool) -> None:
    """Erase everything stored about one person (KVKK/GDPR); screens drop it at once."""
    from kiosk import privacy

    app = _app()
    with app.app_context():
        try:
            found = privacy.preview_erasure(handle, email, source)
            click.echo(f"found: {_counts(found.counts())}")
            if not yes:
                click.confirm("Erase all of it? This cannot be undone", abort=True)
            report = privacy.erase_author(handle, "cli", email, source)
        except privacy.PrivacyError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"erased: {_counts(report.counts())}")
    click.echo(f"erase id: {report.erase_id} (the audit log holds this, not the handle)")
    if not app.config["MESSAGE_QUEUE"] and report.channels:
        click.echo("note: without KIOSK_MESSAGE_QUEUE a running server's screens drop the "
                   "items when they next reconnect; erase from /admin/privacy to drop them "
                   "at once", err=True)


@main.command("export")
@click.option("--author", "handle", required=True, metavar="HANDLE",
              help="Author handle or name, as stored (no case, no leading @).")
@click.option("--email", metavar="ADDRESS", help="Their e-mail address (subscriptions).")
@click.option("--source", metavar="NAME", help="Only this source's items.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, writable=True,
              path_type=Path), help="Write the JSON here instead of printing it.")
def export(handle: str, email: str | None, source: str | None, out_file: Path | None) -> None:
    """Everything stored about one person as JSON, for an access request (KVKK/GDPR)."""
    from kiosk import privacy

    app = _app()
    with app.app_context():
        try:
            data = privacy.export_author(handle, email, source, actor="cli")
        except privacy.PrivacyError as exc:
            raise click.ClickException(str(exc)) from None
    body = json.dumps(data, ensure_ascii=False, indent=2)
    if out_file is None:
        click.echo(body)
        return
    out_file.write_text(body + "\n", encoding="utf-8")
    click.echo(f"{out_file}: {len(data['items'])} items, "
               f"{len(data['digest_subscriptions'])} subscriptions")


@main.group("notes")
def notes_group() -> None:
    """E-mails to the praised: the personal weekly note (and shout-out notices owed)."""


@notes_group.command("send")
@click.option("--dry-run", is_flag=True, help="Print what would be sent; send nothing.")
@click.option("--week", metavar="YYYY-Www",
              help="The ISO week whose praise to send, e.g. 2026-W47; default: last week.")
def notes_send(dry_run: bool, week: str | None) -> None:
    """Send a week's notes: one per person and week, never twice (except --dry-run)."""
    from kiosk import mail, notes

    with _app().app_context():
        try:
            monday = notes.parse_week(week) if week else None
            outcomes = notes.send_week(monday, dry_run=dry_run)
        except (notes.NoteError, mail.MailError) as exc:
            raise click.ClickException(str(exc)) from None
    if not outcomes:
        click.echo("nothing to send: no praise naming anyone with an e-mail that week")
    for o in outcomes:
        click.echo(f"{o.status}: {o.address} {o.items} item{'' if o.items == 1 else 's'} — "
                   f"{o.subject}" + (f": {o.error}" if o.error else ""))
        if o.text is not None:
            click.echo(o.text.rstrip("\n") + "\n" + "-" * 72)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


@main.group("model")
def model_group() -> None:
    """The praise models Kiosk learns from its curators' decisions (docs/learning.md)."""


def _pct(value) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


@model_group.command("train")
@click.option("--lang", type=click.Choice(["tr", "en"]), help="one language (default: both)")
def model_train(lang: str | None) -> None:
    """Train now on every decision so far; the gate decides whether the model is used."""
    from kiosk import learning

    with _app().app_context():
        for code in [lang] if lang else learning.LANGS:
            row = learning.train(code, actor="cli")
            if row is None:
                click.echo(f"{code}: too few examples to train ({learning.MIN_TRAIN} needed, "
                           "with praise and non-praise among them)")
                continue
            click.echo(f"{code}: model {row.id} on {row.examples} examples, held-out precision "
                       f"{_pct(row.precision)} recall {_pct(row.recall)}: {row.note}")


@model_group.command("report")
@click.option("--json", "as_json", is_flag=True, help="the whole report as JSON")
def model_report(as_json: bool) -> None:
    """Per language: examples collected, the model in use and its held-out numbers."""
    from kiosk import learning, learning_report

    with _app().app_context():
        reports = [learning_report.report(code) for code in learning.LANGS]
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=1))
        return
    for r in reports:
        active = r["active"]
        click.echo(f"{r['lang']}: {r['examples']} examples ({r['praise']} praise), "
                   f"{r['embarrassments']} embarrassments caught after auto-approval; "
                   + (f"model {active['id']} in use: held-out precision "
                      f"{_pct(active['precision'])} recall {_pct(active['recall'])}"
                      if active else "no model in use, the rules decide"))
        for m in r["models"][:5]:
            click.echo(f"  model {m['id']} {m['created_at'][:10]} {m['examples']} examples "
                       f"P {_pct(m['precision'])} R {_pct(m['recall'])} "
                       f"{'in use' if m['active'] else 'passed' if m['passed'] else 'refused'}"
                       f": {m['note']}")


@model_group.command("use")
@click.argument("model_id", type=int)
def model_use(model_id: int) -> None:
    """Roll back (or forward) to a model that passed the gate."""
    from kiosk import learning

    with _app().app_context():
        try:
            row = learning.use_model(model_id, actor="cli")
        except (LookupError, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"{row.lang}: model {row.id} in use")


@main.command("check-config")
def check_config() -> None:
    """Warn about settings and accounts unsafe in production; exit 1 if there is any."""
    from kiosk.checks import check_config as run_checks
    from kiosk.config import load_settings

    findings = run_checks(load_settings(materialise=False))  # writes nothing
    for finding in findings:
        click.echo(str(finding))
    if findings:
        click.echo(f"{len(findings)} warning{'s' if len(findings) > 1 else ''}", err=True)
        sys.exit(1)
    click.echo("no warnings")


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source", "default_source", help="Source name for rows that name none.")
def import_(file: Path, default_source: str | None) -> None:
    """Import feedback from a CSV or JSON lines file; bad lines are reported, good ones kept."""
    from kiosk import ingest

    app = _app()
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
    from kiosk.analysis.pipeline import Thresholds
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


if __name__ == "__main__":  # pragma: no cover
    main()
