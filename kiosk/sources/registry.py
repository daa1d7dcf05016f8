"""Configured sources: adding them and looking up webhook signing secrets."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from kiosk import db
from kiosk.models import Source

# Kinds that exist so far; each connector issue adds its own.
KINDS = {
    "webhook": "pushes signed JSON to POST /api/v1/feedback",
    "import": "CSV or JSON lines loaded with `kiosk import`",
}


class SourceError(ValueError):
    pass


def add_source(name: str, kind: str, settings: dict[str, str] | None = None) -> Source:
    if kind not in KINDS:
        raise SourceError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}")
    session = db.session()
    if session.scalar(select(Source).where(Source.name == name)):
        raise SourceError(f"source {name!r} exists")
    source = Source(name=name, kind=kind, settings=dict(settings or {}),
                    signing_secret=secrets.token_hex(32) if kind == "webhook" else None)
    session.add(source)
    session.commit()
    return source


def webhook_sources() -> list[Source]:
    return list(db.session().scalars(select(Source).where(Source.signing_secret.is_not(None))))


def list_sources() -> list[Source]:
    return list(db.session().scalars(select(Source).order_by(Source.name)))


def health(source: Source) -> str:
    failed_last = source.last_error and (
        not source.last_success
        or (source.last_error_at and source.last_error_at > source.last_success))
    if failed_last:
        return f"error: {source.last_error}"
    if source.last_success:
        return "ok"
    return "never run" if source.kind not in ("webhook", "import") else "ok"
