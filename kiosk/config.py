"""One table of settings: name, default, help. Read from KIOSK_* and an optional TOML file."""

from __future__ import annotations

import math
import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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
            "Days after which feedback loses its raw text, author and link, or goes (0: keep)"),
    Setting("RETENTION_KEEP_APPROVED", True,
            "Aged approved/pinned items keep the redacted text screens showed instead of going"),
    Setting("RETENTION_LOG_DAYS", 90, "Days job runs and digest-send records are kept (0: keep)"),
    Setting("SHOUTOUT_DEFAULT", "full",
            "How staff named in praise appear on screens until they choose: full, first, team "
            "or none"),
    Setting("MODEL_PRECISION_TARGET", 0.97,
            "Held-out precision a learned praise model must reach before auto-approval uses it"),
    Setting("MODEL_MIN_EXAMPLES", 150,
            "Curator decisions a language needs before its learned praise model may be used"),
    Setting("MODEL_HOLDOUT", 0.2,
            "Most recent decisions held out to judge a learned model: a share below 1, or a count"),
    Setting("WEBHOOK_RATE_LIMIT", "600 per minute",
            "Webhook requests allowed per client address; over it: 429 with Retry-After"),
    Setting("METRICS_TOKEN", "", "Bearer token Prometheus must send to /metrics (empty: open)"),
    Setting("LOG_FORMAT", "text", "text, or json for one JSON object per log line"),
    Setting("SECURE_COOKIES", False, "Send session cookies over HTTPS only (set in production)"),
    Setting("TRUSTED_PROXIES", 0,
            "Reverse proxies in front of Kiosk (nginx: 1); their X-Forwarded-For/-Proto are "
            "believed, so rate limits count each client, not the proxy"),
    Setting("FIXED_DAYS", 30, "Days a \"you said, we fixed\" wall slide looks back over"),
    Setting("FIXED_MIN_RESOLVED", 3,
            "Complaints of a theme resolved in FIXED_DAYS before the wall shows it as fixed"),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}
_YES, _NO = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}
_LISTS = {"WIDGET_ORIGINS"}  # the TOML file may give these as a list


class SettingError(ValueError):
    """A setting has a value of the wrong kind; the message names the variable and the fix."""


def _coerce(name: str, raw: str, where: str | None = None) -> Any:
    """Environment values are strings; give them the type of the setting's default."""
    where = where or "KIOSK_" + name
    default = _DEFAULTS.get(name)
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() not in _YES | _NO:
            raise SettingError(f"{where} must be true or false (1/0, yes/no, on/off), "
                               f"not {_shown(raw)}")
        return text.lower() in _YES
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise SettingError(f"{where} must be a whole number, not {_shown(raw)}") from None
    if isinstance(default, float):
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise SettingError(f"{where} must be a number, not {_shown(raw)}")
        return value
    return raw


def _from_file(name: str, value: Any, path: str) -> Any:
    """A TOML value for a known setting, checked against the type of its default."""
    where = f"{name} in {path} (KIOSK_CONFIG)"
    default = _DEFAULTS[name]
    if isinstance(value, str) and not isinstance(default, str | type(None)):
        return _coerce(name, value, where)  # PORT = "8000" is meant as a number
    if isinstance(default, bool):
        ok, kind = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, kind = isinstance(value, int) and not isinstance(value, bool), "a whole number"
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and \
            math.isfinite(value)
        kind = "a number"
        value = float(value) if ok else value
    elif isinstance(default, dict):
        ok, kind = isinstance(value, dict), "a table"
    elif isinstance(default, list | tuple):
        ok, kind = isinstance(value, list), "a list"
    elif name in _LISTS:
        ok = isinstance(value, str) or (isinstance(value, list)
                                        and all(isinstance(v, str) for v in value))
        kind = "a string or a list of strings"
    else:
        ok, kind = isinstance(value, str), "a string (in quotes)"
    if not ok:
        raise SettingError(f"{where} must be {kind}, not {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _read_file(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise SettingError(f"KIOSK_CONFIG names {path}, which cannot be read: "
                           f"{exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingError(f"KIOSK_CONFIG file {path} is not valid TOML: {exc}") from None


def _check_timezone(values: dict[str, Any]) -> None:
    name = values.get("TIMEZONE")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        raise SettingError(f"TIMEZONE (KIOSK_TIMEZONE) must be an IANA time zone such as "
                           f"Europe/Istanbul, not {_shown(name)}") from None


def load_settings(overrides: dict[str, Any] | None = None,
                  materialise: bool = True) -> dict[str, Any]:
    """Defaults, then the TOML file named by KIOSK_CONFIG, then KIOSK_* env, then overrides.

    `materialise` creates the instance folder and secret key; commands that need neither
    (`kiosk analyze`) pass False and leave the disk alone.
    """
    values = dict(_DEFAULTS)
    path = os.environ.get("KIOSK_CONFIG")
    if path:
        for key, value in _read_file(path).items():
            name = key.upper()
            values[name] = _from_file(name, value, path) if name in _DEFAULTS else value
    for setting in SETTINGS:
        raw = os.environ.get("KIOSK_" + setting.name)
        if raw is not None:
            values[setting.name] = _coerce(setting.name, raw)
    values.update(overrides or {})
    _check_timezone(values)

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
