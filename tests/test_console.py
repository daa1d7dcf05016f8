"""The admin console through the Flask test client: access, CSRF, rules, screens, audit."""

import re

import pytest

from kiosk import accounts, db
from kiosk.extensions import socketio
from kiosk.models import AuditEntry, Screen

ADMIN_PAGES = ["/admin/screens", "/admin/rules", "/admin/roster", "/admin/themes",
               "/admin/audit", "/admin/users", "/admin/audit.csv", "/admin/roster.csv"]


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, username, password):
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    response = client.post("/admin/login", data={"username": username, "password": password,
                                                 "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)


@pytest.fixture
def admin(app, client):
    accounts.create_user("ada", "correct-horse", "admin")
    sign_in(client, "ada", "correct-horse")
    return client


@pytest.fixture
def curator(app, client):
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem", "correct-horse")
    return client


@pytest.mark.parametrize("path", ["/admin/", "/admin/announcements"] + ADMIN_PAGES)
def test_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/admin/login" in response.headers["Location"]


@pytest.mark.parametrize("method, path", [
    ("GET", "/api/v1/items"), ("POST", "/api/v1/items/1/approve"), ("GET", "/api/v1/rules"),
    ("PUT", "/api/v1/rules"), ("GET", "/api/v1/screens"), ("POST", "/api/v1/screens"),
    ("GET", "/api/v1/audit"), ("POST", "/api/v1/announcements"), ("PATCH", "/api/v1/items/1"),
    ("POST", "/api/v1/items/bulk"), ("GET", "/api/v1/users"), ("PUT", "/api/v1/roster.csv"),
])
def test_admin_api_refuses_visitors(client, method, path):
    assert client.open(path, method=method).status_code == 401


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_curators_cannot_reach_admin_pages(curator, path):
    assert curator.get(path).status_code == 403


def test_curators_have_the_queue_and_announcements(curator, make_item):
    make_item("Is the store open on Sunday?")
    page = curator.get("/admin/").get_data(as_text=True)
    assert "Is the store open on Sunday?" in page
    assert curator.get("/admin/announcements").status_code == 200


def test_a_form_post_without_the_csrf_token_is_refused(admin):
    response = admin.post("/admin/screens", data={"name": "sneaky"})
    assert response.status_code == 400
    assert db.session().query(Screen).count() == 0


def test_the_queue_escapes_customer_text(admin, make_item):
    make_item('<img src=x onerror="alert(1)"> nice')
    page = admin.get("/admin/").get_data(as_text=True)
    assert '<img src=x' not in page and "&lt;img src=x" in page


def test_failed_sign_ins_are_rate_limited(app, client):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    accounts.create_user("ada", "correct-horse", "admin")
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))

    def attempt(password):
        return client.post("/admin/login", data={"username": "ada", "password": password,
                                                 "csrf_token": token}).status_code

    assert [attempt("correct-horse") for _ in range(4)] == [302] * 4  # success is free
    assert [attempt("guess") for _ in range(4)] == [401, 401, 401, 429]


@pytest.mark.parametrize("proxies,other_client_code", [(1, 401), (0, 429)])
def test_behind_a_trusted_proxy_each_client_has_its_own_limit(app, proxies, other_client_code):
    """Behind nginx every request comes from 127.0.0.1; with KIOSK_TRUSTED_PROXIES=1 the
    limit counts the client nginx names. Without it the header is not believed (spoofable)."""
    from kiosk import create_app

    proxied = create_app({**app.config, "TRUSTED_PROXIES": proxies,
                          "LOGIN_RATE_LIMIT": "2 per minute"})
    client = proxied.test_client()
    with proxied.app_context():
        accounts.create_user("bob", "correct-horse", "admin")
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))

    def attempt(forwarded_for):
        return client.post("/admin/login", data={"username": "bob", "password": "guess",
                                                 "csrf_token": token},
                           headers={"X-Forwarded-For": forwarded_for}).status_code

    assert [attempt("203.0.113.5") for _ in range(3)] == [401, 401, 429]
    assert attempt("198.51.100.7") == other_client_code


def test_create_screen_shows_url_and_qr_and_is_audited(admin):
    page = admin.get("/admin/screens").get_data(as_text=True)
    response = admin.post("/admin/screens", data={"name": "kadikoy-tv", "channel": "kadikoy",
                                                  "csrf_token": csrf_of(page)})
    html = response.get_data(as_text=True)
    screen = db.session().query(Screen).one()
    assert f"/display/{screen.token}" in html and "data:image/svg+xml" in html
    entry = db.session().query(AuditEntry).filter_by(action="screen.create").one()
    assert entry.actor == "ada" and entry.after["channel"] == "kadikoy"


def test_rules_dry_run_changes_nothing_and_save_applies(app, admin_token, make_item):
    client = app.test_client()
    headers = {"Authorization": f"Bearer {admin_token}"}
    praise = make_item("Wonderful staff, thank you so much!")
    assert praise.status == "approved"
    candidate = {"blocked_words": ["staff"], "source_thresholds": {"test": None}}
    result = client.post("/api/v1/rules/dry-run", json={"rules": candidate, "days": 30},
                         headers=headers).json
    assert result["changes"]["approved→rejected"]["count"] == 1
    assert db.session().get(type(praise), praise.id).status == "approved"  # nothing changed
    assert client.put("/api/v1/rules", json=candidate, headers=headers).status_code == 200
    assert make_item("Lovely staff, thank you!").status == "rejected"
    assert make_item("Lovely bread, thank you!").status == "pending"  # source: never
    assert client.put("/api/v1/rules", json={"max_age_days": "x"},
                      headers=headers).status_code == 400


def test_edit_expiry_undo_bulk_reach_the_screen(app, screen, admin_token, make_item):
    headers = {"Authorization": f"Bearer {admin_token}"}
    client = app.test_client()
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    item = make_item("Is the store open on Sunday?")
    display.get_received("/live")
    client.post(f"/api/v1/items/{item.id}/approve", headers=headers)
    edited = client.patch(f"/api/v1/items/{item.id}", headers=headers,
                          json={"display_text": "Open on Sundays, 9 to 21!"}).json
    assert edited["text"] == "Is the store open on Sunday?"  # the original is kept
    assert edited["edited_text"] == "Open on Sundays, 9 to 21!"
    got = {e["name"]: e["args"][0] for e in display.get_received("/live")}
    assert got["item_updated"]["item"]["text"] == "Open on Sundays, 9 to 21!"
    client.patch(f"/api/v1/items/{item.id}", headers=headers,
                 json={"expires_at": "2020-01-01T00:00:00+03:00"})
    assert [e["name"] for e in display.get_received("/live")] == ["item_removed"]
    client.patch(f"/api/v1/items/{item.id}", headers=headers, json={"expires_at": None})
    undone = client.post(f"/api/v1/items/{item.id}/undo", headers=headers).json
    assert undone["status"] == "pending"
    other = make_item("Do you deliver to Moda?")
    bulk = client.post("/api/v1/items/bulk", headers=headers,
                       json={"ids": [item.id, other.id], "action": "approve"}).json
    assert [i["status"] for i in bulk["items"]] == ["approved", "approved"]
    actions = [e.action for e in db.session().query(AuditEntry).order_by(AuditEntry.id)]
    assert {"item.approved", "item.edit", "item.expire", "item.undo"} <= set(actions)


def test_announcements_reach_chosen_channels_and_clear(app, screen, curator_token):
    from kiosk.screens import create_screen

    other = create_screen("other-tv", "other")
    lobby = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    elsewhere = socketio.test_client(app, namespace="/live", auth={"screen": other.token})
    lobby.get_received("/live"), elsewhere.get_received("/live")
    headers = {"Authorization": f"Bearer {curator_token}"}
    client = app.test_client()
    created = client.post("/api/v1/announcements", headers=headers, json={
        "text": "Bugün 15:00'te ekip toplantısı", "channel_ids": [screen.channel_id],
        "until": "2099-01-01T00:00:00+03:00"})
    assert created.status_code == 201
    (event,) = lobby.get_received("/live")
    assert event["name"] == "announcement" and "toplantısı" in event["args"][0]["text"]
    assert elsewhere.get_received("/live") == []
    fresh = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    feed = fresh.get_received("/live")[0]["args"][0]
    assert feed["announcement"]["text"].startswith("Bugün")
    client.post(f"/api/v1/announcements/{created.json['id']}/clear", headers=headers)
    assert lobby.get_received("/live")[0]["args"][0]["text"] == ""


def test_screen_health_follows_the_socket(app, screen, admin_token):
    headers = {"Authorization": f"Bearer {admin_token}"}
    client = app.test_client()
    display = socketio.test_client(app, namespace="/live",
                                   auth={"screen": screen.token, "client": "1.2.3"})
    display.emit("heartbeat", {"item": None}, namespace="/live")
    (row,) = client.get("/api/v1/screens", headers=headers).json["screens"]
    assert row["online"] is True and row["client_version"] == "1.2.3"
    assert row["current_slide"] is None
    display.emit("heartbeat", {"item": None, "slide": "stats"}, namespace="/live")
    (row,) = client.get("/api/v1/screens", headers=headers).json["screens"]
    assert row["current_slide"] == "stats"
    display.emit("heartbeat", {"item": None, "slide": "<b>hacked</b>"}, namespace="/live")
    (row,) = client.get("/api/v1/screens", headers=headers).json["screens"]
    assert row["current_slide"] is None
    display.disconnect(namespace="/live")
    (row,) = client.get("/api/v1/screens", headers=headers).json["screens"]
    assert row["online"] is False


def test_channel_changes_resend_the_feed(app, screen, admin_token, make_item):
    headers = {"Authorization": f"Bearer {admin_token}"}
    make_item("Thank you, lovely service!", branch="Moda")
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert len(display.get_received("/live")[0]["args"][0]["items"]) == 1
    response = app.test_client().patch(f"/api/v1/channels/{screen.channel_id}",
                                       headers=headers, json={"branches": ["Kadıköy"]})
    assert response.status_code == 200
    (event,) = display.get_received("/live")
    assert event["name"] == "feed" and event["args"][0]["items"] == []
    bad = app.test_client().patch(f"/api/v1/channels/{screen.channel_id}", headers=headers,
                                  json={"rotation_seconds": 1})
    assert bad.status_code == 400


def test_roster_round_trip_and_audit_export(app, admin_token):
    headers = {"Authorization": f"Bearer {admin_token}"}
    client = app.test_client()
    csv_text = "name,aliases,team,branch,email\nAyşe Yılmaz,Ayşe Hanım,Kasa,Kadıköy,\n"
    assert client.put("/api/v1/roster.csv", data=csv_text.encode(),
                      headers=headers).json == {"people": 1}
    exported = client.get("/api/v1/roster.csv", headers=headers).get_data(as_text=True)
    assert "Ayşe Yılmaz,Ayşe Hanım,Kasa,Kadıköy" in exported
    audit_csv = client.get("/api/v1/audit.csv", headers=headers).get_data(as_text=True)
    assert "roster.import" in audit_csv


def test_console_speaks_turkish_and_english(admin, make_item):
    # The fixture's app context outlives requests here; a server gives each its own, so
    # forget the locale Flask-Babel cached on it before each request.
    from flask_babel import refresh

    make_item("Is the store open on Sunday?")
    refresh()
    page = admin.get("/admin/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Queue" in page and ">pending<" in page
    refresh()
    page = admin.get("/admin/", headers={"Accept-Language": "tr"}).get_data(as_text=True)
    assert "Kuyruk" in page and ">bekliyor<" in page
    form = csrf_of(page)
    admin.post("/admin/language", data={"language": "en", "csrf_token": form,
                                        "next": "/admin/"})
    refresh()
    page = admin.get("/admin/", headers={"Accept-Language": "tr"}).get_data(as_text=True)
    assert "Queue" in page  # the user's own choice wins over the browser's


def test_a_screen_refuses_a_branch_its_column_cannot_hold(app):
    import pytest

    from kiosk.screens import ScreenError, create_screen

    with pytest.raises(ScreenError, match="120 characters"):
        create_screen("lobby-tv", "lobby", branch="K" * 121)
    assert create_screen("lobby-tv", "lobby", branch="  Kadıköy ").branch == "Kadıköy"
