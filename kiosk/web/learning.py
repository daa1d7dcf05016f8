"""The learned praise models: the admin page, the examples export, and the queue's "why"."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from kiosk import db, learning, learning_report
from kiosk.models import Item, Role
from kiosk.web.admin import admin_only
from kiosk.web.auth import require_role

bp = Blueprint("learning", __name__)


def _lang(value: str | None) -> str:
    if value not in learning.LANGS:
        abort(400)
    return value


@bp.route("/admin/learning", methods=["GET", "POST"])
@admin_only
def index():
    """Per language: examples, the model in use, every model's held-out numbers, the weeks."""
    if request.method == "POST":
        form, actor = request.form, current_user.username
        do = form.get("do")
        try:
            if do == "train":
                row = learning.train(_lang(form.get("lang")), actor=actor)
                flash(_("Trained model %(id)s: %(note)s", id=row.id, note=row.note)
                      if row else _("Too few examples to train yet."), "ok" if row else "error")
            elif do == "use":
                row = learning.use_model(int(form.get("model", "0")), actor)
                flash(_("Model %(id)s is in use; training will not switch models until you "
                        "resume.", id=row.id), "ok")
            elif do == "off":
                learning.switch_off(_lang(form.get("lang")), actor)
                flash(_("No learned model in use: the rules decide alone."), "ok")
            elif do == "resume":
                learning.resume(_lang(form.get("lang")), actor)
                flash(_("Training switches on models that pass the gate again."), "ok")
            else:
                abort(400)
        except (LookupError, ValueError) as exc:
            flash(str(exc), "error")
        return redirect(url_for("learning.index"))
    return render_template("learning.html",
                           reports=[learning_report.report(lang) for lang in learning.LANGS])


@bp.get("/admin/learning/examples.csv")
@admin_only
def examples_csv():
    lang = request.args.get("lang") or None
    if lang is not None:
        _lang(lang)
    name = f"examples-{lang or 'all'}.csv"
    return Response(learning_report.export_csv(lang, current_user.username), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename={name}"})


@bp.get("/api/v1/items/<int:item_id>/why")
@require_role(Role.ADMIN, Role.CURATOR)
def why(item_id: int):
    """The model's score, the rules' hits and the nearest labelled examples of one item."""
    item = db.session().get(Item, item_id)
    if item is None:
        return jsonify({"error": f"no item {item_id}"}), 404
    return jsonify(learning.explain(item))


@bp.get("/api/v1/learning")
@require_role(Role.ADMIN)
def report():
    return jsonify({"languages": [learning_report.report(lang) for lang in learning.LANGS]})
