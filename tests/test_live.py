"""The /live namespace through Flask-SocketIO's test client."""

import pytest

from kiosk.extensions import socketio


def events(client, name):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == name]


@pytest.fixture
def display(app, screen):
    client = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert client.is_connected("/live")
    return client


def test_bad_screen_token_is_refused(app, screen):
    client = socketio.test_client(app, namespace="/live", auth={"screen": "nope"})
    assert not client.is_connected("/live")
    client = socketio.test_client(app, namespace="/live")
    assert not client.is_connected("/live")


def test_connect_sends_the_whole_playlist_pinned_first(app, screen, make_item):
    old = make_item("Thank you, lovely people!", status="approved")
    pinned = make_item("Best bakery in town, thank you!", status="pinned")
    make_item("Is it open?", status="pending")
    client = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    (feed,) = events(client, "feed")
    assert [i["id"] for i in feed["items"]] == [pinned.id, old.id]
    assert feed["channel"]["name"] == "default" and feed["version"]
    assert set(feed["items"][0]) >= {"text", "author", "source", "created_at", "pinned"}
    assert "external_id" not in feed["items"][0]


def test_approve_reject_and_pin_reach_the_screen(app, display, admin_token, make_item):
    item = make_item("Is the store open on Sunday?")
    display.get_received("/live")
    http = app.test_client()
    headers = {"Authorization": f"Bearer {admin_token}"}
    http.post(f"/api/v1/items/{item.id}/approve", headers=headers)
    assert [e["id"] for e in events(display, "item_added")] == [item.id]
    http.post(f"/api/v1/items/{item.id}/pin", headers=headers)
    (updated,) = events(display, "item_updated")
    assert updated["item"]["pinned"] is True
    http.post(f"/api/v1/items/{item.id}/reject", headers=headers)
    assert events(display, "item_removed") == [{"id": item.id}]


def test_auto_approved_webhook_item_is_pushed(app, display, make_item):
    item = make_item("Wonderful, friendly staff. Thank you so much!")
    assert item.status == "approved"
    assert [e["id"] for e in events(display, "item_added")] == [item.id]


def test_widget_joins_a_channel_by_name(app, screen, make_item):
    make_item("Lovely staff, thank you!", status="approved")
    widget = socketio.test_client(app, namespace="/live", auth={"widget": "default"})
    assert len(events(widget, "feed")[0]["items"]) == 1
    refused = socketio.test_client(app, namespace="/live", auth={"widget": "nope"})
    assert not refused.is_connected("/live")


def test_a_narrowed_channel_does_not_get_other_branches(app, make_item):
    from kiosk import db
    from kiosk.screens import create_screen

    narrow = create_screen("ankara-tv", "ankara")
    narrow.channel.branches = ["Çankaya"]
    db.session().commit()
    client = socketio.test_client(app, namespace="/live", auth={"screen": narrow.token})
    make_item("Thank you, wonderful service!", branch="Kadıköy")
    shown = make_item("Thank you, wonderful service!", branch="Çankaya")
    assert [e["id"] for e in events(client, "item_added")] == [shown.id]
