"""Export everything kept about one person, for an access request (KVKK art. 11, GDPR art. 15),
matched by the same rule erasure uses (kiosk.privacy), so it shows what an erasure would remove."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from kiosk import audit, db
from kiosk.models import (
    Decision,
    DigestSend,
    Item,
    Poster,
    Setting,
    StaffMember,
    Subscription,
)
from kiosk.privacy import Subject, chunks, find_items

EXPORT_FORMAT = "kiosk-personal-data/1"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _item_json(item: Item, decisions: list[Decision], posters: int) -> dict:
    analysis = item.analysis
    return {
        "id": item.id, "source": item.source, "external_id": item.external_id,
        "text": item.text, "author": item.author, "url": item.url,
        "created_at": _iso(item.created_at), "received_at": _iso(item.ingested_at),
        "rating": item.rating, "branch": item.branch, "lang": item.lang,
        "status": item.status, "decided_at": _iso(item.decided_at),
        "edited_text": item.edited_text, "expires_at": _iso(item.expires_at),
        "complaint_status": item.complaint_status, "contacted_at": _iso(item.contacted_at),
        "resolved_at": _iso(item.resolved_at),
        "analysis": None if analysis is None else {
            "lang": analysis.lang, "sentiment": analysis.sentiment, "label": analysis.label,
            "confidence": analysis.confidence, "themes": list(analysis.themes or []),
            "mentions": list(analysis.mentions or []),
            "branches": list(analysis.branches or []), "flags": list(analysis.flags or []),
            "reasons": list(analysis.reasons or []), "display_text": analysis.display_text,
            "display_author": analysis.display_author,
            "analyzed_at": _iso(analysis.analyzed_at)},
        # Who decided is the staff's data, not the customer's: what and when is theirs.
        "decisions": [{"action": d.action, "before": d.before, "after": d.after,
                       "at": _iso(d.at)} for d in decisions],
        "posters": posters,
    }


def export_author(handle: str | None, email: str | None = None, source: str | None = None,
                  actor: str | None = None) -> dict:
    """Everything stored about one person, for an access request (KVKK art. 11, GDPR
    art. 15). Other people's words are never in it: items that name them are only counted.
    With `actor`, the export is audited (counts only)."""
    subject = Subject.of(handle, email, source)
    session = db.session()
    own_ids, named_ids = find_items(subject)
    items = []
    for ids in chunks(own_ids):
        decisions: dict[int, list[Decision]] = {}
        for d in session.scalars(select(Decision).where(Decision.item_id.in_(ids))
                                 .order_by(Decision.id)):
            decisions.setdefault(d.item_id, []).append(d)
        posters = dict(session.execute(select(Poster.item_id, func.count())
                                       .where(Poster.item_id.in_(ids))
                                       .group_by(Poster.item_id)).all())
        for item in session.scalars(select(Item).where(Item.id.in_(ids))
                                    .order_by(Item.created_at)).unique():
            items.append(_item_json(item, decisions.get(item.id, []),
                                    posters.get(item.id, 0)))
    rules = session.get(Setting, "rules")
    blocked = any(subject.is_them(a) for a in (rules.value if rules else {})
                  .get("blocked_authors", []) if isinstance(a, str))
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "generated_at": datetime.now(UTC).isoformat(),
        "request": {"author": handle, "email": email, "source": subject.source},
        "matching": "items whose author is the handle or the e-mail address (no case, no "
                    "leading @); other people's items naming them by @handle or address are "
                    "counted, not included",
        "items": items,
        "named_in_other_items": len(named_ids),
        "on_block_list": blocked,
        "digest_subscriptions": [],
        "digest_sends": [],
        "roster": [],
    }
    if subject.email:
        for sub in session.scalars(select(Subscription).where(
                func.lower(func.trim(Subscription.email)) == subject.email)):
            data["digest_subscriptions"].append({
                "email": sub.email, "language": sub.language, "branch": sub.branch,
                "team": sub.team, "created_at": _iso(sub.created_at),
                "unsubscribed_at": _iso(sub.unsubscribed_at)})
        for send in session.scalars(select(DigestSend).where(
                func.lower(func.trim(DigestSend.address)) == subject.email)
                .order_by(DigestSend.day)):
            data["digest_sends"].append({"day": send.day, "address": send.address,
                                         "sent_at": _iso(send.sent_at), "items": send.items})
        for staff in session.scalars(select(StaffMember).where(
                func.lower(func.trim(StaffMember.email)) == subject.email)):
            data["roster"].append({"name": staff.name, "aliases": list(staff.aliases or []),
                                   "team": staff.team, "branch": staff.branch,
                                   "email": staff.email})
    if actor:
        audit.record(actor, "privacy.export", f"export:{secrets.token_hex(8)}", None,
                     {"items": len(items), "subscriptions": len(data["digest_subscriptions"]),
                      "source": subject.source, "email_given": subject.email is not None})
        session.commit()
    return data
