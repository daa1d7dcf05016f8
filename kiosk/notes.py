"""E-mails to the praised themselves: the shout-out notice and the personal weekly note.

The notice: when an item naming a roster member who has an e-mail address reaches the walls
(a curator's approval or pin, or a rule's auto-approval), that person gets one e-mail with
the quote and a personal link (shoutouts.make_token) where they choose how they appear.
Approval hooks call `notify_later`, which sends from a background task
(socketio.start_background_task: a greenlet under `kiosk serve`, a thread elsewhere), so
approving never waits for an SMTP round trip; a notice that could not go then (no SMTP,
server down, a process that ended) is sent by the daily close (`daily`, in the scheduler's
DAILY_HOOKS) for items approved in the last NOTICE_DAYS days. Several items about one person
in one batch (an import) make one e-mail.

The weekly note: on the daily close that ends a week (Monday's, closing Sunday), everyone
on the roster with an e-mail address who has not opted out gets "what customers said about
you and your team this week", if customers said anything. `kiosk notes send` sends (or with
--dry-run shows) a week's notes by hand.

Never twice: a ShoutoutNotice (person, item) or WeeklyNote (person, week) row is committed
before the message goes; its unique key lets one process through. A failed send deletes the
claim so a later run retries; a process killed between claim and send leaves it (a missed
e-mail rather than a double one), as the digest does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import audit, db, digest, feed, mail, shoutouts
from kiosk.models import (
    ON_SCREEN,
    Analysis,
    Item,
    ShoutoutNotice,
    StaffMember,
    Status,
    WeeklyNote,
)

log = logging.getLogger(__name__)

NOTICE_DAYS = 7  # the daily close sends notices missed for items approved this long ago
NOTE_ITEMS = 15  # quotes per section of a weekly note; the rest are counted
UNSUBSCRIBE_SALT = "weekly-note"
UNSUBSCRIBE_MAX_AGE = 400 * 24 * 3600  # an old note's link still works a year on
WEEK_RE = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


class NoteError(ValueError):
    """Bad input (a week); the message says what is wrong."""


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

def _on_walls(item: Item, now: datetime) -> bool:
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
    items = [i for i in items if _on_walls(i, now) and i.analysis.mentions]
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
                _release(ShoutoutNotice, [(person.id, i.id) for i in claimed])
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


def _release(model, keys: list[tuple[int, int | str]]) -> None:
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


# --- the weekly note ----------------------------------------------------------------------

def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("TIMEZONE") or "Europe/Istanbul")


def parse_week(value: str) -> date:
    """Monday of an ISO week written "2026-W47"; NoteError otherwise."""
    match = WEEK_RE.fullmatch((value or "").strip())
    try:
        if not match:
            raise ValueError
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        raise NoteError(f"a week is written like 2026-W47, not {value!r}") from None


def week_label(monday: date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def last_week(now: datetime) -> date:
    """Monday of the last complete week in the company's time zone."""
    today = now.astimezone(_tz()).date()
    return today - timedelta(days=today.weekday() + 7)


@dataclass
class Note:
    """One weekly note to be: the person, the quotes about them, about their team."""

    staff: StaffMember
    mine: list[Item] = field(default_factory=list)
    team: list[Item] = field(default_factory=list)


def _teammates(person: StaffMember, roster: list[StaffMember]) -> set[str]:
    """Same team; at a branch, that branch's team (a chain has a till team in every shop)
    plus people the roster ties to no branch."""
    if not person.team:
        return set()
    return {s.name for s in roster if s.team == person.team and s.name != person.name
            and (not person.branch or s.branch in (None, "", person.branch))}


def notes_for(monday: date, now: datetime) -> list[Note]:
    """Who gets a note for the week starting `monday`, and what is in it."""
    tz = _tz()
    start = datetime.combine(monday, time(), tz)
    end = datetime.combine(monday + timedelta(days=7), time(), tz)
    query = (select(Item).join(Analysis)
             .where(Item.status.in_(ON_SCREEN), Analysis.label == "praise",
                    Item.created_at >= start, Item.created_at < end)
             .order_by((Item.status == Status.PINNED.value).desc(), Item.created_at, Item.id))
    items = [i for i in db.session().scalars(query).unique()
             if _on_walls(i, now) and i.analysis.mentions]
    if not items:
        return []
    roster = list(db.session().scalars(select(StaffMember).order_by(StaffMember.id)))
    notes = []
    for person in roster:
        if not (person.email or "").strip() or person.notes_opt_out:
            continue
        mates = _teammates(person, roster)
        mine = [i for i in items if person.name in i.analysis.mentions]
        team = [i for i in items if i not in mine and mates & set(i.analysis.mentions)]
        if mine or team:  # nothing to read, nothing sent
            notes.append(Note(person, mine, team))
    return notes


def send_week(monday: date | None = None, *, dry_run: bool = False,
              now: datetime | None = None, ssl_context=None) -> list[Outcome]:
    """Send the week's notes (default: last week); one per person and week, ever."""
    now = now or datetime.now(UTC)
    monday = monday or last_week(now)
    label = week_label(monday)
    planned = notes_for(monday, now)
    sent_before = set(db.session().scalars(
        select(WeeklyNote.staff_id).where(WeeklyNote.week == label)))
    outcomes, pending = [], []
    for note in planned:
        message = compose_note(note, monday, now)
        outcome = Outcome(note.staff.email, "dry run", str(message["Subject"]),
                          len(note.mine) + len(note.team), staff_id=note.staff.id)
        outcomes.append(outcome)
        if note.staff.id in sent_before:
            outcome.status = "already sent"
        elif dry_run:
            outcome.text = message.get_body(("plain",)).get_content()
        else:
            pending.append((outcome, message))
    if not pending:
        return outcomes
    settings = mail.parse_url(current_app.config.get("SMTP_URL"))
    with mail.Mailer(settings, ssl_context) as mailer:
        for outcome, message in pending:
            session = db.session()
            session.add(WeeklyNote(staff_id=outcome.staff_id, week=label, sent_at=now,
                                   items=outcome.items))
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                outcome.status = "already sent"
                continue
            try:
                mailer.send(message)
            except mail.MailError as exc:
                _release(WeeklyNote, [(outcome.staff_id, label)])
                outcome.status, outcome.error = "failed", str(exc)
                log.warning("weekly note %s to staff %s not sent: %s", label,
                            outcome.staff_id, exc)
                continue
            outcome.status = "sent"
    return outcomes


def daily(day: date) -> None:
    """Scheduler hook (DAILY_HOOKS), after the daily close of `day`: send the shout-out
    notices still owed, and when `day` ends a week (a Sunday), that week's notes. Never
    raises: a mail problem must not mark the close itself failed."""
    if not current_app.config.get("SMTP_URL"):
        log.info("no KIOSK_SMTP_URL: shout-out notices and weekly notes are not sent")
        return
    now = datetime.now(UTC)
    for what, job in (("shout-out notices", lambda: send_notices(
                          since=now - timedelta(days=NOTICE_DAYS), now=now)),
                      ("weekly notes", lambda: send_week(
                          day - timedelta(days=6), now=now) if day.weekday() == 6 else [])):
        try:
            outcomes = job()
        except mail.MailError as exc:
            log.error("%s not sent: %s", what, exc)
            continue
        except Exception:
            db.session().rollback()
            log.exception("%s failed", what)
            continue
        failed = [o for o in outcomes if o.status == "failed"]
        log.info("%s: %d sent, %d failed", what, sum(o.status == "sent" for o in outcomes),
                 len(failed))


# --- opting out ---------------------------------------------------------------------------

def unsubscribe_token(staff_id: int) -> str:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"],
                                  salt=UNSUBSCRIBE_SALT).dumps(staff_id)


def read_unsubscribe(token: str) -> StaffMember | None:
    """The person of a note's unsubscribe link; None if it is not valid (or too old)."""
    try:
        staff_id = URLSafeTimedSerializer(current_app.config["SECRET_KEY"],
                                          salt=UNSUBSCRIBE_SALT).loads(
            token, max_age=UNSUBSCRIBE_MAX_AGE)
    except BadSignature:
        return None
    return db.session().get(StaffMember, staff_id) if isinstance(staff_id, int) else None


def set_opt_out(staff: StaffMember, opt_out: bool, actor: str) -> bool:
    """Stop (or restart) someone's weekly note; audited. True when it changed."""
    if staff.notes_opt_out == opt_out:
        return False
    audit.record(actor, "notes.opt_out" if opt_out else "notes.opt_in", f"staff:{staff.id}",
                 {"notes": not staff.notes_opt_out}, {"notes": not opt_out})
    staff.notes_opt_out = opt_out
    db.session().commit()
    return True


# --- the messages -------------------------------------------------------------------------

def _language() -> str:
    lang = current_app.config.get("LANGUAGE") or "tr"
    return lang if lang in ("tr", "en") else "tr"


def _quote(item: Item, person: StaffMember, lang: str) -> dict:
    """An item as the person reads it: their own name as written, colleagues as they chose."""
    face = feed.display_item(item, viewer=person.id)
    return {"text": face["text"], "author": face["author"] or _("A customer"),
            "lang": face["lang"] if face["lang"] in ("tr", "en") else None,
            "branch": face["branch"],
            "date": format_date(item.created_at.astimezone(_tz()).date(), "d MMMM y",
                                locale=lang)}


def _shown_as(item: Item, person: StaffMember) -> str:
    """What the walls show for the person in this item now: a name, a team, or nothing."""
    for named in shoutouts.named_in(item):
        if named.staff_id == person.id:
            return shoutouts.label(named, _language()) or _("not named")
    return person.name


def compose_notice(person: StaffMember, items: list[Item], now: datetime) -> EmailMessage:
    lang = _language()
    base = digest.public_url()
    with force_locale(lang):
        context = {
            "lang": lang, "first": person.name.split()[0],
            "quotes": [{**_quote(i, person, lang), "shown_as": _shown_as(i, person)}
                       for i in items],
            "page_url": f"{base}/me/{shoutouts.make_token(person.id, items[0].id)}",
            "days": shoutouts.TOKEN_MAX_AGE // 86400,
        }
        subject = ngettext("A customer wrote about you", "Customers wrote about you "
                           "(%(num)d comments)", len(items))
        text = render_template("email/shoutout.txt", **context)
        html = render_template("email/shoutout.html", **context)
    return _message(person.email, subject, text, html, now, "shoutout")


def compose_note(note: Note, monday: date, now: datetime) -> EmailMessage:
    lang = _language()
    base = digest.public_url()
    person = note.staff
    unsubscribe_url = f"{base}/me/notes/unsubscribe/{unsubscribe_token(person.id)}"
    with force_locale(lang):
        sunday = monday + timedelta(days=6)
        context = {
            "lang": lang, "first": person.name.split()[0], "team": person.team,
            "week": week_label(monday),
            "days": f"{format_date(monday, 'd MMMM', locale=lang)} – "
                    f"{format_date(sunday, 'd MMMM y', locale=lang)}",
            "mine": [_quote(i, person, lang) for i in note.mine[:NOTE_ITEMS]],
            "mine_more": max(0, len(note.mine) - NOTE_ITEMS),
            "mine_count": len(note.mine),
            "team_quotes": [_quote(i, person, lang) for i in note.team[:NOTE_ITEMS]],
            "team_more": max(0, len(note.team) - NOTE_ITEMS),
            "team_count": len(note.team),
            "page_url": f"{base}/me/{shoutouts.make_token(person.id)}",
            "unsubscribe_url": unsubscribe_url,
        }
        subject = _("What customers said about you this week (%(week)s)",
                    week=context["week"]) if note.mine else _(
            "What customers said about your team this week (%(week)s)", week=context["week"])
        text = render_template("email/note.txt", **context)
        html = render_template("email/note.html", **context)
    return _message(person.email, subject, text, html, now, "note", unsubscribe_url)


def _message(to: str, subject: str, text: str, html: str, now: datetime, kind: str,
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
