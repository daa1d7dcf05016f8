"""Alembic environment: the URL comes from the caller (kiosk.schema), never from an ini file."""

from __future__ import annotations

from alembic import context

from kiosk.db import make_engine
from kiosk.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connectable = config.attributes.get("connection")
    if connectable is not None:
        _run(connectable)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


# Several web units start at once and each runs `kiosk init`: on PostgreSQL they take turns.
MIGRATION_LOCK = 0x6B696F736B  # "kiosk"


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":  # held until this transaction ends
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


run_migrations_online()
