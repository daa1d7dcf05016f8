"""The console: the queue, screens and channels, announcements."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import wraps
from zoneinfo import ZoneInfo

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from kiosk import announcements, db, learning
from kiosk.models import Analysis, Branch, Channel, Item, Role, Screen
from kiosk.pacing import DEFAULT_DWELL, shown_text, too_long_for
from kiosk.screens import (
    ScreenError,
    create_screen,
    is_online,
    reload_screen,
    screen_url,
    update_channel,
)
from kiosk.taxonomy import current_matcher

bp = Blueprint("admin", __name__, url_prefix="/admin")

QUEUE_PAGE = 100


def N_(text: str) -> str:  # noqa: N802 — gettext's name for "mark for translation only"
    return text


# Words templates translate from variables (statuses, labels, flags, roles, orientations);
# listed here so that pybabel finds them.
VOCABULARY = (
    N_("pending"), N_("approved"), N_("pinned"), N_("rejected"), N_("praise"),
    N_("complaint"), N_("neutral"), N_("personal data"), N_("profanity"), N_("admin"),
    N_("curator"), N_("auto"), N_("landscape"), N_("portrait"),
)


def admin_only(view):
    """Signed in as an admin; a curator gets 403, a visitor the sign-in page."""
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if current_user.role != Role.ADMIN:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@bp.get("/")
@login_required
def index():
    """The moderation queue: newest first (pending: likeliest praise first once a learned
    model exists), with what the analysis made of each item."""
    session = db.session()
    filters = {k: request.args.get(k, "") for k in ("status", "label", "lang", "source",
                                                    "branch", "theme")}
    filters["status"] = filters["status"] or "pending"
    query = select(Item).join(Analysis).where(Item.status == filters["status"])
    if filters["status"] == "pending" and learning.has_model():
        # Likeliest praise first, by the company's learned model (kiosk/learning.py).
        query = query.order_by(Analysis.model_score.is_(None), Analysis.model_score.desc())
    query = query.order_by(Item.created_at.desc())
    if filters["label"]:
        query = query.where(Analysis.label == filters["label"])
    if filters["lang"]:
        query = query.where(Analysis.lang == filters["lang"])
    if filters["source"]:
        query = query.where(Item.source == filters["source"])
    if filters["branch"]:
        query = query.where(Item.branch == filters["branch"])
    items = list(session.scalars(query.limit(QUEUE_PAGE * 5)).unique())
    if filters["theme"]:  # JSON lists: filtered here, portable across SQLite and PostgreSQL
        items = [i for i in items if filters["theme"] in (i.analysis.themes or [])]
    counts = dict(session.execute(select(Item.status, func.count()).group_by(Item.status))
                  .all())
    return render_template(
        "queue.html", items=items[:QUEUE_PAGE], counts=counts, filters=filters,
        sources=list(session.scalars(select(Item.source).distinct().order_by(Item.source))),
        branches=list(session.scalars(select(Branch.name).order_by(Branch.name))),
        themes=current_matcher().themes, too_long=lambda i: too_long_for(shown_text(i)))


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


@bp.route("/screens", methods=["GET", "POST"])
@admin_only
def screens():
    session = db.session()
    created = None
    if request.method == "POST":
        try:
            created = create_screen(request.form.get("name", ""),
                                    request.form.get("channel", "") or "default",
                                    request.form.get("branch") or None,
                                    actor=current_user.username)
            flash(_("Screen created."), "ok")
        except ScreenError as exc:
            flash(str(exc), "error")
    rows = session.scalars(select(Screen).order_by(Screen.name)).all()
    base = request.host_url.rstrip("/")
    now = datetime.now(UTC)
    return render_template(
        "screens.html", screens=rows, online={s.id: is_online(s, now) for s in rows},
        urls={s.id: screen_url(s, base) for s in rows},
        channels=session.scalars(select(Channel).order_by(Channel.name)).all(),
        created=created, created_url=screen_url(created, base) if created else None,
        created_qr=_qr(screen_url(created, base)) if created else None,
        qr=_qr, items={i.id: i for i in session.scalars(select(Item).where(
            Item.id.in_([s.current_item_id for s in rows if s.current_item_id])))},
        slide_names={"stats": _("Weekly numbers"), "announcement": _("Announcement"),
                     "fixed": _("You said, we fixed"),
                     "empty": _("Nothing to show yet"), "dim": _("Outside display hours (dim)"),
                     "blank": _("Outside display hours (blank)")})


@bp.post("/screens/<int:screen_id>/reload")
@admin_only
def reload(screen_id: int):
    try:
        reload_screen(screen_id, current_user.username)
        flash(_("Reload sent."), "ok")
    except ScreenError as exc:
        flash(str(exc), "error")
    return redirect(url_for("admin.screens"))


def _names(field: str) -> list[str]:
    return [v.strip() for v in request.form.get(field, "").replace("\n", ",").split(",")
            if v.strip()]


@bp.route("/channels/<int:channel_id>", methods=["GET", "POST"])
@admin_only
def channel(channel_id: int):
    row = db.session().get(Channel, channel_id)
    if row is None:
        abort(404)
    if request.method == "POST":
        form = request.form
        hours = {}
        if form.get("hours_start") and form.get("hours_end"):
            hours = {"start": form["hours_start"], "end": form["hours_end"],
                     "outside": form.get("hours_outside", "dim")}
        try:
            update_channel(channel_id, {
                "branches": _names("branches"), "sources": _names("sources"),
                "themes": _names("themes"), "languages": _names("languages"),
                "rotation_seconds": int(form.get("rotation_seconds") or 12),
                "slide_mix": {k: int(form.get(f"mix_{k}") or 0)
                              for k in ("praise", "stats", "announcements", "fixed")},
                "display_hours": hours, "orientation": form.get("orientation", "auto"),
                "dwell": {k: int(form[f"dwell_{k}"]) for k in ("min", "max")
                          if form.get(f"dwell_{k}")},
                "shifts": form.get("shifts", ""),
            }, current_user.username)
            flash(_("Channel saved; its screens have the new playlist."), "ok")
            return redirect(url_for("admin.channel", channel_id=channel_id))
        except (ScreenError, ValueError) as exc:
            flash(str(exc), "error")
    return render_template("channel.html", channel=row, dwell={**DEFAULT_DWELL,
                                                                **(row.dwell or {})})


@bp.get("/channels/<int:channel_id>/preview")
@admin_only
def preview(channel_id: int):
    """The channel as its screens show it, following it live like a widget does."""
    row = db.session().get(Channel, channel_id)
    if row is None:
        abort(404)
    cfg = current_app.config
    return render_template("display.html", token="", widget=row.name, lang=cfg["LANGUAGE"],
                           version=cfg["VERSION"], screen_name=f"{row.name} (preview)")


@bp.route("/announcements", methods=["GET", "POST"], endpoint="announcements")
@login_required
def announcements_page():
    session = db.session()
    if request.method == "POST":
        form = request.form
        try:
            until = None
            if form.get("until"):
                local = datetime.fromisoformat(form["until"])
                until = local.replace(tzinfo=ZoneInfo(current_app.config["TIMEZONE"]))
            ids = [int(v) for v in form.getlist("channels")]
            announcements.create(form.get("text", ""), ids, until, current_user.username)
            flash(_("Announcement sent to the screens."), "ok")
            return redirect(url_for("admin.announcements"))
        except ValueError as exc:
            flash(str(exc), "error")
    return render_template(
        "announcements.html", rows=announcements.recent(),
        channels=session.scalars(select(Channel).order_by(Channel.name)).all(),
        now=datetime.now(UTC))


@bp.post("/announcements/<int:announcement_id>/clear")
@login_required
def clear_announcement(announcement_id: int):
    try:
        announcements.clear(announcement_id, current_user.username)
        flash(_("Announcement taken off the screens."), "ok")
    except LookupError as exc:
        flash(str(exc), "error")
    return redirect(url_for("admin.announcements"))
