"""Lay a poster's quotes out on one page: font steps by length, the wall's highlighting and
shortening, and measured renders stepped down until they fit. kiosk.posters fills the page.

The quote gets the largest font step its length allows; each layout is measured (page count, and
the room left between two anchors) and stepped down until it fits one page, and only at the
smallest step is the text shortened at a word with "…" — the wall's rule.

Emoji: static/poster/poster.css names text fonts only and lets fontconfig fall back to Noto
Color Emoji; naming the emoji font in `font-family` draws digits from it (RESOURCES.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import render_template
from flask_babel import force_locale

from kiosk import pdf

ELLIPSIS = "…"
# Largest quote font step (index 0) for texts up to this many characters; the last step is
# the floor, below which the text is shortened instead. Sizes live in static/poster/poster.css.
ITEM_STEPS = (40, 70, 110, 160, 230, 320, 450, 650, 900)
WEEK_STEPS = (60, 110, 170, 240, 330)
WEEK_FEWEST = 3  # a week poster drops quotes down to this many before shortening them
ROOMY = 260  # CSS px (~7 cm) left over: the quote may take the next font size up


@dataclass
class Quote:
    item_id: int
    segments: list[tuple[str, str | None]]
    author: str | None
    source: str
    day: str
    branch: str | None
    rating: int | None
    mentions: list[dict] = field(default_factory=list)
    step: int = 0
    text: str = ""


# --- text: the wall's highlighting and shortening, in Python -------------------------------

_FOLD = str.maketrans("şçğıöüâîûé", "scgiouaiue")
_TITLES = ("hanimefendi", "hanim", "beyefendi", "bey", "hocam", "hoca", "hn")
_APOSTROPHES = "'’"


def _fold(text: str) -> str:
    """Lower-case the Turkish way and drop diacritics, one character per character."""
    out = []
    for ch in text:
        low = "i" if ch == "İ" else "ı" if ch == "I" else ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).translate(_FOLD)


def _letter(text: str, at: int) -> bool:
    return 0 <= at < len(text) and text[at].isalnum()


def _suffix(text: str, end: int) -> int:
    """Extend a match over an apostrophe suffix: "Ayşe'ye", "Kadıköy'deki"."""
    if end < len(text) and text[end] in _APOSTROPHES and _letter(text, end + 1):
        end += 1
        while _letter(text, end):
            end += 1
    return end


def _title(text: str, folded: str, end: int) -> int:
    """Extend a name over a polite title right after it: "Ayşe Hanım'a", "Barış Bey"."""
    start = end
    while start < len(text) and start - end < 3 and text[start] in " \u00a0":
        start += 1
    if start == end:
        return end
    for title in _TITLES:
        stop = start + len(title)
        if folded.startswith(title, start) and (not _letter(text, stop)
                                                or text[stop] in _APOSTROPHES):
            return _suffix(text, stop + 1 if folded[stop:stop + 1] == "." else stop)
    return end


def _find(text: str, folded: str, needle: str, kind: str, hits: list) -> None:
    wanted = _fold(needle.strip())
    if len(wanted) < 2:
        return
    at = folded.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if not _letter(text, at - 1) and not (_letter(text, end) and text[end] not in
                                               _APOSTROPHES):
            stop = _suffix(text, end)
            hits.append((at, _title(text, folded, stop) if kind == "name" else stop, kind))
        at = folded.find(wanted, at + 1)


def highlight(text: str, mentions: list[str], branch: str | None = None
              ) -> list[tuple[str, str | None]]:
    """Cut text into (part, kind) where kind is "name", "branch" or None (as the wall does)."""
    folded, hits = _fold(text), []
    for name in mentions or []:
        if not isinstance(name, str) or not name.strip():
            continue
        before = len(hits)
        _find(text, folded, name, "name", hits)
        if len(hits) == before:
            for part in name.split():
                if len(part) >= 3:
                    _find(text, folded, part, "name", hits)
    if branch:
        _find(text, folded, branch, "branch", hits)
    hits.sort(key=lambda h: (h[0], -h[1]))
    segments, pos = [], 0
    for start, end, kind in hits:
        if start < pos:
            continue  # inside an earlier, longer hit
        if start > pos:
            segments.append((text[pos:start], None))
        segments.append((text[start:end], kind))
        pos = end
    if pos < len(text) or not segments:
        segments.append((text[pos:], None))
    return segments


def shorten(text: str, words: int) -> str:
    """The first `words` words with "…", trailing punctuation dropped; never inside a word."""
    parts = text.split()
    if words >= len(parts):
        return text.strip()
    head = " ".join(parts[:max(1, words)]).rstrip(" ,;:.!?-–—(«\"“'’")
    return (head or parts[0]) + ELLIPSIS


def step_for(length: int, steps: tuple[int, ...]) -> int:
    """Index of the largest font step for a text this long (len(steps) is the floor)."""
    return next((i for i, limit in enumerate(steps) if length <= limit), len(steps))


# --- fitting the page ---------------------------------------------------------------------

def _render(template_args: dict, lang: str) -> str:
    with force_locale(lang):
        return render_template("poster.html", **template_args)


def free_space(html: str) -> float | None:
    """Room left at the foot of a one-page poster, in CSS px; None when it does not fit.

    Measured between the #poster-top and #poster-end anchors of a render in plain block
    flow, where too much text makes a second page instead of spilling silently.
    """
    from weasyprint import HTML

    pages = HTML(string=html, base_url=pdf.STATIC.as_uri() + "/").render().pages
    if len(pages) != 1:
        return None
    top, end = pages[0].anchors["poster-top"][1], pages[0].anchors["poster-end"][1]
    free = (pages[0].height - 2 * top) - (end - top)  # the top and bottom margins are equal
    return free if free >= 0 else None


def _reshape(quote: Quote, text: str) -> None:
    quote.segments = highlight(text, [m["name"] for m in quote.mentions], quote.branch)


def _spaced(args: dict, lang: str, weights: tuple[float, ...]) -> tuple[str, float] | None:
    """Render; if it fits, hand the room left to the .space boxes by weight, and check."""
    plain = _render(args, lang)
    free = free_space(plain)
    if free is None:
        return None
    room = max(0.0, free - 2)  # a hair of slack for rounding
    spaced = _render({**args, "spaces": [room * w / sum(weights) for w in weights]}, lang)
    return (spaced if free_space(spaced) is not None else plain), free


def fit_item(quote: Quote, args: dict, lang: str) -> str:
    """Largest font step that keeps the poster on one page; shorten only at the floor.

    The quote is then centred in the room left between the header and the thank-you.
    """
    floor = len(ITEM_STEPS)

    def attempt() -> tuple[str, float] | None:
        return _spaced({**args, "quotes": [quote]}, lang, (0.45, 0.55))

    quote.step = step_for(len(quote.text), ITEM_STEPS)
    while (fitted := attempt()) is None and quote.step < floor:
        quote.step += 1
    if fitted is not None:
        html, free = fitted
        while quote.step > 0 and free > ROOMY:  # a short text in a tall box: one size up
            quote.step -= 1
            if (bigger := attempt()) is None:
                quote.step += 1
                break
            html, free = bigger
        return html
    words, html = quote.text.split(), None
    lo, hi = 1, len(words) - 1
    while lo <= hi:  # the longest word prefix that fits, in about log2(words) renders
        mid = (lo + hi) // 2
        _reshape(quote, shorten(quote.text, mid))
        if (fitted := attempt()) is not None:
            html, lo = fitted[0], mid + 1
        else:
            hi = mid - 1
    if html is None:
        _reshape(quote, shorten(quote.text, 1))
        html = _render({**args, "quotes": [quote]}, lang)
    return html


def fit_week(quotes: list[Quote], args: dict, lang: str) -> tuple[str, list[Quote]]:
    """Step all quotes down together until the page holds them; then fewer; then shorter.
    What room is left goes evenly between the cards."""
    floor = len(WEEK_STEPS)

    def attempt(chosen: list[Quote]) -> str | None:
        fitted = _spaced({**args, "quotes": chosen}, lang, (1.0,) * (len(chosen) + 1))
        return fitted[0] if fitted else None

    for count in range(len(quotes), min(len(quotes), WEEK_FEWEST) - 1, -1):
        chosen = quotes[:count]
        for shift in range(floor + 1):
            for q in chosen:
                q.step = min(floor, step_for(len(q.text), WEEK_STEPS) + shift)
            if (html := attempt(chosen)) is not None:
                return html, chosen
    chosen = quotes[:WEEK_FEWEST]
    for words in (40, 28, 18, 10, 5):
        for q in chosen:
            q.step = floor
            _reshape(q, shorten(q.text, words))
        if (html := attempt(chosen)) is not None:
            return html, chosen
    return _render({**args, "quotes": chosen}, lang), chosen
