"""The break-room page: static shell; the feed arrives over /live."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, make_response, render_template
from sqlalchemy import select

from kiosk import db
from kiosk.models import Screen

bp = Blueprint("display", __name__)


@bp.get("/display/<token>")
def show(token: str):
    screen = db.session().scalar(select(Screen).where(Screen.token == token))
    if screen is None:
        abort(404)
    cfg = current_app.config
    response = make_response(render_template(
        "display.html", token=token, lang=cfg["LANGUAGE"], version=cfg["VERSION"],
        screen_name=screen.name))
    # The page's watchdog reloads only onto a fresh answer from a live server.
    response.headers["Cache-Control"] = "no-store"
    return response
