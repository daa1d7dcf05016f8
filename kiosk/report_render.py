"""Rendering the monthly strengths report: its dict (built by kiosk.report) as the intranet
page and wall slide's HTML, an A4 PDF and plain text for the terminal."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from kiosk.report import Month, _shorten


def month_label(month: Month, lang: str) -> str:
    """"Ekim 2026" / "October 2026"."""
    return format_date(datetime(month.year, month.month, 1).date(), "LLLL y", locale=lang)


def change_text(percent: int | None, trend: str | None, lang: str) -> str:
    """"↑ 45%" / "↑ %45", "↓ 12%", "→ 3%", "new"/"yeni"; "" when there is nothing to compare."""
    if trend == "new":
        return "yeni" if lang == "tr" else "new"
    if percent is None:
        return ""
    arrow = {"up": "↑", "down": "↓"}.get(trend or "", "→")
    return f"{arrow} {format_percent(abs(percent) / 100, locale=lang)}"


def percent_text(share: float, lang: str) -> str:
    return format_percent(share, locale=lang)


def number_text(value: float, lang: str) -> str:
    return format_decimal(round(value, 1), format="#,##0.#", locale=lang)


def helpers(lang: str) -> dict:
    """Formatting functions the report's templates call."""
    return {
        "change": lambda pct, trend: change_text(pct, trend, lang),
        "percent": lambda share: percent_text(share, lang),
        "number": lambda value: number_text(value, lang),
        "month_name": lambda m: month_label(Month.parse(m), lang),
        "label": lambda labels: (labels or {}).get(lang) or "",
    }


def since_text(data: dict, lang: str) -> str:
    """The day collecting began, if that was inside the comparison window (else "")."""
    since = data.get("collecting_since")
    if not since or data["baseline"]["covered_months"] >= len(data["baseline"]["months"]):
        return ""
    return format_datetime(datetime.fromisoformat(since), "d MMMM y",
                           tzinfo=ZoneInfo(data["timezone"]), locale=lang)


def render_html(data: dict, lang: str, pdf: bool = False, **extra) -> str:
    """The report page (the caller sets the locale); `pdf` leaves out navigation and form."""
    from flask import current_app, render_template

    return render_template("report_monthly.html", r=data, lang=lang, pdf=pdf,
                           version=current_app.config["VERSION"],
                           since=since_text(data, lang), **helpers(lang), **extra)


def render_pdf(data: dict, lang: str) -> bytes:
    """The same report as an A4 PDF (WeasyPrint); needs an app context."""
    import flask_babel
    from flask import current_app

    from kiosk import pdf

    with current_app.test_request_context("/reports/monthly"), \
            flask_babel.force_locale(lang):
        html = render_html(data, lang, pdf=True)
    return pdf.render(html)


def render_text(data: dict, lang: str) -> str:
    """A plain-text summary for the terminal (the caller sets the locale)."""
    from flask_babel import pgettext

    words = {
        "title": pgettext("report", "Monthly strengths report"),
        "running": pgettext("report", "This month is still running."),
        "praise": pgettext("report", "Praise"),
        "before": pgettext("report", "Monthly average before"),
        "by_now": pgettext("report", "Average by this point"),
        "none": pgettext("report", "No approved praise in this month yet."),
        "themes": pgettext("report", "Themes customers praised most"),
        "words": pgettext("report", "In our customers’ words"),
        "customer": pgettext("report", "A customer"),
        "changed": pgettext("report", "What changed"),
        "rose": pgettext("report", "rose"),
        "fell": pgettext("report", "fell"),
        "quiet": pgettext("report", "went quiet"),
        "staff": pgettext("report", "Staff thanked most"),
        "branches": pgettext("report", "By branch"),
        "top_theme": pgettext("report", "Top theme"),
        "most_thanked": pgettext("report", "Most thanked"),
    }

    def label(t: dict) -> str:
        return t["label"].get(lang) or t["slug"]

    def trend(t: dict) -> str:
        return change_text(t["change_pct"], t["trend"], lang)

    totals = data["totals"]
    month = month_label(Month.parse(data["month"]), lang)
    lines = [f"{words['title']}: {month} ({data['timezone']})"]
    if not data["complete"]:
        lines.append(words["running"])
    head = f"{words['praise']}: {totals['praise']}"
    if totals["expected"] is not None:
        usual = words["before"] if data["complete"] else words["by_now"]
        head += f"  {trend(totals)}  ({usual}: {number_text(totals['expected'], lang)})"
    lines += [head, ""]
    if not data["themes"]:
        lines.append(words["none"])
        return "\n".join(lines) + "\n"
    width = max(len(label(t)) for t in data["themes"])
    lines.append(words["themes"])
    for n, t in enumerate(data["themes"], 1):
        lines.append(f"  {n:>2}. {label(t):<{width}}  {t['count']:>4}  "
                     f"{percent_text(t['share'], lang):>5}  {trend(t)}".rstrip())
    quoted = [t for t in data["themes"] if t["quotes"]]
    if quoted:
        lines += ["", words["words"]]
        for t in quoted:
            q = t["quotes"][0]
            lines.append(f"  {label(t)}: “{_shorten(q['text'], 140)}” — "
                         f"{q['author'] or words['customer']}")
    changes = data["changes"]
    if any(changes.values()):
        lines += ["", words["changed"]]
        lines += [f"  {words['rose']}: {label(t)} {trend(t)}" for t in changes["rose"]]
        lines += [f"  {trend(t)}: {label(t)} ({t['count']})" for t in changes["new"]]
        lines += [f"  {words['fell']}: {label(t)} {trend(t)}" for t in changes["fell"]]
        lines += [f"  {words['quiet']}: {label(t)}" for t in changes["quiet"]]
    if data["staff"]:
        lines += ["", words["staff"]]
        for n, s in enumerate(data["staff"], 1):
            where = " · ".join(x for x in (s["team"], s["branch"]) if x)
            lines.append(f"  {n:>2}. {s['name']} ({s['count']})" + (f"  {where}" if where else ""))
    if data["branches"]:
        lines += ["", words["branches"]]
        for b in data["branches"]:
            parts = [f"  {b['name']}: {b['count']}"]
            if b["top_theme"]:
                parts.append(f"{words['top_theme']}: {b['top_theme_label'].get(lang)}")
            if b["top_staff"]:
                parts.append(f"{words['most_thanked']}: {b['top_staff']}")
            lines.append(" · ".join(parts))
    return "\n".join(lines) + "\n"
