"""Scheduled jobs run once per slot however many processes run the scheduler."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from email.utils import format_datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from kiosk import db, scheduler
from kiosk.models import Item, JobRun
from kiosk.sources import registry
from tests.conftest import Served
from tests.sources.conftest import Reply

IST = ZoneInfo("Europe/Istanbul")


def test_a_slot_is_claimed_once(app):
    assert scheduler.claim("poll:1", "42") is not None
    assert scheduler.claim("poll:1", "42") is None
    assert scheduler.claim("poll:1", "43") is not None


def test_run_once_records_the_outcome_and_a_failure_does_not_escape(app):
    calls = []
    assert scheduler.run_once("job", "a", lambda: calls.append(1) or "did it")
    assert not scheduler.run_once("job", "a", lambda: calls.append(2))
    assert calls == [1]

    def boom():
        raise RuntimeError("provider exploded")

    assert scheduler.run_once("job", "b", boom)
    outcomes = dict(db.session().execute(select(JobRun.slot, JobRun.outcome)).all())
    assert outcomes == {"a": "did it", "b": "failed: RuntimeError: provider exploded"}


def test_interval_slots_are_aligned_to_the_clock_not_to_process_start():
    a = datetime(2026, 11, 24, 9, 0, 1, tzinfo=UTC)
    b = datetime(2026, 11, 24, 9, 14, 59, tzinfo=UTC)
    c = datetime(2026, 11, 24, 9, 15, 0, tzinfo=UTC)
    assert scheduler.interval_slot(15, a) == scheduler.interval_slot(15, b)
    assert scheduler.interval_slot(15, b) != scheduler.interval_slot(15, c)


def test_the_day_closed_is_yesterday_once_the_daily_time_has_passed():
    seven = clock(7, 0)
    before = datetime(2026, 11, 24, 6, 59, tzinfo=IST)
    after = datetime(2026, 11, 24, 7, 0, tzinfo=IST)
    assert scheduler.closing_day(after, IST, seven) == date(2026, 11, 23)
    # Before 07:00 the latest due run was yesterday's, which closed the day before.
    assert scheduler.closing_day(before, IST, seven) == date(2026, 11, 22)
    # Istanbul's date, not UTC's: 23:30 UTC on the 23rd is 02:30 on the 24th there, past a
    # 02:00 run, so the 23rd is closed (by UTC's calendar it would be the 22nd).
    late_utc = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert scheduler.closing_day(late_utc, IST, clock(2, 0)) == date(2026, 11, 23)


def test_the_daily_close_runs_once_and_calls_its_hooks(app, provider, monkeypatch):
    provider.route("/feed.rss", Reply(200, "<rss version='2.0'><channel><title>t</title>"
                                      "</channel></rss>", {"Content-Type": "application/xml"}))
    registry.add_source("blog", "rss", {"url": provider.url + "/feed.rss"})
    closed = []
    monkeypatch.setattr(scheduler, "DAILY_HOOKS", [closed.append])
    assert scheduler.close_day(date(2026, 11, 23))
    assert not scheduler.close_day(date(2026, 11, 23))  # a second scheduler, a catch-up
    assert closed == [date(2026, 11, 23)]
    assert len(provider.hits("/feed.rss")) == 1
    # It asked back to the start of that day, Istanbul time.
    assert db.session().get(registry.Source, 1).last_success is not None


def test_two_serving_processes_poll_a_source_once(tmp_path, provider):
    """Two `kiosk serve` processes, each with the embedded scheduler, one database."""
    recent = format_datetime(datetime.now(UTC))
    provider.route("/feed.rss", Reply(200, (
        "<rss version='2.0'><channel><title>t</title><item><guid>one</guid>"
        f"<title>Thank you, great service</title><pubDate>{recent}</pubDate></item>"
        "</channel></rss>"), {"Content-Type": "application/rss+xml"}))
    first = Served(tmp_path)
    first.cli("init")
    # A daily interval: both processes start well inside the same slot.
    first.cli("sources", "add", "blog", "--kind", "rss", "--set",
              f"url={provider.url}/feed.rss", "--set", "interval=1440")
    second = Served(tmp_path)
    second.env["KIOSK_INSTANCE_DIR"] = first.env["KIOSK_INSTANCE_DIR"]
    # The daily close twelve hours away. Across its time, a process starting later catches up
    # the next day's close, a run of its own that reads the feed again (a CI run near 07:00
    # Istanbul time counted three reads).
    far = (datetime.now(UTC) + timedelta(hours=12)).strftime("%H:%M")
    for served in (first, second):
        served.env.update({"KIOSK_TIMEZONE": "UTC", "KIOSK_DAILY_AT": far})
    try:
        first.start()
        second.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(_runs(first)) < 2:
            time.sleep(0.2)
        time.sleep(2)  # give a duplicate every chance to appear
    finally:
        logs = first.stop() + second.stop()
    runs = _runs(first)  # after both stopped: every run either of them claimed
    assert "Traceback" not in logs, logs
    jobs = sorted(job for job, _slot, _holder in runs)
    assert jobs == ["close-day", "poll:1"], runs
    # Each job ran in one process or the other, and the feed was read once per job.
    assert len(provider.hits("/feed.rss")) == 2
    assert _count_items(first) == 1


def _runs(served: Served) -> list[tuple[str, str, str]]:
    from kiosk import create_app

    app = create_app({"INSTANCE_DIR": served.env["KIOSK_INSTANCE_DIR"],
                      "SECRET_KEY": "x"})
    with app.app_context():
        return list(db.session().execute(select(JobRun.job, JobRun.slot, JobRun.holder)))


def _count_items(served: Served) -> int:
    from kiosk import create_app

    app = create_app({"INSTANCE_DIR": served.env["KIOSK_INSTANCE_DIR"], "SECRET_KEY": "x"})
    with app.app_context():
        return db.session().scalar(select(func.count()).select_from(Item))
