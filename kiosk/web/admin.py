"""The admin console (first cut: the pending queue at a glance)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import login_required
from sqlalchemy import func, select

from kiosk import db
from kiosk.models import Item, Screen

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@login_required
def index():
    session = db.session()
    counts = dict(session.execute(select(Item.status, func.count()).group_by(Item.status)).all())
    screens = session.scalars(select(Screen).order_by(Screen.name)).all()
    return render_template("admin.html", counts=counts, screens=screens)
