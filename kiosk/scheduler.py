"""Scheduled jobs — source polls, the daily close — that run once however many processes run.

Every run first claims its slot in `job_runs`, whose (job, slot) key is unique. Whichever
process inserts the row runs the job; any other scheduler (another web worker, a standby
`kiosk scheduler`, one started by mistake) finds the slot taken and skips. Exactly-once is
then a property of the database, not of how many processes an operator happens to start, and
a second scheduler is a hot spare rather than a hazard.

Poll slots are aligned to the clock (every 15-minute source polls at :00, :15, … everywhere),
so two schedulers started at different moments still compete for the same slot. The daily
close is slotted by the day it closes; on start, a close missed while everything was down is
run once (only the latest one: polls read from each source's saved cursor, so nothing from
the days in between is lost).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk import db, digest, learning, notes, retention
from kiosk.models import JobRun, Setting, Source
from kiosk.sources import collect, registry

log = logging.getLogger(__name__)

ANCHOR = datetime(2026, 1, 1, tzinfo=UTC)  # interval slots count from here
HOLDER = f"{socket.gethostname()[:100]}:{os.getpid()}"  # fits job_runs.holder (120)
HEARTBEAT_KEY = "scheduler.heartbeat"
CLOSED_KEY = "day.closed"


def claim(job: str, slot: str) -> JobRun | None:
    """The run of (job, slot) if this process got it first, else None."""
    session = db.session()
    run = JobRun(job=job, slot=slot, holder=HOLDER)
    session.add(run)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    return run


def run_once(job: str, slot: str, work: Callable[[], str | None]) -> bool:
    run = claim(job, slot)
    if run is None:
        log.debug("%s %s already claimed elsewhere", job, slot)
        return False
    try:
        outcome = work() or "ok"
    except Exception as exc:  # recorded; the next slot tries again
        db.session().rollback()
        log.exception("job %s %s failed", job, slot)
        outcome = f"failed: {type(exc).__name__}: {exc}"
    run.finished_at, run.outcome = datetime.now(UTC), outcome[:1000]
    db.session().commit()
    return True


def interval_slot(minutes: int, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return str(int((now - ANCHOR).total_seconds() // (minutes * 60)))


# --- the jobs ---------------------------------------------------------------------------

def poll_source(source_id: int) -> None:
    source = db.session().get(Source, source_id)
    if source is None or not source.enabled:
        return
    minutes = int(source.settings.get("interval", 60))

    def work() -> str:
        summary = collect.poll(source)
        return summary.skipped or summary.error or (
            f"{summary.new} new, {summary.duplicates} duplicates, {summary.rejected} rejected")

    run_once(f"poll:{source_id}", interval_slot(minutes), work)


def closing_day(now: datetime, tz: ZoneInfo, at: time) -> datetime.date:
    """The day whose feedback the most recent daily run (due at `at` local) closes."""
    local = now.astimezone(tz)
    today_run = datetime.combine(local.date(), at, tz)
    due = local.date() if local >= today_run else local.date() - timedelta(days=1)
    return due - timedelta(days=1)


def close_day(day=None) -> bool:
    """Poll every source back to the start of `day` and mark it closed (once per day)."""
    cfg = current_app.config
    tz = ZoneInfo(cfg["TIMEZONE"])
    day = day or closing_day(datetime.now(UTC), tz, daily_time(cfg))
    start = datetime.combine(day, time(0), tz)

    def work() -> str:
        summaries = collect.poll_all(since=start)
        failed = [s.source for s in summaries if s.error]
        new = sum(s.new for s in summaries)
        _set(CLOSED_KEY, {"date": day.isoformat(), "new": new, "failed": failed})
        for hook in DAILY_HOOKS:
            hook(day)
        return f"{day}: {new} new from {len(summaries)} sources" + (
            f"; failed: {', '.join(failed)}" if failed else "")

    return run_once("close-day", day.isoformat(), work)


# Later parts (the morning digest) add themselves here: called with the closed day.
DAILY_HOOKS: list[Callable] = [digest.send_daily, retention.daily_retention, notes.daily,
                               learning.train_due]


def heartbeat() -> None:
    _set(HEARTBEAT_KEY, {"at": datetime.now(UTC).isoformat(), "holder": HOLDER})


def last_heartbeat() -> datetime | None:
    row = db.session().get(Setting, HEARTBEAT_KEY)
    return datetime.fromisoformat(row.value["at"]) if row else None


def _set(key: str, value: dict) -> None:
    session = db.session()
    row = session.get(Setting, key) or Setting(key=key)
    row.value, row.updated_at, row.updated_by = value, datetime.now(UTC), "scheduler"
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # two schedulers wrote the first heartbeat at once
        session.rollback()


def daily_time(cfg) -> time:
    try:
        return time.fromisoformat(cfg["DAILY_AT"])
    except ValueError:
        raise SystemExit(f"KIOSK_DAILY_AT must be HH:MM, not {cfg['DAILY_AT']!r}") from None


# --- wiring to APScheduler ----------------------------------------------------------------

def start(app: Flask, scheduler) -> None:
    """Add the jobs to an APScheduler scheduler (blocking, background or gevent) and start it."""
    cfg = app.config
    tz = ZoneInfo(cfg["TIMEZONE"])
    at = daily_time(cfg)

    def in_app(fn, *args):
        def job():
            with app.app_context():
                fn(*args)
        job.__name__ = fn.__name__  # what APScheduler's log lines call it
        return job

    scheduler.configure(timezone=tz, job_defaults={"coalesce": True, "max_instances": 1,
                                                   "misfire_grace_time": 300})
    scheduler.add_job(in_app(heartbeat), IntervalTrigger(seconds=30), id="heartbeat",
                      next_run_time=datetime.now(UTC))
    scheduler.add_job(in_app(close_day), CronTrigger(hour=at.hour, minute=at.minute,
                                                     timezone=tz),
                      id="close-day", misfire_grace_time=3600)
    scheduler.add_job(in_app(sync_polls, scheduler, app), IntervalTrigger(seconds=60),
                      id="sync-polls", next_run_time=datetime.now(UTC))
    # A close missed while nothing ran is caught up once, now.
    scheduler.add_job(in_app(close_day), id="catch-up", next_run_time=datetime.now(UTC))
    scheduler.start()


def sync_polls(scheduler, app: Flask) -> None:
    """One interval job per enabled polled source; follows sources added, changed, paused."""
    wanted = {}
    for source in db.session().scalars(select(Source)):
        if source.enabled and registry.connector_class(source.kind):
            wanted[f"poll:{source.id}"] = (source.id, int(source.settings.get("interval", 60)))
    for job in scheduler.get_jobs():
        if job.id.startswith("poll:") and (
                job.id not in wanted or job.trigger.interval != timedelta(minutes=wanted[
                    job.id][1])):
            job.remove()
    present = {job.id for job in scheduler.get_jobs()}
    for job_id, (source_id, minutes) in wanted.items():
        if job_id in present:
            continue

        def job(source_id=source_id):
            with app.app_context():
                poll_source(source_id)

        job.__name__ = f"poll_source_{source_id}"

        # Aligned to ANCHOR so every scheduler fires the same slot; first run now.
        scheduler.add_job(job, IntervalTrigger(minutes=minutes, start_date=ANCHOR), id=job_id,
                          next_run_time=datetime.now(UTC), misfire_grace_time=minutes * 30)
