"""How a wall paces praise: reading-time dwell bounds, shifts, and whether a text fits.

The screen computes each slide's dwell itself (static/display/dwell.js: words per second
per language plus a lead-in, kept between the channel's min and max); the server keeps
the bounds and the shifts valid, and warns curators about texts a screen will have to cut.
See docs/wall-timing.md for the numbers and why.
"""

from __future__ import annotations

import re
from datetime import datetime

from kiosk.models import Item

DEFAULT_DWELL = {"min": 8, "max": 30}
DWELL_RANGE = (3, 120)  # seconds either bound may take
MAX_SHIFTS = 6
_SHIFT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")

# Characters of quote a 1080p screen holds at the 54 px floor (DESIGN: "rules that hold
# everywhere"), measured with the display page itself (docs/wall-timing.md): about 505–517
# landscape and 563–584 portrait (with a QR code), so these warn a little early. Every size
# is in vmin, so 4K at scale 1 holds the same. An announcement banner takes a quarter more.
QUOTE_CHARS = {"landscape": 460, "portrait": 510}


class PacingError(ValueError):
    pass


def clean_dwell(raw) -> dict:
    """{"min": s, "max": s} with whole seconds in DWELL_RANGE and min ≤ max; {} = defaults."""
    if raw in (None, {}, ""):
        return {}
    if not isinstance(raw, dict) or set(raw) - {"min", "max"}:
        raise PacingError('dwell is {"min": seconds, "max": seconds} or empty')
    low, high = DWELL_RANGE
    out = {**DEFAULT_DWELL}
    for key in ("min", "max"):
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise PacingError(f"dwell {key} must be a whole number of seconds from "
                                  f"{low} to {high}")
            out[key] = value
    if out["min"] > out["max"]:
        raise PacingError("dwell min must not be more than its max")
    return out


def clean_shifts(raw) -> list[str]:
    """A list of "HH:MM-HH:MM" (company time; may cross midnight), sorted, no duplicates."""
    if raw in (None, "", []):
        return []
    if isinstance(raw, str):  # the console's text box: "07:00-15:00, 15:00 – 23:00"
        raw = re.split(r"[,;\n]+", raw)
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise PacingError('shifts is a list of "HH:MM-HH:MM"')
    shifts = sorted({re.sub(r"(?<!\d)(\d):", r"0\1:", re.sub(r"\s+", "", s).replace("–", "-"))
                     for s in raw if s.strip()})  # "7:00" is 07:00
    for shift in shifts:
        match = _SHIFT.match(shift)
        if not match:
            raise PacingError(f'a shift is "HH:MM-HH:MM" (e.g. 07:00-15:00), not {shift!r}')
        if match.group(1, 2) == match.group(3, 4):
            raise PacingError(f"shift {shift} starts when it ends")
    if len(shifts) > MAX_SHIFTS:
        raise PacingError(f"at most {MAX_SHIFTS} shifts")
    return shifts


def shown_text(item: Item) -> str:
    """What a screen shows of the item (a curator's edit, else the redacted text)."""
    analysis = item.analysis
    return item.edited_text or (analysis.display_text if analysis else item.text) or ""


def too_long_for(text: str) -> list[str]:
    """The orientations ("landscape", "portrait") whose screens must cut this text."""
    length = len(" ".join(text.split()))
    return [o for o, most in QUOTE_CHARS.items() if length > most]


def arrived_at(item: Item) -> datetime:
    """When the item reached the walls: its approval, or when it was written if later.

    Shift-aware rotation puts praise that arrived since the shift began first; an old
    review approved this morning is news to the morning shift, who never saw it."""
    if item.decided_at is not None and item.decided_at > item.created_at:
        return item.decided_at
    return item.created_at
