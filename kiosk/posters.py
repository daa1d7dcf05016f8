"""Printable posters: one item's quote, or the week's best praise, as an A4 or A3 PDF.

A poster shows what the screens show (`feed.display_item`: the curator's edit or the redacted
text, the anonymised author), so nothing reaches paper that a wall would not carry. Fitting the
quotes to one page is kiosk.poster_layout's job; making a poster is recorded here.
"""

from __future__ import annotations

import base64
import mimetypes
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from kiosk import audit, db, feed, pdf, shoutouts
from kiosk.models import ON_SCREEN, Item, Poster, Status
from kiosk.poster_layout import WEEK_FEWEST, Quote, fit_item, fit_week, highlight

SIZES = ("A4", "A3")
WEEK_MOST = 5  # quotes on a week poster, at most
WEEK_SHORT = 280  # characters; longer quotes make the week's page only if short ones run out


def N_(text: str) -> str:  # noqa: N802 — gettext's name for "mark for translation only"
    return text


class PosterError(ValueError):
    """Why an item cannot be a poster: `message` is an msgid, `params` fill it."""

    def __init__(self, message: str, **params) -> None:
        self.message, self.params = message, params
        super().__init__(message % params)


# --- what may be printed ------------------------------------------------------------------

def refusal(item: Item | None, item_id: int, now: datetime) -> PosterError | None:
    """Why this item may not become a poster, or None. Same bar as a wall, and no complaints."""
    if item is None:
        return PosterError(N_("There is no item %(id)s."), id=item_id)
    if item.recalled_at is not None:
        return PosterError(N_("Item %(id)s was recalled: it may not be printed."), id=item_id)
    if item.status == Status.PENDING:
        return PosterError(N_("Item %(id)s is still pending: approve it before making a "
                              "poster."), id=item_id)
    if item.status not in ON_SCREEN or item.analysis is None:
        return PosterError(N_("Item %(id)s was rejected: only approved or pinned items "
                              "become posters."), id=item_id)
    decided_by_person = bool(item.decided_by) and not item.decided_by.startswith("rule:")
    if item.complaint_status or (item.analysis.label == "complaint" and not decided_by_person):
        return PosterError(N_("Item %(id)s is a complaint: complaints are answered, never "
                              "put on a wall."), id=item_id)
    if "profanity" in (item.analysis.flags or []) and not item.edited_text:
        return PosterError(N_("Item %(id)s contains profanity: edit its text first."),
                           id=item_id)
    if item.expires_at is not None and item.expires_at <= now:
        return PosterError(N_("Item %(id)s has expired and is no longer shown."), id=item_id)
    return None


def _size(size: str) -> str:
    size = (size or "A4").upper()
    if size not in SIZES:
        raise PosterError(N_("A poster is A4 or A3, not %(size)s."), size=size)
    return size


# --- building the page --------------------------------------------------------------------

SOURCE_NAMES = {"google": "Google", "foursquare": "Foursquare", "appstore": "App Store",
                "x": "X", "mastodon": "Mastodon", "survey": N_("Survey"),
                "email": N_("E-mail"), "webhook": N_("Website")}


def _lang(lang: str | None) -> str:
    lang = lang or current_app.config.get("LANGUAGE", "tr")
    return lang if lang in ("tr", "en") else "tr"


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("TIMEZONE", "Europe/Istanbul"))


def _day(when: datetime, lang: str) -> str:
    from babel.dates import format_date

    return format_date(when.astimezone(_tz()).date(), "d MMMM y", locale=lang)


def _days(first: date, last: date, lang: str) -> str:
    """"16–22 Kasım 2026" / "November 16–22, 2026"; full dates when the month changes."""
    from babel.dates import format_date

    if (first.year, first.month) != (last.year, last.month):
        return " – ".join(format_date(d, "d MMMM y" if lang == "tr" else "MMMM d, y",
                                      locale=lang) for d in (first, last))
    if lang == "tr":
        return f"{first.day}–{format_date(last, 'd MMMM y', locale=lang)}"
    return f"{format_date(first, 'MMMM d', locale=lang)}–{last.day}, {last.year}"


def quote_of(item: Item, lang: str) -> Quote:
    """The item as the screens show it (same text, author, branch, staff named as they
    chose), ready for paper."""
    shown = feed.display_item(item)
    text = " ".join(shown["text"].split())
    return Quote(item_id=item.id, segments=highlight(text, shown["mentions"], shown["branch"]),
                 author=shown["author"], source=item.source, day=_day(item.created_at, lang),
                 branch=shown["branch"], rating=shown["rating"],
                 mentions=shoutouts.public_staff(item, lang), text=text)


def _company() -> dict:
    """Company name and logo from config; the logo is inlined so rendering fetches nothing."""
    name = (current_app.config.get("COMPANY_NAME") or "").strip()
    logo, path = None, current_app.config.get("LOGO_PATH")
    if path:
        file = Path(path).expanduser()
        kind = mimetypes.guess_type(file.name)[0]
        if file.is_file() and kind in ("image/png", "image/jpeg", "image/svg+xml",
                                       "image/gif", "image/webp"):
            logo = f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode()}"
        else:
            current_app.logger.warning("poster logo %s is not a readable image", path)
    return {"name": name, "logo": logo, "initial": name[:1].upper() if name else ""}


def _record(actor: str, size: str, kind: str, item_ids: list[int], target: str) -> None:
    """One Poster row per item printed (a week poster has several), and one audit entry."""
    now = datetime.now(UTC)
    for item_id in item_ids:
        db.session().add(Poster(item_id=item_id, kind=kind, size=size, created_by=actor,
                                created_at=now))
    audit.record(actor, "poster.create", target, None,
                 {"kind": kind, "size": size, "items": item_ids})
    db.session().commit()


def item_poster(item_id: int, size: str = "A4", actor: str = "cli",
                lang: str | None = None) -> bytes:
    """The PDF poster of one approved or pinned item; recorded in Poster and the audit log."""
    size, lang = _size(size), _lang(lang)
    item = db.session().get(Item, item_id)
    problem = refusal(item, item_id, datetime.now(UTC))
    if problem:
        raise problem
    quote = quote_of(item, lang)
    args = {"kind": "item", "size": size, "lang": lang, "company": _company(),
            "source_names": SOURCE_NAMES}
    data = pdf.render(fit_item(quote, args, lang))
    _record(actor, size, "item", [item.id], f"item:{item.id}")
    return data


# --- the week's best ----------------------------------------------------------------------

def parse_week(value: str | None, now: datetime | None = None) -> date:
    """Monday of an ISO week "YYYY-Www" (or "YYYY-ww"); None: the current week's Monday."""
    if not value:
        today = (now or datetime.now(UTC)).astimezone(_tz()).date()
        return today - timedelta(days=today.weekday())
    year, _sep, week = value.strip().upper().partition("-")
    try:
        return date.fromisocalendar(int(year), int(week.lstrip("W")), 1)
    except ValueError:
        raise PosterError(N_("A week is written like 2026-W47, not %(week)s."),
                          week=value) from None


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _rank(item: Item) -> tuple:
    """Pinned first, then shout-outs of staff, then praise over other labels, then how
    warm it is (sentiment), then the star rating."""
    a = item.analysis
    return (item.status == Status.PINNED, bool(a.mentions), a.label == "praise",
            a.sentiment, item.rating or 0)


def best_of_week(monday: date, limit: int = WEEK_MOST) -> list[Item]:
    """The week's best printable praise: ranked, short quotes first, one quote per person."""
    tz = _tz()
    start = datetime.combine(monday, datetime.min.time(), tz).astimezone(UTC)
    end = start + timedelta(days=7)
    now = datetime.now(UTC)
    query = select(Item).where(Item.status.in_(ON_SCREEN), Item.created_at >= start,
                               Item.created_at < end)
    items = [i for i in db.session().scalars(query).unique() if refusal(i, i.id, now) is None]
    items.sort(key=_rank, reverse=True)
    chosen: list[Item] = []
    thanked: set[str] = set()
    for short_only in (True, False):  # long quotes only when short ones run out
        for item in items:
            if len(chosen) >= limit:
                return chosen
            text = item.edited_text or item.analysis.display_text
            people = set(item.analysis.mentions or [])
            if item in chosen or (short_only and len(text) > WEEK_SHORT) \
                    or (people & thanked):
                continue
            chosen.append(item)
            thanked |= people
    return chosen


def week_poster(week: str | None = None, size: str = "A4", actor: str = "cli",
                lang: str | None = None, now: datetime | None = None) -> tuple[bytes, str]:
    """The week's best 3–5 quotes on one page; without a week, this week (or last week while
    this one has fewer than three and last week more). Returns the PDF and the week shown."""
    size, lang = _size(size), _lang(lang)
    monday = parse_week(week, now)
    items = best_of_week(monday)
    if not week and len(items) < WEEK_FEWEST:  # early in the week: last week, if richer
        earlier = best_of_week(monday - timedelta(weeks=1))
        if len(earlier) > len(items):
            monday, items = monday - timedelta(weeks=1), earlier
    label = week_label(monday)
    if not items:
        raise PosterError(N_("Week %(week)s has no approved praise to print yet."), week=label)
    quotes = [quote_of(i, lang) for i in items]
    sunday = monday + timedelta(days=6)
    args = {"kind": "week", "size": size, "lang": lang, "company": _company(),
            "source_names": SOURCE_NAMES,
            "week": label, "week_number": monday.isocalendar()[1],
            "days": _days(monday, sunday, lang)}
    html, shown = fit_week(quotes, args, lang)
    data = pdf.render(html)
    _record(actor, size, "week", [q.item_id for q in shown], f"week:{label}")
    return data, label


def recent_posters(limit: int = 30) -> list[dict]:
    """The latest posters made, newest first; a week poster's rows (one per quote, written
    together) come back as one poster with several item ids."""
    query = select(Poster).order_by(Poster.created_at.desc(), Poster.id.desc())
    made: list[dict] = []
    for row in db.session().scalars(query.limit(limit * WEEK_MOST)):
        key = (row.kind, row.size, row.created_by, row.created_at)
        if made and made[-1]["key"] == key and row.kind == "week":
            made[-1]["item_ids"].append(row.item_id)
            continue
        if len(made) == limit:
            break
        made.append({"key": key, "kind": row.kind, "size": row.size,
                     "created_by": row.created_by, "created_at": row.created_at,
                     "item_ids": [row.item_id]})
    for poster in made:
        poster["item_ids"].sort(key=lambda i: (i is None, i))
    return made


def posters_of(item_id: int) -> list[Poster]:
    """Every poster an item was printed on, newest first."""
    query = select(Poster).where(Poster.item_id == item_id) \
        .order_by(Poster.created_at.desc(), Poster.id.desc())
    return list(db.session().scalars(query))
