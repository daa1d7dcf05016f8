"""`kiosk check-config`: what in the settings or the accounts is unsafe in production.

Each finding is one line in words that names the setting and the fix. Nothing is written:
the settings are read as `kiosk serve` would read them (without generating the secret key
or the instance folder), and the accounts straight from the database.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MIN_SECRET_LENGTH = 32
# Values people paste from tutorials, or leave from development.
WEAK_SECRETS = frozenset({
    "secret", "secretkey", "secret-key", "secret_key", "changeme", "change-me", "change_me",
    "changethis", "dev", "development", "test", "testing", "test-secret", "kiosk", "password",
    "default", "insecure", "your-secret-key", "yoursecretkey", "supersecret", "super-secret",
    "please-change-me", "replace-me", "notsecret", "not-secret", "example", "flask",
})
# The passwords tried first by anyone guessing (top of public breach lists, Turkish and
# English), plus the product's own name. The username itself is always tried too.
# Each try costs a password hash (~60 ms), so the list stays short.
COMMON_PASSWORDS = (
    "", "admin", "password", "passw0rd", "password1", "123456", "12345678", "123456789",
    "111111", "qwerty", "abc123", "letmein", "welcome", "changeme", "secret", "root", "test",
    "demo", "kiosk", "admin123", "sifre", "parola",
)


@dataclass(frozen=True)
class Finding:
    code: str  # stable, for tests and scripts
    message: str  # one line: what is wrong and how to fix it

    def __str__(self) -> str:
        return f"warning: {self.message}"


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _secret(settings: Mapping[str, Any]) -> tuple[str | None, str]:
    """(the key `kiosk serve` would use, where it comes from); None: one will be generated."""
    if settings.get("SECRET_KEY"):
        return str(settings["SECRET_KEY"]), "SECRET_KEY"
    path = Path(str(settings.get("INSTANCE_DIR") or "instance")) / "secret_key"
    try:
        return path.read_text().strip(), str(path)
    except OSError:
        return None, str(path)


def check_secret(settings: Mapping[str, Any]) -> list[Finding]:
    key, where = _secret(settings)
    if key is None:
        return []  # generated at first start: random and long enough for one host
    if key.lower() in WEAK_SECRETS or len(set(key)) <= 2:
        return [Finding("weak-secret", f"the secret key ({where}) is a well-known value: "
                        "anyone can forge sessions; set KIOSK_SECRET_KEY to a long random "
                        "value (python -c 'import secrets; print(secrets.token_hex(32))')")]
    if len(key) < MIN_SECRET_LENGTH:
        return [Finding("short-secret", f"the secret key ({where}) is {len(key)} characters; "
                        f"use at least {MIN_SECRET_LENGTH} random ones (python -c 'import "
                        "secrets; print(secrets.token_hex(32))')")]
    return []


def check_transport(settings: Mapping[str, Any]) -> list[Finding]:
    """HTTP where people sign in, cookies that travel without TLS, open metrics."""
    out = []
    host = str(settings.get("HOST") or "127.0.0.1")
    public = settings.get("PUBLIC_URL") or f"http://{host}:{settings.get('PORT')}"
    parts = urlsplit(str(public))
    where = "PUBLIC_URL" if settings.get("PUBLIC_URL") else f"HOST={host} without PUBLIC_URL"
    if parts.scheme == "http" and not _loopback(parts.hostname):
        out.append(Finding("http", f"{where} means sign-ins and session cookies travel over "
                           "plain HTTP; serve Kiosk behind TLS (docs/deploy.md) and set "
                           "KIOSK_PUBLIC_URL=https://… and KIOSK_SECURE_COOKIES=true"))
    elif parts.scheme == "https" and not settings.get("SECURE_COOKIES"):
        out.append(Finding("insecure-cookies", f"SECURE_COOKIES is off while PUBLIC_URL is "
                           f"{public}: browsers would also send the session cookie over plain "
                           "HTTP; set KIOSK_SECURE_COOKIES=true"))
    if not settings.get("METRICS_TOKEN") and not _loopback(host):
        out.append(Finding("open-metrics", f"/metrics is open to anyone who reaches HOST={host}; "
                           "set KIOSK_METRICS_TOKEN and give Prometheus the same bearer token"))
    return out


def check_widget(settings: Mapping[str, Any]) -> list[Finding]:
    raw = settings.get("WIDGET_ORIGINS") or ""
    origins = raw if isinstance(raw, list | tuple) else str(raw).split()
    wide = [o for o in map(str, origins) if o in ("*", "http:", "https:") or o.startswith("*")]
    if not wide:
        return []
    return [Finding("widget-anywhere", f"WIDGET_ORIGINS allows {' '.join(wide)}: any web site "
                    "may frame the widget; list the intranet's origins instead (e.g. "
                    "KIOSK_WIDGET_ORIGINS=https://intranet.example.com)")]


def check_mail(settings: Mapping[str, Any]) -> list[Finding]:
    url = settings.get("SMTP_URL")
    if not url:
        return []
    parts = urlsplit(str(url))
    if parts.scheme == "smtp" and parts.password:
        return [Finding("smtp-plain", "SMTP_URL sends its password unencrypted over smtp://; "
                        "use smtp+starttls://… (port 587) or smtps://… (port 465)")]
    return []


def check_workers(settings: Mapping[str, Any]) -> list[Finding]:
    workers = settings.get("WORKERS") or 1
    if workers <= 1 or settings.get("MESSAGE_QUEUE"):
        return []
    url = str(settings.get("DATABASE_URL") or "sqlite")
    store = "SQLite with " if url.startswith("sqlite") else ""
    return [Finding("workers-without-queue", f"{store}WORKERS={workers} and no MESSAGE_QUEUE: "
                    "a screen connected to one process misses what the others do (and "
                    "`kiosk serve` refuses to start); set KIOSK_MESSAGE_QUEUE=redis://… or "
                    "KIOSK_WORKERS=1")]


def check_settings(settings: Mapping[str, Any]) -> list[Finding]:
    return (check_secret(settings) + check_transport(settings) + check_widget(settings)
            + check_mail(settings) + check_workers(settings))


def check_admins(admins: Iterable[tuple[str, str]] | None) -> list[Finding]:
    """`admins` are (username, password hash); None when the database cannot be read."""
    from werkzeug.security import check_password_hash

    if admins is None:
        return []  # said by check_database
    admins = list(admins)
    if not admins:
        return [Finding("no-admin", "there is no admin account, so nobody can curate, and "
                        "the first person to run the CLI makes one; create yours with `kiosk "
                        "users create --username NAME --password … --role admin`")]
    out = []
    for username, password_hash in admins:
        guesses = dict.fromkeys((username, username.lower(), username + "123", *COMMON_PASSWORDS))
        if any(check_password_hash(password_hash, guess) for guess in guesses):
            out.append(Finding("weak-admin-password", f"admin {username!r} has a password "
                               "that is guessed first (common, or the username); set a long "
                               "one: kiosk users create --username … --password … (new "
                               "account) and remove this one"))
    return out


def read_admins(settings: Mapping[str, Any]) -> tuple[list[tuple[str, str]] | None, list[Finding]]:
    """The admins' (username, hash) from the configured database, without creating it."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from kiosk.db import make_engine
    from kiosk.models import Role, User

    url = settings.get("DATABASE_URL")
    if not url:
        path = Path(str(settings.get("INSTANCE_DIR") or "instance")) / "kiosk.db"
        if not path.exists():
            return None, [Finding("no-database", f"no database at {path} yet, so no admin "
                                  "either; run `kiosk init`, then `kiosk users create … "
                                  "--role admin`")]
        url = f"sqlite:///{path}"
    engine = make_engine(str(url))
    try:
        with Session(engine) as session:
            rows = session.execute(select(User.username, User.password_hash)
                                   .where(User.role == Role.ADMIN.value)).all()
        return [(u, h) for u, h in rows], []
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).splitlines()[0]
        return None, [Finding("no-database", f"cannot read the accounts ({reason}); run "
                              "`kiosk init` against this database, or fix KIOSK_DATABASE_URL")]
    finally:
        engine.dispose()


def check_config(settings: Mapping[str, Any]) -> list[Finding]:
    """Every finding for these settings and the accounts in their database."""
    admins, problems = read_admins(settings)
    return check_settings(settings) + problems + check_admins(admins)
