"""Liveness for load balancers and screens; metrics for Prometheus."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, jsonify, request
from sqlalchemy import text

from kiosk import db, metrics, scheduler

SCHEDULER_STALE = 120  # seconds without a heartbeat before the scheduler counts as down

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session().execute(text("SELECT 1"))
        database = "ok"
    except Exception as exc:  # any driver error means "not healthy", never a 500 page
        current_app.logger.warning("healthz database check failed: %s", exc)
        database = "error"
    queue = _queue()
    # A stopped scheduler delays collection but does not make this process unfit to serve.
    ok = database == "ok" and queue != "error"
    body = {"status": "ok" if ok else "error", "database": database, "queue": queue,
            "scheduler": _scheduler() if database == "ok" else "unknown",
            "version": current_app.config["VERSION"]}
    response = jsonify(body)
    response.status_code = 200 if ok else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def _queue() -> str:
    url = current_app.config["MESSAGE_QUEUE"]
    if not url:
        return "none"  # one process: events need no queue
    try:
        import redis

        redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1).ping()
        return "ok"
    except Exception as exc:
        current_app.logger.warning("healthz message queue check failed: %s", exc)
        return "error"


def _scheduler() -> str:
    beat = scheduler.last_heartbeat()
    if beat is None:
        return "never seen"
    age = (datetime.now(UTC) - beat).total_seconds()
    return "ok" if age <= SCHEDULER_STALE else f"no heartbeat for {int(age)} s"


@bp.get("/metrics")
def prometheus():
    token = current_app.config["METRICS_TOKEN"]
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            return Response("metrics need the bearer token (KIOSK_METRICS_TOKEN)\n", 401,
                            {"WWW-Authenticate": "Bearer"}, mimetype="text/plain")
    return Response(metrics.render(), mimetype="text/plain; version=0.0.4; charset=utf-8",
                    headers={"Cache-Control": "no-store"})
