"""Retention: personal data ages out. Feedback older than RETENTION_DAYS loses its raw text,
author and link (or goes), and operational records older than RETENTION_LOG_DAYS go."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, or_, select, update

from kiosk import db, feed, learning, live
from kiosk.caches import forget_cached_pages
from kiosk.models import ON_SCREEN, AuditEntry, Decision, DigestSend, Item, JobRun, Poster, Screen
from kiosk.privacy import (
    CHUNK,
    ERASED,
    TEXT_FIELDS,
    secure_delete,
    wipe_freed_pages,
)

log = logging.getLogger(__name__)

def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


def retention_settings() -> dict[str, Any]:
    cfg = current_app.config
    return {"days": int(cfg.get("RETENTION_DAYS", 0) or 0),
            "keep_approved": _flag(cfg.get("RETENTION_KEEP_APPROVED", True)),
            "log_days": int(cfg.get("RETENTION_LOG_DAYS", 90) or 0)}


def apply_retention(now: datetime | None = None) -> dict[str, int]:
    """Age personal data out: items older than RETENTION_DAYS lose their raw text, author,
    link and provider id (approved and pinned ones, when RETENTION_KEEP_APPROVED, keep the
    redacted text screens showed) or are deleted; job runs and digest sends older than
    RETENTION_LOG_DAYS are deleted. 0 days keeps everything. Returns what it did, counted."""
    now = now or datetime.now(UTC)
    settings = retention_settings()
    counts = {"anonymised": 0, "deleted": 0, "audit_entries": 0, "job_runs": 0,
              "digest_sends": 0}
    session = db.session()
    secure_delete(session)
    if settings["days"] > 0:
        _age_items(now - timedelta(days=settings["days"]), settings["keep_approved"], counts)
    if settings["log_days"] > 0:
        cutoff = now - timedelta(days=settings["log_days"])
        counts["job_runs"] = session.execute(
            delete(JobRun).where(JobRun.started_at < cutoff)).rowcount or 0
        counts["digest_sends"] = session.execute(
            delete(DigestSend).where(DigestSend.sent_at < cutoff)).rowcount or 0
        session.commit()
    if counts["deleted"] or counts["anonymised"]:
        wipe_freed_pages()
        forget_cached_pages()
    return counts


def _age_items(cutoff: datetime, keep_approved: bool, counts: dict[str, int]) -> None:
    session = db.session()
    kept = Item.status.in_(ON_SCREEN) if keep_approved else Item.id.is_(None)
    query = (select(Item.id).where(Item.created_at < cutoff)
             .where(or_(~kept, Item.author.is_not(None), Item.url.is_not(None),
                        ~Item.external_id.startswith("anon:")))
             .order_by(Item.id))
    max_age = current_app.config["FEED_MAX_AGE_DAYS"]
    last = 0
    while True:
        ids = list(session.scalars(query.where(Item.id > last).limit(CHUNK)))
        if not ids:
            return
        last = ids[-1]
        now = datetime.now(UTC)
        removed: list[tuple[Item, set[int]]] = []
        for item in session.scalars(select(Item).where(Item.id.in_(ids))).unique():
            if keep_approved and item.status in ON_SCREEN and item.analysis is not None:
                item.text = item.edited_text or item.analysis.display_text
                item.author, item.url = None, None
                item.external_id = f"anon:{item.id}"
                counts["anonymised"] += 1
            else:
                removed.append((item, feed.channels_showing(item, now, max_age)))
        gone = [item.id for item, _shown in removed]
        if gone:
            session.execute(delete(Decision).where(Decision.item_id.in_(gone)))
            session.execute(update(Poster).where(Poster.item_id.in_(gone)).values(item_id=None))
            session.execute(update(Screen).where(Screen.current_item_id.in_(gone))
                            .values(current_item_id=None))
        for item, _shown in removed:
            session.delete(item)
        learning.forget_items(gone)
        counts["deleted"] += len(removed)
        counts["audit_entries"] += _scrub_item_audit({f"item:{i}" for i in ids})
        session.commit()
        for item, shown in removed:
            if shown:
                live.publish_item_change(item, shown, set())


def _scrub_item_audit(targets: set[str]) -> int:
    """Edits audited for aged items held the text: it goes, who and when stay."""
    scrubbed = 0
    for entry in db.session().scalars(select(AuditEntry).where(
            AuditEntry.target.in_(targets))):
        changed = False
        for side in ("before", "after"):
            value = getattr(entry, side)
            if isinstance(value, dict) and any(value.get(k) not in (None, ERASED)
                                               for k in TEXT_FIELDS):
                setattr(entry, side, {k: (ERASED if k in TEXT_FIELDS and v is not None
                                          else v) for k, v in value.items()})
                changed = True
        scrubbed += changed
    return scrubbed


def daily_retention(day: date | None = None) -> None:
    """Scheduler hook (kiosk.scheduler.DAILY_HOOKS): apply the retention settings after the
    daily close. Never raises: a retention problem must not mark the close itself failed."""
    try:
        counts = apply_retention(datetime.now(UTC))
        log.info("retention: %s", ", ".join(f"{v} {k}" for k, v in counts.items()))
    except Exception:  # logged; tomorrow's run tries again
        db.session().rollback()
        log.exception("retention failed")


