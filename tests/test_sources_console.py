"""The console's sources page through the Flask test client: health in words, run now
against a local feed server, pause and resume, and uploads answered with progress lines."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from flask_babel import refresh
from sqlalchemy import select

from kiosk import accounts, db
from kiosk.models import AuditEntry, Item, Source
from kiosk.sources import registry
from tests.sources.conftest import Provider, Reply

NOW = datetime.now(UTC)
RFC822 = {"recent1": format_datetime(NOW - timedelta(hours=3)),
          "recent2": format_datetime(NOW - timedelta(hours=5))}


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, username: str) -> None:
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    response = client.post("/admin/login", data={"username": username,
                                                 "password": "correct-horse",
                                                 "csrf_token": token})
    assert response.status_code == 302


@pytest.fixture
def admin(app, client):
    accounts.create_user("ada", "correct-horse", "admin")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(client, "ada")
    refresh()  # the fixture's app context outlives requests: forget the cached locale
    return client


@pytest.fixture
def curator(app, client):
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem")
    return client


@pytest.fixture
def provider():
    p = Provider()
    yield p
    p.close()


@pytest.fixture
def quick(app):
    app.config.update(SOURCE_TIMEOUT=1.0, SOURCE_RETRIES=1, SOURCE_BACKOFF=0.05,
                      SOURCE_MAX_WAIT=2.0)
    return app


def page_of(client) -> str:
    response = client.get("/admin/sources")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def row(page: str, name: str) -> str:
    match = re.search(rf'<tr data-source="{re.escape(name)}".*?</tr>', page, re.S)
    assert match, f"no row for {name}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0)))


def post(client, path: str, **data):
    token = csrf_of(page_of(client))
    return client.post(path, data={"csrf_token": token, **data})


def flashes(page: str) -> list[str]:
    return [re.sub(r"\s+", " ", m) for m in re.findall(r'class="flash[^"]*"[^>]*>(.*?)</p>',
                                                       page, re.S)]


def audits(action: str) -> list[AuditEntry]:
    return list(db.session().scalars(select(AuditEntry).where(AuditEntry.action == action)))


# --- the page --------------------------------------------------------------------------

def test_visitors_sign_in_and_curators_are_refused(client, app):
    assert "/admin/login" in client.get("/admin/sources").headers["Location"]
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem")
    assert client.get("/admin/sources").status_code == 403
    token = csrf_of(client.get("/admin/").get_data(as_text=True))
    source = registry.add_source("blog", "rss", {"url": "http://127.0.0.1:9/feed"})
    for path in (f"/admin/sources/{source.id}/run", f"/admin/sources/{source.id}/pause",
                 "/admin/sources/upload"):
        assert client.post(path, data={"csrf_token": token}).status_code == 403
    assert db.session().get(Source, source.id).last_run_at is None


def test_every_source_with_its_health_in_words(admin):
    registry.add_source("fresh-blog", "rss", {"url": "https://blog.example.com/f"})
    broken = registry.add_source("broken-blog", "rss", {"url": "https://x.example.com/f",
                                                        "interval": "30"})
    broken.last_success = NOW - timedelta(days=2)
    broken.last_error, broken.last_error_at = "HTTP 500 from x.example.com", NOW
    broken.failures, broken.items_fetched = 3, 41
    broken.last_run_at = NOW - timedelta(minutes=10)
    broken.retry_at = NOW + timedelta(minutes=45)  # later than the interval after the run
    waiting = registry.add_source("busy-blog", "rss", {"url": "https://y.example.com/f"})
    waiting.last_success, waiting.retry_at = NOW - timedelta(hours=1), NOW + timedelta(hours=2)
    paused = registry.add_source("quiet-blog", "rss", {"url": "https://z.example.com/f"})
    paused.enabled = False
    webhook = registry.add_source("survey", "webhook")
    db.session().commit()

    page = page_of(admin)
    assert "error: HTTP 500 from x.example.com (3 failures in a row)" in row(page,
                                                                              "broken-blog")
    assert 'data-state="error"' in page and "source--error" in page
    assert "never run" in row(page, "fresh-blog") and "due now" in row(page, "fresh-blog")
    assert "waiting: rate-limited until" in row(page, "busy-blog")
    assert "paused" in row(page, "quiet-blog") and "Resume" in row(page, "quiet-blog")
    assert "ok" in row(page, "survey") and "pushed" in row(page, "survey")
    assert "Run now" not in row(page, "survey")
    assert webhook.signing_secret not in page
    broken_row = row(page, "broken-blog")
    assert " 41 " in broken_row and "30 min" in broken_row
    # next poll: not the interval after the last run, but after the backoff
    assert (broken.retry_at.strftime("%Y-%m-%d %H:%M")) in broken_row
    assert broken.last_error_at.strftime("%Y-%m-%d %H:%M") in broken_row
    assert "Run now" in broken_row and "Pause" in broken_row
    assert "/admin/sources" in page and 'aria-current="page"' in page  # in the nav


def secret_field() -> tuple[str, str]:
    """(kind, setting) of a connector that takes a secret, or skip."""
    for kind, cls in registry.CONNECTORS.items():
        for f in cls.schema():
            if f.secret:
                return kind, f.name
    pytest.skip("no connector with a secret setting yet")


def test_secrets_show_as_their_reference_never_resolved(admin, monkeypatch):
    kind, secret = secret_field()
    monkeypatch.setenv("API_TOKEN", "s3cr3t-value")
    db.session().add(Source(name="social", kind=kind, state={},
                            settings={secret: "env:API_TOKEN", "interval": "15"}))
    db.session().commit()
    page = page_of(admin)
    assert "s3cr3t-value" not in page
    assert "env:API_TOKEN" in row(page, "social") and "15 min" in row(page, "social")


def test_a_stored_clear_text_secret_is_hidden(admin):
    """Defence in depth: a setting that slipped past validation is not shown either."""
    kind, secret = secret_field()
    db.session().add(Source(name="legacy", kind=kind, settings={secret: "clear-text-1"},
                            state={}))
    db.session().commit()
    page = page_of(admin)
    assert "clear-text-1" not in page and "••••••" in row(page, "legacy")


# --- run now ---------------------------------------------------------------------------

def test_run_now_polls_the_feed_and_says_what_came_in(admin, provider, quick):
    provider.route("/feed.rss", provider.payload("rss/reviews.rss", **RFC822))
    source = registry.add_source("reviews", "rss", {"url": provider.url + "/feed.rss"})
    response = post(admin, f"/admin/sources/{source.id}/run")
    assert response.status_code == 302
    page = page_of(admin)
    assert "reviews: 2 new, 0 duplicates, 0 rejected" in flashes(page)
    assert len(provider.hits("/feed.rss")) == 1
    assert {i.external_id for i in db.session().scalars(
        select(Item).where(Item.source == "reviews"))} == {"review-100", "review-101"}
    assert "ok" in row(page, "reviews") and " 2 " in row(page, "reviews")

    post(admin, f"/admin/sources/{source.id}/run")
    assert "reviews: 0 new, 0 duplicates, 0 rejected" in flashes(page_of(admin))
    entry = audits("source.run")[-1]
    assert entry.actor == "ada" and entry.target == f"source:{source.id}"
    assert entry.after["new"] == 0 and entry.after["error"] is None
    assert len(audits("source.run")) == 2


def test_run_now_says_why_a_source_failed(admin, provider, quick, monkeypatch):
    monkeypatch.setenv("FEED_KEY", "hunter2")
    provider.route("/feed.rss", Reply(500, "oops"))
    source = registry.add_source("flaky", "rss", {"url": provider.url + "/feed.rss"})
    post(admin, f"/admin/sources/{source.id}/run")
    page = page_of(admin)
    message = flashes(page)[0]
    assert message.startswith("flaky failed: ") and "500" in message
    assert 'class="flash flash--error"' in page
    assert "error: " in row(page, "flaky") and "500" in row(page, "flaky")
    entry = audits("source.run")[-1]
    assert "500" in entry.after["error"]
    assert "url" not in json.dumps(entry.after)  # counts and the error, not the settings


def test_run_now_keeps_what_came_in_before_an_error(admin, provider, quick):
    provider.route("/comments.atom", provider.payload(
        "rss/page1.atom", recent1=(NOW - timedelta(hours=3)).isoformat()))
    provider.route("/comments-2.atom", Reply(500, "down"))
    source = registry.add_source("blog", "rss", {"url": provider.url + "/comments.atom"})
    post(admin, f"/admin/sources/{source.id}/run")
    message = flashes(page_of(admin))[0]
    assert message.startswith("blog: 1 new, 0 duplicates, 0 rejected; stopped by an error:")
    assert db.session().scalar(select(Item.external_id).where(Item.source == "blog")) == \
        "urn:acme:comment:2"


def test_run_now_needs_the_csrf_token(admin, provider):
    source = registry.add_source("reviews", "rss", {"url": provider.url + "/feed.rss"})
    assert admin.post(f"/admin/sources/{source.id}/run").status_code == 400
    assert admin.post(f"/admin/sources/{source.id}/pause").status_code == 400
    assert provider.requests == [] and not audits("source.run")
    assert db.session().get(Source, source.id).enabled


def test_pushed_sources_cannot_be_run(admin):
    source = registry.add_source("survey", "webhook")
    post(admin, f"/admin/sources/{source.id}/run")
    assert any("survey is not polled" in f for f in flashes(page_of(admin)))
    assert post(admin, "/admin/sources/999/run").status_code == 404


def test_pause_and_resume_are_audited(admin):
    source = registry.add_source("blog", "rss", {"url": "https://blog.example.com/f"})
    post(admin, f"/admin/sources/{source.id}/pause")
    db.session().expire_all()
    assert db.session().get(Source, source.id).enabled is False
    assert registry.polled_sources() == []
    page = page_of(admin)
    assert "blog paused" in flashes(page)[0] and "paused" in row(page, "blog")
    post(admin, f"/admin/sources/{source.id}/resume")
    db.session().expire_all()
    assert db.session().get(Source, source.id).enabled is True
    assert [(e.before, e.after) for e in audits("source.pause")] == [
        ({"enabled": True}, {"enabled": False})]
    assert [(e.before, e.after) for e in audits("source.resume")] == [
        ({"enabled": False}, {"enabled": True})]


# --- upload ----------------------------------------------------------------------------

def csv_rows(n: int, broken: tuple[int, ...] = ()) -> bytes:
    lines = ["external_id,text,rating,created_at"]
    for i in range(1, n + 1):
        when = (NOW - timedelta(hours=i)).isoformat()
        rating = "eleven" if i in broken else "5"
        lines.append(f"u{i},Thank you for the friendly help at the till number {i},"
                     f"{rating},{when}")
    return ("\n".join(lines) + "\n").encode()


def upload(client, data: bytes, filename: str, source: str | None = None, token=True):
    import io

    headers = {"X-CSRFToken": csrf_of(page_of(client))} if token else {}
    form = {"file": (io.BytesIO(data), filename)}
    if source is not None:
        form["source"] = source
    return client.post("/admin/sources/upload", data=form, headers=headers,
                       content_type="multipart/form-data", buffered=False)


def lines_of(response) -> list[dict]:
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def test_upload_streams_progress_per_batch_and_stores_the_good_rows(admin):
    response = upload(admin, csv_rows(450, broken=(7, 301)), "reviews.csv")
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    lines = lines_of(response)
    assert [line["done"] for line in lines] == [0, 200, 400, 450, 450]
    assert all(line["total"] == 450 for line in lines)
    assert lines[1]["added"] == 199 and lines[1]["errors"] == 1
    final = lines[-1]
    assert final["final"] is True and final["error"] is None
    assert (final["added"], final["duplicates"], final["errors"]) == (448, 0, 2)
    # line numbers count the header: data row 7 is line 8 of the file
    assert [e["line"] for e in final["first_errors"]] == [8, 302]
    assert "rating" in final["first_errors"][0]["error"]
    stored = db.session().scalars(select(Item.external_id).where(Item.source == "upload"))
    assert len(set(stored)) == 448
    source = registry.get_source("upload")
    assert source.kind == "import" and source.items_fetched == 450
    assert registry.health(source) == "ok"
    entry = audits("source.upload")[-1]
    assert entry.actor == "ada" and entry.target == f"source:{source.id}"
    assert entry.after["file"] == "reviews.csv" and entry.after["added"] == 448
    assert entry.after["errors"] == 2


def test_uploading_again_counts_duplicates_into_a_named_source(admin):
    data = b'{"external_id": "j1", "text": "Lovely people at the bakery counter"}\n' \
           b'{"external_id": "j2", "text": broken}\n' \
           b'{"external_id": "j3", "text": "Quick and kind at the pharmacy desk"}\n'
    first = lines_of(upload(admin, data, "export.jsonl", source="survey-2025"))[-1]
    assert (first["added"], first["errors"]) == (2, 1)
    assert first["first_errors"][0]["line"] == 2
    again = lines_of(upload(admin, data, "export.jsonl", source="survey-2025"))[-1]
    assert (again["added"], again["duplicates"], again["errors"]) == (0, 2, 1)
    assert {i.source for i in db.session().scalars(select(Item))} == {"survey-2025"}
    assert registry.get_source("survey-2025").items_fetched == 6


def test_rows_the_rules_reject_are_counted(admin):
    from kiosk import rules

    rules.save_rules(rules.Rules.from_json({"blocked_words": ["scam"]}), "ada")
    data = b"external_id,text\nr1,What a scam this shop is\nr2,Lovely help at the deli\n"
    final = lines_of(upload(admin, data, "mixed.csv"))[-1]
    assert (final["added"], final["rejected"]) == (2, 1)


def test_only_the_first_twenty_bad_lines_are_listed(admin):
    data = b"external_id,text\n" + b"".join(f"b{i},\n".encode() for i in range(30))
    final = lines_of(upload(admin, data, "empty-texts.csv"))[-1]
    assert final["errors"] == 30 and len(final["first_errors"]) == 20
    assert final["added"] == 0


def test_upload_needs_the_csrf_token_and_a_file(admin):
    assert upload(admin, csv_rows(3), "a.csv", token=False).status_code == 400
    assert db.session().scalar(select(Item.id)) is None
    token = csrf_of(page_of(admin))
    response = admin.post("/admin/sources/upload", headers={"X-CSRFToken": token},
                          data={"source": "x"}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a CSV" in response.json["error"]


def test_a_file_over_the_limit_is_refused_in_words(admin, app):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    response = upload(admin, csv_rows(200), "big.csv")
    assert response.status_code == 413
    assert response.json["error"] == "The file is larger than the limit of 4 KB."
    assert db.session().scalar(select(Item.id)) is None


def test_the_page_escapes_what_it_shows(admin):
    source = registry.add_source("<b>odd</b>", "rss", {"url": "https://e.example/f"})
    source.last_error, source.last_error_at = '<img src=x onerror="alert(1)">', NOW
    db.session().commit()
    page = page_of(admin)
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "<b>odd</b>" not in page


def test_the_page_speaks_turkish(app, client):
    accounts.create_user("ada", "correct-horse", "admin")
    sign_in(client, "ada")
    broken = registry.add_source("blog", "rss", {"url": "https://e.example/f"})
    broken.last_error, broken.last_error_at = "HTTP 500", NOW
    db.session().commit()
    refresh()
    page = client.get("/admin/sources", headers={"Accept-Language": "tr"}).get_data(
        as_text=True)
    assert "Şimdi çalıştır" in page and "hata:" in row(page, "blog")
