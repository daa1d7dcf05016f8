"""JSON API: items, curation actions, the signed feedback webhook, users."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, g, jsonify, request
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from kiosk import accounts, curation, db, ingest, pacing, recall
from kiosk.extensions import limiter
from kiosk.feedback import InvalidFeedback, parse_datetime
from kiosk.models import Analysis, Item, Role, User
from kiosk.sources.registry import webhook_sources
from kiosk.web import widget
from kiosk.web.auth import require_role
from kiosk.web.openapi import OPENAPI

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MAX_BATCH = 1000


@bp.errorhandler(HTTPException)
def _json_error(exc: HTTPException):
    response = jsonify({"error": exc.name.lower(), "message": exc.description})
    response.status_code = exc.code or 500
    if exc.code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kiosk"'
    if exc.code == 429:  # a rate limit: say when to come back
        current = limiter.current_limit
        wait = int(current.reset_at - time.time()) if current else 60
        response.headers["Retry-After"] = str(max(1, wait))
    return response


def _error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    return response


def item_json(item: Item) -> dict:
    """An item as admins see it: the original, the analysis and the curation state."""
    analysis = item.analysis
    return {
        "id": item.id, "source": item.source, "external_id": item.external_id,
        "text": item.text, "edited_text": item.edited_text, "author": item.author,
        "url": item.url, "created_at": item.created_at.isoformat(), "rating": item.rating,
        "branch": item.branch, "status": item.status, "decided_by": item.decided_by,
        "decided_at": item.decided_at.isoformat() if item.decided_at else None,
        "expires_at": item.expires_at.isoformat() if item.expires_at else None,
        "lang": analysis.lang if analysis else item.lang,
        "sentiment": analysis.sentiment if analysis else None,
        "label": analysis.label if analysis else None,
        "themes": analysis.themes if analysis else [],
        "mentions": analysis.mentions if analysis else [],
        "branches": analysis.branches if analysis else [],
        "flags": analysis.flags if analysis else [],
        "display_text": analysis.display_text if analysis else None,
        "display_author": analysis.display_author if analysis else None,
        "recalled_at": item.recalled_at.isoformat() if item.recalled_at else None,
        "recalled_by": item.recalled_by,
        "too_long_for": pacing.too_long_for(pacing.shown_text(item)),
        "model_score": analysis.model_score if analysis else None,
    }


def _decode_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        return int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError):
        return -1


@bp.get("/items")
@require_role()
def list_items():
    """Newest first by id, so a cursor (the last id seen) stays stable while items arrive."""
    try:
        limit = min(max(int(request.args.get("limit", 50)), 1), 500)
    except ValueError:
        return _error(400, "limit must be a whole number")
    after = _decode_cursor(request.args.get("cursor"))
    if after == -1:
        return _error(400, "cursor is not one this API gave out")
    query = select(Item).order_by(Item.id.desc()).limit(limit + 1)
    if after is not None:
        query = query.where(Item.id < after)
    if status := request.args.get("status"):
        query = query.where(Item.status.in_(status.split(",")))
    if source := request.args.get("source"):
        query = query.where(Item.source == source)
    if label := request.args.get("label"):
        query = query.join(Analysis).where(Analysis.label.in_(label.split(",")))
    rows = list(db.session().scalars(query).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = (base64.urlsafe_b64encode(str(rows[-1].id).encode()).decode().rstrip("=")
                   if more and rows else None)
    return jsonify({"items": [item_json(i) for i in rows], "next": next_cursor})


@bp.get("/items/<int:item_id>")
@require_role()
def get_item(item_id: int):
    item = db.session().get(Item, item_id)
    if item is None:
        return _error(404, f"no item {item_id}")
    return jsonify(item_json(item))


@bp.post(f"/items/<int:item_id>/<any({', '.join(curation.ACTIONS)}):action>")
@require_role(Role.ADMIN, Role.CURATOR)
def decide(item_id: int, action: str):
    """approve, reject, pin, unpin or undo one item; idempotent, answers the item.

    reject takes an optional JSON body {"reason": "complaint" | "sarcasm" | "off-topic" |
    "personal-data" | "other"}; sent again for a rejected item, it corrects the reason."""
    body = request.get_json(silent=True) if action == "reject" else None
    reason = body.get("reason") if isinstance(body, dict) else None
    try:
        if reason is not None:
            item = curation.reject_item(item_id, g.actor.username, reason=str(reason))
        else:
            item = curation.ACTIONS[action](item_id, g.actor.username)
    except curation.CurationError as exc:
        return _error(409 if isinstance(exc, curation.RecalledError) else 404, str(exc))
    except ValueError as exc:
        return _error(400, str(exc))
    return jsonify(item_json(item))


@bp.post("/items/<int:item_id>/recall")
@require_role(Role.ADMIN)
def recall_item(item_id: int):
    """Pull an item from every channel now; answers the item and its printed posters."""
    try:
        item, printed = recall.recall_item(item_id, g.actor.username)
    except curation.CurationError as exc:
        return _error(404, str(exc))
    widget.forget_feeds()  # the embed's feed.json: at once, not after its 30 s cache
    return jsonify({**item_json(item), "posters": [recall.poster_json(p) for p in printed]})


@bp.post("/items/<int:item_id>/unrecall")
@require_role(Role.ADMIN)
def unrecall_item(item_id: int):
    """Undo a recall explicitly: the item is back as it was before."""
    try:
        item = recall.unrecall_item(item_id, g.actor.username)
    except curation.CurationError as exc:
        return _error(404, str(exc))
    widget.forget_feeds()
    return jsonify(item_json(item))


@bp.patch("/items/<int:item_id>")
@require_role(Role.ADMIN, Role.CURATOR)
def edit_item(item_id: int):
    """{"display_text": "…" | null, "expires_at": ISO 8601 | null}: null restores/clears."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(400, "send a JSON object")
    try:
        item = None
        if "display_text" in body:
            text = body["display_text"]
            if text is not None and not isinstance(text, str):
                return _error(400, "display_text must be a string or null")
            item = curation.edit_text(item_id, text, g.actor.username)
        if "expires_at" in body:
            when = body["expires_at"]
            when = parse_datetime(when, ZoneInfo(current_app.config["TIMEZONE"])) \
                if when else None
            item = curation.set_expiry(item_id, when, g.actor.username)
        if item is None:
            item = db.session().get(Item, item_id)
            if item is None:
                return _error(404, f"no item {item_id}")
    except curation.CurationError as exc:
        return _error(404, str(exc))
    except (ValueError, InvalidFeedback) as exc:
        return _error(400, str(exc))
    return jsonify(item_json(item))


@bp.post("/items/bulk")
@require_role(Role.ADMIN, Role.CURATOR)
def bulk():
    """{"ids": [1, 2], "action": "approve" | "reject" | "pin" | "unpin" | "undo"}."""
    body = request.get_json(silent=True) or {}
    ids = body.get("ids")
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids) or not ids:
        return _error(400, "ids must be a non-empty list of item ids")
    if len(ids) > 500:
        return _error(400, "at most 500 items at once")
    try:
        items = curation.bulk(ids, str(body.get("action")), g.actor.username)
    except curation.CurationError as exc:
        return _error(409 if isinstance(exc, curation.RecalledError) else 404, str(exc))
    except ValueError as exc:
        return _error(400, str(exc))
    return jsonify({"items": [item_json(i) for i in items]})


@bp.post("/tokens")
@require_role()
def create_token():
    """A new bearer token for the signed-in user, shown once."""
    return jsonify({"token": accounts.create_token(g.actor.username)}), 201


@bp.get("/users")
@require_role(Role.ADMIN)
def users():
    rows = db.session().scalars(select(User).order_by(User.username))
    return jsonify({"users": [{"id": u.id, "username": u.username, "role": u.role,
                               "created_at": u.created_at.isoformat()} for u in rows]})


def _signing_source(body: bytes, header: str, timestamp: str | None):
    """(source, None) for the webhook source whose secret signed this request, else
    (None, why). With X-Kiosk-Timestamp the signed message is "<timestamp>.<body>" and must
    be fresh, so a captured request cannot be replayed later; sources can require it."""
    if not header.startswith("sha256="):
        return None, "missing X-Kiosk-Signature (sha256=<hex HMAC of the body>)"
    given = header[7:].strip().lower()
    message = body
    if timestamp is not None:
        try:
            age = time.time() - int(timestamp)
        except ValueError:
            return None, "X-Kiosk-Timestamp must be Unix seconds"
        window = current_app.config["WEBHOOK_WINDOW"]
        if abs(age) > window:
            return None, (f"X-Kiosk-Timestamp is {int(abs(age))} s off; signatures are valid "
                          f"for {window} s (a replay, or a clock that is wrong)")
        message = timestamp.encode() + b"." + body
    for source in webhook_sources():
        expected = hmac.new(source.signing_secret.encode(), message, hashlib.sha256).hexdigest()
        if hmac.compare_digest(expected, given):
            if timestamp is None and _truthy(source.settings.get("require_timestamp")):
                return None, (f"source {source.name} requires X-Kiosk-Timestamp and a signature "
                              "of \"<timestamp>.<body>\"")
            return source, None
    return None, "wrong X-Kiosk-Signature (sha256=<hex HMAC of the body>)"


def _truthy(value) -> bool:
    return str(value or "").strip().lower() in {"1", "true", "yes", "on"}


DEFAULT_WEBHOOK_LIMIT = "600 per minute"


def _webhook_limit() -> str:
    return current_app.config.get("WEBHOOK_RATE_LIMIT") or DEFAULT_WEBHOOK_LIMIT


@bp.post("/feedback")
@limiter.limit(_webhook_limit, key_func=lambda: f"webhook:{request.remote_addr}")
def feedback():
    """Signed webhook: one item or a list. Unsigned or wrongly signed → 401, nothing stored."""
    body = request.get_data(cache=False)
    source, why = _signing_source(body, request.headers.get("X-Kiosk-Signature", ""),
                                  request.headers.get("X-Kiosk-Timestamp"))
    if source is None:
        return _error(401, why)
    try:
        payload = json.loads(body.decode("utf-8"))
    except RecursionError:
        return _error(400, "body is not valid JSON: nested too deeply")
    except ValueError as exc:  # bad UTF-8, bad JSON, a number of 5,000 digits
        return _error(400, f"body is not valid JSON: {exc}")
    records = payload if isinstance(payload, list) else [payload]
    if not records:
        return _error(400, "no items in the body")
    if len(records) > MAX_BATCH:
        return _error(413, f"at most {MAX_BATCH} items per request")
    numbered = []
    for index, record in enumerate(records):
        if isinstance(record, dict) and record.get("source") not in (None, "", source.name):
            record = InvalidFeedback(f"item names source {record.get('source')!r} but was signed "
                                f"with the secret of {source.name!r}")
        numbered.append((index, record))
    good, bad = ingest.parse_records(numbered, default_source=source.name)
    report = ingest.store_items(good, ingest.IngestReport(errors=bad))
    body = {"accepted": len(report.added), "ids": report.added,
            "duplicates": report.duplicates,
            "errors": [{"index": n, "error": msg} for n, msg in report.errors]}
    if not good:
        return jsonify(body), 400
    current_app.logger.info("webhook %s: %d new, %d duplicate, %d bad", source.name,
                            len(report.added), report.duplicates, len(report.errors))
    return jsonify(body), 201 if report.added else 200


@bp.get("/openapi.json")
def openapi():
    return jsonify(OPENAPI)
