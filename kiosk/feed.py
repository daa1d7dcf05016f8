"""What a channel shows: which items belong to it and how each looks on the wire."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select

from kiosk import db, shoutouts
from kiosk.models import ON_SCREEN, Channel, Item, Status


def belongs(channel: Channel, item: Item, now: datetime, max_age_days: int) -> bool:
    """Does this item appear on this channel right now? Empty filters mean 'all'."""
    if item.status not in ON_SCREEN or item.analysis is None:
        return False
    if item.complaint_status is not None:
        return False  # someone is handling it as a complaint: never on a wall
    if item.recalled_at is not None:
        return False  # an admin pulled it everywhere; only an explicit un-recall undoes that
    if item.expires_at is not None and item.expires_at <= now:
        return False
    if item.status != Status.PINNED and item.created_at < now - timedelta(days=max_age_days):
        return False
    analysis = item.analysis
    if "profanity" in (analysis.flags or []) and not item.edited_text:
        return False  # only a curator's clean edit can put it on a wall
    if channel.sources and item.source not in channel.sources:
        return False
    if channel.languages and analysis.lang not in channel.languages:
        return False
    if channel.branches:
        item_branches = set(analysis.branches or []) | ({item.branch} if item.branch else set())
        if not item_branches & set(channel.branches):
            return False
    if channel.themes and not set(analysis.themes or []) & set(channel.themes):
        return False
    return True


def channels_showing(item: Item, now: datetime, max_age_days: int,
                     channels: list[Channel] | None = None) -> set[int]:
    """Ids of the channels showing the item; pass `channels` when asking for many items."""
    if channels is None:
        channels = db.session().scalars(select(Channel)).all()
    return {c.id for c in channels if belongs(c, item, now, max_age_days)}


def playlist(channel: Channel, now: datetime, max_items: int, max_age_days: int) -> list[Item]:
    """Pinned first, then newest; bounded so a screen's feed stays light on the wire."""
    since = now - timedelta(days=max_age_days)
    query = (
        select(Item)
        .where(Item.status.in_(ON_SCREEN), Item.recalled_at.is_(None))
        .where(or_(Item.created_at >= since, Item.status == Status.PINNED.value))
        .where(or_(Item.expires_at.is_(None), Item.expires_at > now))
        .order_by((Item.status == Status.PINNED.value).desc(), Item.created_at.desc())
    )
    # Read in pages until the playlist is full: a company with a million items has tens of
    # thousands approved in the window, and a connecting screen needs only the newest few.
    items: list[Item] = []
    page, offset, session = max(2 * max_items, 100), 0, db.session()
    while len(items) < max_items:
        rows = session.scalars(query.limit(page).offset(offset)).unique().all()
        for item in rows:
            if belongs(channel, item, now, max_age_days):
                items.append(item)
                if len(items) >= max_items:
                    break
        if len(rows) < page:
            break
        offset += page
    return items


def display_item(item: Item, viewer: int | None = None) -> dict:
    """The public face of an item: redacted text, anonymised author, nothing else personal;
    staff named as each chose (shoutouts.py; `viewer`, a staff id, sees their own name)."""
    analysis = item.analysis
    payload = {
        "id": item.id,
        "text": item.edited_text or analysis.display_text,
        "author": analysis.display_author,
        "source": item.source,
        "branch": item.branch or (analysis.branches[0] if analysis.branches else None),
        "created_at": item.created_at.isoformat(),
        "rating": item.rating,
        "lang": analysis.lang,
        "label": analysis.label,
        "pinned": item.status == Status.PINNED,
        "mentions": list(analysis.mentions or []),
    }
    if item.url:
        payload["url"] = item.url
        payload["qr"] = f"/qr/{item.id}.svg"
    return shoutouts.public_face(item, payload, viewer)


def channel_info(channel: Channel, language: str) -> dict:
    return {"name": channel.name, "rotation_seconds": channel.rotation_seconds,
            "language": language, "slide_mix": dict(channel.slide_mix or {}),
            "display_hours": dict(channel.display_hours or {}),
            "orientation": channel.orientation or "auto",
            "dwell": dict(channel.dwell or {}), "shifts": list(channel.shifts or [])}
