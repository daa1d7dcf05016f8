"""The morning huddle deck: yesterday's praise as full-screen slides.

A team lead opens /huddle in the 10-minute morning meeting and clicks through it. No
sign-in: the deck shows exactly what the walls already show publicly, the redacted face
of an item from feed.display_item, and nothing else about a customer.

Order: pinned first (a curator chose them to lead), then oldest to newest. A huddle
retells the day, so the deck follows it as it happened, morning shift before evening
shift, and a lead can say "at nine o'clock a customer wrote…" without jumping about.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date
from flask import Blueprint, current_app, make_response, render_template, request
from sqlalchemy import select

from kiosk import db, stats, taxonomy
from kiosk.feed import display_item
from kiosk.models import ON_SCREEN, Analysis, Branch, Item, StaffMember, Status

bp = Blueprint("huddle", __name__)

# Ten minutes, a minute or so per quote: more would never be shown, only make the page heavy.
MAX_SLIDES = 40
SPARK_W, SPARK_H = 1000, 200
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

LABELS = {
    "tr": {
        "huddle": "Sabah toplantısı",
        "from_customers": "Müşterilerimizden",
        "all": "Tüm şubeler",
        "branch": "{} şubesi",
        "team": "{} ekibi",
        "praise_n": "müşteri teşekkürü",
        "shown": "ilk {} tanesi gösteriliyor",
        "start": "başla",
        "fullscreen": "tam ekran",
        "thanked": "Teşekkür alanlar",
        "featured": "Öne çıkan",
        "for_names": "{} için",
        "for_team": "{} ekibi için",
        "customer_says": "Bir müşterimiz diyor ki",
        "anonymous": "Bir müşterimiz",
        "and": " ve ",
        "stars": "5 üzerinden {}",
        "empty_yesterday": "Dün müşterilerimizden teşekkür gelmedi.",
        "empty_day": "{} günü müşterilerimizden teşekkür gelmedi.",
        "empty_next": "Bugünün ilk teşekkürünü birlikte kazanalım.",
        "week": "{} haftası",
        "praise_week": "teşekkür bu hafta",
        "change": "geçen haftanın aynı günlerine göre",
        "weeks_ago": "14 hafta önce",
        "this_week": "bu hafta",
        "themes": "En çok övülen",
        "staff": "En çok teşekkür alan",
        "places": "Şubeler",
        "none": "Henüz yok",
        "see_you": "İyi çalışmalar!",
        "date": "Tarih",
        "show": "Göster",
        "any": "Hepsi",
        "team_field": "Ekip",
        "branch_field": "Şube",
        "bad_date": "Tarih YYYY-AA-GG biçiminde olmalı, örneğin 2024-05-14.",
        "spark": "Son 14 haftanın haftalık teşekkür sayıları: {}",
        "deck": "Slaytlar",
    },
    "en": {
        "huddle": "Morning huddle",
        "from_customers": "From our customers",
        "all": "All branches",
        "branch": "{} branch",
        "team": "{} team",
        "praise_n": "customer praise",
        "shown": "showing the first {}",
        "start": "start",
        "fullscreen": "full screen",
        "thanked": "Thanked",
        "featured": "Featured",
        "for_names": "For {}",
        "for_team": "For the {} team",
        "customer_says": "A customer says",
        "anonymous": "A customer",
        "and": " and ",
        "stars": "{} out of 5",
        "empty_yesterday": "No customer praise came in yesterday.",
        "empty_day": "No customer praise came in on {}.",
        "empty_next": "Let's earn today's first thank-you together.",
        "week": "Week of {}",
        "praise_week": "praise this week",
        "change": "compared with the same days last week",
        "weeks_ago": "14 weeks ago",
        "this_week": "this week",
        "themes": "Loved most",
        "staff": "Thanked most",
        "places": "Branches",
        "none": "None yet",
        "see_you": "Have a great day!",
        "date": "Date",
        "show": "Show",
        "any": "All",
        "team_field": "Team",
        "branch_field": "Branch",
        "bad_date": "The date must look like YYYY-MM-DD, for example 2024-05-14.",
        "spark": "Praise per week over the last 14 weeks: {}",
        "deck": "Slides",
    },
}

SOURCES = {"google": "Google", "foursquare": "Foursquare", "appstore": "App Store",
           "app_store": "App Store", "app-store": "App Store", "playstore": "Google Play",
           "mastodon": "Mastodon", "x": "X", "twitter": "X", "rss": "RSS",
           "email": {"tr": "E-posta", "en": "E-mail"}, "survey": {"tr": "Anket", "en": "Survey"},
           "csv": None, "json": None, "webhook": None}


def _now() -> datetime:
    """The current instant; tests replace it to pin 'yesterday'."""
    return datetime.now(UTC)


def _source_label(source: str | None, lang: str) -> str | None:
    """A readable source name, or None for sources that mean nothing to a team."""
    if not source:
        return None
    label = SOURCES.get(source.lower(), source)
    return label.get(lang) if isinstance(label, dict) else label


def _join(names: list[str], words: dict) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + words["and"] + names[-1]


def _day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return start, end


def _team_names(team: str, branch: str | None) -> set[str]:
    """Roster names of a team; with a branch, that branch's team (a chain has a 'Kasa'
    team in every shop) plus people the roster ties to no branch."""
    query = select(StaffMember.name, StaffMember.branch).where(StaffMember.team == team)
    return {name for name, where in db.session().execute(query)
            if branch is None or where in (None, "", branch)}


def day_praise(day: date, tz: ZoneInfo, now: datetime, branch: str | None = None,
               team: str | None = None) -> list[Item]:
    """Praise on screens that was written on `day` (local), filtered like a wall would be."""
    start, end = _day_bounds(day, tz)
    query = (select(Item).join(Analysis)
             .where(Analysis.label == "praise", Item.status.in_(ON_SCREEN),
                    Item.recalled_at.is_(None), Item.created_at >= start, Item.created_at < end)
             .order_by((Item.status == Status.PINNED.value).desc(), Item.created_at.asc(),
                       Item.id.asc()))
    names = _team_names(team, branch) if team else None
    items = []
    for item in db.session().scalars(query).unique():
        analysis = item.analysis
        if "profanity" in (analysis.flags or []) and not item.edited_text:
            continue  # the walls show it only after a curator's clean edit; so do we
        if item.expires_at is not None and item.expires_at <= now:
            continue
        if branch and branch != item.branch and branch not in (analysis.branches or []):
            continue
        if names is not None and not names & set(analysis.mentions or []):
            continue
        items.append(item)
    return items


def _slide(item: Item, tz: ZoneInfo, lang: str, words: dict) -> dict:
    """One praise slide, built only from the public face of the item."""
    face = display_item(item)
    names = face["mentions"][:3]
    if names:
        about = words["for_names"].format(_join(names, words))
    elif face["branch"]:
        about = words["for_team"].format(face["branch"])
    else:
        about = words["customer_says"]
    rating = face["rating"] if isinstance(face["rating"], int) and 1 <= face["rating"] <= 5 \
        else None
    return {
        "text": face["text"],
        "lang": face["lang"] if face["lang"] in ("tr", "en") else lang,
        "author": face["author"] or words["anonymous"],
        "about": about,
        "pinned": face["pinned"],
        "mentions": face["mentions"],
        "branch": face["branch"],
        "branch_label": words["branch"].format(face["branch"]) if face["branch"] else None,
        "source": _source_label(face["source"], lang),
        "stars": "★" * rating + "☆" * (5 - rating) if rating else None,
        "stars_label": words["stars"].format(rating) if rating else None,
        "time": datetime.fromisoformat(face["created_at"]).astimezone(tz).strftime("%H:%M"),
    }


def _numbers(as_of: datetime, tz: str, branch: str | None, lang: str, words: dict) -> dict:
    """The closing slide: the week's numbers with names and labels ready to print."""
    week = stats.weekly(as_of, tz, branches=[branch] if branch else None)
    labels = {t.slug: (t.label_en if lang == "en" else t.label_tr)
              for t in taxonomy.current_matcher().themes}
    points = stats.sparkline_points(week["series"], SPARK_W, SPARK_H)
    last = points.rsplit(" ", 1)[-1].split(",") if points else ["0", str(SPARK_H)]
    change = week["change"]
    return {
        "week": words["week"].format(format_date(date.fromisoformat(week["week_start"]),
                                                 "d MMMM", locale=lang)),
        "praise": week["praise"],
        "change": f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "±0",
        "trend": "up" if change > 0 else "down" if change < 0 else "flat",
        "points": points,
        "area": f"0,{SPARK_H} {points} {SPARK_W},{SPARK_H}" if points else "",
        "last": {"x": last[0], "y": last[1]},
        "spark_label": words["spark"].format(", ".join(map(str, week["series"]))),
        "themes": [{"name": labels.get(t["theme"], t["theme"]), "count": t["count"]}
                   for t in week["top_themes"]],
        "staff": [{"name": s["name"], "count": s["count"]} for s in week["top_staff"]],
        "places": [{"name": b["branch"], "count": b["count"]} for b in week["top_branches"]],
    }


def _arg(name: str) -> str | None:
    value = (request.args.get(name) or "").strip()
    return value[:120] or None


@bp.get("/huddle")
def deck():
    cfg = current_app.config
    lang = request.args.get("lang")
    if lang not in LABELS:
        lang = cfg["LANGUAGE"] if cfg["LANGUAGE"] in LABELS else "tr"
    words = LABELS[lang]
    tz_name = cfg.get("TIMEZONE") or "Europe/Istanbul"
    tz = ZoneInfo(tz_name)
    now = _now()
    yesterday = now.astimezone(tz).date() - timedelta(days=1)

    raw = (request.args.get("date") or "").strip()
    if raw:
        try:
            if not DATE_RE.fullmatch(raw):
                raise ValueError(raw)
            day = date.fromisoformat(raw)
        except ValueError:
            response = make_response(words["bad_date"] + "\n", 400)
            response.headers["Content-Type"] = "text/plain; charset=utf-8"
            return response
    else:
        day = yesterday
    branch, team = _arg("branch"), _arg("team")

    items = day_praise(day, tz, now, branch, team)
    # The numbers as the day ended, so a past date shows its own week, not today's.
    as_of = min(now, _day_bounds(day, tz)[1] - timedelta(seconds=1))
    scope = [words["branch"].format(branch)] if branch else []
    if team:
        scope.append(words["team"].format(team))
    session = db.session()
    response = make_response(render_template(
        "huddle.html",
        lang=lang, t=words, version=cfg["VERSION"],
        day=day.isoformat(),
        weekday=format_date(day, "EEEE", locale=lang),
        date_long=format_date(day, "d MMMM y", locale=lang),
        date_short=format_date(day, "d MMMM", locale=lang),
        is_yesterday=day == yesterday,
        scope=" · ".join(scope) or words["all"],
        branch=branch, team=team,
        branches=session.scalars(select(Branch.name).order_by(Branch.name)).all(),
        teams=sorted({t for t in session.scalars(select(StaffMember.team)) if t}),
        count=len(items),
        # As each person chose to be named on screens (shoutouts.py), like the slides.
        thanked=Counter(m for item in items for m in display_item(item)["mentions"])
        .most_common(6),
        slides=[_slide(item, tz, lang, words) for item in items[:MAX_SLIDES]],
        numbers=_numbers(as_of, tz_name, branch, lang, words),
        spark={"w": SPARK_W, "h": SPARK_H},
    ))
    response.headers["Cache-Control"] = "no-store"
    return response
