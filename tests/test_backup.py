"""`kiosk backup` / `kiosk restore`: everything comes back, and a backup taken under load is
consistent."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import create_engine, select, text

from kiosk import backup, create_app, curation, db
from kiosk.models import Base, Decision, Item
from tests.conftest import drop_postgres_database


def dump(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*pk))]
    engine.dispose()
    return out


def test_a_backup_restores_every_row(app, tmp_path, make_item, admin_token, screen):
    make_item("Ayşe Hanım'a çok teşekkürler! 🙏", status="approved", branch="Kadıköy")
    make_item("Soğuk kahve, berbat.")
    source_url = app.config["DATABASE_URL"]
    file = tmp_path / "kiosk.backup.gz"
    counts = backup.backup(source_url, file)
    assert counts["items"] == 2 and counts["users"] == 1 and counts["screens"] == 1
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = backup.restore(target, file)
    assert restored == {k: v for k, v in counts.items() if v}
    assert dump(target) == dump(source_url)


def test_restore_refuses_a_database_that_has_data(app, tmp_path, make_item):
    make_item()
    file = tmp_path / "b.gz"
    backup.backup(app.config["DATABASE_URL"], file)
    with pytest.raises(backup.BackupError, match="empty database"):
        backup.restore(app.config["DATABASE_URL"], file)
    (tmp_path / "junk.gz").write_bytes(b"not gzip")
    with pytest.raises(backup.BackupError, match="not a Kiosk backup"):
        backup.restore(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "junk.gz")


def test_a_backup_taken_while_curators_approve_is_consistent(app, tmp_path, make_item):
    """Each approval commits the status, its Decision and its audit row together; a backup
    must hold all three or none, however the writes interleave with it."""
    ids = [make_item(f"Harika hizmet, teşekkürler {n}!", status="pending").id
           for n in range(300)]
    url = app.config["DATABASE_URL"]
    stop = threading.Event()

    def approve_all():
        writer = create_app({"DATABASE_URL": url, "SECRET_KEY": "x",
                             "INSTANCE_DIR": str(tmp_path)})
        with writer.app_context():
            for item_id in ids:
                if stop.is_set():
                    return
                curation.approve_item(item_id, "cem")

    thread = threading.Thread(target=approve_all)
    thread.start()
    files = []
    try:
        for n in range(5):
            files.append(tmp_path / f"live-{n}.gz")
            backup.backup(url, files[-1])
    finally:
        stop.set()
        thread.join()
    for n, file in enumerate(files):
        target = f"sqlite:///{tmp_path / f'restored-{n}.db'}"
        backup.restore(target, file)
        engine = create_engine(target)
        with engine.connect() as conn:
            approved = {r[0] for r in conn.execute(
                select(Item.id).where(Item.status == "approved"))}
            decided = {r[0] for r in conn.execute(
                select(Decision.item_id).where(Decision.after == "approved"))}
            audited = conn.scalar(text(
                "SELECT count(*) FROM audit_log WHERE action = 'item.approved'"))
        engine.dispose()
        assert approved == decided and audited == len(approved)


def test_the_commands_round_trip(tmp_path, monkeypatch, make_item, app):
    from click.testing import CliRunner

    from kiosk.cli import main

    make_item("Çok teşekkürler!", status="approved")
    file = tmp_path / "cli.gz"
    monkeypatch.setenv("KIOSK_DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("KIOSK_SECRET_KEY", "x")
    done = CliRunner().invoke(main, ["backup", str(file)])
    assert done.exit_code == 0 and "backed up" in done.output
    target = f"sqlite:///{tmp_path / 'cli-restored.db'}"
    monkeypatch.setenv("KIOSK_DATABASE_URL", target)
    done = CliRunner().invoke(main, ["restore", str(file)])
    assert done.exit_code == 0, done.output
    assert dump(target)["items"] == dump(app.config["DATABASE_URL"])["items"]
    done = CliRunner().invoke(main, ["restore", str(file)])
    assert done.exit_code == 1 and "empty database" in done.output


POSTGRES = os.environ.get("KIOSK_TEST_POSTGRES_URL")


@pytest.mark.skipif(not POSTGRES and os.environ.get("CI") != "true",
                    reason="KIOSK_TEST_POSTGRES_URL not set")
def test_a_sqlite_backup_restores_into_postgresql(app, tmp_path, make_item):
    import uuid

    import psycopg

    make_item("Ayşe Hanım'a çok teşekkürler! 🙏", status="approved")
    file = tmp_path / "to-pg.gz"
    backup.backup(app.config["DATABASE_URL"], file)
    name = f"kiosk_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    target = POSTGRES.rsplit("/", 1)[0] + "/" + name
    try:
        backup.restore(target, file)
        pg = create_app({"DATABASE_URL": target, "SECRET_KEY": "x",
                         "INSTANCE_DIR": str(tmp_path)})
        with pg.app_context():
            (item,) = db.session().scalars(select(Item)).all()
            assert item.text == "Ayşe Hanım'a çok teşekkürler! 🙏"
            assert item.created_at.tzinfo is not None
            # Sequences continue after the restored ids.
            from kiosk import ingest

            report = ingest.ingest([(1, {"source": "t", "external_id": "new",
                                         "text": "Teşekkürler"})])
            assert report.added and report.added[0] > item.id
        pg.extensions["kiosk.db"].engine.dispose()
    finally:
        drop_postgres_database(target)
