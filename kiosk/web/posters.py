"""Console routes for posters: one item's PDF, the week's best, and the posters made so far.

Curators and admins both print. Making a poster is recorded (Poster rows and the audit log)
in kiosk.posters, whichever way it is made.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from kiosk import db, posters
from kiosk.models import Item, Role

bp = Blueprint("posters", __name__, url_prefix="/admin")


def _may_print() -> None:
    if current_user.role not in (Role.ADMIN, Role.CURATOR):
        abort(403)


def _options() -> tuple[str, str]:
    size = request.args.get("size", "A4").upper()
    lang = request.args.get("lang") or current_app.config["LANGUAGE"]
    return size, lang if lang in ("tr", "en") else "tr"


def _pdf(data: bytes, filename: str) -> Response:
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{filename}"',
        "Cache-Control": "no-store"})


def _refused(exc: posters.PosterError):
    flash(_(exc.message, **exc.params), "error")
    return redirect(url_for("posters.index"))


@bp.get("/items/<int:item_id>/poster.pdf")
@login_required
def item_pdf(item_id: int):
    """?size=A4|A3&lang=tr|en (default: KIOSK_LANGUAGE)."""
    _may_print()
    size, lang = _options()
    try:
        data = posters.item_poster(item_id, size, current_user.username, lang)
    except posters.PosterError as exc:
        return _refused(exc)
    return _pdf(data, f"poster-{item_id}-{size}.pdf")


@bp.get("/posters/week.pdf")
@login_required
def week_pdf():
    """?week=YYYY-Www (empty: this week)&size=A4|A3&lang=tr|en."""
    _may_print()
    size, lang = _options()
    try:
        data, label = posters.week_poster(request.args.get("week") or None, size,
                                          current_user.username, lang)
    except posters.PosterError as exc:
        return _refused(exc)
    return _pdf(data, f"best-of-{label}-{size}.pdf")


@bp.get("/posters")
@login_required
def index():
    """The best-of-the-week form, a poster for any item by number, and posters made."""
    _may_print()
    if request.args.get("item", "").isdigit():  # the "one item" form, without script
        size, lang = _options()
        return redirect(url_for("posters.item_pdf", item_id=int(request.args["item"]),
                                size=size, lang=lang))
    rows = posters.recent_posters()
    ids = {i for r in rows for i in r["item_ids"] if i}
    items = {i.id: i for i in db.session().query(Item).filter(Item.id.in_(ids))} if ids else {}
    return render_template("posters.html", rows=rows, items=items,
                           this_week=posters.week_label(posters.parse_week(None)),
                           language=current_app.config["LANGUAGE"])
