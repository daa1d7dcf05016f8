"""Who gets the morning digest: subscribe and unsubscribe (by address or link token), each
subscription's branch, team and language, the subscriber list. kiosk.digest composes and sends."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

from sqlalchemy import select

from kiosk import audit, db
from kiosk.models import Subscription

LANGUAGES = ("tr", "en")
ADDRESS_RE = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


class DigestError(Exception):
    """Bad input (an address, a date, a language); the message says what is wrong."""


def normalise_address(raw: str) -> str:
    """A plain ASCII address, lower-cased; DigestError for anything else."""
    address = (raw or "").strip().lower()
    if not ADDRESS_RE.fullmatch(address) or len(address) > 254:
        raise DigestError(f"{raw.strip()!r} is not an e-mail address like name@example.com"
                          if raw and raw.strip() else "an e-mail address is required")
    return address


def checked_language(language: str) -> str:
    """`language` if a digest can be written in it; DigestError otherwise."""
    if language not in LANGUAGES:
        raise DigestError(f"language must be tr or en, not {language!r}")
    return language


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:120] or None


def subscribe(email: str, *, branch: str | None = None, team: str | None = None,
              language: str = "tr", actor: str = "cli") -> Subscription:
    """Subscribe an address to everything, one branch, one team (or a team at a branch).

    Subscribing again with the same scope updates the language and re-activates an
    unsubscribed row (with a new unsubscribe token).
    """
    address = normalise_address(email)
    checked_language(language)
    branch, team = _clean(branch), _clean(team)
    session = db.session()
    query = select(Subscription).where(
        Subscription.email == address,
        Subscription.branch == branch if branch else Subscription.branch.is_(None),
        Subscription.team == team if team else Subscription.team.is_(None))
    sub = session.scalar(query)
    before = _describe(sub) if sub else None
    if sub is None:
        sub = Subscription(email=address, branch=branch, team=team, language=language,
                           token=secrets.token_urlsafe(32))
        session.add(sub)
    else:
        if sub.unsubscribed_at is not None:
            sub.unsubscribed_at, sub.token = None, secrets.token_urlsafe(32)
        sub.language = language
    session.flush()
    audit.record(actor, "digest.subscribe", f"subscription:{sub.id}", before, _describe(sub))
    session.commit()
    return sub


def _describe(sub: Subscription) -> dict:
    return {"email": sub.email, "branch": sub.branch, "team": sub.team,
            "language": sub.language, "active": sub.unsubscribed_at is None}


def subscriptions() -> list[Subscription]:
    return list(db.session().scalars(
        select(Subscription).order_by(Subscription.unsubscribed_at.is_not(None),
                                      Subscription.email, Subscription.id)))


def by_token(token: str) -> Subscription | None:
    if not token or len(token) > 64:
        return None
    return db.session().scalar(select(Subscription).where(Subscription.token == token))


def unsubscribe(token: str) -> Subscription | None:
    """The link in a digest: stop every digest to that address (it gets one e-mail a day,
    whatever its subscriptions, so one link stops that e-mail). None for an unknown token."""
    sub = by_token(token)
    if sub is None:
        return None
    session = db.session()
    now = datetime.now(UTC)
    for row in session.scalars(select(Subscription).where(
            Subscription.email == sub.email, Subscription.unsubscribed_at.is_(None))):
        row.unsubscribed_at = now
        audit.record("unsubscribe link", "digest.unsubscribe", f"subscription:{row.id}",
                     {"active": True}, {"active": False})
    session.commit()
    return sub


def unsubscribe_address(email: str, actor: str = "cli") -> int:
    """Stop every digest to an address; how many subscriptions that ended."""
    address = normalise_address(email)
    session = db.session()
    rows = list(session.scalars(select(Subscription).where(
        Subscription.email == address, Subscription.unsubscribed_at.is_(None))))
    for row in rows:
        row.unsubscribed_at = datetime.now(UTC)
        audit.record(actor, "digest.unsubscribe", f"subscription:{row.id}",
                     {"active": True}, {"active": False})
    session.commit()
    return len(rows)


def remove(subscription_id: int, actor: str) -> bool:
    session = db.session()
    sub = session.get(Subscription, subscription_id)
    if sub is None:
        return False
    audit.record(actor, "digest.remove", f"subscription:{sub.id}", _describe(sub), None)
    session.delete(sub)
    session.commit()
    return True


def active_subscriptions() -> list[Subscription]:
    return list(db.session().scalars(select(Subscription).where(
        Subscription.unsubscribed_at.is_(None)).order_by(Subscription.id)))
