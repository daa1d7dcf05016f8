"""The sources page: every source's health, run now, pause, and file uploads with progress."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.exceptions import RequestEntityTooLarge

from kiosk import audit, db, ingest
from kiosk.models import Item, Source, Status
from kiosk.sources import CONNECTORS, collect, registry
from kiosk.web.admin import N_, admin_only

log = logging.getLogger(__name__)

bp = Blueprint("sources", __name__, url_prefix="/admin/sources")

# One commit and one progress line per batch: small enough for a moving bar, large enough
# that the roster and rules are loaded a handful of times per file, not per row.
BATCH = 200
SHOWN_ERRORS = 20

# The first word of registry.health(); the page translates it and colours the row by it.
STATES = (N_("ok"), N_("never run"), N_("waiting"), N_("paused"), N_("error"))


def _source(source_id: int) -> Source:
    source = db.session().get(Source, source_id)
    if source is None:
        abort(404)
    return source


def _health(source: Source) -> tuple[str, str]:
    """(state word, detail): "error: HTTP 500 from …" → ("error", "HTTP 500 from …")."""
    text = registry.health(source)
    word, _sep, detail = text.partition(": ")
    return (word, detail) if word in STATES else ("other", text)


def _next_poll(source: Source, now: datetime) -> datetime | None:
    """When the scheduler will poll next, about: an interval after the last run, or later
    if a rate limit or backoff says so. None for pushed or paused sources."""
    if source.kind not in CONNECTORS or not source.enabled:
        return None
    interval = timedelta(minutes=int(source.settings.get("interval", 60)))
    at = source.last_run_at + interval if source.last_run_at else now
    if source.retry_at and source.retry_at > at:
        at = source.retry_at
    return max(at, now)


def _settings(source: Source) -> list[tuple[str, str]]:
    """Settings as stored. Secrets are stored as env:/config: references and shown as
    such; a value that somehow is not a reference is hidden rather than shown."""
    cls = registry.connector_class(source.kind)
    secret = {f.name for f in cls.schema() if f.secret} if cls else set()
    shown = []
    for key, value in sorted((source.settings or {}).items()):
        value = str(value)
        if key in secret and not value.startswith(("env:", "config:")):
            value = "••••••"
        shown.append((key, value))
    return shown


@bp.get("", endpoint="index")
@admin_only
def index():
    now = datetime.now(UTC)
    rows = []
    for source in registry.list_sources():
        state, detail = _health(source)
        polled = source.kind in CONNECTORS
        next_poll = _next_poll(source, now)
        rows.append({
            "source": source, "state": state, "detail": detail, "polled": polled,
            "interval": source.settings.get("interval") if polled else None,
            "next_poll": next_poll, "due": next_poll is not None and next_poll <= now,
            "settings": _settings(source),
        })
    cfg = current_app.config
    return render_template(
        "sources.html", rows=rows, kinds=registry.kinds(), max_bytes=cfg["MAX_CONTENT_LENGTH"],
        max_size=_size(cfg["MAX_CONTENT_LENGTH"]))


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _summary_words(summary: collect.PollSummary) -> str:
    if summary.error and not (summary.new or summary.duplicates or summary.invalid):
        return _("%(name)s failed: %(error)s", name=summary.source, error=summary.error)
    text = _("%(name)s: %(new)d new, %(duplicates)d duplicates, %(rejected)d rejected",
             name=summary.source, new=summary.new, duplicates=summary.duplicates,
             rejected=summary.rejected)
    if summary.invalid:
        text += _(", %(n)d invalid", n=len(summary.invalid))
    if summary.error:
        text += _("; stopped by an error: %(error)s", error=summary.error)
    return text


@bp.post("/<int:source_id>/run")
@admin_only
def run(source_id: int):
    """Poll now, in this request: connectors are bounded by timeouts and retries."""
    source = _source(source_id)
    if source.kind not in CONNECTORS:
        flash(_("%(name)s is not polled: %(how)s", name=source.name,
                how=registry.kinds().get(source.kind, source.kind)), "error")
        return redirect(url_for("sources.index"))
    summary = collect.poll(source, force=True)
    # Counts and the error in words only: never settings, so never a secret.
    audit.record(current_user.username, "source.run", f"source:{source.id}", None, {
        "name": source.name, "new": summary.new, "duplicates": summary.duplicates,
        "rejected": summary.rejected, "invalid": len(summary.invalid),
        "error": (summary.error or "")[:300] or None})
    db.session().commit()
    flash(_summary_words(summary), "error" if summary.error else "ok")
    return redirect(url_for("sources.index"))


def _set_enabled(source_id: int, enabled: bool):
    source = _source(source_id)
    if source.kind not in CONNECTORS:
        abort(400)
    before = source.enabled
    source.enabled = enabled
    audit.record(current_user.username, "source.resume" if enabled else "source.pause",
                 f"source:{source.id}", {"enabled": before}, {"enabled": enabled})
    db.session().commit()
    flash(_("%(name)s resumed; it is polled again on its interval.", name=source.name)
          if enabled else _("%(name)s paused; it is not polled until resumed.",
                            name=source.name), "ok")
    return redirect(url_for("sources.index"))


@bp.post("/<int:source_id>/pause")
@admin_only
def pause(source_id: int):
    return _set_enabled(source_id, False)


@bp.post("/<int:source_id>/resume")
@admin_only
def resume(source_id: int):
    return _set_enabled(source_id, True)


# --- upload ---------------------------------------------------------------------------

@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_exc):
    limit = _size(current_app.config["MAX_CONTENT_LENGTH"])
    response = jsonify({"error": _("The file is larger than the limit of %(limit)s.",
                                   limit=limit)})
    response.status_code = 413
    return response


def _refuse(message: str):
    response = jsonify({"error": message})
    response.status_code = 400
    return response


@bp.post("/upload")
@admin_only
def upload():
    """Import a CSV or JSON lines file, answering with one JSON line per stored batch."""
    file = request.files.get("file")
    if file is None or not file.filename:
        return _refuse(_("Choose a CSV or JSON lines file."))
    name = (request.form.get("source") or "").strip() or "upload"
    if len(name) > 100:
        return _refuse(_("A source name has at most 100 characters."))
    records = list(ingest.read_records(file.read(), file.filename))
    source = _import_source(name)
    lines = _import(records, source, file.filename, current_user.username)
    return Response(stream_with_context(lines), mimetype="application/x-ndjson",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _import_source(name: str) -> Source:
    """An uploaded file's rows belong to a source the page lists; made on first upload."""
    source = db.session().scalar(select(Source).where(Source.name == name))
    return source or registry.add_source(name, "import")


def _line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


def _import(records: list[tuple[int, object]], source: Source, filename: str,
            actor: str) -> Iterator[str]:
    session = db.session()
    source_id, name = source.id, source.name
    total = len(records)
    counts = {"done": 0, "total": total, "added": 0, "duplicates": 0, "errors": 0,
              "rejected": 0}
    errors: list[tuple[int, str]] = []
    failure = None
    yield _line(counts)  # the total, before the first batch takes its time
    try:
        for start in range(0, total, BATCH):
            batch = records[start:start + BATCH]
            good, bad = ingest.parse_records(batch, name)
            report = ingest.store_items(good, ingest.IngestReport(errors=bad))
            errors += report.errors
            if report.added:
                counts["rejected"] += session.scalar(select(func.count()).select_from(Item)
                                                     .where(Item.id.in_(report.added),
                                                            Item.status == Status.REJECTED.value))
            counts["done"] += len(batch)
            counts["added"] += len(report.added)
            counts["duplicates"] += report.duplicates
            counts["errors"] = len(errors)
            yield _line(counts)
    except Exception as exc:  # said on the page and in the log; stored batches stay stored
        session.rollback()
        log.exception("upload of %s failed", filename)
        failure = f"{type(exc).__name__}: {exc}"
    source = session.get(Source, source_id)
    now = datetime.now(UTC)
    if source.kind == "import":
        source.items_fetched = (source.items_fetched or 0) + counts["done"]
        if failure:
            source.last_error, source.last_error_at = failure[:500], now
        else:
            source.last_success = now
    audit.record(actor, "source.upload", f"source:{source_id}", None, {
        "source": name, "file": filename[:200], **counts, "failed": failure})
    session.commit()
    yield _line({**counts, "final": True, "error": failure,
                 "first_errors": [{"line": n, "error": msg}
                                  for n, msg in errors[:SHOWN_ERRORS]]})
