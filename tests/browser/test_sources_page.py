"""An admin on the sources page of a served Kiosk: run now, a failing feed, an upload."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from tests.conftest import Served, free_port
from tests.sources.conftest import Provider

pytestmark = pytest.mark.browser
# Where to save a 1440×900 picture of the page (for reviewing its look), if anywhere.
SCREENSHOT = os.environ.get("KIOSK_SOURCES_SCREENSHOT")

NOW = datetime.now(UTC)


@pytest.fixture
def provider():
    p = Provider()
    yield p
    p.close()


@pytest.fixture
def served(tmp_path, provider):
    """A served app with a working feed, a feed nobody answers and a webhook source.

    The scheduler is off so that only the admin's clicks poll, and a refused connection is
    not retried, so the failing feed fails at once."""
    provider.route("/feed.rss", provider.payload(
        "rss/reviews.rss", recent1=format_datetime(NOW - timedelta(hours=3)),
        recent2=format_datetime(NOW - timedelta(hours=5))))
    srv = Served(tmp_path)
    srv.env.update(KIOSK_SCHEDULER="off", KIOSK_SOURCE_RETRIES="0",
                   KIOSK_SOURCE_TIMEOUT="3")
    srv.cli("init")
    srv.cli("users", "create", "--username", "root", "--password", "s3cret-pass",
            "--role", "admin")
    srv.cli("sources", "add", "reviews-feed", "--kind", "rss",
            "--set", f"url={provider.url}/feed.rss")
    srv.cli("sources", "add", "broken-feed", "--kind", "rss", "--set", "interval=30",
            "--set", f"url=http://127.0.0.1:{free_port()}/feed.rss")  # nothing listens
    srv.cli("sources", "add", "shop", "--kind", "webhook")
    srv.start()
    yield srv
    log = srv.stop()
    if "Traceback" in log:
        print(log)


def sign_in(page, url: str) -> None:
    page.goto(url + "/admin/login")
    page.fill("input[name=username]", "root")
    page.fill("input[name=password]", "s3cret-pass")
    page.click("button[type=submit].primary")
    page.wait_for_url(url + "/admin/")


def run_now(page, name: str) -> str:
    with page.expect_navigation():
        page.click(f'tr[data-source="{name}"] button[data-run]')
    return page.locator("p.flash").first.inner_text()


def feedback_csv(path, rows: int, malformed: dict[int, str]) -> None:
    lines = ["external_id,text,author,rating,created_at"]
    for i in range(1, rows + 1):
        when = (NOW - timedelta(minutes=i)).isoformat()
        rating = "5"
        if malformed.get(i) == "rating":
            rating = "ten"
        elif malformed.get(i) == "date":
            when = "<img src=x onerror=alert(1)>"
        lines.append(f"c{i},\"Thank you, the team at the till {i} was lovely\",Guest {i},"
                     f"{rating},{when}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_admin_runs_sources_and_uploads_a_file_with_progress(served, console, tmp_path):
    page = console
    sign_in(page, served.url)
    page.click("nav >> text=Sources")
    page.wait_for_url(served.url + "/admin/sources")
    assert page.locator('tr[data-source="broken-feed"] [data-health]').inner_text() == \
        "never run"

    # A feed nobody answers: the flash and the row say so, in red.
    message = run_now(page, "broken-feed")
    assert message.startswith("broken-feed failed: cannot connect to 127.0.0.1")
    broken = page.locator('tr[data-source="broken-feed"]')
    assert broken.get_attribute("data-state") == "error"
    health = broken.locator("[data-health]").inner_text()
    assert health.startswith("error: ") and "127.0.0.1" in health
    colour = broken.locator(".state").evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(138, 28, 28)"  # --bad

    # A working feed: its two reviews come in.
    assert run_now(page, "reviews-feed") == "reviews-feed: 2 new, 0 duplicates, 0 rejected"
    assert page.locator('tr[data-source="reviews-feed"] [data-health]').inner_text() == "ok"
    assert page.locator('tr[data-source="shop"] button[data-run]').count() == 0

    # Upload 600 rows, 2 of them malformed, through the real file input.
    upload = tmp_path / "survey-export.csv"
    feedback_csv(upload, 600, {17: "rating", 450: "date"})
    page.evaluate("""() => {
        const bar = document.getElementById("upload-bar");
        window.barValues = [];
        new MutationObserver(() => window.barValues.push(Number(bar.value)))
            .observe(bar, {attributes: true, attributeFilter: ["value"]});
    }""")
    page.set_input_files("input[type=file][name=file]", str(upload))
    page.fill("input[name=source]", "survey")
    page.click("text=Upload and import")
    summary = page.locator("#upload-summary")
    summary.wait_for(state="visible", timeout=30_000)
    assert summary.inner_text() == \
        "598 added, 0 duplicates, 2 bad lines, 0 rejected by the rules"
    assert "flash--ok" in summary.get_attribute("class")
    assert page.locator("#upload-bar").evaluate("e => e.value") == 100
    assert page.locator("#upload-percent").inner_text() == "100 %"
    values = page.evaluate("window.barValues")
    assert values == sorted(values) and values[-1] == 100
    assert [v for v in values if 25 < v < 100], values  # moved batch by batch
    bad = page.locator("#upload-errors tr")
    assert bad.count() == 2
    assert bad.nth(0).locator("td").first.inner_text() == "18"  # the header is line 1
    assert "rating" in bad.nth(0).inner_text()
    assert "<img src=x onerror=alert(1)>" in bad.nth(1).inner_text()  # text, not markup
    assert page.locator("#upload-errors img").count() == 0
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT.replace(".png", "-upload.png"), full_page=True)

    # A file over the limit is refused before it is sent.
    big = tmp_path / "big.csv"
    big.write_bytes(b"external_id,text\n" + b"x" * (3 * 1024 * 1024))
    page.set_input_files("input[type=file][name=file]", str(big))
    page.click("text=Upload and import")
    assert summary.inner_text() == "The file is larger than the limit of 2 MB."
    assert "flash--error" in summary.get_attribute("class")

    page.reload()
    row = page.locator('tr[data-source="survey"]')
    assert row.locator("[data-health]").inner_text() == "ok"
    assert "600" in row.inner_text()
    if SCREENSHOT:
        page.screenshot(path=SCREENSHOT)
    assert page.errors == []
