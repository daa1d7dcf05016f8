"""Admin-only console pages: curation rules, roster and branches, themes, audit, users."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from kiosk import accounts, audit, db, roster, rules, taxonomy
from kiosk.analysis.mentions import RosterError
from kiosk.models import Branch, StaffMember, User
from kiosk.taxonomy import current_matcher
from kiosk.web.admin import admin_only

bp = Blueprint("manage", __name__, url_prefix="/admin")


def _lines(field: str) -> list[str]:
    return [v.strip() for v in request.form.get(field, "").splitlines() if v.strip()]


def _rules_from_form() -> rules.Rules:
    thresholds: dict[str, float | None] = {}
    for line in _lines("source_thresholds"):
        name, _sep, value = line.partition("=")
        value = value.strip().lower()
        thresholds[name.strip()] = None if value in ("", "never", "none") else float(value)
    age = request.form.get("max_age_days", "").strip()
    return rules.Rules.from_json({
        "source_thresholds": thresholds, "blocked_words": _lines("blocked_words"),
        "blocked_authors": _lines("blocked_authors"), "review_terms": _lines("review_terms"),
        "max_age_days": int(age) if age else None})


@bp.route("/rules", methods=["GET", "POST"], endpoint="rules")
@admin_only
def rules_page():
    """Edit the rules; "Dry run" shows what they would have done to the last 30 days."""
    current = rules.current_rules()
    shown, result = current, None
    if request.method == "POST":
        try:
            shown = _rules_from_form()
        except ValueError as exc:
            flash(str(exc), "error")
        else:
            if request.form.get("do") == "save":
                rules.save_rules(shown, current_user.username)
                flash(_("Rules saved. They apply to feedback from now on."), "ok")
                return redirect(url_for("manage.rules"))
            result = rules.dry_run(shown, 30)
    return render_template("rules.html", rules=shown, result=result)



@bp.route("/roster", methods=["GET", "POST"], endpoint="roster")
@admin_only
def roster_page():
    if request.method == "POST":
        upload = request.files.get("file")
        kind = request.form.get("kind", "roster")
        if upload is None or not upload.filename:
            flash(_("Choose a CSV file."), "error")
        else:
            try:
                text = upload.read().decode("utf-8-sig")
                if kind == "branches":
                    count = roster.import_branches(text, current_user.username)
                else:
                    count = roster.import_roster(text, current_user.username)
                flash(_("Imported %(n)d rows.", n=count), "ok")
            except (RosterError, UnicodeDecodeError, KeyError) as exc:
                flash(str(exc), "error")
        return redirect(url_for("manage.roster"))
    session = db.session()
    return render_template(
        "roster.html", staff=session.scalars(select(StaffMember).order_by(StaffMember.name)),
        branches=session.scalars(select(Branch).order_by(Branch.name)))



@bp.get("/roster.csv")
@admin_only
def roster_csv():
    return Response(roster.export_roster(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=roster.csv"})


@bp.get("/branches.csv")
@admin_only
def branches_csv():
    return Response(roster.export_branches(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=branches.csv"})


@bp.route("/themes", methods=["GET", "POST"], endpoint="themes")
@admin_only
def themes_page():
    if request.method == "POST":
        slug = request.form.get("slug", "")
        try:
            taxonomy.save_theme(slug, {
                "tr": request.form.get("tr"), "en": request.form.get("en"),
                "keywords_tr": [k.strip() for k in request.form.get("keywords_tr", "")
                                .split(",") if k.strip()],
                "keywords_en": [k.strip() for k in request.form.get("keywords_en", "")
                                .split(",") if k.strip()]}, current_user.username)
            flash(_("Theme saved. New feedback is matched against it."), "ok")
        except ValueError as exc:
            flash(str(exc), "error")
        return redirect(url_for("manage.themes"))
    return render_template("themes.html", themes=current_matcher().themes)



@bp.get("/audit", endpoint="audit")
@admin_only
def audit_page():
    try:
        before = int(request.args["before"]) if request.args.get("before") else None
    except ValueError:
        before = None
    rows = audit.entries(100, before)
    return render_template("audit.html", rows=rows,
                           next_id=rows[-1].id if len(rows) == 100 else None)



@bp.get("/audit.csv")
@admin_only
def audit_csv():
    return Response(audit.export_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=audit.csv"})


@bp.route("/users", methods=["GET", "POST"], endpoint="users")
@admin_only
def users_page():
    token = None
    if request.method == "POST":
        if request.form.get("do") == "token":
            token = accounts.create_token(current_user.username)
            audit.record(current_user.username, "token.create", f"user:{current_user.id}")
            db.session().commit()
        else:
            try:
                user = accounts.create_user(request.form.get("username", "").strip(),
                                            request.form.get("password", ""),
                                            request.form.get("role", "curator"))
                audit.record(current_user.username, "user.create", f"user:{user.id}", None,
                             {"username": user.username, "role": user.role})
                db.session().commit()
                flash(_("User created."), "ok")
            except accounts.AccountError as exc:
                flash(str(exc), "error")
    users = db.session().scalars(select(User).order_by(User.username))
    return render_template("users.html", users=users, token=token)

