"""Configured sources: adding them, their kinds, health in words, webhook secrets."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import select

from kiosk import db
from kiosk.models import Source
from kiosk.sources import CONNECTORS
from kiosk.sources.base import ConfigError, Connector, validate

# Kinds that push rather than poll.
PUSHED = {
    "webhook": "pushes signed JSON to POST /api/v1/feedback",
    "import": "CSV or JSON lines loaded with kiosk import or the console upload",
}


class SourceError(ValueError):
    pass


def kinds() -> dict[str, str]:
    return {**PUSHED, **{kind: c.title for kind, c in CONNECTORS.items()}}


def connector_class(kind: str) -> type[Connector] | None:
    return CONNECTORS.get(kind)


def add_source(name: str, kind: str, settings: dict[str, str] | None = None) -> Source:
    known = kinds()
    if kind not in known:
        raise SourceError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(known))}")
    name = name.strip()
    if not name or len(name) > 100:
        raise SourceError("a source needs a name of 1–100 characters")
    settings = dict(settings or {})
    cls = connector_class(kind)
    if cls:
        try:
            settings = validate(cls, settings)
        except ConfigError as exc:
            raise SourceError(str(exc)) from None
    elif kind == "webhook":
        unknown = sorted(set(settings) - {"require_timestamp", "branch"})
        if unknown:
            raise SourceError(f"unknown setting {unknown[0]!r} for kind webhook; "
                              "known: require_timestamp, branch")
    session = db.session()
    if session.scalar(select(Source).where(Source.name == name)):
        raise SourceError(f"source {name!r} exists")
    source = Source(name=name, kind=kind, settings=settings, state={},
                    signing_secret=secrets.token_hex(32) if kind == "webhook" else None)
    session.add(source)
    session.commit()
    return source


def webhook_sources() -> list[Source]:
    return list(db.session().scalars(select(Source).where(Source.signing_secret.is_not(None))))


def list_sources() -> list[Source]:
    return list(db.session().scalars(select(Source).order_by(Source.name)))


def polled_sources() -> list[Source]:
    return [s for s in list_sources() if s.kind in CONNECTORS and s.enabled]


def get_source(name: str) -> Source:
    source = db.session().scalar(select(Source).where(Source.name == name))
    if source is None:
        raise SourceError(f"no source named {name!r}")
    return source


def is_healthy(source: Source) -> bool:
    return not _failed_last(source)


def _failed_last(source: Source) -> bool:
    return bool(source.last_error) and (
        not source.last_success
        or (source.last_error_at is not None and source.last_error_at > source.last_success))


def health(source: Source) -> str:
    """In words, for `sources list` and the console: ok, never run, error: …"""
    if _failed_last(source):
        text = f"error: {source.last_error}"
        if source.failures > 1:
            text += f" ({source.failures} failures in a row)"
        return text
    if source.kind in PUSHED:
        return "ok"
    if not source.enabled:
        return "paused"
    if source.retry_at and source.retry_at > datetime.now(UTC):
        return f"waiting: rate-limited until {source.retry_at:%Y-%m-%d %H:%M} UTC"
    return "ok" if source.last_success else "never run"
