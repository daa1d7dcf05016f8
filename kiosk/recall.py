"""One-key recall: an admin pulls an item from every channel at once.

A recalled item is rejected and marked (Item.recalled_at/by). The mark is what keeps it
off everything: feed.belongs refuses it (screens, widgets), it is rejected so the huddle
deck, the digest, the archive and the reports skip it, posters refuse it, and curation
refuses to change its status (approve, pin, undo answer "recalled"), so a slip of the
keyboard cannot bring it back. Only `unrecall_item`, an explicit admin action, clears the
mark and puts the item back as it was before the recall. Both are audited.

Printed posters cannot be pulled by a server: the recall answers with the item's Poster
rows so that someone can take them down.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db, feed, live, metrics
from kiosk.curation import CurationError
from kiosk.models import Decision, Item, Poster, Status
from kiosk.posters import posters_of


def _item(item_id: int) -> Item:
    item = db.session().get(Item, item_id)
    if item is None:
        raise CurationError(f"no item {item_id}")
    return item


def poster_json(row: Poster) -> dict:
    return {"id": row.id, "kind": row.kind, "size": row.size, "created_by": row.created_by,
            "created_at": row.created_at.isoformat()}


def _state(item: Item) -> dict:
    return {"status": item.status,
            "recalled_at": item.recalled_at.isoformat() if item.recalled_at else None,
            "recalled_by": item.recalled_by}


def recall_item(item_id: int, actor: str) -> tuple[Item, list[Poster]]:
    """Pull the item from every channel now; the posters already printed of it.

    Doing it twice changes nothing the second time (and records nothing)."""
    item = _item(item_id)
    printed = posters_of(item_id)
    if item.recalled_at is not None:
        return item, printed
    now = datetime.now(UTC)
    before = _state(item)
    if item.status != Status.REJECTED:
        db.session().add(Decision(item_id=item.id, action="recall", before=item.status,
                                  after=Status.REJECTED.value, actor=actor, at=now))
        item.status, item.decided_by, item.decided_at = Status.REJECTED.value, actor, now
    item.recalled_at, item.recalled_by = now, actor
    audit.record(actor, "item.recall", f"item:{item.id}", before,
                 {**_state(item), "posters": [p.id for p in printed]})
    db.session().commit()
    metrics.DECISIONS.labels("recall").inc()
    live.publish_recall(item.id)
    if before["status"] != item.status:
        live.publish_stats()
    return item, printed


def unrecall_item(item_id: int, actor: str) -> Item:
    """Undo a recall, explicitly: the item gets back the status it had before it."""
    item = _item(item_id)
    if item.recalled_at is None:
        return item
    now = datetime.now(UTC)
    max_age = current_app.config["FEED_MAX_AGE_DAYS"]
    recall = db.session().scalar(
        select(Decision).where(Decision.item_id == item.id, Decision.action == "recall")
        .order_by(Decision.id.desc()).limit(1))
    before = _state(item)
    item.recalled_at, item.recalled_by = None, None
    if recall is not None and item.status == Status.REJECTED and recall.before != item.status:
        db.session().add(Decision(item_id=item.id, action="unrecall", before=item.status,
                                  after=recall.before, actor=actor, at=now))
        item.status, item.decided_by, item.decided_at = recall.before, actor, now
    audit.record(actor, "item.unrecall", f"item:{item.id}", before, _state(item))
    db.session().commit()
    metrics.DECISIONS.labels("unrecall").inc()
    live.publish_item_change(item, set(), feed.channels_showing(item, now, max_age))
    if before["status"] != item.status:
        live.publish_stats()
    return item
