"""PostgreSQL as a first-class database: the same migrations, the real flows, the CLI, a server.

Every test gets a fresh database on the server (`postgres_database` in conftest.py) and the
`app` fixture below replaces conftest's SQLite one, so `client`, `make_item`, `screen` and
the token fixtures all run on PostgreSQL here. Skipped without a PostgreSQL server, except
under CI=true.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import psycopg
import pytest
import socketio
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from kiosk import create_app, db, ingest, scheduler, schema, stats
from kiosk.db import make_engine
from kiosk.models import Base, Channel, Decision, Item, JobRun, Setting, Source
from tests.conftest import Served

TURKISH = "Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler, İLGİLİ ve güler yüzlüydü!"


@pytest.fixture
def app(postgres_database, tmp_path):
    schema.upgrade(postgres_database)
    app = create_app({
        "DATABASE_URL": postgres_database,
        "INSTANCE_DIR": str(tmp_path),
        "SECRET_KEY": "test-secret",
        "TESTING": True,
        "WTF_CSRF_ENABLED": True,
        "TIMEZONE": "Europe/Istanbul",
    })
    with app.app_context():
        yield app
    app.extensions["kiosk.db"].session.remove()
    app.extensions["kiosk.db"].engine.dispose()


def _branches():
    from kiosk import roster

    roster.import_branches("name,city,aliases\nKadıköy,İstanbul,Kadikoy\n"
                           "Beşiktaş,İstanbul,Besiktas\n")


def _record(external_id: str, text_: str, created_at: str | None = None, **fields) -> dict:
    return {"source": "survey", "external_id": external_id, "text": text_,
            "created_at": created_at or datetime.now(UTC).isoformat(), **fields}


# --- schema -----------------------------------------------------------------------------

def test_the_migrations_build_exactly_the_models_and_go_down_again(postgres_database):
    schema.upgrade(postgres_database)
    engine = make_engine(postgres_database)
    try:
        with engine.connect() as conn:
            # PostgreSQL knows its column types, so unlike SQLite every difference counts.
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert conn.scalar(text("SELECT pg_encoding_to_char(encoding) FROM pg_database "
                                    "WHERE datname = current_database()")) == "UTF8"
        command.downgrade(schema.alembic_config(postgres_database), "base")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM information_schema.tables "
                                    "WHERE table_schema = 'public' "
                                    "AND table_name <> 'alembic_version'")) == 0
        schema.upgrade(postgres_database)
    finally:
        engine.dispose()


# --- ingest -----------------------------------------------------------------------------

def test_turkish_feedback_is_stored_as_sent_and_analysed_as_turkish(app):
    _branches()
    report = ingest.ingest([(1, _record("tr-1", TURKISH, author="ayşe yılmaz",
                                        branch="Kadıköy"))])
    assert report.added and not report.errors
    db.session().expire_all()
    item = db.session().get(Item, report.added[0])
    assert item.text == TURKISH and item.branch == "Kadıköy"
    assert item.analysis.lang == "tr" and item.analysis.label == "praise"
    assert item.analysis.display_author == "Ayşe Y."
    assert "Kadıköy" in item.analysis.branches
    # Found by its exact text, so nothing was transcoded on the way in.
    assert db.session().scalar(select(Item.id).where(Item.text == TURKISH)) == item.id


def test_duplicates_are_counted_not_stored_and_the_key_is_enforced(app):
    first = ingest.ingest([(1, _record("d-1", "Harika hizmet, teşekkürler")),
                           (2, _record("d-1", "Harika hizmet, teşekkürler"))])
    assert len(first.added) == 1 and first.duplicates == 1
    again = ingest.ingest([(1, _record("d-1", "Harika hizmet, teşekkürler")),
                           (2, _record("d-2", "Çok memnun kaldım"))])
    assert len(again.added) == 1 and again.duplicates == 1
    session = db.session()
    assert session.scalar(select(func.count()).select_from(Item)) == 2
    # The unique key lives in the database too, not only in ingest's check.
    with pytest.raises(IntegrityError):
        session.execute(insert(Item).values(
            source="survey", external_id="d-1", text="x", created_at=datetime.now(UTC),
            ingested_at=datetime.now(UTC), status="pending"))
    session.rollback()


# --- curation and live ------------------------------------------------------------------

def test_an_approval_through_the_api_is_stored_once_and_reaches_the_screen(
        app, client, curator_token, make_item, screen):
    from kiosk.extensions import socketio as server

    item = make_item("Pazar günü Kadıköy şubesi açık mı?")  # a question: waits for a person
    assert item.status == "pending"
    display = server.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert display.get_received("/live")[0]["name"] == "feed"
    headers = {"Authorization": f"Bearer {curator_token}"}
    for _ in range(2):  # idempotent
        response = client.post(f"/api/v1/items/{item.id}/approve", headers=headers)
        assert response.status_code == 200 and response.json["status"] == "approved"
    added = [m for m in display.get_received("/live") if m["name"] == "item_added"]
    assert [m["args"][0]["id"] for m in added] == [item.id]
    assert added[0]["args"][0]["item"]["text"] == "Pazar günü Kadıköy şubesi açık mı?"
    decisions = db.session().scalars(select(Decision).where(Decision.item_id == item.id))
    assert [(d.before, d.after, d.actor) for d in decisions] == [("pending", "approved", "cem")]
    listed = client.get("/api/v1/items?status=approved", headers=headers).json["items"]
    assert [i["id"] for i in listed] == [item.id]
    display.disconnect("/live")


# --- weekly numbers ---------------------------------------------------------------------

def test_weekly_stats_count_weeks_in_the_company_time_zone(app, make_item):
    """Istanbul is UTC+3: Monday 00:30 there is still Sunday in UTC, and belongs to the new
    week; Sunday 23:30 there belongs to the old one."""
    _branches()
    praise = "Personel çok ilgiliydi, teşekkür ederim."
    make_item(praise, created_at="2026-11-23T00:30:00+03:00", branch="Kadıköy")
    make_item(praise, created_at="2026-11-22T23:30:00+03:00", branch="Beşiktaş")
    make_item(praise, created_at="2026-11-17T09:00:00+03:00")  # Tuesday last week
    make_item("Kadıköy şubesindeki kasiyer çok yardımseverdi, teşekkürler!",
              created_at="2026-11-24T10:00:00+03:00")  # the branch only in the text
    make_item("Berbat, hiç memnun kalmadım.", created_at="2026-11-24T11:00:00+03:00")
    now = datetime.fromisoformat("2026-11-25T12:00:00+03:00")  # a Wednesday

    numbers = stats.weekly(now, "Europe/Istanbul")
    assert numbers["week_start"] == "2026-11-23"
    assert numbers["praise"] == 2 and numbers["praise_last_week_same_time"] == 1
    assert numbers["series"][-2:] == [2, 2] and sum(numbers["series"]) == 4
    assert {"branch": "Kadıköy", "count": 2} in numbers["top_branches"]

    kadikoy = stats.weekly(now, "Europe/Istanbul", ["Kadıköy"])
    assert kadikoy["praise"] == 2 and sum(kadikoy["series"]) == 2
    besiktas = stats.weekly(now, "Europe/Istanbul", ["Beşiktaş"])
    assert besiktas["praise"] == 0 and besiktas["series"][-2:] == [1, 0]


# --- scheduler --------------------------------------------------------------------------

def test_a_job_slot_is_claimed_once_even_by_racing_claimants(app):
    assert scheduler.claim("poll:1", "42") is not None
    assert scheduler.claim("poll:1", "42") is None
    assert scheduler.claim("poll:1", "43") is not None  # the session survived the refusal

    won, start = [], threading.Barrier(6)

    def claimant():
        with app.app_context():
            start.wait()
            won.append(scheduler.claim("close-day", "2026-11-24") is not None)

    threads = [threading.Thread(target=claimant) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(won) == [False] * 5 + [True]
    assert db.session().scalar(select(func.count()).select_from(JobRun)) == 3


# --- JSON columns -----------------------------------------------------------------------

def test_json_columns_round_trip_and_take_their_server_defaults(app):
    session = db.session()
    session.add(Channel(name="şube-ekranı", branches=["Kadıköy", "Beşiktaş"],
                        slide_mix={"praise": 6, "stats": 1},
                        display_hours={"start": "07:00", "end": "23:00", "outside": "dim"}))
    session.add(Setting(key="rules", value={"blocked_words": ["küfür"],
                                            "source_thresholds": {"anket": 0.6}}))
    session.commit()
    session.expire_all()
    channel = session.scalar(select(Channel).where(Channel.name == "şube-ekranı"))
    assert channel.branches == ["Kadıköy", "Beşiktaş"]
    assert channel.slide_mix == {"praise": 6, "stats": 1}
    assert channel.display_hours["outside"] == "dim" and channel.themes == []
    assert session.get(Setting, "rules").value["blocked_words"] == ["küfür"]
    # Columns added by a migration with a server default are filled in by PostgreSQL.
    session.execute(text("INSERT INTO sources (name, kind, settings, created_at, "
                         "items_fetched) VALUES ('eski', 'rss', '{}', now(), 0)"))
    source = session.scalar(select(Source).where(Source.name == "eski"))
    assert source.state == {} and source.enabled is True and source.failures == 0


# --- search -----------------------------------------------------------------------------

def test_the_archive_search_folds_turkish_case(app, client, make_item):
    make_item("Ayşe Hanım'a ve tüm İSTANBUL ekibine teşekkürler, harika hizmet!",
              status="approved")
    make_item("Great service at the airport, thank you!", status="approved")
    for query in ("ayse", "AYŞE", "istanbul", "İstanbul"):
        page = client.get("/archive", query_string={"q": query}).get_data(as_text=True)
        assert "Ayşe" in page and "airport" not in page, query
    assert "airport" in client.get("/archive", query_string={"q": "AIRPORT"}).get_data(
        as_text=True)


# --- the real commands and server -------------------------------------------------------

def test_init_demo_and_a_served_app_on_postgresql(postgres_database, tmp_path):
    srv = Served(tmp_path)
    srv.env["KIOSK_DATABASE_URL"] = postgres_database
    out = srv.cli("init", "--demo")
    assert "database ready: postgresql" in out and ":kiosk@" not in out  # no password shown
    assert "items loaded" in out
    assert "items loaded" not in srv.cli("init", "--demo")  # a second run changes nothing

    app = create_app({"DATABASE_URL": postgres_database, "SECRET_KEY": "x"})
    with app.app_context():
        from kiosk import accounts
        from kiosk.models import Screen

        stored = db.session().scalar(select(func.count()).select_from(Item))
        token = accounts.create_token("admin")
        screen_token = db.session().scalar(select(Screen.token).where(Screen.name == "lobby"))
    app.extensions["kiosk.db"].engine.dispose()
    assert stored > 100

    srv.start()
    try:
        health = srv.api("GET", "/healthz", token)
        assert health["status"] == "ok" and health["database"] == "ok"
        listed = srv.api("GET", "/api/v1/items?limit=500", token)
        assert len(listed["items"]) == stored and listed["next"] is None
        client = socketio.Client(reconnection=False)
        feeds = []
        client.on("feed", feeds.append, namespace="/live")
        client.connect(srv.url, namespaces=["/live"], auth={"screen": screen_token},
                       transports=["websocket"], wait_timeout=10)
        deadline = time.monotonic() + 5
        while not feeds and time.monotonic() < deadline:
            time.sleep(0.05)
        client.disconnect()
        assert feeds and feeds[0]["items"] and feeds[0]["stats"]["series"]

        # psycopg waits on its socket through gevent (it sees the worker's monkey-patching),
        # so a query stuck behind a lock holds up its own request, not the whole process.
        with psycopg.connect(postgres_database) as locker:
            locker.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE")
            stuck = threading.Thread(
                target=srv.api, args=("GET", "/api/v1/items?limit=1", token), daemon=True)
            stuck.start()
            time.sleep(0.3)
            asked = time.monotonic()
            assert srv.api("GET", "/healthz", token)["database"] == "ok"
            assert time.monotonic() - asked < 1.0 and stuck.is_alive()
        stuck.join(10)
        assert not stuck.is_alive()
    finally:
        log = srv.stop()
    assert "Traceback" not in log, log
