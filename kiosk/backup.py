"""`kiosk backup` / `kiosk restore`: a consistent, database-neutral copy of everything.

One gzip'd JSON-lines file: a header (format, Alembic revision, time, row counts), then every
row of every table in foreign-key order. The rows are read from one snapshot — SQLite's
online backup API copies the file under a single read lock, PostgreSQL reads in one
REPEATABLE READ transaction — so a backup taken while curators approve items holds all of
an approval or none of it. Being plain rows, a SQLite backup restores into PostgreSQL.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.migration import MigrationContext
from sqlalchemy import Boolean, DateTime, Integer, MetaData, Table, func, inspect, select, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.types import TypeDecorator

from kiosk.db import make_engine, normalise_url
from kiosk.models import Base
from kiosk.schema import alembic_config

FORMAT = "kiosk-backup/1"
CHUNK = 1000


class BackupError(Exception):
    pass


def backup(url: str, path: Path) -> dict[str, int]:
    """Write the database at `url` to `path` (atomically); returns rows per table."""
    counts: dict[str, int] = {}
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    with _snapshot(url) as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        if revision is None:
            raise BackupError("the database has no Kiosk schema (run `kiosk init`)")
        with gzip.open(tmp, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"format": FORMAT, "revision": revision,
                                  "created_at": datetime.now(UTC).isoformat()}) + "\n")
            for table in Base.metadata.sorted_tables:
                n = 0
                for row in conn.execute(select(table)).mappings():
                    out.write(json.dumps({"t": table.name, "r": _encode(row)},
                                         ensure_ascii=False) + "\n")
                    n += 1
                counts[table.name] = n
    os.replace(tmp, path)
    return counts


@contextmanager
def _snapshot(url: str) -> Iterator[Connection]:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        source = make_url(url).database
        if not source or not Path(source).exists():
            raise BackupError(f"no SQLite database at {source!r}")
        with tempfile.TemporaryDirectory(prefix="kiosk-backup-") as tmp:
            copy = Path(tmp) / "snapshot.db"
            src, dst = sqlite3.connect(source, timeout=30), sqlite3.connect(copy)
            try:
                src.backup(dst)  # all pages in one step: one consistent read
            finally:
                src.close()
                dst.close()
            engine = make_engine(f"sqlite:///{copy}")
            try:
                with engine.connect() as conn:
                    yield conn
            finally:
                engine.dispose()
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn
    finally:
        engine.dispose()


def _encode(row) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}


def restore(url: str, path: Path) -> dict[str, int]:
    """Load a backup into an empty database at `url`, then bring it to the newest schema."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            header = json.loads(fh.readline())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} is not a Kiosk backup: {exc}") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Kiosk backup ({FORMAT})")
    cfg = alembic_config(url)
    command.upgrade(cfg, header["revision"])  # the schema the rows were written for
    engine = make_engine(url)
    counts: dict[str, int] = {}
    try:
        with engine.begin() as conn:
            busy = [t.name for t in Base.metadata.sorted_tables
                    if t.name in _tables(conn) and conn.scalar(select(func.count())
                                                               .select_from(t))]
            if busy:
                raise BackupError("restore needs an empty database; this one has rows in "
                                  + ", ".join(busy[:5]))
            # Insert into the tables as they are at the backup's revision (reflected), with
            # values typed by today's models.
            models = {t.name: t for t in Base.metadata.sorted_tables}
            tables = {name: Table(name, MetaData(), autoload_with=conn)
                      for name in models if name in _tables(conn)}
            batch: list[dict] = []
            current = None
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                fh.readline()
                for number, line in enumerate(fh, start=2):
                    try:
                        record = json.loads(line)
                        table = tables[record["t"]]
                    except (ValueError, KeyError, TypeError):
                        raise BackupError(f"{path}:{number}: unreadable row") from None
                    if table is not current and batch:
                        conn.execute(current.insert(), batch)
                        batch = []
                    current = table
                    batch.append(_decode(table, models.get(table.name), record["r"]))
                    counts[table.name] = counts.get(table.name, 0) + 1
                    if len(batch) >= CHUNK:
                        conn.execute(table.insert(), batch)
                        batch = []
            if batch:
                conn.execute(current.insert(), batch)
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    finally:
        engine.dispose()
    command.upgrade(cfg, "head")
    return counts


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


def _decode(table: Table, model: Table | None, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in row.items():
        if name not in table.c:
            continue  # a column this schema does not have
        column = model.c.get(name) if model is not None else None
        kind = column.type if column is not None else table.c[name].type
        kind = kind.impl if isinstance(kind, TypeDecorator) else kind
        if value is not None and isinstance(kind, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Boolean):
            value = bool(value)
        out[name] = value
    return out


def _reset_sequences(conn: Connection) -> None:
    """Rows came with their ids; PostgreSQL's sequences must continue after them."""
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and isinstance(table.c.id.type, Integer):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
