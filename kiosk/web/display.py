"""The break-room page: static shell; the feed arrives over /live."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
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
    return render_template("display.html", token=token, lang=cfg["LANGUAGE"],
                           version=cfg["VERSION"], screen_name=screen.name)
