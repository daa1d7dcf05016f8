"""Run a source's connector once: store each page through ingest, then save its cursor.

Order matters for "nothing lost, nothing twice": a page's items are committed before the
cursor that points past them, so a crash in between re-fetches that page and ingest skips
what it already has by (source, external_id).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask import current_app

from kiosk import db, ingest
from kiosk.models import Item, Source
from kiosk.sources import registry
from kiosk.sources.base import ConfigError, resolve
from kiosk.sources.http import FetchError, Http, RateLimited

log = logging.getLogger(__name__)

OVERLAP = timedelta(hours=1)  # re-read a little before the last poll; ingest dedupes
BACKOFF_CAP = timedelta(hours=6)


@dataclass
class PollSummary:
    source: str
    new: int = 0
    duplicates: int = 0
    rejected: int = 0  # stored, but the rules rejected them (complaints, profanity, …)
    empty: int = 0  # provider items with nothing to show, not stored (stars without words)
    invalid: list[str] = field(default_factory=list)  # records ingest refused, in words
    error: str | None = None  # why the poll stopped early, if it did
    skipped: str | None = None

    def to_json(self) -> dict:
        return {"source": self.source, "new": self.new, "duplicates": self.duplicates,
                "rejected": self.rejected, "empty": self.empty, "invalid": self.invalid,
                "error": self.error, "skipped": self.skipped}


def http_client() -> Http:
    cfg = current_app.config
    return Http(timeout=float(cfg["SOURCE_TIMEOUT"]), retries=int(cfg["SOURCE_RETRIES"]),
                backoff=float(cfg["SOURCE_BACKOFF"]), max_wait=float(cfg["SOURCE_MAX_WAIT"]))


def due(source: Source, now: datetime) -> bool:
    if not source.enabled or registry.connector_class(source.kind) is None:
        return False
    if source.retry_at and source.retry_at > now:
        return False
    interval = timedelta(minutes=int(source.settings.get("interval", 60)))
    return source.last_run_at is None or source.last_run_at + interval <= now


def poll(source: Source, since: datetime | None = None, force: bool = False,
         progress: Callable[[PollSummary], None] | None = None) -> PollSummary:
    """Fetch and store everything new from one source. Never raises for a provider fault."""
    summary = PollSummary(source.name)
    session = db.session()
    now = datetime.now(UTC)
    if not force and source.retry_at and source.retry_at > now:
        summary.skipped = registry.health(source)
        return summary
    cls = registry.connector_class(source.kind)
    if cls is None:
        summary.skipped = f"{source.kind} sources push; nothing to poll"
        return summary
    since = since or _since(source, now)
    source.last_run_at = now
    session.commit()
    try:
        settings = resolve(cls, source.settings, current_app.config)
        connector = cls(source.name, settings, source.state or {}, http_client())
        for page in connector.fetch(since):
            _store(page.items, source, settings.get("branch"), summary)
            summary.empty += page.skipped
            if page.state:
                source.state = {**(source.state or {}), **page.state}
            source.items_fetched = (source.items_fetched or 0) + len(page.items)
            session.commit()
            if progress:
                progress(summary)
    except (FetchError, ConfigError) as exc:
        session.rollback()
        _failed(source, str(exc), exc)
        summary.error = str(exc)
        return summary
    except Exception as exc:  # a connector bug must not stop the other sources
        session.rollback()
        log.exception("source %s failed", source.name)
        _failed(source, f"internal error: {type(exc).__name__}: {exc}", exc)
        summary.error = source.last_error
        return summary
    source.last_success = datetime.now(UTC)
    source.failures, source.retry_at = 0, None
    source.state = {**(source.state or {}), "since": now.isoformat()}
    session.commit()
    return summary


def _since(source: Source, now: datetime) -> datetime:
    saved = (source.state or {}).get("since")
    if saved:
        try:
            return datetime.fromisoformat(saved) - OVERLAP
        except ValueError:
            pass
    return now - timedelta(days=int(source.settings.get("lookback_days", 2)))


def _store(records: list[dict], source: Source, branch: str | None,
           summary: PollSummary) -> None:
    numbered = []
    for n, record in enumerate(records, start=1):
        if isinstance(record, dict):
            record = {**record, "source": source.name}
            if branch and not record.get("branch"):
                record["branch"] = branch
        numbered.append((n, record))
    report = ingest.ingest(numbered, default_source=source.name)
    summary.new += len(report.added)
    summary.duplicates += report.duplicates
    summary.invalid += [f"{source.name} item {n}: {msg}" for n, msg in report.errors]
    if report.added:
        session = db.session()
        summary.rejected += sum(1 for i in report.added
                                if session.get(Item, i).status == "rejected")


def _failed(source: Source, message: str, exc: Exception) -> None:
    now = datetime.now(UTC)
    source.last_error, source.last_error_at = message[:500], now
    source.failures = (source.failures or 0) + 1
    if isinstance(exc, RateLimited):
        source.retry_at = exc.until
    elif isinstance(exc, FetchError):
        # Back off a failing provider: 2, 4, 8 … minutes past its interval, up to 6 hours.
        source.retry_at = now + min(timedelta(minutes=2 ** source.failures), BACKOFF_CAP)
    db.session().commit()
    log.warning("source %s: %s", source.name, message)


def poll_all(names: list[str] | None = None, since: datetime | None = None,
             only_due: bool = False, progress=None) -> list[PollSummary]:
    now = datetime.now(UTC)
    sources = ([registry.get_source(n) for n in names] if names
               else registry.polled_sources())
    out = []
    for source in sources:
        if only_due and not due(source, now):
            continue
        out.append(poll(source, since=since, force=bool(names), progress=progress))
    return out
