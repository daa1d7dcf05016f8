"""`kiosk erase`, `export`, `model`, `check-config`: personal data, the learned model, safety."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kiosk import cli
from kiosk.cli import main


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

    app = cli._app()
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
    from kiosk import personal_export, privacy

    app = cli._app()
    with app.app_context():
        try:
            data = personal_export.export_author(handle, email, source, actor="cli")
        except privacy.PrivacyError as exc:
            raise click.ClickException(str(exc)) from None
    body = json.dumps(data, ensure_ascii=False, indent=2)
    if out_file is None:
        click.echo(body)
        return
    out_file.write_text(body + "\n", encoding="utf-8")
    click.echo(f"{out_file}: {len(data['items'])} items, "
               f"{len(data['digest_subscriptions'])} subscriptions")


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

    with cli._app().app_context():
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

    with cli._app().app_context():
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

    with cli._app().app_context():
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
