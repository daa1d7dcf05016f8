"""One table of settings: name, default, help. Read from KIOSK_* and an optional TOML file."""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", None,
            "SQLAlchemy URL; default is SQLite (WAL) at INSTANCE_DIR/kiosk.db"),
    Setting("INSTANCE_DIR", "instance", "Folder for the SQLite database and generated secrets"),
    Setting("SECRET_KEY", None,
            "Signs sessions and CSRF tokens; generated once into INSTANCE_DIR/secret_key if unset"),
    Setting("MESSAGE_QUEUE", None,
            "redis://… shared by several web processes, the scheduler and the CLI"),
    Setting("HOST", "127.0.0.1", "Address `kiosk serve` listens on"),
    Setting("PORT", 8000, "Port `kiosk serve` listens on"),
    Setting("WORKERS", 1, "gunicorn processes for `kiosk serve` (more than 1 needs MESSAGE_QUEUE)"),
    Setting("WORKER_CONNECTIONS", 4000, "Connections per web process (screens + widgets)"),
    Setting("TIMEZONE", "Europe/Istanbul",
            "Company time zone: 'yesterday' and 'this week' are days in it"),
    Setting("LANGUAGE", "tr", "Interface language of screens and e-mails: tr or en"),
    Setting("PRAISE_THRESHOLD", 0.35, "Sentiment at or above which an item is labelled praise"),
    Setting("COMPLAINT_THRESHOLD", -0.25,
            "Sentiment at or below which an item is labelled complaint"),
    Setting("AUTO_APPROVE_SCORE", 0.5,
            "Praise at or above this sentiment is approved without review (empty: never)"),
    Setting("FEED_MAX_ITEMS", 60, "Most items a channel's playlist carries to a screen"),
    Setting("FEED_MAX_AGE_DAYS", 60, "Older approved items leave the playlists"),
    Setting("ROTATION_SECONDS", 12, "Default seconds per slide for a new channel"),
    Setting("MAX_TEXT_LENGTH", 5000, "Longest feedback text accepted, in characters"),
    Setting("MAX_CONTENT_LENGTH", 2 * 1024 * 1024, "Largest request body accepted, in bytes"),
    Setting("SMTP_URL", None, "smtp://host:port, smtp+starttls://user:pw@host:port or smtps://…"),
    Setting("MAIL_FROM", "kiosk@localhost", "Sender of digest e-mails"),
    Setting("BUILD_ID", "", "Appended to the version screens see: change it and they reload"),
    Setting("LOG_LEVEL", "info", "Log level of `kiosk serve`"),
    Setting("ACCESS_LOG", False, "Log every HTTP request of `kiosk serve` to stderr"),
    Setting("RATELIMIT_STORAGE", "memory://",
            "Where sign-in rate limits are counted (redis://… to share across processes)"),
    Setting("LOGIN_RATE_LIMIT", "10 per minute;50 per hour",
            "Sign-in attempts allowed per client address"),
    Setting("WIDGET_ORIGINS", "'self'",
            "Origins whose pages may frame /widget (space-separated, e.g. https://intranet.example)"),
    Setting("SOURCE_TIMEOUT", 15.0, "Seconds a source connector waits for a provider's answer"),
    Setting("SOURCE_RETRIES", 3, "Retries of a failed provider request (timeouts, 5xx, 429)"),
    Setting("SOURCE_BACKOFF", 2.0, "First retry delay in seconds; doubles on each retry"),
    Setting("SOURCE_MAX_WAIT", 120.0,
            "Longest Retry-After honoured in a poll; a longer one postpones the source"),
    Setting("SCHEDULER", "embedded",
            "embedded: `kiosk serve` runs the scheduled jobs too; off: only `kiosk scheduler`"),
    Setting("DAILY_AT", "07:00", "Local time of the daily job that closes yesterday's feedback"),
    Setting("WEBHOOK_WINDOW", 300,
            "Seconds a timestamped webhook signature stays valid (replay protection)"),
    Setting("PUBLIC_URL", None, "Address people reach Kiosk at (https://kiosk.example.com), for "
            "links in e-mails; default http://HOST:PORT"),
    Setting("COMPANY_NAME", "", "Company name printed on posters and reports"),
    Setting("LOGO_PATH", "", "Image file (PNG, JPEG, SVG) printed at the top of posters"),
    Setting("RETENTION_DAYS", 0,
            "Days after which feedback loses its raw text, author and link, or is deleted (0: keep)"),
    Setting("RETENTION_KEEP_APPROVED", True,
            "Aged approved/pinned items keep the redacted text screens showed instead of going"),
    Setting("RETENTION_LOG_DAYS", 90, "Days job runs and digest-send records are kept (0: keep)"),
    Setting("METRICS_TOKEN", "", "Bearer token Prometheus must send to /metrics (empty: open)"),
    Setting("LOG_FORMAT", "text", "text, or json for one JSON object per log line"),
    Setting("SECURE_COOKIES", False, "Send session cookies over HTTPS only (set in production)"),
    Setting("FIXED_DAYS", 30, "Days a \"you said, we fixed\" wall slide looks back over"),
    Setting("FIXED_MIN_RESOLVED", 3,
            "Complaints of a theme resolved in FIXED_DAYS before the wall shows it as fixed"),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


def _coerce(name: str, raw: str) -> Any:
    """Environment values are strings; give them the type of the setting's default."""
    default = _DEFAULTS.get(name)
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw) if raw.strip() else None
    return raw


def load_settings(overrides: dict[str, Any] | None = None,
                  materialise: bool = True) -> dict[str, Any]:
    """Defaults, then the TOML file named by KIOSK_CONFIG, then KIOSK_* env, then overrides.

    `materialise` creates the instance folder and secret key; commands that need neither
    (`kiosk analyze`) pass False and leave the disk alone.
    """
    values = dict(_DEFAULTS)
    path = os.environ.get("KIOSK_CONFIG")
    if path:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for key, value in data.items():
            values[key.upper()] = value
    for setting in SETTINGS:
        raw = os.environ.get("KIOSK_" + setting.name)
        if raw is not None:
            values[setting.name] = _coerce(setting.name, raw)
    values.update(overrides or {})

    instance = Path(values["INSTANCE_DIR"]).resolve()
    values["INSTANCE_DIR"] = str(instance)
    if not materialise:
        return values
    if not values["DATABASE_URL"]:
        instance.mkdir(parents=True, exist_ok=True)
        values["DATABASE_URL"] = f"sqlite:///{instance / 'kiosk.db'}"
    if not values["SECRET_KEY"]:
        values["SECRET_KEY"] = _stored_secret(instance)
    return values


def _stored_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so sessions survive restarts."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass  # another process made it first; read theirs
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()
