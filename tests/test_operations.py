"""Operations: /healthz says what is wrong, /metrics speaks Prometheus."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from kiosk import scheduler
from kiosk.extensions import socketio
from kiosk.sources.registry import add_source


def samples(client, **headers) -> dict[tuple, float]:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.data
    out = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_healthz_reports_database_queue_and_scheduler(client, app):
    body = client.get("/healthz").get_json()
    assert body["database"] == "ok" and body["queue"] == "none"
    assert body["scheduler"] == "never seen"
    scheduler.heartbeat()
    assert client.get("/healthz").get_json()["scheduler"] == "ok"


def test_healthz_is_503_when_the_queue_is_unreachable(client, app):
    app.config["MESSAGE_QUEUE"] = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["queue"] == "error"


def test_metrics_count_items_clients_decisions_and_sources(client, app, make_item, screen,
                                                           admin_token):
    item = make_item("Kasiyer Ayşe çok yardımcı oldu, teşekkürler!", status="pending")
    make_item("Siparişim geç geldi ve soğuktu, berbat.")
    source = add_source("blog", "rss", {"url": "https://blog.example/feed"})
    source.last_error, source.failures = "example.com answered 500", 2
    from datetime import UTC, datetime

    source.last_error_at = datetime.now(UTC)
    # Connected clients are counted per process: other tests' clients may still be counted.
    screens, widgets = (("kiosk_connected_clients", (("kind", k),)) for k in ("screen", "widget"))
    start = samples(client)
    display = socketio.test_client(app, namespace="/live", auth={"screen": screen.token})
    widget = socketio.test_client(app, namespace="/live", auth={"widget": "default"})
    before = samples(client)
    client.post(f"/api/v1/items/{item.id}/approve",
                headers={"Authorization": f"Bearer {admin_token}"})
    after = samples(client)
    assert after[screens] == start[screens] + 1 and after[widgets] == start[widgets] + 1
    assert after[("kiosk_screens_online", ())] == 1
    assert after[("kiosk_items", (("label", "praise"), ("status", "approved")))] >= 1
    assert after[("kiosk_items_ingested_24h", ())] == 2
    approved = ("kiosk_decisions_total", (("action", "approved"),))
    assert after[approved] == before.get(approved, 0) + 1
    assert after[("kiosk_source_healthy", (("kind", "rss"), ("source", "blog")))] == 0
    assert after[("kiosk_source_failures", (("kind", "rss"), ("source", "blog")))] == 2
    # The approval was broadcast to the channel and timed.
    assert after[("kiosk_broadcast_seconds_count", (("event", "item_added"),))] >= 1
    widget.disconnect(namespace="/live")
    display.disconnect(namespace="/live")
    gone = samples(client)
    assert gone[screens] == start[screens] and gone[widgets] == start[widgets]


def test_metrics_can_require_a_token(client, app):
    app.config["METRICS_TOKEN"] = "scrape-me"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert samples(client, Authorization="Bearer scrape-me")
