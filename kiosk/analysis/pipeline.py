"""One pipeline for every way feedback arrives: import, webhook, connectors, `kiosk analyze`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kiosk.analysis.language import detect_language
from kiosk.analysis.redaction import display_author, redact_text
from kiosk.analysis.sentiment import label_for, score_sentiment
from kiosk.feedback import FeedbackItem


@dataclass(frozen=True)
class Thresholds:
    praise: float = 0.35
    complaint: float = -0.25

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

    def to_json(self) -> dict:
        return asdict(self)


def analyze(item: FeedbackItem, thresholds: Thresholds = Thresholds()) -> AnalysisResult:
    lang = detect_language(item.text, item.lang)
    score = round(score_sentiment(item.text, lang), 4)
    branches = [item.branch] if item.branch else []
    return AnalysisResult(
        external_id=item.external_id,
        lang=lang,
        sentiment=score,
        label=label_for(score, thresholds.praise, thresholds.complaint),
        display_text=redact_text(item.text, lang),
        display_author=display_author(item.author),
        branches=branches,
    )
