"""The personal weekly note: "what customers said about you and your team this week", to each
person named, by the daily close that ends a week or `kiosk notes send`; and opting out of it.

On the daily close that ends a week (Monday's, closing Sunday), everyone on the roster with an
e-mail address who has not opted out gets the note, if customers said anything. `kiosk notes
send` sends (or with --dry-run shows) a week's notes by hand. The same daily hook (`daily`, in
the scheduler's DAILY_HOOKS) sends the shout-out notices still owed (kiosk.shoutout_notices).

Never twice: a WeeklyNote (person, week) row is committed before the message goes; its unique
key lets one process through. A failed send deletes the claim so a later run retries; a process
killed between claim and send leaves it (a missed e-mail rather than a double one), as the
digest does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage

from babel.dates import format_date
from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import audit, db, digest, mail, shoutouts
from kiosk.models import ON_SCREEN, Analysis, Item, StaffMember, Status, WeeklyNote
from kiosk.shoutout_notices import (
    NOTICE_DAYS,
    Outcome,
    build_message,
    company_tz,
    mail_language,
    on_walls,
    quote_for,
    release_claims,
    send_notices,
)

log = logging.getLogger(__name__)

NOTE_ITEMS = 15  # quotes per section of a weekly note; the rest are counted
UNSUBSCRIBE_SALT = "weekly-note"
UNSUBSCRIBE_MAX_AGE = 400 * 24 * 3600  # an old note's link still works a year on
WEEK_RE = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)


class NoteError(ValueError):
    """Bad input (a week); the message says what is wrong."""


# --- the weekly note ----------------------------------------------------------------------

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
    today = now.astimezone(company_tz()).date()
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
    tz = company_tz()
    start = datetime.combine(monday, time(), tz)
    end = datetime.combine(monday + timedelta(days=7), time(), tz)
    query = (select(Item).join(Analysis)
             .where(Item.status.in_(ON_SCREEN), Analysis.label == "praise",
                    Item.created_at >= start, Item.created_at < end)
             .order_by((Item.status == Status.PINNED.value).desc(), Item.created_at, Item.id))
    items = [i for i in db.session().scalars(query).unique()
             if on_walls(i, now) and i.analysis.mentions]
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
                release_claims(WeeklyNote, [(outcome.staff_id, label)])
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


# --- the message --------------------------------------------------------------------------

def compose_note(note: Note, monday: date, now: datetime) -> EmailMessage:
    lang = mail_language()
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
            "mine": [quote_for(i, person, lang) for i in note.mine[:NOTE_ITEMS]],
            "mine_more": max(0, len(note.mine) - NOTE_ITEMS),
            "mine_count": len(note.mine),
            "team_quotes": [quote_for(i, person, lang) for i in note.team[:NOTE_ITEMS]],
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
    return build_message(person.email, subject, text, html, now, "note", unsubscribe_url)
