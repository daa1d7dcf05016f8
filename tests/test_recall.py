"""One-key recall: one admin action pulls an item from every channel and keeps it out."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from kiosk import accounts, db, digest, digest_subscriptions, posters
from kiosk.extensions import socketio
from kiosk.models import AuditEntry, Decision, Item, Poster
from kiosk.screens import create_screen
from kiosk.web import huddle
from tests.test_console import sign_in

TEXT = "Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler, harika bir ilgi!"


def events(client, name):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == name]


def feed_ids(client) -> list[int]:
    (feed,) = events(client, "feed")
    return [i["id"] for i in feed["items"]]


@pytest.fixture
def shown(app, make_item):
    """An approved item, with one poster of it already printed."""
    item = make_item(TEXT, status="approved", lang="tr")
    db.session().add(Poster(item_id=item.id, kind="item", size="A3", created_by="ayla"))
    db.session().commit()
    return item


def headers(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def recall(client, item_id: int, token: str):
    return client.post(f"/api/v1/items/{item_id}/recall", headers=headers(token))


def test_one_recall_leaves_three_channels_and_a_widget_within_a_second(
        app, client, shown, admin_token):
    screens = [create_screen(f"tv-{name}", name) for name in ("lobby", "ankara", "izmir")]
    displays = [socketio.test_client(app, namespace="/live", auth={"screen": s.token})
                for s in screens]
    widget = socketio.test_client(app, namespace="/live", auth={"widget": "lobby"})
    clients = [*displays, widget]
    for c in clients:
        assert feed_ids(c) == [shown.id]  # on all three channels and the widget

    started = time.monotonic()
    response = recall(client, shown.id, admin_token)
    removed = [events(c, "item_removed") for c in clients]
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.json
    assert removed == [[{"id": shown.id}]] * 4
    assert elapsed < 1.0, f"{elapsed:.3f} s"

    body = response.json
    assert body["status"] == "rejected" and body["recalled_by"] == "ada"
    assert body["recalled_at"]
    assert [(p["size"], p["created_by"]) for p in body["posters"]] == [("A3", "ayla")]

    (entry,) = db.session().query(AuditEntry).filter_by(action="item.recall").all()
    assert (entry.actor, entry.target) == ("ada", f"item:{shown.id}")
    assert entry.before["status"] == "approved" and entry.before["recalled_at"] is None
    assert entry.after["status"] == "rejected" and entry.after["recalled_by"] == "ada"
    assert entry.after["posters"] == [body["posters"][0]["id"]]

    # A screen that connects now never gets it.
    again = socketio.test_client(app, namespace="/live", auth={"screen": screens[1].token})
    assert feed_ids(again) == []


def test_recall_is_for_admins_and_idempotent(app, client, shown, admin_token, curator_token):
    assert recall(client, shown.id, curator_token).status_code == 403
    assert client.post(f"/api/v1/items/{shown.id}/recall").status_code == 401
    assert recall(client, 9999, admin_token).status_code == 404
    first, second = recall(client, shown.id, admin_token), recall(client, shown.id, admin_token)
    assert first.status_code == second.status_code == 200
    assert first.json["recalled_at"] == second.json["recalled_at"]
    assert second.json["posters"] == first.json["posters"]
    assert db.session().query(AuditEntry).filter_by(action="item.recall").count() == 1
    spec = client.get("/api/v1/openapi.json").json
    assert "/api/v1/items/{id}/recall" in spec["paths"]


def test_a_recalled_item_never_comes_back_by_accident(app, client, shown, admin_token,
                                                      curator_token):
    recall(client, shown.id, admin_token)
    display = socketio.test_client(app, namespace="/live",
                                   auth={"screen": create_screen("tv", "lobby").token})
    display.get_received("/live")
    for action in ("approve", "pin", "undo"):
        response = client.post(f"/api/v1/items/{shown.id}/{action}",
                               headers=headers(curator_token))
        assert response.status_code == 409, (action, response.json)
        assert "recalled" in response.json["error"]
    bulk = client.post("/api/v1/items/bulk", json={"ids": [shown.id], "action": "approve"},
                       headers=headers(admin_token))
    assert bulk.status_code == 409
    # Rejecting again is harmless; the mark stays.
    assert client.post(f"/api/v1/items/{shown.id}/reject",
                       headers=headers(curator_token)).status_code == 200
    item = db.session().get(Item, shown.id)
    db.session().refresh(item)
    assert item.status == "rejected" and item.recalled_at is not None
    assert events(display, "item_added") == []

    # Only an explicit un-recall, by an admin, brings it back as it was.
    assert client.post(f"/api/v1/items/{shown.id}/unrecall",
                       headers=headers(curator_token)).status_code == 403
    back = client.post(f"/api/v1/items/{shown.id}/unrecall", headers=headers(admin_token))
    assert back.status_code == 200
    assert back.json["status"] == "approved" and back.json["recalled_at"] is None
    assert [e["id"] for e in events(display, "item_added")] == [shown.id]
    actions = [d.action for d in db.session().query(Decision).filter_by(item_id=shown.id)
               .order_by(Decision.id)]
    assert actions[-2:] == ["recall", "unrecall"]
    assert db.session().query(AuditEntry).filter_by(action="item.unrecall").count() == 1


def test_a_rejected_item_recalled_stays_rejected_after_unrecall(app, client, make_item,
                                                                admin_token):
    item = make_item("Thank you for the lovely service!", status="rejected")
    assert recall(client, item.id, admin_token).json["recalled_at"]
    back = client.post(f"/api/v1/items/{item.id}/unrecall", headers=headers(admin_token))
    assert back.json["status"] == "rejected" and back.json["recalled_at"] is None


def test_digest_huddle_archive_widget_and_posters_leave_it_out(app, client, shown,
                                                               admin_token, tmp_path):
    create_screen("tv", "lobby")
    now = datetime.now(UTC)
    day = (shown.created_at.astimezone(huddle.ZoneInfo("Europe/Istanbul"))).date()
    digest_subscriptions.subscribe("patron@example.com")
    # Before: the next digest, the deck, the archive and the embed's feed carry it.
    assert [o.items for o in digest.send_day(day, dry_run=True, now=now)] == [1]
    assert [i.id for i in huddle.day_praise(day, huddle.ZoneInfo("Europe/Istanbul"), now)] \
        == [shown.id]
    assert "Ayşe Hanım" in client.get("/archive").get_data(as_text=True)
    assert "Ayşe Hanım" in client.get("/widget/feed.json?channel=lobby").get_data(as_text=True)

    recall(client, shown.id, admin_token)
    assert digest.send_day(day, dry_run=True, now=now) == []  # nothing left to send
    assert huddle.day_praise(day, huddle.ZoneInfo("Europe/Istanbul"), now) == []
    assert "Ayşe Hanım" not in client.get(f"/huddle?date={day.isoformat()}").get_data(True)
    assert "Ayşe Hanım" not in client.get("/archive").get_data(as_text=True)
    # The embed's feed.json is cached 30 s per process; a recall does not wait for it.
    assert "Ayşe Hanım" not in client.get("/widget/feed.json?channel=lobby").get_data(True)
    with pytest.raises(posters.PosterError, match="recalled"):
        posters.item_poster(shown.id, "A4", "ada")
    assert shown.id not in [i.id for i in posters.best_of_week(
        (now - timedelta(days=now.weekday())).date())]


def test_even_a_status_changed_behind_curation_stays_off_the_walls(app, client, shown,
                                                                   admin_token):
    """feed.belongs checks the mark itself: a row edited by hand does not return."""
    recall(client, shown.id, admin_token)
    item = db.session().get(Item, shown.id)
    item.status = "approved"
    db.session().commit()
    display = socketio.test_client(app, namespace="/live",
                                   auth={"screen": create_screen("tv", "lobby").token})
    assert feed_ids(display) == []


def test_curators_get_no_recall_button(app, client, shown):
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem", "correct-horse")
    page = client.get("/admin/?status=approved").get_data(as_text=True)
    assert f'data-id="{shown.id}"' in page
    assert 'data-action="recall"' not in page and "<kbd>w</kbd>" not in page


def test_the_queue_offers_recall_to_admins(app, client, shown):
    accounts.create_user("ada", "correct-horse", "admin")
    sign_in(client, "ada", "correct-horse")
    page = client.get("/admin/?status=approved").get_data(as_text=True)
    assert 'data-action="recall"' in page and "<kbd>w</kbd>" in page
    # The console's own call: session cookie plus the page's CSRF token.
    csrf = page.split('data-csrf="', 1)[1].split('"', 1)[0]
    refused = client.post(f"/api/v1/items/{shown.id}/recall")
    assert refused.status_code == 400  # no CSRF token
    done = client.post(f"/api/v1/items/{shown.id}/recall", headers={"X-CSRFToken": csrf})
    assert done.status_code == 200 and done.json["posters"]
    page = client.get("/admin/?status=rejected").get_data(as_text=True)
    card = page.split(f'data-id="{shown.id}"', 1)[1].split("</li>", 1)[0]
    assert 'data-recalled >' in card or "data-recalled>" in card  # the "Recalled" flag shows
    assert 'data-action="unrecall" >' in card or 'data-action="unrecall">' in card
