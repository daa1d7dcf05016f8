"""Short messages pushed to chosen screens now, until a time."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import or_, select

from kiosk import audit, db, live
from kiosk.models import Announcement, Channel

MAX_TEXT = 280


def create(text: str, channel_ids: list[int], until: datetime | None, actor: str,
           ) -> Announcement:
    text = (text or "").strip()
    if not text:
        raise ValueError("an announcement needs text")
    if len(text) > MAX_TEXT:
        raise ValueError(f"an announcement is at most {MAX_TEXT} characters")
    if until is not None and until.tzinfo is None:
        raise ValueError("'until' needs a time zone")
    session = db.session()
    known = set(session.scalars(select(Channel.id)))
    if set(channel_ids) - known:
        raise ValueError(f"no channel {sorted(set(channel_ids) - known)[0]}")
    row = Announcement(text=text, channel_ids=sorted(set(channel_ids)), until=until,
                       created_by=actor)
    session.add(row)
    session.flush()
    audit.record(actor, "announcement.create", f"announcement:{row.id}", None,
                 to_json(row))
    session.commit()
    live.publish_announcement(row, row.channel_ids or sorted(known))
    return row


def clear(announcement_id: int, actor: str) -> Announcement:
    session = db.session()
    row = session.get(Announcement, announcement_id)
    if row is None:
        raise LookupError(f"no announcement {announcement_id}")
    if row.cleared_at is None:
        row.cleared_at = datetime.now(UTC)
        audit.record(actor, "announcement.clear", f"announcement:{row.id}", to_json(row), None)
        session.commit()
        channels = row.channel_ids or list(session.scalars(select(Channel.id)))
        live.publish_announcement(row, channels, cleared=True)
    return row


def active(channel_id: int, now: datetime | None = None) -> Announcement | None:
    """The newest announcement that is live on this channel."""
    now = now or datetime.now(UTC)
    rows = db.session().scalars(
        select(Announcement).where(Announcement.cleared_at.is_(None))
        .where(or_(Announcement.until.is_(None), Announcement.until > now))
        .order_by(Announcement.id.desc()))
    for row in rows:
        if not row.channel_ids or channel_id in row.channel_ids:
            return row
    return None


def recent(limit: int = 50) -> list[Announcement]:
    return list(db.session().scalars(select(Announcement).order_by(Announcement.id.desc())
                                     .limit(limit)))


def to_json(row: Announcement) -> dict:
    return {"id": row.id, "text": row.text, "channel_ids": row.channel_ids,
            "until": row.until.isoformat() if row.until else None,
            "created_by": row.created_by, "created_at": row.created_at.isoformat(),
            "cleared_at": row.cleared_at.isoformat() if row.cleared_at else None}
