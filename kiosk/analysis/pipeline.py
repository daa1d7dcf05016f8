"""One pipeline for every way feedback arrives: import, webhook, connectors, `kiosk analyze`."""

from __future__ import annotations

import gc
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime

from kiosk.analysis.language import detect_language
from kiosk.analysis.mentions import Roster, find_mentions
from kiosk.analysis.profanity import find_profanity
from kiosk.analysis.redaction import display_author, redact_text
from kiosk.analysis.sentiment import COMPLAINT_AT, PRAISE_AT, assess
from kiosk.analysis.text import normalise
from kiosk.analysis.themes import ThemeMatcher, default_matcher
from kiosk.feedback import FeedbackItem

_EMPTY_ROSTER = Roster()
# Longest text the sentiment rules read, in characters. Screens show a few hundred; longer
# texts arrive only where MAX_TEXT_LENGTH was raised, and scoring all of 100 kB takes
# seconds. The start is scored, but praise is never assumed from a part: it waits for a person.
SCORED_LENGTH = 20_000


@dataclass(frozen=True)
class Thresholds:
    praise: float = PRAISE_AT
    complaint: float = COMPLAINT_AT

    @classmethod
    def from_config(cls, config) -> Thresholds:
        return cls(praise=config["PRAISE_THRESHOLD"], complaint=config["COMPLAINT_THRESHOLD"])


@dataclass
class AnalysisResult:
    external_id: str
    lang: str
    sentiment: float
    label: str
    display_text: str
    display_author: str | None
    themes: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    confidence: float | None = None  # the verdict model's P(praise) of praise the rules found too

    def to_json(self) -> dict:
        return asdict(self)


def _without_names(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with staff and branch names masked: Mutlu, Sevinç, Yağmur and Güneşli are
    names here, not happiness, joy, rain or sunshine for the sentiment to count."""
    if not spans:
        return text
    text = normalise(text)
    for start, stop in sorted(spans, reverse=True):
        text = text[:start] + "X" + text[stop:]
    return text


def read_names(text: str, roster: Roster | None, branch: str | None,
               lang: str) -> tuple[list[str], list[str], str]:
    """The staff and branches a text names, and what the sentiment reads of it: the names
    masked, the start only. The verdict model is trained on texts read exactly so."""
    spans: list[tuple[int, int]] = []
    people, branches = find_mentions(text, roster or _EMPTY_ROSTER, branch, lang, spans)
    return people, branches, _without_names(text, spans)[:SCORED_LENGTH]


def analyze(item: FeedbackItem, thresholds: Thresholds = Thresholds(),
            roster: Roster | None = None, themes: ThemeMatcher | None = None,
            ) -> AnalysisResult:
    """Language → sentiment → themes → mentions → redaction → profanity, for one item."""
    lang = detect_language(item.text, item.lang)
    people, branches, scored = read_names(item.text, roster, item.branch, lang)
    verdict = assess(scored, lang, item.rating, thresholds.praise, thresholds.complaint)
    if len(item.text) > SCORED_LENGTH and verdict.label == "praise":
        verdict = replace(verdict, label="neutral", reasons=(*verdict.reasons, "too long"),
                          confidence=None)
    if item.branch and item.branch not in branches:
        branches.append(item.branch)
    display_text = redact_text(item.text, lang)
    flags = []
    if display_text != normalise(item.text):
        flags.append("personal data")
    if find_profanity(item.text, lang):
        flags.append("profanity")
    return AnalysisResult(
        external_id=item.external_id,
        lang=lang,
        sentiment=verdict.score,
        label=verdict.label,
        display_text=display_text,
        display_author=display_author(item.author),
        themes=(themes or default_matcher()).find(item.text, lang),
        mentions=people,
        branches=branches,
        flags=flags,
        reasons=list(verdict.reasons),
        confidence=None if verdict.confidence is None else round(verdict.confidence, 4),
    )


def warm_up() -> None:
    """Load what every text needs (lexicons, verdict models, language ID) before the first
    one arrives, and take it out of the garbage collector's passes for good: a full pass
    would walk those tens of thousands of objects again and again while a batch runs (6 % of
    a batch's time, docs/benchmarks.md).

    For the command line's batch processes (`kiosk analyze`, `kiosk import`): the freeze
    is permanent and takes in everything alive at the call. Web workers freeze their own
    start-up (server._tune_for_many_sockets)."""
    for text in ("Çok teşekkürler, Ayşe Hanım harikaydı!", "Great service, thank you!"):
        analyze(FeedbackItem("warm-up", "warm-up", text, datetime.now(UTC)))
    gc.collect()
    gc.freeze()
