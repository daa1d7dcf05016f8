"""The cue patterns tried only at word starts match exactly what they match everywhere."""

import json
import re
from pathlib import Path

import pytest

from kiosk.analysis import english_cues, turkish_cues
from kiosk.analysis.text import WORD_START, key, normalise

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


# Cues that begin at punctuation, not at a word
PUNCTUATED = ["The repair was good, the wait was not.", "Yemek güzel, servis pek öyle değil.",
              "It's the reason I keep coming back.", "Fine; the refund, not so much."]


def _texts() -> list[str]:
    paths = sorted(DATA.glob("dev-blind*/labelled.jsonl")) + [
        DATA / "dev-extra.jsonl", DATA / "labelled.jsonl", DATA.parents[1] / "tests" / "data" /
        "dev-hard.jsonl"]
    return PUNCTUATED + [json.loads(line)["text"] for path in paths
                         for line in path.read_text("utf-8").splitlines() if line.strip()]


def _everywhere(pattern: re.Pattern) -> re.Pattern:
    """The same alternation without its word-start lead."""
    body = pattern.pattern
    body = body[body.index(WORD_START) + len(WORD_START):]
    if body.startswith("|"):  # the lead was (?:WORD_START|(?=[…]))
        body = body[body.index("))") + 2:]
    return re.compile(body, pattern.flags)


@pytest.mark.parametrize("pattern, fold", [
    (english_cues.COMPLAINT_CUES, str.lower),
    (english_cues.PRAISE_CUES, str.lower),
    (turkish_cues._COMPLAINT, lambda t: key(normalise(t))),
    (turkish_cues._PRAISE, lambda t: key(normalise(t))),
    (turkish_cues._ABSENCE, lambda t: key(normalise(t))),
])
def test_same_matches_as_trying_every_character(pattern, fold):
    everywhere = _everywhere(pattern)
    assert everywhere.pattern != pattern.pattern
    texts = [fold(t) for t in _texts()]
    assert len(texts) > 3000
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == \
            [m.span() for m in everywhere.finditer(text)], text
