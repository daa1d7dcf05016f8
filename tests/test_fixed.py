"""'You said, we fixed': which complaint themes a wall thanks the teams for, in counts only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from kiosk import complaints, fixed
from kiosk.extensions import socketio
from kiosk.live import channel_stats
from kiosk.screens import create_screen
from kiosk.taxonomy import current_matcher

NOW = datetime.now(UTC)
WAITS = ["Kasada 25 dakika bekledim, sıra hiç ilerlemedi, rezalet.",
         "Kuyruk yine çok yavaştı, yarım saat bekledik, berbat.",
         "Kasada 40 dakika bekledim, felaket bir gün.",
         "Sırada çok bekledik, kasiyer yoktu, rezalet.",
         "Waited 30 minutes in the queue, terrible and slow service."]


def labels(lang="tr"):
    return {t.slug: t.label(lang) for t in current_matcher().themes}


@pytest.fixture
def waits(app, make_item):
    """Five complaints about waiting, written 10 h ago, at two branches."""
    made = [make_item(text, lang="tr" if i < 4 else "en", branch="Kadıköy" if i < 3 else "Konak",
                      created_at=(NOW - timedelta(hours=10)).isoformat())
            for i, text in enumerate(WAITS)]
    assert all(i.analysis.label == "complaint" and "speed" in i.analysis.themes for i in made)
    return made


def handle(item, minutes_to_contact: int, resolve: bool = True):
    contacted = item.created_at + timedelta(minutes=minutes_to_contact)
    complaints.set_status(item.id, "contacted", "ada", now=contacted)
    if resolve:
        complaints.set_status(item.id, "resolved", "ada", now=contacted + timedelta(hours=1))


def test_a_theme_mostly_resolved_is_thanked_with_counts_team_and_median(app, waits):
    for item, minutes in zip(waits[:4], (30, 90, 150, 600), strict=True):
        handle(item, minutes)
    complaints.assign_team("speed", "Mağaza operasyonları", "ada", current_matcher().themes)
    themes = fixed.wall_themes(NOW, 30, 3, labels())
    assert themes == [{"theme": "speed", "label": "Hız ve bekleme",
                       "team": "Mağaza operasyonları", "resolved": 4, "raised": 5,
                       "median_first_contact": 120 * 60, "days": 30}]
    # Counts only: not a word any customer wrote.
    wire = json.dumps(themes, ensure_ascii=False).lower()
    for text in WAITS:
        for word in text.lower().replace(",", " ").replace(".", " ").split():
            if len(word) > 3:
                assert word not in wire, word


def test_too_few_resolved_or_more_open_than_resolved_is_not_yet_fixed(app, waits):
    handle(waits[0], 30)
    handle(waits[1], 30)
    assert fixed.wall_themes(NOW, 30, 3, labels()) == []  # 2 < 3 resolved
    assert fixed.wall_themes(NOW, 30, 2, labels()) == []  # 2 resolved, 3 still open
    handle(waits[2], 30, resolve=False)  # contacted, not resolved: still open
    handle(waits[3], 30)
    assert [t["resolved"] for t in fixed.wall_themes(NOW, 30, 3, labels())] == [3]


def test_the_window_and_the_branches_narrow_it(app, waits):
    for item in waits[:4]:
        handle(item, 60)
    assert fixed.wall_themes(NOW + timedelta(days=31), 30, 3, labels()) == []
    assert fixed.wall_themes(NOW, 30, 3, labels(), ["Kadıköy"])[0]["raised"] == 3
    assert fixed.wall_themes(NOW, 30, 1, labels(), ["Konak"]) == []  # 1 resolved, 1 open
    handle(waits[4], 60)
    konak = {t["theme"]: t for t in fixed.wall_themes(NOW, 30, 1, labels(), ["Konak"])}
    assert (konak["speed"]["resolved"], konak["speed"]["raised"]) == (2, 2)
    assert "staff" in konak  # a complaint counts for each of its themes


def test_praise_a_curator_put_on_a_wall_is_no_complaint(app, waits):
    for item in waits[:3]:
        handle(item, 60)
    from kiosk.curation import approve_item

    approve_item(waits[3].id, "ada")  # judged praise by a person: not a raised complaint
    assert fixed.wall_themes(NOW, 30, 3, labels())[0]["raised"] == 4


def test_the_wall_gets_it_in_its_stats_and_hears_when_a_complaint_is_resolved(
        app, client, waits, admin_token):
    screen = create_screen("tv", "lobby")
    for item in waits[:2]:
        handle(item, 60)
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    (feed,) = [e["args"][0] for e in display.get_received("/live") if e["name"] == "feed"]
    assert feed["stats"]["fixed"] == []
    handle(waits[2], 45, resolve=False)
    display.get_received("/live")
    response = client.post(f"/api/v1/complaints/{waits[2].id}/status",
                           json={"status": "resolved"},
                           headers={"Authorization": f"Bearer {admin_token}"})
    assert response.status_code == 200, response.json
    stats = [e["args"][0] for e in display.get_received("/live") if e["name"] == "stats"]
    assert stats and stats[-1]["fixed"][0]["resolved"] == 3
    assert stats[-1]["fixed"][0]["label"] == "Hız ve bekleme"
    assert channel_stats(screen.channel)["fixed"] == stats[-1]["fixed"]
    # Naming the owning team reaches the wall at once too.
    complaints.assign_team("speed", "Kasa ekibi", "ada", current_matcher().themes)
    stats = [e["args"][0] for e in display.get_received("/live") if e["name"] == "stats"]
    assert stats[-1]["fixed"][0]["team"] == "Kasa ekibi"


def test_settings_choose_the_window_and_the_bar(app, waits):
    for item in waits[:3]:
        handle(item, 60)
    channel = create_screen("tv", "lobby").channel
    app.config["FIXED_MIN_RESOLVED"] = 4
    assert channel_stats(channel, fresh=True)["fixed"] == []
    app.config["FIXED_MIN_RESOLVED"] = 3
    app.config["FIXED_DAYS"] = 7
    (entry,) = channel_stats(channel, fresh=True)["fixed"]
    assert entry["days"] == 7 and entry["resolved"] == 3
