"""The intranet widget (/widget, /widget.js) and the praise archive.

- `/widget?channel=NAME`: a card page for an <iframe>, live over /live as a widget.
- `/widget.js?channel=NAME`: one script tag draws the card into any intranet page; it
  polls `/widget/feed.json`, which browsers keep 60 s and this process keeps 30 s per
  channel, so a homepage opened by thousands at 9:00 opens no websocket and costs one
  query per channel per half minute.
- `/archive`: approved praise to browse and search, rendered on the server.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from sqlalchemy import select

from kiosk import CSP, db, feed, shoutouts
from kiosk.analysis.text import key, normalise
from kiosk.models import ON_SCREEN, Analysis, Branch, Channel, Item, StaffMember
from kiosk.taxonomy import current_matcher

bp = Blueprint("widget", __name__)

FEED_CACHE_SECONDS = 30.0
FEED_ITEMS = 20  # a card rotates a few recent ones; keeps feed.json a few KB
FEED_BROWSER_MAX_AGE = 60
SCRIPT_MAX_AGE = 300  # a deploy reaches every homepage within five minutes
ARCHIVE_PAGE_SIZE = 30
_CACHE_LIMIT = 256  # channel names come from the query string: bound what junk can fill

# A CSP source expression frame-ancestors accepts: 'self', 'none', *, a scheme ("https:")
# or [scheme://]host[:port][/path]. Anything else (";", ",", quotes) could inject directives.
_SOURCE = re.compile(
    r"^(?:'self'|'none'|\*|[a-z][a-z0-9+.-]*:"
    r"|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?"
    r"(?:/[\w\-./~%]*)?)$",
    re.IGNORECASE,
)

SOURCE_NAMES = {"google": "Google", "foursquare": "Foursquare", "appstore": "App Store",
                "app_store": "App Store", "playstore": "Google Play", "mastodon": "Mastodon",
                "x": "X", "twitter": "X", "rss": "RSS"}
HIDDEN_SOURCES = {"test", "csv", "json", "webhook"}  # mean nothing to a reader

LABELS = {
    "tr": {"title": "Övgü arşivi", "brand": "Müşterilerimizden",
           "lead": "Müşterilerimizin ekiplerimiz için yazdığı teşekkürler.",
           "q": "Ara", "q_hint": "isim, şube, kelime…", "branch": "Şube", "team": "Ekip",
           "theme": "Konu", "all": "Tümü", "search": "Ara", "reset": "Temizle",
           "count": "{n} övgü", "none": "Bu aramaya uyan övgü yok.", "for": "{names} için",
           "anonymous": "Bir müşterimiz", "prev": "← Daha yeni", "next": "Daha eski →",
           "page": "Sayfa {page} / {pages}", "original": "Kaynağı", "branch_of": "{b} şubesi",
           "rating": "{n}/5 puan", "more": "Tüm övgüler", "email": "E-posta",
           "survey": "Anket"},
    "en": {"title": "Praise archive", "brand": "From our customers",
           "lead": "Thank-yous our customers wrote for our teams.",
           "q": "Search", "q_hint": "name, branch, word…", "branch": "Branch", "team": "Team",
           "theme": "Theme", "all": "All", "search": "Search", "reset": "Clear",
           "count": "{n} praise", "none": "No praise matches this search.", "for": "For {names}",
           "anonymous": "A customer", "prev": "← Newer", "next": "Older →",
           "page": "Page {page} of {pages}", "original": "Source", "branch_of": "{b} branch",
           "rating": "{n} out of 5", "more": "All praise", "email": "E-mail",
           "survey": "Survey"},
}


# --- embedding rules --------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _frame_ancestors(raw: str) -> str:
    kept = [s for s in raw.split() if _SOURCE.match(s)]
    dropped = [s for s in raw.split() if not _SOURCE.match(s)]
    if dropped:
        current_app.logger.warning("WIDGET_ORIGINS: ignoring %s (not a CSP source)", dropped)
    return " ".join(kept) or "'self'"


def frame_ancestors() -> str:
    """Who may frame /widget: WIDGET_ORIGINS, space-separated origins; default 'self'."""
    raw = current_app.config.get("WIDGET_ORIGINS") or "'self'"
    if isinstance(raw, list | tuple):  # a TOML list works as well as a string
        raw = " ".join(str(r) for r in raw)
    return _frame_ancestors(str(raw))


def widget_csp() -> str:
    """The app's strict policy, with frame-ancestors opened to the intranet's origins."""
    return re.sub(r"frame-ancestors [^;]*", "frame-ancestors " + frame_ancestors(), CSP)


@bp.after_app_request
def _allow_framing(response):
    # Runs after the app's security headers (hooks run in reverse order of registration);
    # X-Frame-Options: DENY would contradict the frame-ancestors the widget sets.
    if request.endpoint == "widget.frame" and response.status_code == 200:
        response.headers.pop("X-Frame-Options", None)
    return response


def _public(response: Response, max_age: int) -> Response:
    """Public, redacted data any intranet page may read, from browsers' and proxies' caches."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _channel_arg() -> str:
    return (request.args.get("channel") or "default").strip()[:80] or "default"


# --- /widget ----------------------------------------------------------------------------

@bp.get("/widget")
def frame():
    name = _channel_arg()
    if db.session().scalar(select(Channel.id).where(Channel.name == name)) is None:
        abort(404)
    cfg = current_app.config
    lang = "en" if cfg["LANGUAGE"] == "en" else "tr"
    response = make_response(render_template(
        "widget.html", channel=name, lang=lang, version=cfg["VERSION"],
        more=LABELS[lang]["more"]))
    response.headers["Content-Security-Policy"] = widget_csp()
    response.headers["Cache-Control"] = "no-cache"  # version reloads must get the new page
    return response


# --- /widget.js and its feed ------------------------------------------------------------

@bp.get("/widget.js")
def embed_script():
    """The same bytes for every channel: the script reads its channel from its own URL."""
    response = send_from_directory(current_app.static_folder, "widget/embed.js",
                                   mimetype="text/javascript", max_age=SCRIPT_MAX_AGE)
    return _public(response, SCRIPT_MAX_AGE)


class _FeedCache:
    """Serialised feed.json bodies per channel name (None: no such channel), with expiry."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[str, tuple[float, bytes | None]] = {}


_clock = time.monotonic  # tests move it


def _feed_cache() -> _FeedCache:
    # Per app, so each test's app (and database) has its own.
    cache = current_app.extensions.get("kiosk.widget_feed")
    if cache is None:
        cache = current_app.extensions.setdefault("kiosk.widget_feed", _FeedCache())
    return cache


def _build_feed(name: str) -> bytes | None:
    channel = db.session().scalar(select(Channel).where(Channel.name == name))
    if channel is None:
        return None
    cfg = current_app.config
    now = datetime.now(ZoneInfo(cfg["TIMEZONE"]))
    items = feed.playlist(channel, now, min(FEED_ITEMS, cfg["FEED_MAX_ITEMS"]),
                          cfg["FEED_MAX_AGE_DAYS"])
    payload = {"channel": feed.channel_info(channel, cfg["LANGUAGE"]),
               "items": [feed.display_item(i) for i in items],
               "server_time": now.isoformat()}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def feed_body(name: str) -> bytes | None:
    """feed.json for a channel, built at most once per FEED_CACHE_SECONDS in this process."""
    cache = _feed_cache()
    hit = cache.entries.get(name)
    if hit is not None and hit[0] > _clock():
        return hit[1]
    with cache.lock:  # a crowd arriving at once waits for one query, not one each
        now = _clock()
        hit = cache.entries.get(name)
        if hit is not None and hit[0] > now:
            return hit[1]
        body = _build_feed(name)
        if len(cache.entries) >= _CACHE_LIMIT:
            cache.entries = {k: v for k, v in cache.entries.items() if v[0] > now}
            if len(cache.entries) >= _CACHE_LIMIT:
                cache.entries.clear()
        cache.entries[name] = (now + FEED_CACHE_SECONDS, body)
        return body


def forget_feeds() -> None:
    """Drop this process's cached feed.json bodies (a recall must not wait for them)."""
    cache = _feed_cache()
    with cache.lock:
        cache.entries.clear()


@bp.get("/widget/feed.json")
def feed_json():
    body = feed_body(_channel_arg())
    if body is None:
        response = make_response({"error": "unknown channel"}, 404)
    else:
        response = Response(body, mimetype="application/json")
        response.set_etag(hashlib.sha256(body).hexdigest()[:32])
        response.make_conditional(request)
    return _public(response, FEED_BROWSER_MAX_AGE)


# --- /archive ---------------------------------------------------------------------------

def _int_arg(name: str, default: int) -> int:
    try:
        return max(1, int(request.args.get(name, default)))
    except ValueError:
        return default


def _terms(q: str) -> list[str]:
    return key(normalise(q)).split()


def search_archive(branch: str = "", team: str = "", theme: str = "", q: str = "",
                   page: int = 1) -> tuple[list[Item], int]:
    """Approved praise matching every filter given, newest first: (one page, total).

    Branch, team and text are compared after Turkish folding ("ayse" finds "Ayşe"), which
    SQL cannot do portably, so the filters run here over a narrow column set.
    """
    session = db.session()
    rows = session.execute(
        select(Item.id, Item.branch, Item.edited_text, Analysis.display_text,
               Analysis.display_author, Analysis.branches, Analysis.themes,
               Analysis.mentions, Analysis.flags)
        .join(Analysis, Analysis.item_id == Item.id)
        .where(Item.status.in_(ON_SCREEN), Analysis.label == "praise")
        .order_by(Item.created_at.desc(), Item.id.desc())
    )
    branch_key = key(normalise(branch)) if branch else ""
    team_names: set[str] | None = None
    team_key = ""
    if team:
        team_key = key(normalise(team))
        team_names = {s.name for s in session.scalars(select(StaffMember))
                      if s.team and key(normalise(s.team)) == team_key}
    terms = _terms(q)
    # Names someone chose to hide must not be findable: match those items on their public face.
    private = (bool(terms) or team_names is not None) and not shoutouts.everyone_shown_in_full()
    matched: list[int] = []
    for row in rows:
        if "profanity" in (row.flags or []) and not row.edited_text:
            continue  # the same rule as the walls: only a curator's clean edit is shown
        branches = [b for b in [row.branch, *(row.branches or [])] if b]
        mentions = list(row.mentions or [])
        if branch_key and branch_key not in {key(normalise(b)) for b in branches}:
            continue
        if theme and theme not in (row.themes or []):
            continue
        text, teams = row.edited_text or row.display_text, None
        if private and mentions:
            item = session.get(Item, row.id)
            face = feed.display_item(item)
            text, mentions, teams = face["text"], face["mentions"], shoutouts.teams_shown(item)
        if team_names is not None and not (
                team_key in {key(normalise(t)) for t in teams} if teams is not None
                else team_names & set(mentions)):
            continue
        if terms:
            haystack = key(normalise(" ".join([text, row.display_author or "", *branches,
                                               *mentions])))
            if not all(t in haystack for t in terms):
                continue
        matched.append(row.id)
    start = (page - 1) * ARCHIVE_PAGE_SIZE
    ids = matched[start:start + ARCHIVE_PAGE_SIZE]
    by_id = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(ids))).unique()}
    return [by_id[i] for i in ids if i in by_id], len(matched)


def _choices(lang: str) -> dict[str, list[tuple[str, str]]]:
    session = db.session()
    branches = set(session.scalars(select(Branch.name)))
    branches |= set(session.scalars(
        select(Item.branch).where(Item.status.in_(ON_SCREEN), Item.branch.is_not(None))
        .distinct()))
    teams = {t for t in session.scalars(select(StaffMember.team).distinct()) if t}
    themes = [(t.slug, t.label(lang)) for t in current_matcher().themes]
    return {
        "branch": [(b, b) for b in sorted(branches, key=key)],
        "team": [(t, t) for t in sorted(teams, key=key)],
        "theme": sorted(themes, key=lambda t: key(t[1])),
    }


def _source_name(source: str, labels: dict) -> str:
    k = source.lower()
    if k in HIDDEN_SOURCES:
        return ""
    return labels.get(k) if k in ("email", "survey") else SOURCE_NAMES.get(k, source)


def _card(item: Item, tz: ZoneInfo, lang: str, labels: dict) -> dict:
    """What the archive shows of an item: the display item's fields, nothing more."""
    public = feed.display_item(item)
    names = public["mentions"][:3]
    url = public.get("url") or ""
    source = public["source"] or ""
    return {
        **public,
        "about": labels["for"].format(names=", ".join(names)) if names else "",
        "author": public["author"] or labels["anonymous"],
        "source_name": _source_name(source, labels),
        "date": format_date(item.created_at.astimezone(tz).date(), "long", locale=lang),
        "url": url if url.startswith(("https://", "http://")) else "",
    }


@bp.get("/archive")
def archive():
    import flask_babel

    cfg = current_app.config
    lang = str(flask_babel.get_locale() or cfg["LANGUAGE"])
    lang = "en" if lang == "en" else "tr"
    labels = LABELS[lang]
    filters = {name: (request.args.get(name) or "").strip()[:120]
               for name in ("branch", "team", "theme", "q")}
    page = _int_arg("page", 1)
    items, total = search_archive(**filters, page=page)
    pages = max(1, -(-total // ARCHIVE_PAGE_SIZE))
    tz = ZoneInfo(cfg["TIMEZONE"])
    kept = {k: v for k, v in filters.items() if v}

    def page_url(n: int) -> str:
        return url_for("widget.archive", **kept, **({"page": n} if n > 1 else {}))

    return render_template(
        "archive.html", lang=lang, t=labels, filters=filters, choices=_choices(lang),
        cards=[_card(i, tz, lang, labels) for i in items], total=total, page=page,
        pages=pages, prev_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page < pages else None,
        version=cfg["VERSION"])
