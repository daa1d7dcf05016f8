"""Pacing on the server: dwell bounds and shifts per channel, sent to screens; texts too
long for a screen flagged in the queue; when an item reached the walls."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import db, pacing
from kiosk.extensions import socketio
from kiosk.models import AuditEntry, Channel
from tests.test_console import csrf_of, sign_in

LONG_TR = ("Kadıköy şubesindeki kasiyer Ayşe Hanım'a ve manav reyonundaki Mehmet Bey'e çok "
           "teşekkür ederim; annemin doğum günü için aradığımız her şeyi sabırla bulup "
           "paketlediler. ")  # 168 characters: ×3 is 503 on a screen, ×4 is 671


def events(client, name):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == name]


# --- too long for a screen ---------------------------------------------------------------

def test_too_long_for_uses_the_measured_room_of_each_orientation():
    assert pacing.too_long_for("Harika ilgi, teşekkürler!") == []
    landscape, portrait = pacing.QUOTE_CHARS["landscape"], pacing.QUOTE_CHARS["portrait"]
    assert landscape < portrait  # a 1080×1920 screen holds more lines of quote
    assert pacing.too_long_for("x" * landscape) == []
    assert pacing.too_long_for("x" * (landscape + 1)) == ["landscape"]
    assert pacing.too_long_for("x" * (portrait + 1)) == ["landscape", "portrait"]
    # Runs of spaces and line breaks are one space on a screen.
    assert pacing.too_long_for(("ab" + " " * 20) * (landscape // 3)) == []


def test_the_api_and_the_queue_warn_about_a_text_a_screen_must_cut(app, client, make_item,
                                                                   admin_token):
    short = make_item("Harika ilgi, teşekkürler!", status="pending", lang="tr")
    long = make_item(LONG_TR * 4, status="pending", lang="tr")
    auth = {"Authorization": f"Bearer {admin_token}"}
    assert client.get(f"/api/v1/items/{short.id}", headers=auth).json["too_long_for"] == []
    assert client.get(f"/api/v1/items/{long.id}", headers=auth).json["too_long_for"] == \
        ["landscape", "portrait"]
    # A curator's shorter edit is what screens show: the warning follows it.
    edited = client.patch(f"/api/v1/items/{long.id}", headers=auth,
                          json={"display_text": LONG_TR * 3})
    assert edited.json["too_long_for"] == ["landscape"]

    sign_in(client, "ada", "correct-horse")
    page = client.get("/admin/").get_data(as_text=True)
    cards = {int(m.group(1)): m.group(2) for m in
             re.finditer(r'data-id="(\d+)"(.*?)</li>', page, re.S)}
    shown = lambda card: re.findall(r'data-long="(\w+)" >', card)  # noqa: E731 — not hidden
    assert shown(cards[long.id]) == ["landscape"]
    assert shown(cards[short.id]) == []
    assert "Yatay ekranlar için fazla uzun" in cards[long.id]  # the console speaks Turkish


# --- dwell bounds and shifts ----------------------------------------------------------------

@pytest.fixture
def tv(app):
    from kiosk.screens import create_screen

    return create_screen("tv", "lobby")


def test_channel_dwell_and_shifts_are_validated_audited_and_sent_to_screens(
        app, client, tv, admin_token):
    display = socketio.test_client(app, namespace="/live", auth={"screen": tv.token})
    (feed,) = events(display, "feed")
    assert feed["channel"]["dwell"] == {} and feed["channel"]["shifts"] == []  # defaults
    auth = {"Authorization": f"Bearer {admin_token}"}
    url = f"/api/v1/channels/{tv.channel_id}"
    done = client.patch(url, headers=auth, json={
        "dwell": {"min": 6, "max": 40}, "shifts": ["15:00-23:00", "07:00-15:00", "23:00-07:00"],
        "slide_mix": {"praise": 5, "fixed": 2}})
    assert done.status_code == 200, done.json
    assert done.json["shifts"] == ["07:00-15:00", "15:00-23:00", "23:00-07:00"]
    (feed,) = events(display, "feed")
    assert feed["channel"]["dwell"] == {"min": 6, "max": 40}
    assert feed["channel"]["shifts"] == ["07:00-15:00", "15:00-23:00", "23:00-07:00"]
    assert feed["channel"]["slide_mix"] == {"praise": 5, "fixed": 2}
    entry = db.session().query(AuditEntry).filter_by(action="channel.update").one()
    assert entry.after["dwell"] == {"min": 6, "max": 40} and entry.before["shifts"] == []

    for body, words in [({"dwell": {"min": 40, "max": 10}}, "min must not be more"),
                        ({"dwell": {"min": 1}}, "from 3 to 120"),
                        ({"dwell": {"max": "30"}}, "whole number"),
                        ({"dwell": {"low": 3}}, '{"min"'),
                        ({"shifts": ["7-15"]}, "HH:MM-HH:MM"),
                        ({"shifts": ["25:00-07:00"]}, "HH:MM-HH:MM"),
                        ({"shifts": ["07:00-07:00"]}, "starts when it ends"),
                        ({"shifts": [f"{h:02d}:00-{h:02d}:30" for h in range(7)]}, "at most 6"),
                        ({"slide_mix": {"fixed": 99}}, "0–20")]:
        bad = client.patch(url, headers=auth, json=body)
        assert bad.status_code == 400 and words in bad.json["error"], (body, bad.json)
    channel = db.session().get(Channel, tv.channel_id)
    db.session().refresh(channel)
    assert channel.dwell == {"min": 6, "max": 40}  # nothing half-saved
    # Empty means the defaults again.
    assert client.patch(url, headers=auth, json={"dwell": {}, "shifts": []}).json["dwell"] == {}


def test_the_channel_page_edits_dwell_shifts_and_the_fixed_slides(app, client, tv):
    from kiosk import accounts

    accounts.create_user("ada", "correct-horse", "admin")
    sign_in(client, "ada", "correct-horse")
    page = client.get(f"/admin/channels/{tv.channel_id}").get_data(as_text=True)
    assert 'name="dwell_min"' in page and 'value="8"' in page and 'name="shifts"' in page
    form = {"csrf_token": csrf_of(page), "rotation_seconds": "12", "mix_praise": "6",
            "mix_stats": "1", "mix_announcements": "1", "mix_fixed": "2", "dwell_min": "10",
            "dwell_max": "25", "shifts": "7:00 - 15:00, 15:00–23:00", "orientation": "auto"}
    response = client.post(f"/admin/channels/{tv.channel_id}", data=form)
    assert response.status_code == 302
    channel = db.session().get(Channel, tv.channel_id)
    db.session().refresh(channel)
    assert channel.dwell == {"min": 10, "max": 25}
    assert channel.shifts == ["07:00-15:00", "15:00-23:00"]
    assert channel.slide_mix["fixed"] == 2
    page = client.get(f"/admin/channels/{tv.channel_id}").get_data(as_text=True)
    assert 'value="07:00-15:00, 15:00-23:00"' in page and 'value="25"' in page
    bad = client.post(f"/admin/channels/{tv.channel_id}",
                      data={**form, "csrf_token": csrf_of(page), "shifts": "sabah"})
    assert "HH:MM-HH:MM" in bad.get_data(as_text=True)


@settings(max_examples=60, deadline=None)
@given(low=st.integers(-5, 130), high=st.integers(-5, 130))
def test_dwell_bounds_accept_exactly_whole_seconds_in_range_in_order(low, high):
    ok = 3 <= low <= 120 and 3 <= high <= 120 and low <= high
    try:
        assert pacing.clean_dwell({"min": low, "max": high}) == {"min": low, "max": high}
        assert ok
    except pacing.PacingError:
        assert not ok


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23),
                          st.integers(0, 59)), max_size=6))
def test_shifts_in_any_order_come_back_sorted_and_valid(parts):
    raw = [f"{a:02d}:{b:02d}-{c:02d}:{d:02d}" for a, b, c, d in parts]
    if any((a, b) == (c, d) for a, b, c, d in parts):
        with pytest.raises(pacing.PacingError):
            pacing.clean_shifts(raw)
    else:
        assert pacing.clean_shifts(raw) == sorted(set(raw))


# --- when an item reached the walls ---------------------------------------------------------

def test_items_carry_when_they_reached_the_walls(app, client, tv, make_item, admin_token):
    old = make_item("Harika bir ilgi gördük, teşekkürler!", status="pending", lang="tr",
                    created_at=(datetime.now(UTC) - timedelta(days=3)).isoformat())
    display = socketio.test_client(app, namespace="/live", auth={"screen": tv.token})
    display.get_received("/live")
    before = datetime.now(UTC)
    client.post(f"/api/v1/items/{old.id}/approve",
                headers={"Authorization": f"Bearer {admin_token}"})
    (added,) = events(display, "item_added")
    arrived = datetime.fromisoformat(added["item"]["arrived_at"])
    assert arrived >= before - timedelta(seconds=1)  # approved now: news to this shift
    assert datetime.fromisoformat(added["item"]["created_at"]) < before - timedelta(days=2)
    again = socketio.test_client(app, namespace="/live", auth={"screen": tv.token})
    (feed,) = events(again, "feed")
    assert feed["items"][0]["arrived_at"] == added["item"]["arrived_at"]
    # Auto-approved at ingest: it reached the walls when it was written (or ingested).
    fresh = make_item("Wonderful staff, thank you so much!")
    assert pacing.arrived_at(fresh) >= fresh.created_at
