"""The morning digest on the web: the public unsubscribe page and the admins' subscriptions.

/digest/unsubscribe/<token> needs no sign-in: the token in the link is the credential. GET
only asks (link checkers and mail scanners fetch links; they must not unsubscribe anyone),
POST unsubscribes. Mail providers' one-click unsubscribe (RFC 8058) POSTs
`List-Unsubscribe=One-Click` to the same URL without a CSRF token, so the view is exempt:
forging that POST needs the token, which only the recipient has.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from kiosk import audit, db, digest, digest_subscriptions, mail
from kiosk.extensions import csrf
from kiosk.models import Branch, Item, StaffMember
from kiosk.web.admin import admin_only

bp = Blueprint("digest", __name__)

# The preview is the e-mail itself, whose styles are inline by necessity: allow exactly
# that, and still no script, no outside image, no form.
PREVIEW_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@bp.route("/digest/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    sub = digest_subscriptions.by_token(token)
    if sub is None:
        response = make_response(render_template("unsubscribe.html", state="unknown"), 404)
    else:
        if request.method == "POST":
            digest_subscriptions.unsubscribe(token)
            state = "done"
        else:
            state = "done" if sub.unsubscribed_at else "confirm"
        with force_locale(sub.language):
            response = make_response(render_template(
                "unsubscribe.html", state=state, email=sub.email, lang=sub.language))
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response


def _yesterday():
    return digest.yesterday(datetime.now(UTC),
                            ZoneInfo(current_app.config.get("TIMEZONE") or "Europe/Istanbul"))


def _choices() -> tuple[list[str], list[str]]:
    session = db.session()
    branches = set(session.scalars(select(Branch.name)))
    branches |= {b for b in session.scalars(select(Item.branch).distinct()) if b}
    teams = {t for t in session.scalars(select(StaffMember.team).distinct()) if t}
    return sorted(branches), sorted(teams)


@bp.route("/admin/digest", methods=["GET", "POST"], endpoint="admin")
@admin_only
def admin_page():
    if request.method == "POST":
        form = request.form
        try:
            if form.get("do") == "remove":
                if digest_subscriptions.remove(int(form.get("id", "0")), current_user.username):
                    flash(_("Subscription removed."), "ok")
            elif form.get("do") == "test":
                day = digest.parse_day(form.get("date") or _yesterday().isoformat())
                sent = digest.send_test(form.get("email", ""), day, form.get("language", "tr"))
                audit.record(current_user.username, "digest.test", "digest", None,
                             {"to": form.get("email", "").strip().lower(),
                              "day": day.isoformat()})
                db.session().commit()
                flash(_("Test sent: %(subject)s", subject=sent), "ok")
            else:
                sub = digest_subscriptions.subscribe(
                    form.get("email", ""), branch=form.get("branch"), team=form.get("team"),
                    language=form.get("language", "tr"), actor=current_user.username)
                flash(_("%(email)s subscribed.", email=sub.email), "ok")
        except (digest_subscriptions.DigestError, mail.MailError) as exc:
            flash(str(exc), "error")
        except ValueError:
            abort(400)
        return redirect(url_for("digest.admin"))
    branches, teams = _choices()
    return render_template(
        "digest_admin.html", subscriptions=digest_subscriptions.subscriptions(),
        sends=digest.recent_sends(), branches=branches, teams=teams,
        yesterday=_yesterday().isoformat(), smtp=_smtp_state(),
        mail_from=current_app.config.get("MAIL_FROM"))


def _smtp_state() -> str:
    try:
        return mail.parse_url(current_app.config.get("SMTP_URL")).where
    except mail.MailError as exc:
        return str(exc)


@bp.get("/admin/digest/preview")
@admin_only
def preview():
    """The e-mail's HTML part as a subscriber would get it, for a day and a language."""
    try:
        day = digest.parse_day(request.args.get("date") or _yesterday().isoformat())
    except digest_subscriptions.DigestError as exc:
        return make_response(str(exc), 400, {"Content-Type": "text/plain; charset=utf-8"})
    language = request.args.get("language")
    if language not in digest_subscriptions.LANGUAGES:
        language = current_app.config["LANGUAGE"]
    html = digest.preview(day, language, (request.args.get("branch") or "").strip() or None,
                          (request.args.get("team") or "").strip() or None)
    response = make_response(html)
    response.headers["Content-Security-Policy"] = PREVIEW_CSP
    response.headers["Cache-Control"] = "no-store"
    return response
