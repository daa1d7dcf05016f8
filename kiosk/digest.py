"""The morning digest: yesterday's praise by e-mail, to everyone or to one branch's or team's
subscribers, in Turkish or English, HTML with a plain-text alternative.

Who gets what: each active subscription gets the praise on the walls (approved or pinned,
labelled praise) whose created_at falls on the day in KIOSK_TIMEZONE, narrowed to its branch
or team exactly as the huddle deck narrows it (a team's praise is praise mentioning someone
the roster puts in that team). An address with several subscriptions gets one e-mail with
all of them; an address with nothing to read gets none.

Never twice: before a message goes out, a DigestSend row for (day, address) is inserted and
committed; its unique key lets exactly one process or thread through, however many run.
A failed send deletes the row again, so the next run (`kiosk digest send --date DAY`, or
the same command with no date on the same day) retries just the addresses that failed. A
process killed between claim and send leaves the claim: that address misses that day
rather than risk getting it twice.

`--to ADDRESS` sends the day's full digest (every branch) to those addresses and records it
like any other send: an address gets one digest per day, whoever asked for it.

Subscribing and unsubscribing (who is on the list) live in kiosk.digest_subscriptions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import current_app, render_template
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk import db, mail
from kiosk.digest_subscriptions import (
    LANGUAGES,
    DigestError,
    active_subscriptions,
    checked_language,
    normalise_address,
)
from kiosk.feed import display_item
from kiosk.models import DigestSend, Item, Status, Subscription
from kiosk.web.huddle import day_praise

log = logging.getLogger(__name__)

MAX_ITEMS = 50  # more make an e-mail nobody reads to the end; the rest are on /huddle
DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- who gets what -----------------------------------------------------------------------

@dataclass
class Letter:
    """One e-mail to be: an address, its language, its items and where they come from."""

    address: str
    language: str
    items: list[Item]
    scopes: list[tuple[str | None, str | None]] = field(default_factory=list)  # (branch, team)
    token: str | None = None  # for the unsubscribe link; None when not subscribed


def parse_day(raw: str) -> date:
    try:
        if not DAY_RE.fullmatch(raw.strip()):
            raise ValueError
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise DigestError(f"the date must look like YYYY-MM-DD, for example 2026-11-23, "
                          f"not {raw!r}") from None


def yesterday(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date() - timedelta(days=1)


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("TIMEZONE") or "Europe/Istanbul")


def _order(item: Item):
    return (item.status != Status.PINNED.value, item.created_at, item.id)


def letters(day: date, now: datetime, to: tuple[str, ...] = (),
            language: str | None = None) -> list[Letter]:
    """Who gets what for `day`: the subscribers, or (with `to`) those addresses."""
    tz = _tz()
    if to:
        language = checked_language(language or current_app.config.get("LANGUAGE") or "tr")
        addresses = list(dict.fromkeys(normalise_address(a) for a in to))
        everything = day_praise(day, tz, now)
        active = {s.email: s.token for s in active_subscriptions() if s.email in addresses}
        return [Letter(a, language, everything, [(None, None)], active.get(a))
                for a in addresses if everything]
    grouped: dict[str, list[Subscription]] = {}
    for sub in active_subscriptions():
        grouped.setdefault(sub.email, []).append(sub)
    cache: dict[tuple[str | None, str | None], list[Item]] = {}
    result = []
    for address, subs in grouped.items():
        found: dict[int, Item] = {}
        for sub in subs:
            key = (sub.branch, sub.team)
            if key not in cache:
                cache[key] = day_praise(day, tz, now, sub.branch, sub.team)
            found.update((item.id, item) for item in cache[key])
        if found:  # nothing to read, nothing sent
            result.append(Letter(address, subs[0].language, sorted(found.values(), key=_order),
                                 [(s.branch, s.team) for s in subs], subs[0].token))
    return result


# --- the message --------------------------------------------------------------------------

def public_url() -> str:
    """Where recipients reach this server (PUBLIC_URL, else KIOSK_HOST:KIOSK_PORT)."""
    cfg = current_app.config
    if cfg.get("PUBLIC_URL"):
        return str(cfg["PUBLIC_URL"]).rstrip("/")
    host = cfg.get("HOST") or "127.0.0.1"
    host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{host}:{cfg.get('PORT') or 8000}"


def subject(count: int, day: date, language: str, is_yesterday: bool) -> str:
    with force_locale(language):
        comments = ngettext("%(num)d customer comment", "%(num)d customer comments", count)
        when = format_date(day, "d MMMM y", locale=language)
        if is_yesterday:
            return _("Yesterday's praise: %(comments)s — %(date)s", comments=comments,
                     date=when)
        return _("Praise of the day: %(comments)s — %(date)s", comments=comments, date=when)


def _scope_label(scopes: list[tuple[str | None, str | None]]) -> str:
    labels = []
    for branch, team in scopes:
        parts = []
        if team:
            parts.append(_("%(team)s team", team=team))
        if branch:
            parts.append(_("%(branch)s branch", branch=branch))
        labels.append(" · ".join(parts) or _("All branches"))
    return ", ".join(dict.fromkeys(labels))


def _entry(item: Item, tz: ZoneInfo) -> dict:
    """What the e-mail shows of an item: only its public face, as the walls show it."""
    face = display_item(item)
    rating = face["rating"] if isinstance(face["rating"], int) and 1 <= face["rating"] <= 5 \
        else None
    return {
        "text": face["text"],
        "lang": face["lang"] if face["lang"] in LANGUAGES else None,
        "author": face["author"] or _("A customer"),
        "branch": _("%(branch)s branch", branch=face["branch"]) if face["branch"] else None,
        "mentions": face["mentions"][:5],
        "stars": "★" * rating + "☆" * (5 - rating) if rating else None,
        "stars_label": _("%(n)d out of 5", n=rating) if rating else None,
        "time": item.created_at.astimezone(tz).strftime("%H:%M"),
        "pinned": face["pinned"],
    }


def compose(letter: Letter, day: date, now: datetime, test: bool = False) -> EmailMessage:
    """The e-mail for a letter: headers, a text part and an HTML alternative."""
    cfg = current_app.config
    tz = _tz()
    lang = letter.language
    base = public_url()
    unsubscribe_url = f"{base}/digest/unsubscribe/{letter.token}" if letter.token else None
    is_yesterday = day == yesterday(now, tz)
    huddle = {"date": day.isoformat(), "lang": lang}
    if len(letter.scopes) == 1:
        branch, team = letter.scopes[0]
        huddle.update({k: v for k, v in (("branch", branch), ("team", team)) if v})
    with force_locale(lang):
        entries = [_entry(item, tz) for item in letter.items[:MAX_ITEMS]]
        title = _("Yesterday's praise") if is_yesterday else _("Praise of the day")
        context = {
            "lang": lang, "title": title, "entries": entries,
            "more": max(0, len(letter.items) - MAX_ITEMS),
            "count_label": ngettext("%(num)d customer comment", "%(num)d customer comments",
                                    len(letter.items)),
            "date_long": format_date(day, "EEEE, d MMMM y", locale=lang),
            "scope": _scope_label(letter.scopes),
            "huddle_url": f"{base}/huddle?{urlencode(huddle)}",
            "unsubscribe_url": unsubscribe_url,
            "preheader": _shorten(entries[0]["text"], 110) if entries else "",
        }
        text = render_template("email/digest.txt", **context)
        html = render_template("email/digest.html", **context)
    message = EmailMessage()
    # Headers set raw are written as given, never refolded (see _encoded).
    message.policy = message.policy.clone(refold_source="none")
    message.set_raw("Subject", _encoded(("[Test] " if test else "") + subject(
        len(letter.items), day, lang, is_yesterday)))
    message["From"] = cfg["MAIL_FROM"]
    message["To"] = letter.address
    message["Date"] = format_datetime(now.astimezone(UTC))
    domain = parseaddr(str(cfg["MAIL_FROM"]))[1].rpartition("@")[2] or "kiosk.local"
    message["Message-ID"] = make_msgid("digest", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies, please
    if unsubscribe_url:
        # Raw: a URL longer than a 78-column line has no space to fold at, and the default
        # policy would turn it into RFC 2047 encoded-words that no mail client reads as a
        # URL. RFC 5322 allows lines up to 998 characters.
        message.set_raw("List-Unsubscribe", f"<{unsubscribe_url}>")
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    # Quoted-printable keeps every line 7-bit, so any relay carries Turkish and emoji intact.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


def _encoded(value: str) -> str:
    """RFC 2047 encoded-words by the legacy encoder. Python 3.11's default policy folded
    "yorumu — 23" so that the space became folding whitespace between two encoded-words,
    which decoders drop ("yorumu— 23"); email.header.Header keeps spaces inside them."""
    if value.isascii():
        return value
    return Header(value, "utf-8", header_name="Subject").encode()


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


# --- sending --------------------------------------------------------------------------------

@dataclass
class Outcome:
    """What happened to one address: sent, already sent, failed, or would be sent (dry run)."""

    address: str
    status: str  # sent | already sent | failed | dry run
    subject: str = ""
    items: int = 0
    language: str = ""
    scope: str = ""
    error: str | None = None
    text: str | None = None  # the text part, for a dry run


def _claim(day: str, address: str, items: int) -> DigestSend | None:
    """Insert (day, address) before sending; None when someone else already has it."""
    session = db.session()
    row = DigestSend(day=day, address=address, items=items)
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    return row


def _release(row: DigestSend) -> None:
    session = db.session()
    try:
        session.delete(row)
        session.commit()
    except Exception:  # the claim stays: a missed digest, never a double one
        session.rollback()
        log.exception("could not release the digest claim %s %s", row.day, row.address)


def _already_sent(day: str) -> set[str]:
    return set(db.session().scalars(select(DigestSend.address).where(DigestSend.day == day)))


def recent_sends(days: int = 14) -> list[tuple[str, int]]:
    """(day, addresses sent to) for the last `days` days with any send, newest first."""
    query = (select(DigestSend.day, func.count()).group_by(DigestSend.day)
             .order_by(DigestSend.day.desc()).limit(days))
    return [(day, count) for day, count in db.session().execute(query)]


def send_day(day: date | None = None, *, to: tuple[str, ...] = (),
             language: str | None = None, dry_run: bool = False,
             now: datetime | None = None, ssl_context=None) -> list[Outcome]:
    """Send `day`'s digest (default: yesterday) to the subscribers, or to `to` instead."""
    now = now or datetime.now(UTC)
    day = day or yesterday(now, _tz())
    key = day.isoformat()
    planned = letters(day, now, to, language)
    done = _already_sent(key)
    outcomes, pending = [], []
    for letter in planned:
        message = compose(letter, day, now)
        with force_locale(letter.language):
            scope = _scope_label(letter.scopes)
        outcome = Outcome(letter.address, "dry run", str(message["Subject"]),
                          len(letter.items), letter.language, scope)
        if letter.address in done:
            outcome.status = "already sent"
        elif dry_run:
            outcome.text = message.get_body(("plain",)).get_content()
        else:
            pending.append((outcome, message))
        outcomes.append(outcome)
    if not pending:
        return outcomes
    settings = mail.parse_url(current_app.config.get("SMTP_URL"))  # before any claim
    with mail.Mailer(settings, ssl_context) as mailer:
        for outcome, message in pending:
            claim = _claim(key, outcome.address, outcome.items)
            if claim is None:
                outcome.status = "already sent"
                continue
            try:
                mailer.send(message)
            except Exception as exc:
                _release(claim)  # so that a later run can try this address again
                if not isinstance(exc, mail.MailError):
                    raise
                outcome.status, outcome.error = "failed", str(exc)
                log.warning("digest %s to %s not sent: %s", key, outcome.address, exc)
                continue
            claim.sent_at = datetime.now(UTC)
            db.session().commit()
            outcome.status = "sent"
    return outcomes


def send_test(address: str, day: date, language: str, now: datetime | None = None) -> str:
    """Send the day's full digest once to `address`, marked [Test] and not recorded; returns
    the subject. For checking the SMTP settings and the look from the console."""
    now = now or datetime.now(UTC)
    language = checked_language(language)
    letter = Letter(normalise_address(address), language, day_praise(day, _tz(), now),
                    [(None, None)])
    if not letter.items:
        raise DigestError(_("No praise on that day: there is nothing to send."))
    message = compose(letter, day, now, test=True)
    mail.send(message, current_app.config.get("SMTP_URL"))
    return str(message["Subject"])


def preview(day: date, language: str, branch: str | None = None, team: str | None = None,
            now: datetime | None = None) -> str:
    """The HTML part as a subscriber of that scope would get it (with a dummy unsubscribe
    link, which leads to the "not valid" page)."""
    now = now or datetime.now(UTC)
    letter = Letter("preview@example.invalid", language,
                    day_praise(day, _tz(), now, branch, team), [(branch, team)], "preview")
    return compose(letter, day, now).get_body(("html",)).get_content()


def send_daily(day: date) -> None:
    """Scheduler hook (kiosk.scheduler.DAILY_HOOKS): after the daily close, mail the closed
    day's digest. Never raises: a digest problem must not mark the close itself failed."""
    try:
        if not active_subscriptions():
            return
        outcomes = send_day(day)
    except (mail.MailError, DigestError) as exc:
        log.error("digest for %s not sent: %s", day, exc)
        return
    except Exception:
        db.session().rollback()
        log.exception("digest for %s failed", day)
        return
    sent = sum(o.status == "sent" for o in outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    log.info("digest for %s: %d sent, %d already sent, %d failed", day, sent,
             sum(o.status == "already sent" for o in outcomes), len(failed))
    if failed:
        log.error("digest for %s not sent to %s (%s); retry with `kiosk digest send --date "
                  "%s`", day, ", ".join(o.address for o in failed), failed[0].error, day)
