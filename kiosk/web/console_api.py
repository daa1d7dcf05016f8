"""Everything the console does, as JSON: rules, screens, channels, announcements, roster,
audit. The console's pages call the same domain functions."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Blueprint, Response, current_app, g, jsonify, request
from sqlalchemy import select

from kiosk import announcements, audit, db, roster, rules
from kiosk.analysis.mentions import RosterError
from kiosk.feedback import InvalidFeedback, parse_datetime
from kiosk.models import Channel, Role, Screen
from kiosk.screens import (
    ScreenError,
    channel_json,
    create_screen,
    reload_screen,
    screen_json,
    update_channel,
)
from kiosk.web.auth import require_role

bp = Blueprint("console_api", __name__, url_prefix="/api/v1")


def _error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    return response


def base_url() -> str:
    return request.host_url.rstrip("/")


def _json_body() -> dict | None:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else None


# --- rules --------------------------------------------------------------------------

@bp.get("/rules")
@require_role(Role.ADMIN)
def get_rules():
    return jsonify(rules.current_rules().to_json())


@bp.put("/rules")
@require_role(Role.ADMIN)
def put_rules():
    body = _json_body()
    if body is None:
        return _error(400, "send the rules as a JSON object")
    try:
        saved = rules.save_rules(rules.Rules.from_json(body), g.actor.username)
    except ValueError as exc:
        return _error(400, str(exc))
    return jsonify(saved.to_json())


@bp.post("/rules/dry-run")
@require_role(Role.ADMIN)
def dry_run_rules():
    """What these rules would have done to the last `days` (default 30); nothing saved."""
    body = _json_body()
    if body is None:
        return _error(400, "send the candidate rules as a JSON object")
    try:
        candidate = rules.Rules.from_json(body.get("rules", body))
        days = int(body.get("days", 30))
    except (ValueError, TypeError) as exc:
        return _error(400, str(exc))
    return jsonify(rules.dry_run(candidate, min(max(days, 1), 365)))


# --- screens and channels ---------------------------------------------------------------

@bp.get("/screens")
@require_role(Role.ADMIN)
def list_screens():
    rows = db.session().scalars(select(Screen).order_by(Screen.name))
    return jsonify({"screens": [screen_json(s, base_url()) for s in rows]})


@bp.post("/screens")
@require_role(Role.ADMIN)
def post_screen():
    body = _json_body() or {}
    try:
        screen = create_screen(str(body.get("name") or ""), str(body.get("channel") or
                                                               "default"),
                               body.get("branch") or None, actor=g.actor.username)
    except ScreenError as exc:
        return _error(400, str(exc))
    return jsonify(screen_json(screen, base_url())), 201


@bp.post("/screens/<int:screen_id>/reload")
@require_role(Role.ADMIN)
def post_reload(screen_id: int):
    try:
        screen = reload_screen(screen_id, g.actor.username)
    except ScreenError as exc:
        return _error(404, str(exc))
    return jsonify(screen_json(screen, base_url()))


@bp.get("/channels")
@require_role(Role.ADMIN)
def list_channels():
    rows = db.session().scalars(select(Channel).order_by(Channel.name))
    return jsonify({"channels": [channel_json(c) for c in rows]})


@bp.patch("/channels/<int:channel_id>")
@require_role(Role.ADMIN)
def patch_channel(channel_id: int):
    body = _json_body()
    if body is None:
        return _error(400, "send the changes as a JSON object")
    try:
        channel = update_channel(channel_id, body, g.actor.username)
    except ScreenError as exc:
        return _error(404 if str(exc).startswith("no channel") else 400, str(exc))
    return jsonify(channel_json(channel))


# --- announcements -------------------------------------------------------------------

@bp.get("/announcements")
@require_role(Role.ADMIN, Role.CURATOR)
def list_announcements():
    return jsonify({"announcements": [announcements.to_json(a)
                                      for a in announcements.recent()]})


@bp.post("/announcements")
@require_role(Role.ADMIN, Role.CURATOR)
def post_announcement():
    """{"text": "…", "channel_ids": [] (all), "until": ISO 8601 | null}."""
    body = _json_body() or {}
    ids = body.get("channel_ids", [])
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
        return _error(400, "channel_ids must be a list of channel ids (empty: all)")
    try:
        until = body.get("until")
        until = parse_datetime(until, ZoneInfo(current_app.config["TIMEZONE"])) \
            if until else None
        row = announcements.create(str(body.get("text") or ""), ids, until, g.actor.username)
    except (ValueError, InvalidFeedback) as exc:
        return _error(400, str(exc).replace("'created_at'", "'until'"))
    return jsonify(announcements.to_json(row)), 201


@bp.post("/announcements/<int:announcement_id>/clear")
@require_role(Role.ADMIN, Role.CURATOR)
def clear_announcement(announcement_id: int):
    try:
        row = announcements.clear(announcement_id, g.actor.username)
    except LookupError as exc:
        return _error(404, str(exc))
    return jsonify(announcements.to_json(row))


# --- roster --------------------------------------------------------------------------

@bp.get("/roster.csv")
@require_role(Role.ADMIN)
def export_roster():
    return Response(roster.export_roster(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=roster.csv"})


@bp.put("/roster.csv")
@require_role(Role.ADMIN)
def import_roster():
    try:
        count = roster.import_roster(request.get_data(as_text=True), g.actor.username)
    except RosterError as exc:
        return _error(400, str(exc))
    return jsonify({"people": count})


@bp.get("/branches.csv")
@require_role(Role.ADMIN)
def export_branches():
    return Response(roster.export_branches(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=branches.csv"})


@bp.put("/branches.csv")
@require_role(Role.ADMIN)
def import_branches():
    try:
        count = roster.import_branches(request.get_data(as_text=True), g.actor.username)
    except (RosterError, KeyError) as exc:
        return _error(400, f"branches CSV needs name,city,aliases: {exc}")
    return jsonify({"branches": count})


# --- audit ---------------------------------------------------------------------------

@bp.get("/audit")
@require_role(Role.ADMIN)
def list_audit():
    try:
        before = int(request.args["before"]) if request.args.get("before") else None
        limit = min(max(int(request.args.get("limit", 100)), 1), 500)
    except ValueError:
        return _error(400, "before and limit are whole numbers")
    rows = audit.entries(limit, before)
    return jsonify({"entries": [audit.to_json(e) for e in rows],
                    "next": rows[-1].id if len(rows) == limit else None})


@bp.get("/audit.csv")
@require_role(Role.ADMIN)
def export_audit():
    return Response(audit.export_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=audit.csv"})
