"""The morning huddle deck (/huddle): which praise it shows, and how safely."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from kiosk import roster, stats
from kiosk.web import huddle

# Wednesday 15 May 2024, 01:30 in Istanbul (UTC+3) but still Tuesday 14 May in UTC:
# "yesterday" is the 14th in the company's zone and would be the 13th in UTC.
NOW = datetime(2024, 5, 14, 22, 30, tzinfo=UTC)
ISTANBUL_14TH_EARLY = "2024-05-13T21:30:00+00:00"  # 14 May 00:30 Istanbul
ISTANBUL_14TH_LATE = "2024-05-14T20:00:00+00:00"  # 14 May 23:00 Istanbul
ISTANBUL_13TH = "2024-05-13T20:30:00+00:00"  # 13 May 23:30 Istanbul (the 13th in UTC too)
ISTANBUL_15TH = "2024-05-14T21:30:00+00:00"  # 15 May 00:30 Istanbul, "today"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(huddle, "_now", lambda: NOW)


def quotes(html: str) -> list[str]:
    return re.findall(r'<p class="quote__text"[^>]*>(.*?)</p>', html, re.S)


def count(html: str) -> int:
    return int(re.search(r'class="title__n">(\d+)<', html).group(1))


def test_default_day_is_yesterday_in_istanbul_oldest_first(client, make_item):
    make_item("Late evening: the cashier was lovely, thank you!", created_at=ISTANBUL_14TH_LATE)
    make_item("Just after midnight: wonderful staff, thank you!", created_at=ISTANBUL_14TH_EARLY)
    make_item("The day before: great service, thanks a lot!", created_at=ISTANBUL_13TH)
    make_item("Today already: excellent help, thank you!", created_at=ISTANBUL_15TH)

    response = client.get("/huddle")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert quotes(html) == ["Just after midnight: wonderful staff, thank you!",
                            "Late evening: the cashier was lovely, thank you!"]
    assert count(html) == 2
    assert "14 Mayıs 2024" in html  # the company's language by default (tr)
    assert ">00:30<" in html and ">23:00<" in html  # times in the company's zone
    assert response.headers["Cache-Control"] == "no-store"


def test_pinned_comes_first(client, make_item):
    make_item("First of the day: wonderful staff, thank you!", created_at=ISTANBUL_14TH_EARLY)
    make_item("Curators loved this one: brilliant help, thank you!", status="pinned",
              created_at=ISTANBUL_14TH_LATE)
    html = client.get("/huddle").get_data(as_text=True)
    assert quotes(html)[0].startswith("Curators loved this one")
    assert "Öne çıkan" in html


def test_date_parameter_picks_the_local_day(client, make_item):
    make_item("The day before: great service, thanks a lot!", created_at=ISTANBUL_13TH)
    make_item("Just after midnight: wonderful staff, thank you!", created_at=ISTANBUL_14TH_EARLY)
    html = client.get("/huddle?date=2024-05-13").get_data(as_text=True)
    assert quotes(html) == ["The day before: great service, thanks a lot!"]
    assert "13 Mayıs 2024" in html


def test_branch_filter_uses_item_branch_and_analysis_branches(client, make_item):
    roster.import_branches("name,city,aliases\nKadıköy,İstanbul,\nBeşiktaş,İstanbul,\n")
    make_item("Lovely fresh bread and friendly staff, thank you!", branch="Kadıköy",
              created_at=ISTANBUL_14TH_EARLY)
    make_item("Kadıköy şubesindeki ekibe çok teşekkürler, harika ilgi!",
              created_at=ISTANBUL_14TH_LATE)
    make_item("Great service at the till, thank you so much!", branch="Beşiktaş",
              created_at=ISTANBUL_14TH_LATE)
    html = client.get("/huddle?branch=Kadıköy").get_data(as_text=True)
    assert quotes(html) == ["Lovely fresh bread and friendly staff, thank you!",
                            "Kadıköy şubesindeki ekibe çok teşekkürler, harika ilgi!"]
    assert "Kadıköy şubesi" in html


def test_team_filter_goes_through_the_roster(client, make_item):
    roster.import_roster("name,aliases,team,branch\nAyşe Yılmaz,Ayşe Hanım,Kasa,Kadıköy\n"
                         "Can Demir,Can Bey,Manav,Beşiktaş\n")
    make_item("Kasadaki Ayşe Hanım'a çok teşekkürler, harika ilgi!",
              created_at=ISTANBUL_14TH_EARLY)
    make_item("Can Bey was so kind and helpful at the fruit stand, thank you!",
              created_at=ISTANBUL_14TH_LATE)
    make_item("Wonderful staff, thank you so much!", created_at=ISTANBUL_14TH_LATE)

    html = client.get("/huddle?team=Kasa").get_data(as_text=True)
    assert quotes(html) == ["Kasadaki Ayşe Hanım&#39;a çok teşekkürler, harika ilgi!"]
    assert "Kasa ekibi" in html
    assert "data-mentions='[\"Ay\\u015fe Y\\u0131lmaz\"]'" in html  # highlighted by the page
    # Beşiktaş's greengrocers are not Kadıköy's.
    assert quotes(client.get("/huddle?team=Manav&branch=Kadıköy").get_data(as_text=True)) == []
    assert len(quotes(client.get("/huddle?team=Manav").get_data(as_text=True))) == 1


def test_only_praise_on_screens_is_shown(client, make_item):
    make_item("Approved praise: wonderful staff, thank you!", status="approved",
              created_at=ISTANBUL_14TH_EARLY)
    make_item("Rejected praise: wonderful staff, thank you!", status="rejected",
              created_at=ISTANBUL_14TH_EARLY)
    make_item("Pending praise: wonderful staff, thank you!", status="pending",
              created_at=ISTANBUL_14TH_EARLY)
    make_item("Terrible service, waited forever and nobody helped. Never again.",
              status="approved", created_at=ISTANBUL_14TH_LATE)
    html = client.get("/huddle").get_data(as_text=True)
    assert quotes(html) == ["Approved praise: wonderful staff, thank you!"]
    assert "Rejected" not in html and "Pending" not in html and "Terrible" not in html
    assert count(html) == 1


def test_customer_text_is_escaped_and_only_its_public_face_shown(client, make_item):
    make_item('Wonderful staff, thank you! <script>alert(1)</script><img src=x onerror=alert(2)>'
              " Write me at ayse.kaya@example.com", author="Ayşe Kaya",
              url="https://maps.example/review/42", status="approved",
              created_at=ISTANBUL_14TH_EARLY)
    html = client.get("/huddle").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert" not in html and "<img" not in html
    assert "— Ayşe K." in html
    assert "Ayşe Kaya" not in html and "ayse.kaya@example.com" not in html
    assert "maps.example" not in html


def test_bad_date_is_a_400_with_a_message(client):
    for bad in ("2024-13-01", "yesterday", "20240514", "2024-02-30", "2024-05-14T00:00"):
        response = client.get(f"/huddle?date={bad}&lang=en")
        assert response.status_code == 400, bad
        assert "YYYY-MM-DD" in response.get_data(as_text=True)


def test_csp_header_and_no_inline_script_or_style(client, make_item):
    make_item("Wonderful staff, thank you so much!", created_at=ISTANBUL_14TH_EARLY)
    response = client.get("/huddle")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    html = response.get_data(as_text=True)
    assert re.findall(r"<script\b[^>]*>", html) == [
        '<script type="module" src="/static/huddle/huddle.js?v='
        + re.search(r'huddle\.js\?v=([^"]+)"', html).group(1) + '">']
    assert "<style" not in html and " style=" not in html and "javascript:" not in html


def test_empty_day_is_kind_and_still_has_the_numbers(client, app):
    app.config["LANGUAGE"] = "en"
    html = client.get("/huddle").get_data(as_text=True)
    assert "No customer praise came in yesterday." in html
    assert 'data-kind="numbers"' in html and "praise this week" in html
    assert ">3</span>" in html  # title + empty slide + numbers
    other = client.get("/huddle?date=2024-05-01").get_data(as_text=True)
    assert "No customer praise came in on 1 May 2024." in other


def test_closing_slide_has_the_weeks_numbers(client, make_item):
    make_item("Monday night: the butcher was so helpful, thank you!", created_at=ISTANBUL_13TH)
    make_item("Just after midnight: wonderful staff, thank you!", created_at=ISTANBUL_14TH_EARLY)
    make_item("Late evening: the cashier was lovely, thank you!", created_at=ISTANBUL_14TH_LATE)
    make_item("Today already: excellent help, thank you!", created_at=ISTANBUL_15TH)
    html = client.get("/huddle?lang=en").get_data(as_text=True)
    # As the 14th ended: three this week (Mon 13th–Tue 14th); the 15th is not yet.
    assert re.search(r'id="praise-week">3<', html)
    assert "Week of 13 May" in html
    week = stats.weekly(datetime(2024, 5, 14, 20, 59, 59, tzinfo=UTC), "Europe/Istanbul")
    points = stats.sparkline_points(week["series"], huddle.SPARK_W, huddle.SPARK_H)
    assert f'<polyline class="spark__line" points="{points}"' in html
    assert '<p class="big__n">+3</p>' in html  # nothing the same days last week


def test_language_follows_config_and_the_query_overrides_it(client, app):
    assert "Sabah toplantısı" in client.get("/huddle").get_data(as_text=True)
    assert "Morning huddle" in client.get("/huddle?lang=en").get_data(as_text=True)
    app.config["LANGUAGE"] = "en"
    assert "Morning huddle" in client.get("/huddle").get_data(as_text=True)
    assert "Sabah toplantısı" in client.get("/huddle?lang=tr").get_data(as_text=True)
    assert "Morning huddle" in client.get("/huddle?lang=xx").get_data(as_text=True)


def test_everything_the_page_loads_is_small(client, make_item):
    for n in range(30):
        make_item(f"Wonderful staff number {n}, thank you so much! " * 6,
                  created_at=ISTANBUL_14TH_EARLY)
    html = client.get("/huddle").get_data()
    total = len(html)
    for path in ("/static/huddle/huddle.js", "/static/huddle/huddle.css",
                 "/static/display/text.js"):  # huddle.js imports the wall's text helpers
        response = client.get(path)
        assert response.status_code == 200, path
        total += len(response.get_data())
        response.close()
    assert total < 150_000
