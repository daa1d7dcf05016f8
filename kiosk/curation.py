"""Decisions about what reaches the screens: rules first, then curators.

Every decision is committed (with its audit entry) before the screens hear of it, so an
acknowledged decision is never lost, and the screens hear of it in the same request.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db, feed, live, metrics, shoutout_notices
from kiosk.analysis import verdict_model
from kiosk.models import ON_SCREEN, Decision, Item, Status

MAX_EDIT = 1000
# Why a curator rejected: what the learned model (kiosk/learning.py) learns from.
REASONS = ("complaint", "sarcasm", "off-topic", "personal-data", "other")


class CurationError(LookupError):
    pass


class RecalledError(CurationError):
    """The item was recalled (kiosk/recall.py): only an explicit un-recall brings it back."""


def auto_approvable(label: str, lang: str, sentiment: float, confidence: float | None,
                    flags, min_score: float | None) -> bool:
    """Praise the rules are sure of, that the verdict model (where there is one) believes.

    Flagged items (personal data, profanity) and languages without a scorer always wait
    for a person.
    """
    if min_score is None or label != "praise" or lang not in ("tr", "en") or flags:
        return False
    if sentiment < min_score:
        return False
    if not verdict_model.available(lang):
        return True
    # None: praise only the model found, which a curator reads first
    return confidence is not None and confidence >= verdict_model.threshold(lang, "auto")


def _item(item_id: int) -> Item:
    item = db.session().get(Item, item_id)
    if item is None:
        raise CurationError(f"no item {item_id}")
    return item


def _state(item: Item) -> dict:
    return {"status": item.status, "edited_text": item.edited_text,
            "expires_at": item.expires_at.isoformat() if item.expires_at else None}


def _on_channels(item: Item, now: datetime) -> set[int]:
    return feed.channels_showing(item, now, current_app.config["FEED_MAX_AGE_DAYS"])


def _change(item: Item, actor: str, action: str, apply, reason: str | None = None) -> Item:
    """Apply a change, audit it, commit, then tell every channel the item is (or was) on."""
    now = datetime.now(UTC)
    before_channels, before = _on_channels(item, now), _state(item)
    apply(item, now)
    after = _state(item)
    if item.recalled_at is not None and after["status"] != before["status"]:
        db.session().rollback()
        raise RecalledError(f"item {item.id} was recalled; an admin must un-recall it first")
    if after == before:
        db.session().rollback()
        return item  # idempotent: doing it twice changes nothing the second time
    if after["status"] != before["status"]:
        db.session().add(Decision(item_id=item.id, action=action, before=before["status"],
                                  after=after["status"], actor=actor, at=now, reason=reason))
        item.decided_by, item.decided_at = actor, now
    audit.record(actor, f"item.{action}", f"item:{item.id}", before, after)
    db.session().commit()
    metrics.DECISIONS.labels(action).inc()
    live.publish_item_change(item, before_channels, _on_channels(item, now))
    if after["status"] != before["status"]:
        live.publish_stats()
        if after["status"] in ON_SCREEN and before["status"] not in ON_SCREEN:
            shoutout_notices.notify_later([item.id])  # the people it names hear it first
    return item


def set_status(item_id: int, status: Status, actor: str, reason: str | None = None) -> Item:
    def apply(item, _now):
        item.status = status.value

    return _change(_item(item_id), actor, status.value, apply, reason)


def approve_item(item_id: int, actor: str) -> Item:
    return set_status(item_id, Status.APPROVED, actor)


def reject_item(item_id: int, actor: str, reason: str | None = None) -> Item:
    """Reject, with the curator's reason (one of REASONS) when given. Rejecting a rejected
    item again with a reason corrects the reason of its last rejection (still idempotent)."""
    if reason is not None and reason not in REASONS:
        raise ValueError(f"reason must be one of {', '.join(REASONS)}")
    item = _item(item_id)
    if reason is None or item.status != Status.REJECTED:
        return set_status(item_id, Status.REJECTED, actor, reason)
    last = db.session().scalar(select(Decision).where(
        Decision.item_id == item_id, Decision.after == Status.REJECTED.value)
        .order_by(Decision.id.desc()).limit(1))
    if last is not None and last.reason != reason:
        audit.record(actor, "item.reason", f"item:{item_id}", {"reason": last.reason},
                     {"reason": reason})
        last.reason = reason
        db.session().commit()
    return item


def pin_item(item_id: int, actor: str) -> Item:
    return set_status(item_id, Status.PINNED, actor)


def unpin_item(item_id: int, actor: str) -> Item:
    item = _item(item_id)
    if item.status != Status.PINNED:
        return item
    return set_status(item_id, Status.APPROVED, actor)


def edit_text(item_id: int, text: str | None, actor: str) -> Item:
    """Set what screens show instead of the redacted original (None restores it)."""
    if text is not None:
        text = text.strip()
        if not text:
            text = None
        elif len(text) > MAX_EDIT:
            raise ValueError(f"the text a screen shows is at most {MAX_EDIT} characters")

    def apply(item, _now):
        item.edited_text = text

    return _change(_item(item_id), actor, "edit", apply)


def set_expiry(item_id: int, when: datetime | None, actor: str) -> Item:
    if when is not None and when.tzinfo is None:
        raise ValueError("an expiry needs a time zone")

    def apply(item, _now):
        item.expires_at = when

    return _change(_item(item_id), actor, "expire", apply)


def undo(item_id: int, actor: str) -> Item:
    """Put the item back where it was before its last decision."""
    item = _item(item_id)
    last = db.session().scalar(select(Decision).where(Decision.item_id == item_id)
                               .order_by(Decision.id.desc()).limit(1))
    if last is None:
        return item

    def apply(target, _now):
        target.status = last.before

    return _change(item, actor, "undo", apply)


ACTIONS = {"approve": approve_item, "reject": reject_item, "pin": pin_item,
           "unpin": unpin_item, "undo": undo}


def bulk(item_ids: list[int], action: str, actor: str) -> list[Item]:
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
    return [ACTIONS[action](item_id, actor) for item_id in item_ids]
