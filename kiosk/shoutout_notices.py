"""The e-mail that tells someone first: one notice when an item naming them reaches the walls,
with the quote and a personal link. kiosk.notes (the weekly note) builds on its mail helpers.

When an item naming a roster member who has an e-mail address reaches the walls (a curator's
approval or pin, or a rule's auto-approval), that person gets one e-mail with the quote and a
personal link (shoutouts.make_token) where they choose how they appear. Approval hooks call
`notify_later`, which sends from a background task (socketio.start_background_task: a greenlet
under `kiosk serve`, a thread elsewhere), so approving never waits for an SMTP round trip; a
notice that could not go then (no SMTP, server down, a process that ended) is sent by the
daily close (`notes.daily`, in the scheduler's DAILY_HOOKS) for items approved in the last
NOTICE_DAYS days. Several items about one person in one batch (an import) make one e-mail.

Never twice: a ShoutoutNotice (person, item) row is committed before the message goes; its
unique key lets one process through. A failed send deletes the claim (`release_claims`, which the
weekly note uses too) so a later run retries; a process killed between claim and send leaves
it (a missed e-mail rather than a double one), as the digest does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import db, digest, feed, mail, shoutouts
from kiosk.models import ON_SCREEN, Analysis, Item, ShoutoutNotice, StaffMember

log = logging.getLogger(__name__)

NOTICE_DAYS = 7  # the daily close sends notices missed for items approved this long ago


@dataclass
class Outcome:
    """What happened to one e-mail: sent, already sent, failed, or dry run."""

    address: str
    status: str
    subject: str = ""
    items: int = 0
    error: str | None = None
    text: str | None = None  # the text part, for a dry run
    staff_id: int | None = None


# --- who is told --------------------------------------------------------------------------

def on_walls(item: Item, now: datetime) -> bool:
    """Is the item where the walls can show it (whatever a channel's filters)?"""
    a = item.analysis
    return (item.status in ON_SCREEN and a is not None and item.recalled_at is None
            and item.complaint_status is None
            and (item.expires_at is None or item.expires_at > now)
            and ("profanity" not in (a.flags or []) or bool(item.edited_text)))


def _with_email(names: Iterable[str]) -> dict[str, StaffMember]:
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    return {s.name: s for s in db.session().scalars(
        select(StaffMember).where(StaffMember.name.in_(names))) if (s.email or "").strip()}


def pending_notices(items: list[Item], now: datetime) -> list[tuple[StaffMember, list[Item]]]:
    """Per person with an e-mail address: the items on the walls naming them that they have
    not been told about."""
    items = [i for i in items if on_walls(i, now) and i.analysis.mentions]
    staff = _with_email(n for i in items for n in i.analysis.mentions or [])
    if not staff:
        return []
    told = set(db.session().execute(
        select(ShoutoutNotice.staff_id, ShoutoutNotice.item_id)
        .where(ShoutoutNotice.item_id.in_([i.id for i in items]))))
    found: dict[int, tuple[StaffMember, list[Item]]] = {}
    for item in items:
        for name in dict.fromkeys(item.analysis.mentions or []):
            person = staff.get(name)
            if person is not None and (person.id, item.id) not in told:
                found.setdefault(person.id, (person, []))[1].append(item)
    return list(found.values())


def notify_later(item_ids: Iterable[int]) -> None:
    """After an approval (committed): tell the people named, from a background task."""
    ids = [i for i in item_ids if i]
    if not ids or not current_app.config.get("SMTP_URL"):
        return
    _start(current_app._get_current_object(), ids)


def _start(app, ids: list[int]) -> None:
    from kiosk.extensions import socketio

    socketio.start_background_task(_notify_in_background, app, ids)


def _notify_in_background(app, ids: list[int]) -> None:
    with app.app_context():
        try:
            send_notices(ids)
        except Exception:  # a background task has nobody to raise to; the daily close retries
            db.session().rollback()
            log.exception("shout-out notices for items %s not sent", ids)


def send_notices(item_ids: Iterable[int] | None = None, *, since: datetime | None = None,
                 dry_run: bool = False, now: datetime | None = None,
                 ssl_context=None) -> list[Outcome]:
    """Tell each person named in these items (or in items approved since `since`) once."""
    now = now or datetime.now(UTC)
    query = select(Item).join(Analysis).where(Item.status.in_(ON_SCREEN))
    if item_ids is not None:
        query = query.where(Item.id.in_(list(item_ids)))
    if since is not None:
        query = query.where(Item.decided_at >= since)
    items = list(db.session().scalars(query.order_by(Item.created_at, Item.id)).unique())
    planned = pending_notices(items, now)
    if not planned:
        return []
    if dry_run:
        return [Outcome(person.email, "dry run", str(message["Subject"]), len(its),
                        text=message.get_body(("plain",)).get_content(), staff_id=person.id)
                for person, its in planned
                for message in [compose_notice(person, its, now)]]
    settings = mail.parse_url(current_app.config.get("SMTP_URL"))  # before any claim
    outcomes = []
    with mail.Mailer(settings, ssl_context) as mailer:
        for person, its in planned:
            claimed = [i for i in its if _claim_notice(person.id, i.id, now)]
            outcome = Outcome(person.email, "already sent", items=len(claimed),
                              staff_id=person.id)
            outcomes.append(outcome)
            if not claimed:
                continue
            message = compose_notice(person, claimed, now)
            outcome.subject = str(message["Subject"])
            try:
                mailer.send(message)
            except mail.MailError as exc:
                release_claims(ShoutoutNotice, [(person.id, i.id) for i in claimed])
                outcome.status, outcome.error = "failed", str(exc)
                log.warning("shout-out notice to staff %s not sent: %s", person.id, exc)
                continue
            outcome.status = "sent"
    return outcomes


def _claim_notice(staff_id: int, item_id: int, now: datetime) -> bool:
    session = db.session()
    session.add(ShoutoutNotice(staff_id=staff_id, item_id=item_id, sent_at=now))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def release_claims(model, keys: list[tuple[int, int | str]]) -> None:
    """Delete claims after a failed send so that a later run tries again."""
    session = db.session()
    column = model.item_id if model is ShoutoutNotice else model.week
    try:
        for staff_id, other in keys:
            for row in session.scalars(select(model).where(model.staff_id == staff_id,
                                                           column == other)):
                session.delete(row)
        session.commit()
    except Exception:  # the claim stays: a missed e-mail, never a double one
        session.rollback()
        log.exception("could not release %s claims %s", model.__tablename__, keys)


# --- the messages -------------------------------------------------------------------------

def company_tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("TIMEZONE") or "Europe/Istanbul")


def mail_language() -> str:
    lang = current_app.config.get("LANGUAGE") or "tr"
    return lang if lang in ("tr", "en") else "tr"


def quote_for(item: Item, person: StaffMember, lang: str) -> dict:
    """An item as the person reads it: their own name as written, colleagues as they chose."""
    face = feed.display_item(item, viewer=person.id)
    return {"text": face["text"], "author": face["author"] or _("A customer"),
            "lang": face["lang"] if face["lang"] in ("tr", "en") else None,
            "branch": face["branch"],
            "date": format_date(item.created_at.astimezone(company_tz()).date(), "d MMMM y",
                                locale=lang)}


def _shown_as(item: Item, person: StaffMember) -> str:
    """What the walls show for the person in this item now: a name, a team, or nothing."""
    for named in shoutouts.named_in(item):
        if named.staff_id == person.id:
            return shoutouts.label(named, mail_language()) or _("not named")
    return person.name


def compose_notice(person: StaffMember, items: list[Item], now: datetime) -> EmailMessage:
    lang = mail_language()
    base = digest.public_url()
    with force_locale(lang):
        context = {
            "lang": lang, "first": person.name.split()[0],
            "quotes": [{**quote_for(i, person, lang), "shown_as": _shown_as(i, person)}
                       for i in items],
            "page_url": f"{base}/me/{shoutouts.make_token(person.id, items[0].id)}",
            "days": shoutouts.TOKEN_MAX_AGE // 86400,
        }
        subject = ngettext("A customer wrote about you", "Customers wrote about you "
                           "(%(num)d comments)", len(items))
        text = render_template("email/shoutout.txt", **context)
        html = render_template("email/shoutout.html", **context)
    return build_message(person.email, subject, text, html, now, "shoutout")


def build_message(to: str, subject: str, text: str, html: str, now: datetime, kind: str,
             unsubscribe_url: str | None = None) -> EmailMessage:
    cfg = current_app.config
    message = EmailMessage()
    message.policy = message.policy.clone(refold_source="none")  # raw headers stay as set
    message.set_raw("Subject", subject if subject.isascii()
                    else Header(subject, "utf-8", header_name="Subject").encode())
    message["From"] = cfg["MAIL_FROM"]
    message["To"] = to
    message["Date"] = format_datetime(now.astimezone(UTC))
    domain = parseaddr(str(cfg["MAIL_FROM"]))[1].rpartition("@")[2] or "kiosk.local"
    message["Message-ID"] = make_msgid(kind, domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:  # raw: a long URL must not become RFC 2047 words (see digest.py)
        message.set_raw("List-Unsubscribe", f"<{unsubscribe_url}>")
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message
