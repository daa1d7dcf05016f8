"""Sign-in for people (session) and programs (bearer token); role checks for both."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from kiosk import accounts, db
from kiosk.extensions import csrf, limiter, login_manager
from kiosk.models import Role, User

bp = Blueprint("auth", __name__, url_prefix="/admin")


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    return db.session().get(User, int(user_id)) if user_id.isdigit() else None


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header[:7].lower() == "bearer " else None


def require_role(*roles: Role):
    """401 without credentials, 403 with the wrong role; CSRF for cookie-authenticated writes.

    A bearer token, when sent, is the only credential looked at: a program's request must
    not be decided by a browser session that happens to share its cookie jar.
    """
    allowed = {r.value for r in roles} or {r.value for r in Role}

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            token = _bearer_token()
            if token is not None:
                user = accounts.user_for_token(token)
                if user is None:
                    abort(401)
            else:
                user = current_user
                if not user.is_authenticated:
                    abort(401)
                if request.method not in ("GET", "HEAD", "OPTIONS"):
                    csrf.protect()
            if user.role not in allowed:
                abort(403)
            g.actor = user
            return view(*args, **kwargs)

        return wrapper

    return decorator


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect after sign-in is a phishing tool."""
    if target and target.startswith("/") and not target.startswith("//") \
            and not urlsplit(target).netloc:
        return target
    return url_for("admin.index")


def _login_limit() -> str:
    from flask import current_app

    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"],
               deduct_when=lambda response: response.status_code == 401)
def login():
    if request.method == "POST":
        user = accounts.authenticate(request.form.get("username", ""),
                                     request.form.get("password", ""))
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Wrong username or password."))
        return render_template("login.html"), 401
    return render_template("login.html")


@bp.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


@bp.post("/language")
def language():
    """Switch the console's language; kept on the user, or in the session before sign-in."""
    chosen = request.form.get("language")
    if chosen in ("tr", "en") and current_user.is_authenticated:
        user = db.session().get(User, current_user.id)
        user.language = chosen
        db.session().commit()
    return redirect(_safe_next(request.form.get("next")))
