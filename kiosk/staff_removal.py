"""Take a staff member who leaves off the roster and out of every shout-out on the walls at
once, their name replaced by a neutral word in what screens show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db, feed, live
from kiosk.analysis.neutral import neutralise
from kiosk.caches import forget_cached_pages
from kiosk.models import Analysis, Channel, Item, StaffMember
from kiosk.privacy import PrivacyError, chunks, fold


@dataclass
class StaffRemoval:
    staff: int = 0  # roster rows removed
    items: int = 0  # shout-outs rewritten
    channels: int = 0  # channels told at once
    ids: list[int] = field(default_factory=list)


def remove_staff(name: str, actor: str) -> StaffRemoval:
    """Take someone off the roster and out of every shout-out at once: their name leaves
    the items' mentions, and a neutral word takes its place in what screens show (the
    redacted text and any curator's edit). The customer's original text is kept for admins
    (retention or `erase` takes it). Audited without the name."""
    session = db.session()
    name = " ".join((name or "").split())
    staff = session.scalar(select(StaffMember).where(StaffMember.name == name))
    if staff is None:
        staff = next((s for s in session.scalars(select(StaffMember))
                      if fold(s.name) == fold(name)), None)
    if staff is not None:
        name = staff.name
    aliases = list(staff.aliases or []) if staff else []
    hits = [item_id for item_id, found in session.execute(
        select(Analysis.item_id, Analysis.mentions)) if name in (found or [])]
    if staff is None and not hits:
        raise PrivacyError(f"nobody called {name!r} is on the roster or on a screen")
    others = [s for s in session.scalars(select(StaffMember.name)) if s != name]
    now = datetime.now(UTC)
    channels = list(session.scalars(select(Channel)))
    max_age = current_app.config["FEED_MAX_AGE_DAYS"]
    result = StaffRemoval(staff=1 if staff else 0)
    changed: list[tuple[Item, set[int]]] = []
    for ids in chunks(hits):
        for item in session.scalars(select(Item).where(Item.id.in_(ids))).unique():
            analysis = item.analysis
            before = feed.channels_showing(item, now, max_age, channels)
            analysis.mentions = [m for m in analysis.mentions or [] if m != name]
            analysis.display_text = neutralise(analysis.display_text, name, aliases,
                                               analysis.lang, others)
            if item.edited_text:
                item.edited_text = neutralise(item.edited_text, name, aliases, analysis.lang,
                                              others)
            changed.append((item, before))
    target = f"staff:{staff.id}" if staff else "staff"
    audit.record(actor, "staff.remove", target, None,
                 {"items": len(changed), "on_roster": staff is not None,
                  "team": staff.team if staff else None,
                  "branch": staff.branch if staff else None})
    if staff is not None:
        session.delete(staff)
    session.commit()
    forget_cached_pages()
    shown: set[int] = set()
    for item, before in changed:
        after = feed.channels_showing(item, datetime.now(UTC), max_age)
        if before or after:
            live.publish_item_change(item, before, after)
        shown |= before | after
    live.publish_stats()  # the weekly slide names the most thanked staff
    result.items, result.channels = len(changed), len(shown)
    result.ids = [item.id for item, _b in changed]
    return result
