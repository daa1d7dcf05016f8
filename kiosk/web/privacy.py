"""Admin page for personal-data requests: preview, export and erase one person's data, and
take a staff member off the roster and the screens.

Every action is a POST (CSRF-checked): a handle or address never lands in a URL, so not in
access logs, browser history or a Referer. The page shows counts, never the person's text.
"""

from __future__ import annotations

import json
import secrets

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from kiosk import db, personal_export, privacy, retention, staff_removal
from kiosk.models import Item, Source, StaffMember
from kiosk.web.admin import admin_only

bp = Blueprint("privacy", __name__, url_prefix="/admin")


def _request_fields() -> dict[str, str]:
    return {name: (request.form.get(name) or "").strip()[:255]
            for name in ("author", "email", "source")}


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/privacy", methods=["GET", "POST"], endpoint="index")
@admin_only
def index():
    fields = {"author": "", "email": "", "source": ""}
    preview = None
    if request.method == "POST":
        fields = _request_fields()
        do = request.form.get("do")
        try:
            if do == "preview":
                preview = privacy.preview_erasure(fields["author"], fields["email"] or None,
                                                  fields["source"] or None)
            elif do == "export":
                data = personal_export.export_author(fields["author"],
                                                     fields["email"] or None,
                                                     fields["source"] or None,
                                                     actor=current_user.username)
                body = json.dumps(data, ensure_ascii=False, indent=2)
                # The file name says nothing about whom it is about.
                name = f"personal-data-{secrets.token_hex(4)}.json"
                return _no_store(Response(body, mimetype="application/json", headers={
                    "Content-Disposition": f"attachment; filename={name}"}))
            elif do == "erase":
                if not privacy.confirms(request.form.get("confirm"), fields["author"]):
                    flash(_("Type the author's handle again to confirm the erasure."), "error")
                    preview = privacy.preview_erasure(fields["author"],
                                                      fields["email"] or None,
                                                      fields["source"] or None)
                else:
                    report = privacy.erase_author(fields["author"], current_user.username,
                                                  fields["email"] or None,
                                                  fields["source"] or None)
                    flash(_("Erased %(items)d items, %(subscriptions)d subscriptions; masked "
                            "in %(mentions)d other items. Erase id: %(id)s",
                            items=report.items, subscriptions=report.subscriptions,
                            mentions=report.mentions, id=report.erase_id), "ok")
                    return redirect(url_for("privacy.index"))
            elif do == "remove_staff":
                if not request.form.get("confirm_staff"):
                    flash(_("Tick the box to confirm."), "error")
                else:
                    done = staff_removal.remove_staff(request.form.get("name", ""),
                                                      current_user.username)
                    flash(_("Removed from the roster; %(n)d shout-outs now say a colleague.",
                            n=done.items), "ok")
                return redirect(url_for("privacy.index"))
        except privacy.PrivacyError as exc:
            flash(str(exc), "error")
    session = db.session()
    sources = sorted(set(session.scalars(select(Source.name)))
                     | set(session.scalars(select(Item.source).distinct())))
    return _no_store(Response(render_template(
        "privacy.html", fields=fields, preview=preview, sources=sources,
        staff=list(session.scalars(select(StaffMember.name).order_by(StaffMember.name))),
        retention=retention.retention_settings())))
