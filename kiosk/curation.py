"""Decisions about what reaches the screens: rules first, then curators."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app

from kiosk import db, feed, live
from kiosk.models import Analysis, Decision, Item, Status


class CurationError(LookupError):
    pass


def auto_status(analysis: Analysis, config) -> tuple[str, str | None]:
    """The rule decision for a new item: clear praise is approved, everything else waits."""
    threshold = config.get("AUTO_APPROVE_SCORE")
    if (threshold is not None and analysis.label == "praise"
            and analysis.sentiment >= threshold and not analysis.flags):
        return Status.APPROVED.value, "rule:auto-approve"
    return Status.PENDING.value, None


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
