"""Sentiment as a compound score in -1…1, and the praise / complaint / neutral label."""

from __future__ import annotations

import os
from functools import cache


@cache
def _vader():
    """NLTK's VADER with the lexicon shipped by the vaderSentiment package: no nltk.download()."""
    import nltk
    import vaderSentiment.vaderSentiment as vs
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = os.path.dirname(vs.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)  # nltk >= 3.9 only opens files under its data path
    return SentimentIntensityAnalyzer(lexicon_file="file:" + os.path.join(folder,
                                                                          "vader_lexicon.txt"))


def score_sentiment(text: str, lang: str) -> float:
    """Compound sentiment. Only English is scored so far; other languages read as neutral."""
    if lang != "en":
        return 0.0
    return _vader().polarity_scores(text)["compound"]


def label_for(score: float, praise_at: float, complaint_at: float) -> str:
    if score >= praise_at:
        return "praise"
    if score <= complaint_at:
        return "complaint"
    return "neutral"
