"""`kiosk digest`, `notes`, `poster`, `report`: what leaves Kiosk for people to read."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kiosk import cli
from kiosk.cli import main


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
    from kiosk import digest, digest_subscriptions, mail

    with cli._app().app_context():
        try:
            when = digest.parse_day(day) if day else None
            outcomes = digest.send_day(when, to=to, language=language, dry_run=dry_run)
        except (digest_subscriptions.DigestError, mail.MailError) as exc:
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
    from kiosk import digest_subscriptions

    with cli._app().app_context():
        try:
            sub = digest_subscriptions.subscribe(email, branch=branch, team=team, language=language)
        except digest_subscriptions.DigestError as exc:
            raise click.ClickException(str(exc)) from None
        scope = " · ".join(filter(None, [sub.branch, sub.team])) or "everything"
        click.echo(f"subscribed {sub.email} ({sub.language}, {scope})")


@digest_group.command("unsubscribe")
@click.argument("email")
def digest_unsubscribe(email: str) -> None:
    """Stop every digest to EMAIL."""
    from kiosk import digest_subscriptions

    with cli._app().app_context():
        try:
            count = digest_subscriptions.unsubscribe_address(email)
        except digest_subscriptions.DigestError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"unsubscribed {email.strip().lower()} ({count} subscriptions)")


@digest_group.command("list")
def digest_list() -> None:
    """Subscriptions: address, language, branch, team, state."""
    from kiosk import digest_subscriptions

    with cli._app().app_context():
        for s in digest_subscriptions.subscriptions():
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
    with cli._app().app_context():
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
    from kiosk import report_render

    app = cli._app()
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
                click.echo(report_render.render_text(data, lang), nl=False)
            return
        body = report_render.render_pdf(data, lang)
    pdf_file.write_bytes(body)
    click.echo(f"{pdf_file}: monthly report {chosen}, {data['totals']['praise']} praise, "
               f"{len(body) // 1024} KB")


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

    with cli._app().app_context():
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
