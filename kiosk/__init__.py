"""Kiosk: customer praise on every break-room screen."""

from __future__ import annotations

import hashlib
import importlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent

# Strict by default: no inline script or style, nothing from other hosts.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


def _build_version() -> str:
    """Package version plus a digest of the static files: a deploy makes screens reload."""
    try:
        base = version("kiosk")
    except PackageNotFoundError:
        base = "0"
    digest = hashlib.sha256()
    for path in sorted((ROOT / "static").rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(ROOT)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{base}+{digest.hexdigest()[:8]}"


def _locale() -> str:
    """The signed-in user's choice, else the browser's, else the company's language."""
    from flask import current_app, request
    from flask_login import current_user

    chosen = getattr(current_user, "language", None) if current_user else None
    if chosen in ("tr", "en"):
        return chosen
    return request.accept_languages.best_match(["tr", "en"]) or \
        current_app.config["LANGUAGE"]


def create_app(test_config: dict | None = None) -> Flask:
    import flask_babel

    from kiosk import config
    from kiosk.db import Database
    from kiosk.extensions import babel, csrf, limiter, login_manager, socketio
    from kiosk.live import NAMESPACE, LiveNamespace, queue_channel
    from kiosk.web import BLUEPRINTS, api, console_api, themes

    app = Flask(__name__, static_folder=str(ROOT / "static"),
                template_folder=str(ROOT / "templates"))
    settings = config.load_settings(test_config)
    app.config.update(settings)
    build = app.config["BUILD_ID"]
    app.config.setdefault("VERSION", _build_version() + (f".{build}" if build else ""))
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings["SECURE_COOKIES"],
        REMEMBER_COOKIE_SECURE=settings["SECURE_COOKIES"],
        JSON_SORT_KEYS=False,
    )

    proxies = app.config["TRUSTED_PROXIES"]
    if proxies > 0:  # behind nginx every request comes from 127.0.0.1 otherwise
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    Database(app.config["DATABASE_URL"]).init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE"]
    limiter.init_app(app)
    babel.init_app(app, locale_selector=_locale)
    # Templates compare it with "tr"/"en", so give them the code, not a Locale object.
    app.jinja_env.globals["get_locale"] = lambda: str(flask_babel.get_locale() or "tr")
    socketio.init_app(
        app,
        async_mode=app.config.get("ASYNC_MODE", "threading"),
        message_queue=app.config["MESSAGE_QUEUE"],
        channel=queue_channel(app.config["MESSAGE_QUEUE"]),
        ping_interval=10,
        ping_timeout=10,
    )
    socketio.on_namespace(LiveNamespace(NAMESPACE))

    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(f"kiosk.web.{name}").bp)
    csrf.exempt(api.bp)  # cookie-authenticated API writes are checked in require_role
    csrf.exempt(themes.bp)
    csrf.exempt(console_api.bp)

    @app.before_request
    def _body_limit():
        """A body over MAX_CONTENT_LENGTH is refused on every route, also on those that
        never read it (Flask only checks while reading)."""
        from flask import abort, request

        limit = app.config.get("MAX_CONTENT_LENGTH")
        if limit and (request.content_length or 0) > limit:
            abort(413)

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    return app
