"""Engine and session per app; SQLite gets WAL and a busy timeout so readers never block writers."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3, the driver Kiosk installs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=15000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One per app; sessions are scoped to the thread (or greenlet under gevent)."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.session: scoped_session[Session] = scoped_session(
            sessionmaker(self.engine, expire_on_commit=False)
        )

    def init_app(self, app) -> None:
        app.extensions["kiosk.db"] = self
        app.teardown_appcontext(lambda _exc: self.session.remove())


def session() -> Session:
    """The current app's session for this thread or greenlet."""
    return current_app.extensions["kiosk.db"].session()


def engine() -> Engine:
    return current_app.extensions["kiosk.db"].engine
