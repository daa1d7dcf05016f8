"""The monthly strengths report on the intranet, its wall slide and JSON, and suggestions.

Like /widget and /archive, the report is for every employee on the intranet, so its pages
need no account: they show only what screens show (display text, anonymised authors, staff
first names as the roster spells them). Visitors may leave a suggestion under the report;
the form carries a CSRF token (Flask-WTF keeps it in a session cookie, which works without
signing in) and is rate limited per address like sign-in. Admins read the suggestions at
/admin/suggestions.

- `GET /reports/monthly?month=YYYY-MM&lang=tr|en`: the page (default: last full month).
- `GET /reports/monthly.json?month=…`: the report's summary for a wall slide or the intranet.
- `GET /reports/monthly/slide?month=…&lang=…`: a 1920×1080 page of the top themes and staff.
- `POST /reports/monthly/suggestions`: text (≤ 1000 characters) and an optional name.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import flask_babel
from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import pgettext
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import func, select

from kiosk import audit, db, report, report_render
from kiosk.extensions import csrf, limiter
from kiosk.models import Suggestion
from kiosk.web.admin import admin_only

bp = Blueprint("reports", __name__)

CACHE_SECONDS = 60.0  # a month's numbers: a minute late is nobody's loss
JSON_MAX_AGE = 300
SLIDE_REFRESH_SECONDS = 3600  # a screen left on the slide picks up curation changes hourly
SUGGESTION_MAX_CHARS = 1000
NAME_MAX_CHARS = 120
ADMIN_PAGE = 200
DEFAULT_SUGGESTION_LIMIT = "5 per minute;30 per day"


# --- helpers ------------------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(UTC)


def _tz() -> str:
    return current_app.config["TIMEZONE"]


def _lang() -> str:
    """?lang= first (a link can pin it), else the visitor's language as elsewhere."""
    chosen = request.args.get("lang")
    if chosen in ("tr", "en"):
        return chosen
    return "en" if str(flask_babel.get_locale() or "") == "en" else "tr"


def _month() -> report.Month:
    """?month=YYYY-MM, default the last full month; 404 for a malformed or future month."""
    raw = request.args.get("month")
    if not raw:
        return report.last_full_month(_now(), _tz())
    try:
        month = report.Month.parse(raw)
    except ValueError:
        abort(404)
    if month > report.current_month(_now(), _tz()):
        abort(404)
    return month


_cache_lock = threading.Lock()
_clock = time.monotonic  # tests move it


def monthly_report(month: report.Month) -> dict:
    """The report for a month, computed at most once per CACHE_SECONDS in this process
    (a finished month's numbers move only with curation: it is kept ten times longer)."""
    cache = current_app.extensions.setdefault("kiosk.monthly_report", {})
    key = (str(month), _tz())
    hit = cache.get(key)
    if hit is not None and hit[0] > _clock():
        return hit[1]
    with _cache_lock:  # a crowd opening the announced report waits for one computation
        hit = cache.get(key)
        if hit is not None and hit[0] > _clock():
            return hit[1]
        data = report.monthly(month, _tz(), _now())
        if len(cache) > 64:
            cache.clear()
        ttl = CACHE_SECONDS * (10 if data["complete"] else 1)
        cache[key] = (_clock() + ttl, data)
    return data


def render_report(data: dict, lang: str, **extra) -> str:
    with flask_babel.force_locale(lang):
        return report_render.render_html(data, lang, **extra)


def _clean(text: str, limit: int) -> str:
    """Form text without control characters (newlines kept), trimmed."""
    kept = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return kept.strip()[:limit + 1]


# --- the intranet page, its JSON and its slide ----------------------------------------------

@bp.get("/reports/monthly")
def monthly_page():
    month = _month()
    lang = _lang()
    return render_report(monthly_report(month), lang, sent=request.args.get("sent") == "1",
                         form={"text": "", "name": ""}, error=None)


@bp.get("/reports/monthly.json")
def monthly_json():
    data = monthly_report(_month())
    response = jsonify(report.summary(data))
    response.headers["Cache-Control"] = f"public, max-age={JSON_MAX_AGE}"
    response.headers["Access-Control-Allow-Origin"] = "*"  # intranet pages may read it too
    return response


@bp.get("/reports/monthly/slide")
def monthly_slide():
    month = _month()
    lang = _lang()
    data = report.summary(monthly_report(month))
    with flask_babel.force_locale(lang):
        return render_template("report_slide.html", s=data, lang=lang,
                               version=current_app.config["VERSION"],
                               refresh=SLIDE_REFRESH_SECONDS, **report_render.helpers(lang))


# --- suggestions --------------------------------------------------------------------------

def _suggestion_limit() -> str:
    return current_app.config.get("SUGGESTION_RATE_LIMIT") or DEFAULT_SUGGESTION_LIMIT


@bp.post("/reports/monthly/suggestions")
@limiter.limit(_suggestion_limit)
@csrf.exempt  # checked below, so that an expired form keeps what was typed
def suggest():
    try:
        month = report.Month.parse(request.form.get("month", ""))
    except ValueError:
        month = report.last_full_month(_now(), _tz())
    if month > report.current_month(_now(), _tz()):
        month = report.last_full_month(_now(), _tz())
    lang = request.form.get("lang") if request.form.get("lang") in ("tr", "en") else _lang()
    text = _clean(request.form.get("text", ""), SUGGESTION_MAX_CHARS)
    name = _clean(request.form.get("name", ""), NAME_MAX_CHARS).replace("\n", " ")
    error = None
    with flask_babel.force_locale(lang):
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            try:
                csrf.protect()
            except CSRFError:
                error = pgettext("report", "This form had expired. Please send it again.")
        if error is None and not text:
            error = pgettext("report", "Please write your suggestion first.")
        elif error is None and len(text) > SUGGESTION_MAX_CHARS:
            error = pgettext("report", "Please keep it under %(n)d characters.",
                             n=SUGGESTION_MAX_CHARS)
        elif error is None and len(name) > NAME_MAX_CHARS:
            error = pgettext("report", "Please keep your name under %(n)d characters.",
                             n=NAME_MAX_CHARS)
    if error:
        html = render_report(monthly_report(month), lang, sent=False,
                             form={"text": text, "name": name}, error=error)
        return html, 400
    session = db.session()
    session.add(Suggestion(month=str(month), text=text, name=name or None))
    session.commit()
    return redirect(url_for("reports.monthly_page", month=str(month), lang=lang, sent=1,
                            _anchor="suggest"), code=303)


def unread_suggestions() -> int:
    return db.session().scalar(
        select(func.count()).select_from(Suggestion).where(Suggestion.read_at.is_(None))) or 0


@bp.get("/admin/suggestions")
@admin_only
def suggestions():
    rows = list(db.session().scalars(
        select(Suggestion).order_by(Suggestion.created_at.desc(), Suggestion.id.desc())
        .limit(ADMIN_PAGE)))
    tz = ZoneInfo(_tz())
    return render_template("suggestions.html", rows=rows, unread=unread_suggestions(),
                           tz=tz, last_month=str(report.last_full_month(_now(), _tz())))


@bp.post("/admin/suggestions/<int:suggestion_id>/read")
@admin_only
def mark_read(suggestion_id: int):
    session = db.session()
    suggestion = session.get(Suggestion, suggestion_id)
    if suggestion is None:
        abort(404)
    if suggestion.read_at is None:
        suggestion.read_at = _now()
        audit.record(current_user.username, "suggestion.read", f"suggestion:{suggestion.id}",
                     {"read": False}, {"read": True})
        session.commit()
    return redirect(url_for("reports.suggestions"))
