"""Liveness for load balancers and for screens deciding whether a reload is safe."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from kiosk import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session().execute(text("SELECT 1"))
        database = "ok"
    except Exception as exc:  # any driver error means "not healthy", never a 500 page
        current_app.logger.warning("healthz database check failed: %s", exc)
        database = "error"
    ok = database == "ok"
    body = {"status": "ok" if ok else "error", "database": database,
            "version": current_app.config["VERSION"]}
    response = jsonify(body)
    response.status_code = 200 if ok else 503
    response.headers["Cache-Control"] = "no-store"
    return response
