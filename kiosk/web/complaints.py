"""The complaints inbox page, and the JSON its script calls (also open to bearer tokens).

Curators and admins handle complaints (new → contacted → resolved); only admins give a
group to a team, since routing work between teams is a management decision.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import HTTPException

from kiosk import complaints, stats
from kiosk.extensions import csrf
from kiosk.models import Item, Role
from kiosk.taxonomy import current_matcher
from kiosk.web.admin import N_
from kiosk.web.auth import require_role

bp = Blueprint("complaints", __name__)

FILTERS = ("status", "group", "team", "branch", "source")
# Statuses as the page names them; listed so that pybabel finds them.
STATUS_WORDS = (N_("new"), N_("contacted"), N_("resolved"))


@bp.errorhandler(HTTPException)
def _error_page(exc: HTTPException):
    if not request.path.startswith("/api/"):
        return exc
    response = jsonify({"error": exc.name.lower(), "message": exc.description})
    response.status_code = exc.code or 500
    return response


def _json_error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    return response


def _lang() -> str:
    from flask_babel import get_locale

    return str(get_locale() or current_app.config["LANGUAGE"])


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])


def duration(seconds: float | None) -> str:
    """A wait in words a person reads at a glance: "45 min", "2 h 10 min", "3 d 4 h"."""
    if seconds is None:
        return "—"
    minutes = int(seconds // 60)
    if minutes < 1:
        return _("under a minute")
    if minutes < 60:
        return _("%(m)d min", m=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _("%(h)d h %(m)d min", h=hours, m=minutes) if minutes else \
            _("%(h)d h", h=hours)
    days, hours = divmod(hours, 24)
    return _("%(d)d d %(h)d h", d=days, h=hours) if hours else _("%(d)d d", d=days)


def local(when: datetime | None) -> str:
    return when.astimezone(_zone()).strftime("%Y-%m-%d %H:%M") if when else "—"


def post_url(item: Item) -> str | None:
    """The original post, for answering the customer; only http(s) links are offered."""
    url = (item.url or "").strip()
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def summary(item: Item, now: datetime) -> str:
    """Where a complaint stands, in one line: how long it waited or how fast it was met."""
    first = complaints.first_contact_seconds(item)
    if first is None:
        return _("Waiting for %(t)s", t=duration((now - item.created_at).total_seconds()))
    parts = [_("First contact after %(t)s", t=duration(first))]
    if item.resolved_at:
        parts.append(_("resolved %(at)s", at=local(item.resolved_at)))
    if item.handled_by:
        parts.append(_("by %(who)s", who=item.handled_by))
    return " · ".join(parts)


def complaint_json(item: Item, keys: list[str], now: datetime) -> dict:
    analysis = item.analysis
    return {
        "id": item.id, "source": item.source, "branch": item.branch,
        "branches": sorted(complaints.branches_of(item)),
        "created_at": item.created_at.isoformat(), "lang": analysis.lang,
        "text": item.text, "display_text": analysis.display_text,
        "display_author": analysis.display_author, "url": post_url(item),
        "status": complaints.status_of(item), "item_status": item.status,
        "contacted_at": item.contacted_at.isoformat() if item.contacted_at else None,
        "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None,
        "handled_by": item.handled_by,
        "first_contact_seconds": complaints.first_contact_seconds(item),
        "groups": keys, "summary": summary(item, now),
    }


def group_label(group: complaints.Group) -> str:
    if group.kind == "other":
        return _("Other (no theme, no similar complaints)")
    return group.label


def group_json(group: complaints.Group) -> dict:
    return {"key": group.key, "kind": group.kind, "label": group_label(group),
            "team": group.team, "total": group.total,
            "counts": {s: group.counts.get(s, 0) for s in complaints.STATUSES},
            "median_first_contact_seconds": group.median_first_contact}


def _filters(args) -> dict[str, str]:
    chosen = {k: (args.get(k) or "").strip() for k in FILTERS}
    if chosen["status"] not in ("all", "open", *complaints.STATUSES):
        chosen["status"] = "open"
    return chosen


def _resolved_this_week(now: datetime) -> int:
    start = stats.week_start(now.astimezone(_zone()))
    return stats.complaints_resolved(start, now)


@bp.get("/admin/complaints")
@login_required
def index():
    """Groups with their teams and counts, then the complaints under the filters."""
    filters = _filters(request.args)
    themes = current_matcher().themes
    box = complaints.inbox(themes, _lang(), **filters)
    now = datetime.now(ZoneInfo("UTC"))
    groups = box.groups_by_key()
    return render_template(
        "complaints.html", box=box, filters=filters, groups=groups, now=now,
        teams=complaints.teams(), is_admin=current_user.role == Role.ADMIN,
        resolved_this_week=_resolved_this_week(now), duration=duration, local=local,
        post_url=post_url, summary=summary, group_label=group_label,
        statuses=complaints.STATUSES)


@bp.get("/api/v1/complaints")
@require_role(Role.ADMIN, Role.CURATOR)
def list_complaints():
    filters = _filters(request.args)
    box = complaints.inbox(current_matcher().themes, _lang(), **filters)
    now = datetime.now(ZoneInfo("UTC"))
    return jsonify({
        "counts": box.counts, "total": box.total,
        "resolved_this_week": _resolved_this_week(now),
        "groups": [group_json(gr) for gr in box.groups],
        "complaints": [complaint_json(i, box.group_keys.get(i.id, []), now)
                       for i in box.complaints]})


@bp.post("/api/v1/complaints/<int:item_id>/status")
@csrf.exempt  # checked in require_role for cookie sign-ins; tokens need none
@require_role(Role.ADMIN, Role.CURATOR)
def post_status(item_id: int):
    """{"status": "new" | "contacted" | "resolved"}: audited; the same status twice is a
    no-op."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("status"), str):
        return _json_error(400, "send {\"status\": \"new|contacted|resolved\"}")
    try:
        item = complaints.set_status(item_id, body["status"], g.actor.username)
    except ValueError as exc:
        return _json_error(400, str(exc))
    except complaints.ComplaintError as exc:
        return _json_error(404, str(exc))
    now = datetime.now(ZoneInfo("UTC"))
    return jsonify({"complaint": complaint_json(item, [], now),
                    "status_label": _(complaints.status_of(item)),
                    "resolved_this_week": _resolved_this_week(now)})


@bp.put("/api/v1/complaints/owners")
@csrf.exempt  # checked in require_role for cookie sign-ins; tokens need none
@require_role(Role.ADMIN)
def put_owner():
    """{"group": "<theme slug | cluster:… | other>", "team": "<team>" (empty: none)}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("group"), str) \
            or not isinstance(body.get("team", ""), str | None):
        return _json_error(400, "send {\"group\": \"…\", \"team\": \"…\"}")
    try:
        team = complaints.assign_team(body["group"], body.get("team"), g.actor.username,
                                      current_matcher().themes)
    except ValueError as exc:
        return _json_error(400, str(exc))
    return jsonify({"group": body["group"].strip(), "team": team})
