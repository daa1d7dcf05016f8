"""The migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from kiosk import schema
from kiosk.models import Base
from tests.conftest import drop_postgres_database


def test_migrations_match_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    schema.upgrade(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # SQLite cannot tell some column types apart; any structural difference is a bug.
    structural = [d for d in diff if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert structural == []


POSTGRES = __import__("os").environ.get("KIOSK_TEST_POSTGRES_URL")


@pytest.mark.skipif(not POSTGRES and __import__("os").environ.get("CI") != "true",
                    reason="KIOSK_TEST_POSTGRES_URL not set")
def test_web_units_starting_together_migrate_postgresql_once(tmp_path):
    """Each kiosk-web@PORT unit runs `kiosk init` as it starts; on PostgreSQL they take turns
    on an advisory lock instead of racing to create the same tables."""
    import os
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    import psycopg

    name = f"kiosk_init_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES.rsplit("/", 1)[0] + "/" + name
    env = {**os.environ, "KIOSK_DATABASE_URL": url, "KIOSK_SECRET_KEY": "x",
           "KIOSK_INSTANCE_DIR": str(tmp_path)}
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    try:
        runs = [subprocess.Popen([kiosk, "init"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT) for _ in range(4)]
        outputs = [run.communicate(timeout=120)[0].decode() for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0, 0], outputs
    finally:
        drop_postgres_database(url)
