"""Fixtures: a fresh app and database per test, clients, factories, and a served app."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk import create_app, schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(tmp_path):
    url = f"sqlite:///{tmp_path / 'kiosk.db'}"
    schema.upgrade(url)
    app = create_app({
        "DATABASE_URL": url,
        "INSTANCE_DIR": str(tmp_path),
        "SECRET_KEY": "test-secret",
        "TESTING": True,
        "WTF_CSRF_ENABLED": True,
        "TIMEZONE": "Europe/Istanbul",
    })
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def admin_token(app):
    from kiosk import accounts

    accounts.create_user("ada", "correct-horse", "admin")
    return accounts.create_token("ada")


@pytest.fixture
def curator_token(app):
    from kiosk import accounts

    accounts.create_user("cem", "correct-horse", "curator")
    return accounts.create_token("cem")


@pytest.fixture
def webhook(app):
    from kiosk.sources.registry import add_source

    return add_source("survey", "webhook")


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
def make_item(app):
    """Store one item through the real ingest path; returns the Item."""
    from kiosk import db, ingest
    from kiosk.models import Item

    counter = iter(range(1, 10_000))

    def _make(text="Wonderful staff, thank you so much!", status=None, **fields):
        record = {"source": "test", "external_id": f"t{next(counter)}", "text": text,
                  "created_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
                  **fields}
        report = ingest.ingest([(1, record)])
        assert report.added, report.errors
        item = db.session().get(Item, report.added[0])
        if status:
            item.status = status
            db.session().commit()
        return item

    return _make


@pytest.fixture
def screen(app):
    from kiosk.screens import create_screen

    return create_screen("break-room", "default")


# --- a real server on a real port -------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """`kiosk serve` in a subprocess against its own database; CLI calls share the env."""

    def __init__(self, tmp_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
        self.env = {**env, "KIOSK_INSTANCE_DIR": str(tmp_path / "instance"),
                    "KIOSK_PORT": str(self.port), "KIOSK_SECRET_KEY": "served-secret"}
        self.kiosk = str(Path(sys.executable).with_name("kiosk"))
        self.proc: subprocess.Popen | None = None

    def cli(self, *args: str, input: str | None = None) -> str:
        done = subprocess.run([self.kiosk, *args], env=self.env, input=input,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    group = False  # True: its own process group, so killpg takes gunicorn's workers too

    def start(self) -> None:
        self.proc = subprocess.Popen([self.kiosk, "serve"], env=self.env,
                                     stdout=subprocess.DEVNULL if self.group else subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=self.group)
        deadline = time.monotonic() + 30
        import urllib.request

        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("kiosk serve did not become healthy")

    def stop(self) -> str:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.stdout.read().decode(errors="replace") if self.proc else ""

    def post_feedback(self, secret: str, payload) -> int:
        import urllib.error
        import urllib.request

        body = json.dumps(payload).encode()
        req = urllib.request.Request(self.url + "/api/v1/feedback", data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Kiosk-Signature": sign(secret, body)})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return json.load(r)
        except urllib.error.HTTPError as exc:
            raise AssertionError(exc.read().decode()) from exc

    def api(self, method: str, path: str, token: str, body=None):
        import urllib.request

        headers = {"Authorization": f"Bearer {token}"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        req = urllib.request.Request(self.url + path, method=method, headers=headers,
                                     data=data)
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.load(r)


@pytest.fixture
def served(tmp_path):
    """A served app with a webhook source, an admin token and one screen."""
    srv = Served(tmp_path)
    srv.cli("init")
    srv.secret = srv.cli("sources", "add", "shop", "--kind", "webhook")
    srv.cli("users", "create", "--username", "root", "--password", "s3cret-pass",
            "--role", "admin")
    srv.token = srv.cli("tokens", "create", "root")
    srv.display_url = srv.cli("screens", "create", "tv", "--channel", "lobby")
    srv.screen_token = srv.display_url.rsplit("/", 1)[1]
    srv.start()
    yield srv
    log = srv.stop()
    if "Traceback" in log:
        print(log)


# --- real Redis and PostgreSQL servers (scale-out tests) --------------------------------
# .ci/run starts both and exports KIOSK_TEST_REDIS_URL / KIOSK_TEST_POSTGRES_URL. Elsewhere a
# test that needs one is skipped when it is not there, but under CI=true it fails: a CI
# machine without the server must not pass by skipping.

def _service_url(variable: str, default: str, probe) -> str:
    url = os.environ.get(variable) or default
    try:
        probe(url)
    except Exception as exc:  # whatever the driver raises, the server is not usable
        why = f"no server at {variable}={url}: {type(exc).__name__}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(why + " (.ci/run should have started it)", pytrace=False)
        pytest.skip(why)
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis server for the Socket.IO message queue."""
    def probe(url):
        import redis

        with redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2) as r:
            r.ping()

    return _service_url("KIOSK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0", probe)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A PostgreSQL server whose role may create databases (one fresh database per test)."""
    def probe(url):
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()

    return _service_url("KIOSK_TEST_POSTGRES_URL",
                        "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk", probe)


def create_postgres_database(server_url: str) -> str:
    """A new, empty UTF-8 database on the server; its URL (`drop_postgres_database` ends it)."""
    import secrets

    import psycopg
    from sqlalchemy.engine import make_url

    name = f"kiosk_t_{secrets.token_hex(6)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        # template0 and an explicit encoding: Turkish text must not depend on how the
        # cluster happened to be initialised.
        try:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                         "LOCALE 'C.UTF-8'")
        except psycopg.Error:  # a server without that locale: the C one, still UTF-8
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                         "LC_COLLATE 'C' LC_CTYPE 'C'")
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    server = parsed.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(server, autocommit=True) as conn:
        for _ in range(50):
            try:
                conn.execute(f"DROP DATABASE IF EXISTS {parsed.database}")
                return
            except psycopg.errors.ObjectInUse:
                # A connection the test left open (a pool, a stopped server's last query).
                # Not WITH (FORCE): that also needs rights over autovacuum's backends.
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = %s AND usename = current_user "
                             "AND pid <> pg_backend_pid()", (parsed.database,))
                time.sleep(0.1)
        raise RuntimeError(f"could not drop the test database {parsed.database}")


@pytest.fixture
def postgres_database(postgres_url):
    """The URL of a fresh PostgreSQL database, dropped after the test."""
    url = create_postgres_database(postgres_url)
    yield url
    drop_postgres_database(url)
