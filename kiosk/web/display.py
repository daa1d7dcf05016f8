"""The break-room page: static shell; the feed arrives over /live."""

from __future__ import annotations

import io

import segno
from flask import Blueprint, abort, current_app, make_response, render_template
from sqlalchemy import select

from kiosk import db
from kiosk.models import ON_SCREEN, Item, Screen

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


@bp.get("/qr/<int:item_id>.svg")
def qr(item_id: int):
    """A QR code to the original post of an item that is on screens (and only then): no
    open QR generator, nothing about items a curator has not approved."""
    item = db.session().get(Item, item_id)
    if item is None or item.status not in ON_SCREEN or not item.url:
        abort(404)
    out = io.BytesIO()
    segno.make(item.url, error="m").save(out, kind="svg", scale=1, border=2, dark="#14161c",
                                         light="#f5f1e8", xmldecl=False, omitsize=True)
    response = make_response(out.getvalue())
    response.headers["Content-Type"] = "image/svg+xml"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
