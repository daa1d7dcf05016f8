"""Decisions about what reaches the screens: rules first, then curators."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app

from kiosk import db, feed, live
from kiosk.analysis import praise_model
from kiosk.models import Analysis, Decision, Item, Status


class CurationError(LookupError):
    pass


def auto_status(analysis: Analysis, config) -> tuple[str, str | None]:
    """The rule decision for a new item: clear praise is approved, everything else waits.

    Flagged items (personal data, profanity) and languages without a scorer always wait
    for a person.
    """
    if auto_approvable(analysis.label, analysis.lang, analysis.sentiment, analysis.confidence,
                       analysis.flags, config.get("AUTO_APPROVE_SCORE")):
        return Status.APPROVED.value, "rule:auto-approve"
    return Status.PENDING.value, None


def auto_approvable(label: str, lang: str, sentiment: float, confidence: float | None,
                    flags, min_score: float | None) -> bool:
    """Praise the rules are sure of, that the praise model (where there is one) believes."""
    if min_score is None or label != "praise" or lang not in ("tr", "en") or flags:
        return False
    if sentiment < min_score:
        return False
    return confidence is None or confidence >= praise_model.threshold(lang)


def _on_channels(item: Item, now: datetime) -> set[int]:
    return feed.channels_showing(item, now, current_app.config["FEED_MAX_AGE_DAYS"])


def set_status(item_id: int, status: Status, actor: str) -> Item:
    """Move an item to `status`, record who did it, and tell the screens. Idempotent."""
    session = db.session()
    item = session.get(Item, item_id)
    if item is None:
        raise CurationError(f"no item {item_id}")
    if item.status == status:
        return item
    now = datetime.now(UTC)
    before = _on_channels(item, now)
    session.add(Decision(item_id=item.id, action=status.value, before=item.status,
                         after=status.value, actor=actor, at=now))
    item.status = status.value
    item.decided_by = actor
    item.decided_at = now
    session.commit()  # committed before anyone is told: an acknowledged decision is durable
    live.publish_item_change(item, before, _on_channels(item, now))
    return item


def approve_item(item_id: int, actor: str) -> Item:
    return set_status(item_id, Status.APPROVED, actor)


def reject_item(item_id: int, actor: str) -> Item:
    return set_status(item_id, Status.REJECTED, actor)


def pin_item(item_id: int, actor: str) -> Item:
    return set_status(item_id, Status.PINNED, actor)
