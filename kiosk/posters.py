"""Printable posters: one item's quote, or the week's best praise, as an A4 or A3 PDF.

A poster shows what the screens show (`feed.display_item`: the curator's edit or the redacted
text, the anonymised author), so nothing reaches paper that a wall would not carry. The quote
gets the largest font step its length allows; each layout is measured (page count, and the
room left between two anchors) and stepped down until it fits one page, and only at the
smallest step is the text shortened at a word with "…" — the wall's rule.

Emoji: static/poster/poster.css names text fonts only and lets fontconfig fall back to Noto
Color Emoji; naming the emoji font in `font-family` draws digits from it (RESOURCES.md §8).
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select

from kiosk import audit, db, feed, pdf, shoutouts
from kiosk.models import ON_SCREEN, Item, Poster, Status

SIZES = ("A4", "A3")
ELLIPSIS = "…"
# Largest quote font step (index 0) for texts up to this many characters; the last step is
# the floor, below which the text is shortened instead. Sizes live in static/poster/poster.css.
ITEM_STEPS = (40, 70, 110, 160, 230, 320, 450, 650, 900)
WEEK_STEPS = (60, 110, 170, 240, 330)
WEEK_MOST, WEEK_FEWEST = 5, 3
ROOMY = 260  # CSS px (~7 cm) left over: the quote may take the next font size up
WEEK_SHORT = 280  # characters; longer quotes make the week's page only if short ones run out


def N_(text: str) -> str:  # noqa: N802 — gettext's name for "mark for translation only"
    return text


class PosterError(ValueError):
    """Why an item cannot be a poster: `message` is an msgid, `params` fill it."""

    def __init__(self, message: str, **params) -> None:
        self.message, self.params = message, params
        super().__init__(message % params)


@dataclass
class Quote:
    item_id: int
    segments: list[tuple[str, str | None]]
    author: str | None
    source: str
    day: str
    branch: str | None
    rating: int | None
    mentions: list[dict] = field(default_factory=list)
    step: int = 0
    text: str = ""


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


# --- text: the wall's highlighting and shortening, in Python -------------------------------

_FOLD = str.maketrans("şçğıöüâîûé", "scgiouaiue")
_TITLES = ("hanimefendi", "hanim", "beyefendi", "bey", "hocam", "hoca", "hn")
_APOSTROPHES = "'’"


def _fold(text: str) -> str:
    """Lower-case the Turkish way and drop diacritics, one character per character."""
    out = []
    for ch in text:
        low = "i" if ch == "İ" else "ı" if ch == "I" else ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).translate(_FOLD)


def _letter(text: str, at: int) -> bool:
    return 0 <= at < len(text) and text[at].isalnum()


def _suffix(text: str, end: int) -> int:
    """Extend a match over an apostrophe suffix: "Ayşe'ye", "Kadıköy'deki"."""
    if end < len(text) and text[end] in _APOSTROPHES and _letter(text, end + 1):
        end += 1
        while _letter(text, end):
            end += 1
    return end


def _title(text: str, folded: str, end: int) -> int:
    """Extend a name over a polite title right after it: "Ayşe Hanım'a", "Barış Bey"."""
    start = end
    while start < len(text) and start - end < 3 and text[start] in " \u00a0":
        start += 1
    if start == end:
        return end
    for title in _TITLES:
        stop = start + len(title)
        if folded.startswith(title, start) and (not _letter(text, stop)
                                                or text[stop] in _APOSTROPHES):
            return _suffix(text, stop + 1 if folded[stop:stop + 1] == "." else stop)
    return end


def _find(text: str, folded: str, needle: str, kind: str, hits: list) -> None:
    wanted = _fold(needle.strip())
    if len(wanted) < 2:
        return
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if not _letter(text, at - 1) and not (_letter(text, end) and text[end] not in
                                               _APOSTROPHES):
            stop = _suffix(text, end)
            hits.append((at, _title(text, folded, stop) if kind == "name" else stop, kind))
        at = folded.find(wanted, at + 1)


def highlight(text: str, mentions: list[str], branch: str | None = None
              ) -> list[tuple[str, str | None]]:
    """Cut text into (part, kind) where kind is "name", "branch" or None (as the wall does)."""
    folded, hits = _fold(text), []
    for name in mentions or []:
        if not isinstance(name, str) or not name.strip():
            continue
        before = len(hits)
        _find(text, folded, name, "name", hits)
        if len(hits) == before:
            for part in name.split():
                if len(part) >= 3:
                    _find(text, folded, part, "name", hits)
    if branch:
        _find(text, folded, branch, "branch", hits)
    hits.sort(key=lambda h: (h[0], -h[1]))
    segments, pos = [], 0
    for start, end, kind in hits:
        if start < pos:
            continue  # inside an earlier, longer hit
        if start > pos:
            segments.append((text[pos:start], None))
        segments.append((text[start:end], kind))
        pos = end
    if pos < len(text) or not segments:
        segments.append((text[pos:], None))
    return segments


def shorten(text: str, words: int) -> str:
    """The first `words` words with "…", trailing punctuation dropped; never inside a word."""
    parts = text.split()
    if words >= len(parts):
        return text.strip()
    head = " ".join(parts[:max(1, words)]).rstrip(" ,;:.!?-–—(«\"“'’")
    return (head or parts[0]) + ELLIPSIS


def step_for(length: int, steps: tuple[int, ...]) -> int:
    """Index of the largest font step for a text this long (len(steps) is the floor)."""
    return next((i for i, limit in enumerate(steps) if length <= limit), len(steps))


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


def _render(template_args: dict, lang: str) -> str:
    with force_locale(lang):
        return render_template("poster.html", **template_args)


def free_space(html: str) -> float | None:
    """Room left at the foot of a one-page poster, in CSS px; None when it does not fit.

    Measured between the #poster-top and #poster-end anchors of a render in plain block
    flow, where too much text makes a second page instead of spilling silently.
    """
    from weasyprint import HTML

    pages = HTML(string=html, base_url=pdf.STATIC.as_uri() + "/").render().pages
    if len(pages) != 1:
        return None
    top, end = pages[0].anchors["poster-top"][1], pages[0].anchors["poster-end"][1]
    free = (pages[0].height - 2 * top) - (end - top)  # the top and bottom margins are equal
    return free if free >= 0 else None


def _reshape(quote: Quote, text: str) -> None:
    quote.segments = highlight(text, [m["name"] for m in quote.mentions], quote.branch)


def _spaced(args: dict, lang: str, weights: tuple[float, ...]) -> tuple[str, float] | None:
    """Render; if it fits, hand the room left to the .space boxes by weight, and check."""
    plain = _render(args, lang)
    free = free_space(plain)
    if free is None:
        return None
    room = max(0.0, free - 2)  # a hair of slack for rounding
    spaced = _render({**args, "spaces": [room * w / sum(weights) for w in weights]}, lang)
    return (spaced if free_space(spaced) is not None else plain), free


def fit_item(quote: Quote, args: dict, lang: str) -> str:
    """Largest font step that keeps the poster on one page; shorten only at the floor.

    The quote is then centred in the room left between the header and the thank-you.
    """
    floor = len(ITEM_STEPS)

    def attempt() -> tuple[str, float] | None:
        return _spaced({**args, "quotes": [quote]}, lang, (0.45, 0.55))

    quote.step = step_for(len(quote.text), ITEM_STEPS)
    while (fitted := attempt()) is None and quote.step < floor:
        quote.step += 1
    if fitted is not None:
        html, free = fitted
        while quote.step > 0 and free > ROOMY:  # a short text in a tall box: one size up
            quote.step -= 1
            if (bigger := attempt()) is None:
                quote.step += 1
                break
            html, free = bigger
        return html
    words, html = quote.text.split(), None
    lo, hi = 1, len(words) - 1
    while lo <= hi:  # the longest word prefix that fits, in about log2(words) renders
        mid = (lo + hi) // 2
        _reshape(quote, shorten(quote.text, mid))
        if (fitted := attempt()) is not None:
            html, lo = fitted[0], mid + 1
        else:
            hi = mid - 1
    if html is None:
        _reshape(quote, shorten(quote.text, 1))
        html = _render({**args, "quotes": [quote]}, lang)
    return html


def fit_week(quotes: list[Quote], args: dict, lang: str) -> tuple[str, list[Quote]]:
    """Step all quotes down together until the page holds them; then fewer; then shorter.
    What room is left goes evenly between the cards."""
    floor = len(WEEK_STEPS)

    def attempt(chosen: list[Quote]) -> str | None:
        fitted = _spaced({**args, "quotes": chosen}, lang, (1.0,) * (len(chosen) + 1))
        return fitted[0] if fitted else None

    for count in range(len(quotes), min(len(quotes), WEEK_FEWEST) - 1, -1):
        chosen = quotes[:count]
        for shift in range(floor + 1):
            for q in chosen:
                q.step = min(floor, step_for(len(q.text), WEEK_STEPS) + shift)
            if (html := attempt(chosen)) is not None:
                return html, chosen
    chosen = quotes[:WEEK_FEWEST]
    for words in (40, 28, 18, 10, 5):
        for q in chosen:
            q.step = floor
            _reshape(q, shorten(q.text, words))
        if (html := attempt(chosen)) is not None:
            return html, chosen
    return _render({**args, "quotes": chosen}, lang), chosen


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
