"""The personal page behind a shout-out e-mail: no account, the signed link is the credential.

- `/me/<token>`: the quotes naming the person and, for each and by default, how they appear
  on public screens: full name, first name only, team, not named. POST (with the page's
  CSRF token) saves, and every channel showing an affected item re-renders it at once.
- `/me/notes/unsubscribe/<token>`: stop the weekly note. GET only asks (mail scanners fetch
  links); POST stops it, also as RFC 8058 one-click without a CSRF token (forging that
  POST needs the signed token, which only the recipient has).
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
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

from kiosk import feed, notes, shoutouts
from kiosk.extensions import csrf

bp = Blueprint("me", __name__)


def _lang() -> str:
    asked = request.args.get("lang")
    if asked in ("tr", "en"):
        return asked
    lang = current_app.config.get("LANGUAGE") or "tr"
    return lang if lang in ("tr", "en") else "tr"


def _private(response):
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _refused(error: shoutouts.LinkError, lang: str):
    with force_locale(lang):
        page = render_template("me.html", state="expired" if error.expired else "invalid",
                               lang=lang)
    return _private(make_response(page, 410 if error.expired else 404))


@bp.route("/me/<token>", methods=["GET", "POST"])
def page(token: str):
    lang = _lang()
    try:
        staff, item_id = shoutouts.read_token(token)
    except shoutouts.LinkError as exc:
        return _refused(exc, lang)
    now = datetime.now(UTC)
    items = shoutouts.items_about(staff, now, current_app.config["FEED_MAX_AGE_DAYS"],
                                  first=item_id)
    if request.method == "POST":
        form = request.form
        default = form.get("default")
        per_item = {i.id: form[f"item-{i.id}"] for i in items if f"item-{i.id}" in form}
        if default not in (*shoutouts.CHOICES, "company") or any(
                v not in (*shoutouts.CHOICES, "default") for v in per_item.values()):
            abort(400)
        shoutouts.save_choices(staff, default, per_item)
        notes.set_opt_out(staff, form.get("notes") != "on", "personal link")
        with force_locale(lang):
            flash(_("Saved. The screens show your choice now."), "ok")
        return redirect(url_for("me.page", token=token, **(
            {"lang": request.args["lang"]} if "lang" in request.args else {})))
    chosen = shoutouts.item_choices(staff, [i.id for i in items])
    tz = ZoneInfo(current_app.config["TIMEZONE"])
    cards = []
    for item in items:
        own = feed.display_item(item, viewer=staff.id)
        public = feed.display_item(item)
        cards.append({"id": item.id, "text": own["text"], "public": public["text"],
                      "author": own["author"], "branch": own["branch"], "lang": own["lang"],
                      "date": format_date(item.created_at.astimezone(tz).date(), "d MMMM y",
                                          locale=lang),
                      "choice": chosen.get(item.id),
                      "about": item.id == item_id})
    with force_locale(lang):
        page = render_template(
            "me.html", state="ok", lang=lang, staff=staff, first=staff.name.split()[0],
            cards=cards, default=staff.shown_as or "company",
            company=shoutouts.company_default(), team=staff.team,
            other_lang="en" if lang == "tr" else "tr")
    return _private(make_response(page))


@bp.route("/me/notes/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    lang = _lang()
    staff = notes.read_unsubscribe(token)
    if staff is None:
        with force_locale(lang):
            page = render_template("me.html", state="unsubscribe-invalid", lang=lang)
        return _private(make_response(page, 404))
    if request.method == "POST":
        notes.set_opt_out(staff, True, "unsubscribe link")
    state = "unsubscribed" if staff.notes_opt_out else "unsubscribe"
    with force_locale(lang):
        page = render_template("me.html", state=state, lang=lang, staff=staff)
    return _private(make_response(page))
