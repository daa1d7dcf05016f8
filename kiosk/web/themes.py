"""The theme taxonomy over the API: list, edit, and phrases worth promoting to a theme."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint, g, jsonify, request
from sqlalchemy import select

from kiosk import db
from kiosk.analysis.phrases import recurring_phrases
from kiosk.models import Analysis, Branch, Item, Role, StaffMember
from kiosk.taxonomy import current_matcher, save_theme
from kiosk.web.auth import require_role

bp = Blueprint("themes", __name__, url_prefix="/api/v1/themes")


@bp.get("")
@require_role()
def list_themes():
    return jsonify({"themes": [
        {"slug": t.slug, "tr": t.label_tr, "en": t.label_en,
         "keywords_tr": list(t.keywords_tr), "keywords_en": list(t.keywords_en)}
        for t in current_matcher().themes]})


@bp.put("/<slug>")
@require_role(Role.ADMIN)
def put_theme(slug: str):
    """Create or replace a theme: {"tr": label, "en": label, "keywords_tr": [...], ...}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify({"error": "send a JSON object"}), 400
    try:
        theme = save_theme(slug, body, g.actor.username)
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"slug": theme.slug, "tr": theme.label_tr, "en": theme.label_en,
                    "keywords_tr": theme.keywords_tr, "keywords_en": theme.keywords_en})


@bp.get("/suggestions")
@require_role()
def suggestions():
    """Recurring phrases of the last N days that no theme's keywords cover yet."""
    try:
        days = min(max(int(request.args.get("days", 30)), 1), 365)
    except ValueError:
        return jsonify({"error": "days must be a whole number"}), 400
    lang = request.args.get("lang", "tr")
    session = db.session()
    since = datetime.now(UTC) - timedelta(days=days)
    texts = session.scalars(select(Item.text).join(Analysis).where(
        Item.created_at >= since, Analysis.lang == lang)).all()
    themes = current_matcher().themes
    known = [k for t in themes for k in (t.keywords_tr if lang == "tr" else t.keywords_en)]
    names = list(session.scalars(select(StaffMember.name))) + list(
        session.scalars(select(Branch.name)))
    phrases = recurring_phrases(texts, lang, known=known, names=names)
    return jsonify({"lang": lang, "days": days, "texts": len(texts),
                    "phrases": [{"phrase": p, "count": n} for p, n in phrases]})
