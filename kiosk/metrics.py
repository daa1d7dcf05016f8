"""Prometheus metrics: what this process sees live, and what the database says now.

Live figures (connected clients, broadcast time, decisions) belong to the process that
answers the scrape: with several web processes, scrape each port. Figures read from the
database at scrape time (items by status, sources' health, the scheduler's heartbeat) are
the same whichever process answers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select

from kiosk import db

REGISTRY = CollectorRegistry()

CLIENTS = Gauge("kiosk_connected_clients", "Socket.IO clients connected to this process",
                ["kind"], registry=REGISTRY)
BROADCAST = Histogram(
    "kiosk_broadcast_seconds",
    "Time to hand one event to a channel's clients (with a message queue: to publish it)",
    ["event"], registry=REGISTRY,
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5))
DECISIONS = Counter("kiosk_decisions", "Curation decisions made through this process",
                    ["action"], registry=REGISTRY)

for kind in ("screen", "widget"):
    CLIENTS.labels(kind)  # present at 0 before the first connection


class _FromDatabase:
    """Read at scrape time, inside the request's app context."""

    def collect(self):
        from kiosk import scheduler
        from kiosk.models import Analysis, Item, Screen, Source
        from kiosk.sources import registry

        session = db.session()
        items = GaugeMetricFamily("kiosk_items", "Stored items by status and label",
                                  labels=["status", "label"])
        rows = session.execute(select(Item.status, Analysis.label, func.count())
                               .join(Analysis, Analysis.item_id == Item.id)
                               .group_by(Item.status, Analysis.label))
        for status, label, count in rows:
            items.add_metric([status, label], count)
        yield items
        day = datetime.now(UTC) - timedelta(days=1)
        yield GaugeMetricFamily("kiosk_items_ingested_24h", "Items stored in the last 24 hours",
                                value=session.scalar(select(func.count()).select_from(Item)
                                                     .where(Item.ingested_at >= day)))
        yield GaugeMetricFamily("kiosk_screens_online", "Screens whose socket is connected",
                                value=session.scalar(select(func.count()).select_from(Screen)
                                                     .where(Screen.connected.is_(True))))
        healthy = GaugeMetricFamily("kiosk_source_healthy", "1 if the source's last run worked",
                                    labels=["source", "kind"])
        failures = GaugeMetricFamily("kiosk_source_failures", "Failed runs in a row",
                                     labels=["source", "kind"])
        fetched = GaugeMetricFamily("kiosk_source_items_fetched", "Items a source has fetched",
                                    labels=["source", "kind"])
        for source in session.scalars(select(Source)):
            labels = [source.name, source.kind]
            healthy.add_metric(labels, 1 if registry.is_healthy(source) else 0)
            failures.add_metric(labels, source.failures or 0)
            fetched.add_metric(labels, source.items_fetched or 0)
        yield from (healthy, failures, fetched)
        beat = scheduler.last_heartbeat()
        if beat is not None:
            yield GaugeMetricFamily("kiosk_scheduler_heartbeat_age_seconds",
                                    "Seconds since a scheduler last said it was alive",
                                    value=(datetime.now(UTC) - beat).total_seconds())


def render() -> bytes:
    database = CollectorRegistry()
    database.register(_FromDatabase())
    return generate_latest(REGISTRY) + generate_latest(database)
