"""The complaints inbox: grouping and clustering, the new → contacted → resolved path and its
times, filters and counts, who may do what, CSRF, audit, the weekly numbers, and that no
complaint reaches a screen."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import flask_babel
import pytest

from kiosk import accounts, complaints, db, feed, stats
from kiosk.extensions import socketio
from kiosk.models import AuditEntry, Channel, ComplaintOwner, Item, StaffMember
from kiosk.taxonomy import current_matcher

NOW = datetime.now(UTC)
CARD_1 = "The card machine was broken again, I could only pay with cash. Terrible."
CARD_2 = "Card machine broken for the third time, cash only. Awful."
FLOOR = "The floors were wet and there was no warning sign, I nearly fell. Dangerous!"
KART = "Kart makinesi yine bozuktu, sadece nakit aldılar. Rezalet."
LATE = "Siparişim iki saat gecikti, dondurmalar eridi. Rezalet."  # speed, delivery
COURIER = "Kurye siparişi yanlış adrese bıraktı, berbat bir hizmet."  # staff, delivery
RUDE = "Rude cashier, terrible attitude."  # staff


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, username: str, role: str):
    user = accounts.create_user(username, "correct-horse", role)
    user.language = "en"  # the console in English; the Turkish page has a test of its own
    db.session().commit()
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    response = client.post("/admin/login", data={"username": username,
                                                 "password": "correct-horse",
                                                 "csrf_token": token})
    assert response.status_code == 302
    flask_babel.refresh()  # the test shares one app context, where the locale is kept
    page = client.get("/admin/complaints").get_data(as_text=True)
    client.csrf = csrf_of(page)
    return client


@pytest.fixture
def admin(app, client):
    return sign_in(client, "ada", "admin")


@pytest.fixture
def curator(app):
    return sign_in(app.test_client(), "cem", "curator")


@pytest.fixture
def complaint(make_item):
    """A stored item the analysis labels a complaint, `hours` old."""
    def _make(text: str, hours: float = 1, **fields) -> Item:
        created = (NOW - timedelta(hours=hours)).isoformat()
        item = make_item(text, created_at=created, **fields)
        assert item.analysis.label == "complaint", (text, item.analysis.label)
        return item

    return _make


def post_status(client, item_id: int, status: str, csrf: str | None = None):
    headers = {"X-CSRFToken": csrf or client.csrf}
    return client.post(f"/api/v1/complaints/{item_id}/status", json={"status": status},
                       headers=headers)


def box(**filters) -> complaints.Inbox:
    return complaints.inbox(current_matcher().themes, "en", **filters)


# --- grouping ----------------------------------------------------------------------

def test_complaints_are_grouped_by_their_themes(complaint, make_item):
    late, courier, rude = complaint(LATE), complaint(COURIER), complaint(RUDE)
    make_item("Wonderful staff, thank you so much!")  # praise: not in the inbox
    inbox = box(status="all")
    groups = inbox.groups_by_key()
    assert sorted(groups["delivery"].item_ids) == sorted([late.id, courier.id])
    assert sorted(groups["staff"].item_ids) == sorted([courier.id, rude.id])
    assert groups["speed"].item_ids == [late.id]
    assert groups["delivery"].label == "Delivery" and groups["delivery"].kind == "theme"
    assert {i.id for i in inbox.complaints} == {late.id, courier.id, rude.id}


def test_similar_untagged_complaints_are_clustered_and_the_odd_one_is_not(complaint):
    one, two, odd = complaint(CARD_1), complaint(CARD_2), complaint(FLOOR)
    for item in (one, two, odd):
        assert item.analysis.themes == []  # what the taxonomy misses
    groups = box(status="all").groups
    (cluster,) = [g for g in groups if g.kind == "cluster"]
    assert sorted(cluster.item_ids) == sorted([one.id, two.id])
    assert cluster.key.startswith("cluster:") and "card" in cluster.key
    assert 2 <= len(cluster.label.split(" · ")) <= 3 and "card" in cluster.label
    (other,) = [g for g in groups if g.kind == "other"]
    assert other.item_ids == [odd.id]


def test_clustering_is_stable_and_turkish_aware():
    docs = [complaints.terms(t, lang) for t, lang in (
        (CARD_1, "en"), (FLOOR, "en"), (CARD_2, "en"), (KART, "tr"),
        ("Kasadaki kart makinesi bozuk, nakit yoksa alışveriş yapamıyorsun.", "tr"))]
    first = complaints.cluster(docs)
    assert sorted(c.members for c in first) == [[0, 2], [3, 4]]
    turkish = next(c for c in first if c.members == [3, 4])
    assert set(turkish.terms) >= {"kart", "makin"} and "makinesi" in turkish.words
    again = complaints.cluster(list(reversed(docs)))
    assert sorted(c.key for c in again) == sorted(c.key for c in first)
    assert complaints.stem("Ayşe'ye") == "ayse" and complaints.stem("cards", "en") == "card"


def test_an_assigned_cluster_keeps_its_team_when_its_words_drift(admin, complaint):
    complaint(CARD_1), complaint(CARD_2)
    (cluster,) = [g for g in box(status="all").groups if g.kind == "cluster"]
    assert admin.put("/api/v1/complaints/owners", json={"group": cluster.key, "team": "Kasa"},
                     headers={"X-CSRFToken": admin.csrf}).status_code == 200
    complaint("Card machine broken at the till, had to pay cash, no ATM around.")
    (grown,) = [g for g in box(status="all").groups if g.kind == "cluster"]
    assert len(grown.item_ids) == 3 and grown.key == cluster.key and grown.team == "Kasa"


# --- statuses and times ------------------------------------------------------------

def test_status_moves_record_when_and_by_whom(app, complaint):
    item = complaint(LATE, hours=5)
    t1, t2 = NOW - timedelta(hours=3), NOW - timedelta(hours=1)
    complaints.set_status(item.id, "contacted", "ada", now=t1)
    assert (item.complaint_status, item.contacted_at, item.resolved_at) == ("contacted", t1,
                                                                            None)
    assert complaints.first_contact_seconds(item) == pytest.approx(2 * 3600, abs=1)
    complaints.set_status(item.id, "resolved", "cem", now=t2)
    assert (item.complaint_status, item.contacted_at, item.resolved_at,
            item.handled_by) == ("resolved", t1, t2, "cem")
    complaints.set_status(item.id, "resolved", "ada", now=NOW)  # the same twice: nothing
    assert item.resolved_at == t2 and item.handled_by == "cem"
    complaints.set_status(item.id, "contacted", "ada", now=NOW)  # reopened
    assert item.resolved_at is None and item.contacted_at == t1
    complaints.set_status(item.id, "new", "ada", now=NOW)  # a slip corrected
    assert (item.complaint_status, item.contacted_at) == (None, None)
    straight = complaint(RUDE, hours=2)
    complaints.set_status(straight.id, "resolved", "ada", now=t2)  # resolving is contact
    assert straight.contacted_at == t2 == straight.resolved_at
    with pytest.raises(ValueError):
        complaints.set_status(item.id, "closed", "ada")


def test_only_complaints_can_be_handled(admin, make_item):
    praise = make_item("Wonderful staff, thank you so much!")
    assert post_status(admin, praise.id, "contacted").status_code == 404
    assert post_status(admin, 999_999, "contacted").status_code == 404


def test_median_time_to_first_contact_per_group(app, complaint):
    waits = [1, 2, 6]  # hours from the post to the first contact
    for n, wait in enumerate(waits):
        item = complaint(RUDE if n else COURIER, hours=10)
        complaints.set_status(item.id, "contacted", "ada",
                              now=item.created_at + timedelta(hours=wait))
    complaint(RUDE, hours=3)  # not contacted yet: no part of the median
    groups = box(status="all").groups_by_key()
    assert groups["staff"].median_first_contact == pytest.approx(2 * 3600)
    assert groups["delivery"].median_first_contact == pytest.approx(1 * 3600)
    assert groups["staff"].counts == {"contacted": 3, "new": 1}


def test_durations_read_at_a_glance(app):
    from kiosk.web.complaints import duration

    # Each in its own app context: Flask-Babel remembers the locale on `g`.
    with app.app_context(), app.test_request_context(headers={"Accept-Language": "en"}):
        assert [duration(s) for s in (None, 20, 45 * 60, 2 * 3600, 2 * 3600 + 600,
                                      3 * 86400 + 4 * 3600)] == [
            "—", "under a minute", "45 min", "2 h", "2 h 10 min", "3 d 4 h"]
    with app.app_context(), app.test_request_context(headers={"Accept-Language": "tr"}):
        assert duration(2 * 3600 + 600) == "2 sa 10 dk"


# --- filters and counts -------------------------------------------------------------

def test_filters_and_counts(app, complaint):
    db.session().add(StaffMember(name="Barış Öztürk", team="Online Sipariş"))
    db.session().commit()
    late = complaint(LATE, branch="Kadıköy", source="x")
    courier = complaint(COURIER, branch="Moda")
    rude = complaint(RUDE, branch="Kadıköy")
    complaints.assign_team("delivery", "Online Sipariş", "ada", current_matcher().themes)
    complaints.set_status(rude.id, "resolved", "ada")
    ids = lambda inbox: sorted(i.id for i in inbox.complaints)  # noqa: E731
    assert ids(box()) == sorted([late.id, courier.id])  # open by default
    assert box().counts == {"new": 2, "contacted": 0, "resolved": 1}
    assert ids(box(status="resolved")) == [rude.id]
    assert ids(box(status="all", group="staff")) == sorted([courier.id, rude.id])
    assert ids(box(status="all", team="Online Sipariş")) == sorted([late.id, courier.id])
    assert ids(box(status="all", team="-")) == [rude.id]
    assert ids(box(status="all", branch="Kadıköy")) == sorted([late.id, rude.id])
    assert box(branch="Kadıköy").counts == {"new": 1, "contacted": 0, "resolved": 1}
    assert ids(box(status="all", source="x")) == [late.id]
    assert complaints.teams() == ["Online Sipariş"]
    groups = box(status="all", branch="Moda").groups_by_key()
    assert groups["delivery"].total == 1 and groups["delivery"].team == "Online Sipariş"


def test_the_page_lists_groups_links_and_escapes(admin, complaint):
    hostile = complaint('<img src=x onerror="alert(1)"> Rude cashier, terrible attitude.')
    linked = complaint(LATE, url="https://social.example/@someone/1")
    db.session().get(Item, hostile.id).url = "javascript:alert(1)"  # as if stored before
    db.session().commit()
    page = admin.get("/admin/complaints").get_data(as_text=True)
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "javascript:alert" not in page
    assert ('href="https://social.example/@someone/1" target="_blank" '
            'rel="noopener noreferrer"') in page
    assert f'data-id="{linked.id}"' in page and 'data-group="delivery"' in page
    assert "Median time to first contact" in page and 'class="owner"' in page


def test_the_json_list(admin, complaint):
    item = complaint(LATE, branch="Kadıköy")
    body = admin.get("/api/v1/complaints?status=all").json
    (row,) = body["complaints"]
    assert row["id"] == item.id and row["status"] == "new"
    assert sorted(row["groups"]) == ["delivery", "speed"]
    assert {g["key"] for g in body["groups"]} == {"delivery", "speed"}
    assert body["counts"] == {"new": 1, "contacted": 0, "resolved": 0}


# --- who may, CSRF, audit ----------------------------------------------------------

def test_curators_handle_complaints_but_only_admins_assign_teams(app, curator, complaint):
    item = complaint(LATE)
    response = post_status(curator, item.id, "contacted")
    assert response.status_code == 200 and response.json["complaint"]["status"] == "contacted"
    assert curator.put("/api/v1/complaints/owners", json={"group": "delivery", "team": "X"},
                       headers={"X-CSRFToken": curator.csrf}).status_code == 403
    assert db.session().query(ComplaintOwner).count() == 0
    page = curator.get("/admin/complaints").get_data(as_text=True)
    assert 'class="owner"' not in page and "Mark resolved" in page


def test_visitors_get_nothing(app, client, complaint):
    item = complaint(LATE)
    assert client.get("/admin/complaints").status_code == 302
    assert client.get("/api/v1/complaints").status_code == 401
    assert client.post(f"/api/v1/complaints/{item.id}/status",
                       json={"status": "resolved"}).status_code == 401
    assert client.put("/api/v1/complaints/owners",
                      json={"group": "delivery", "team": "X"}).status_code == 401
    assert db.session().get(Item, item.id).complaint_status is None


def test_session_writes_need_the_csrf_token_and_tokens_do_not(app, admin, complaint,
                                                              curator_token):
    item = complaint(LATE)
    assert post_status(admin, item.id, "contacted", csrf="forged").status_code == 400
    assert admin.post(f"/api/v1/complaints/{item.id}/status",
                      json={"status": "contacted"}).status_code == 400
    assert admin.put("/api/v1/complaints/owners",
                     json={"group": "delivery", "team": "X"}).status_code == 400
    assert db.session().get(Item, item.id).complaint_status is None
    program = app.test_client()
    response = program.post(f"/api/v1/complaints/{item.id}/status",
                            json={"status": "contacted"},
                            headers={"Authorization": f"Bearer {curator_token}"})
    assert response.status_code == 200


def test_changes_are_audited(admin, complaint):
    item = complaint(LATE)
    post_status(admin, item.id, "contacted")
    post_status(admin, item.id, "contacted")  # nothing changes, nothing recorded
    assert admin.put("/api/v1/complaints/owners",
                     json={"group": "delivery", "team": "  Online   Sipariş "},
                     headers={"X-CSRFToken": admin.csrf}).json["team"] == "Online Sipariş"
    assert admin.put("/api/v1/complaints/owners", json={"group": "delivery", "team": ""},
                     headers={"X-CSRFToken": admin.csrf}).json["team"] is None
    assert admin.put("/api/v1/complaints/owners", json={"group": "nonsense", "team": "X"},
                     headers={"X-CSRFToken": admin.csrf}).status_code == 400
    rows = db.session().query(AuditEntry).filter(
        AuditEntry.action.like("complaint.%")).order_by(AuditEntry.id).all()
    assert [(r.action, r.target, r.actor) for r in rows] == [
        ("complaint.status", f"item:{item.id}", "ada"),
        ("complaint.owner", "complaint_group:delivery", "ada"),
        ("complaint.owner", "complaint_group:delivery", "ada")]
    assert rows[0].before["status"] == "new" and rows[0].after["status"] == "contacted"
    assert rows[0].after["contacted_at"] and rows[0].after["handled_by"] == "ada"
    assert rows[1].before is None and rows[1].after == {"team": "Online Sipariş"}
    assert rows[2].before == {"team": "Online Sipariş"} and rows[2].after is None


# --- weekly numbers and screens -------------------------------------------------------

def test_complaints_resolved_this_week_in_the_weekly_numbers(app, complaint):
    tz = app.config["TIMEZONE"]
    assert stats.weekly(NOW, tz)["complaints_resolved"] == 0
    now_item, old_item = complaint(LATE, branch="Kadıköy"), complaint(RUDE, hours=400)
    complaints.set_status(now_item.id, "resolved", "ada", now=NOW - timedelta(seconds=1))
    complaints.set_status(old_item.id, "resolved", "ada", now=NOW - timedelta(days=8))
    assert stats.weekly(NOW, tz)["complaints_resolved"] == 1
    assert stats.weekly(NOW, tz, ["Kadıköy"])["complaints_resolved"] == 1
    assert stats.weekly(NOW, tz, ["Moda"])["complaints_resolved"] == 0
    # A Monday just after midnight in Istanbul starts a new week, whatever UTC says.
    monday = stats.week_start(NOW.astimezone(__import__("zoneinfo").ZoneInfo(tz)))
    complaints.set_status(now_item.id, "contacted", "ada")
    complaints.set_status(now_item.id, "resolved", "ada", now=monday - timedelta(minutes=5))
    assert stats.weekly(NOW, tz)["complaints_resolved"] == 0


def test_resolving_pushes_fresh_weekly_numbers_to_screens(app, screen, admin, complaint):
    item = complaint(LATE)
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    (first,) = display.get_received("/live")
    assert first["args"][0]["stats"]["complaints_resolved"] == 0  # and now cached for 30 s
    post_status(admin, item.id, "contacted")
    assert display.get_received("/live") == []  # contact changes no weekly number
    response = post_status(admin, item.id, "resolved")
    assert response.json["resolved_this_week"] == 1
    (event,) = display.get_received("/live")
    assert event["name"] == "stats" and event["args"][0]["complaints_resolved"] == 1
    fresh = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    assert fresh.get_received("/live")[0]["args"][0]["stats"]["complaints_resolved"] == 1
    display.disconnect(namespace="/live")
    fresh.disconnect(namespace="/live")


def test_a_resolved_complaint_is_on_no_screen(app, admin, complaint, screen):
    from kiosk.screens import create_screen

    create_screen("moda-tv", "moda")
    item = complaint(LATE)
    for status in ("contacted", "resolved"):
        assert post_status(admin, item.id, status).status_code == 200
    item = db.session().get(Item, item.id)
    assert item.status not in ("approved", "pinned")
    for channel in db.session().query(Channel).all():
        assert item.id not in {i.id for i in feed.playlist(channel, NOW, 60, 60)}
    assert feed.channels_showing(item, NOW, 60) == set()


def test_handling_a_complaint_someone_put_on_a_wall_takes_it_off(app, admin, complaint,
                                                                screen):
    item = complaint(RUDE)
    item.status = "approved"
    db.session().commit()
    assert feed.channels_showing(item, NOW, 60) == {screen.channel_id}
    assert item.id not in {i.id for i in box(status="all").complaints}  # judged praise
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    display.get_received("/live")
    assert post_status(admin, item.id, "contacted").status_code == 200
    item = db.session().get(Item, item.id)
    assert item.status == "rejected" and feed.channels_showing(item, NOW, 60) == set()
    assert "item_removed" in [e["name"] for e in display.get_received("/live")]
    display.disconnect(namespace="/live")
    assert item.id in {i.id for i in box(status="all").complaints}


def test_the_page_speaks_turkish(app, complaint):
    client = sign_in(app.test_client(), "ayse", "curator")
    user = db.session().query(accounts.User).filter_by(username="ayse").one()
    user.language = "tr"
    db.session().commit()
    flask_babel.refresh()
    item = complaint(LATE, hours=3)
    complaints.set_status(item.id, "contacted", "ayse", now=item.created_at
                          + timedelta(hours=2, minutes=10))
    page = client.get("/admin/complaints").get_data(as_text=True)
    assert "Şikâyetler" in page and "İlk temasa kadar süre (medyan)" in page
    assert "İlk temas 2 sa 10 dk sonra" in page and "Çözüldü olarak işaretle" in page
    assert "Teslimat" in page  # the theme's Turkish name


MIXED = {  # what customers wrote about four things no theme covers, in both languages
    "card": [("Kasadaki kart cihazı yine bozuktu, nakit ödemek zorunda kaldım.", "tr"),
             ("Kart cihazı çalışmıyor, kasada nakit istediler.", "tr"),
             ("Otopark doluydu, üstelik kasadaki kart cihazı bozuktu.", "tr"),
             ("Card machine was down and they only took cash.", "en"),
             ("The card machine is broken again, cash only.", "en")],
    "heat": [("Klima bozuk, içerisi hamam gibi sıcak.", "tr"),
             ("Klima yine çalışmıyor, içeride durulmuyor, çok sıcak.", "tr"),
             ("AC broken in August. It's a sauna in there.", "en"),
             ("The air conditioning was broken and it was boiling hot inside.", "en")],
    "parking": [("Otopark ücretli olmuş, kimse haber vermedi.", "tr"),
                ("Otopark ücreti çok yüksek, alışveriş yapana ücretsiz olmalı.", "tr"),
                ("The parking charge is new and nobody told us.", "en")],
    "floor": [("Yerler ıslaktı, uyarı levhası yoktu, az kalsın düşüyordum.", "tr"),
              ("The floors were wet and there was no warning sign, I nearly fell.", "en")],
}


def test_clusters_on_a_mixed_set_are_pure():
    truth = [topic for topic, texts in MIXED.items() for _ in texts]
    docs = [complaints.terms(t, lang) for texts in MIXED.values() for t, lang in texts]
    found = complaints.cluster(docs)
    assert len(found) >= 4
    assert all(len({truth[i] for i in c.members}) == 1 for c in found)  # nothing mixed up
    assert {truth[c.members[0]] for c in found} == {"card", "heat", "parking"}


def test_a_curator_cannot_put_a_handled_complaint_back_on_a_wall(app, admin, complaint,
                                                                 screen):
    from kiosk import curation

    item = complaint(LATE)
    assert post_status(admin, item.id, "resolved").status_code == 200
    curation.approve_item(item.id, "cem")  # from the queue, by mistake
    item = db.session().get(Item, item.id)
    assert item.status == "approved"
    assert feed.channels_showing(item, NOW, 60) == set()
    channel = db.session().get(Channel, screen.channel_id)
    assert item.id not in {i.id for i in feed.playlist(channel, NOW, 60, 60)}
