"""Fuzz the analysis pipeline: hostile Unicode, 100 kB texts and invalid UTF-8 on the stdin
of `kiosk analyze` never crash it, and no input takes over 2 s.

The long run is bench/fuzz_analysis.py (figures in docs/benchmarks.md); this module is its
bounded version, plus the inputs that found real slowdowns (each took 10–190 s before its
fix), kept as regression tests.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.analysis.pipeline import SCORED_LENGTH, Thresholds, analyze
from kiosk.feedback import FeedbackItem

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2.0  # seconds one input may take


def _bench():
    spec = importlib.util.spec_from_file_location("fuzz_analysis",
                                                  ROOT / "bench" / "fuzz_analysis.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


fuzz = _bench()
ROSTER = fuzz.roster()


@pytest.fixture(scope="module", autouse=True)
def _warm():
    fuzz.warm_up(analyze, Thresholds(), ROSTER)  # the first call loads every model


def timed(text: str, lang: str | None = None, rating: int | None = None,
          author: str | None = None) -> tuple[dict, float]:
    item = FeedbackItem("fuzz", "1", text, datetime.now(UTC), author=author, rating=rating,
                        lang=lang)
    start = time.perf_counter()
    result = analyze(item, Thresholds(), ROSTER).to_json()
    took = time.perf_counter() - start
    json.dumps(result, ensure_ascii=False)  # whatever comes out can be sent on
    assert result["label"] in ("praise", "complaint", "neutral")
    assert -1.0 <= result["sentiment"] <= 1.0
    return result, took


# --- properties ---------------------------------------------------------------------------

MARKS = ["\u200f", "\u202e", "\u202d", "\u2067", "\u200d", "\u200c", "\u200b", "\ufeff",
         "\u00ad", "\u034f", "\u0301", "\u0336", "\u20e3", "\ufe0f", "\U000e0067"]
EMOJI = ["👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👩🏽\u200d💻", "🇹🇷", "❤️", "🙏🏻", "🤬"]
hostile_char = st.one_of(st.characters(exclude_categories=()), st.sampled_from(MARKS))
hostile_texts = st.one_of(
    st.text(hostile_char, max_size=300),
    st.lists(st.one_of(st.sampled_from(fuzz.WORDS + fuzz.LOOKALIKES + EMOJI + MARKS),
                       st.text(hostile_char, max_size=5)), max_size=60).map(" ".join),
    st.builds(lambda base, n: base + "\u0301\u0302\u0303\u0304" * n,
              st.sampled_from(["a", "İ", "ş", " ", "👍"]), st.integers(1, 2500)),
    st.builds(lambda unit, n: unit * n, st.sampled_from(fuzz.UNITS), st.integers(1, 20_000)),
)


@settings(max_examples=400, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=hostile_texts, lang=st.sampled_from([None, "tr", "en", "de", ""]),
       rating=st.sampled_from([None, 1, 3, 5]),
       author=st.one_of(st.none(), st.text(hostile_char, max_size=40)))
def test_hostile_unicode_never_crashes_or_hangs(text, lang, rating, author):
    result, took = timed(text, lang, rating, author)
    assert took < LIMIT, f"{took:.2f} s on {text[:80]!r}… ({len(text)} characters)"
    assert "\u202e" not in result["display_text"]  # no bidi override reaches a screen
    if result["display_author"]:
        assert "@" not in result["display_author"]


# --- the inputs that found slowdowns --------------------------------------------------------

PATHOLOGICAL = {
    # redaction: e-mail, URL and address patterns rescanned a long run from every position
    "letters": "a" * 100_000,
    "dotted": "a." * 50_000,
    "dashed": "a-" * 50_000,
    "dot-com": "a.com" * 20_000,
    "digits-and-letters": "1a" * 50_000,
    "digits": "1" * 100_000,
    "www": "www." * 25_000,
    # Turkish lexicon and mention matcher: every prefix of a 100 kB "word"
    "one-long-word": "ab" * 50_000,
    "negation-shaped-word": "madı" * 25_000 + "é",
    "suffix-shaped-word": "Ayşe" * 25_000 + "ye",
    # sarcasm markers: every praise word rescanned its whole sentence
    "praise-words": "harika " * 14_000,
    "thumbs": "👍" * 50_000,
    "sentences": "a; b. " * 16_000,
    # applause: the last part of the text was found by a pattern cubic in a sentence's length
    "applause-after-a-long-sentence": "word " * 3_000 + ".x! 👏",
    # a closing verdict ("… Truly a record.") whose words and the spaces after them overlapped
    "closing-verdict-then-spaces": ". truly a" + " " * 20_000 + "x",
    # thanks after a question: tried from every "?" of a long run of them
    "question-marks": "?" * 20_000 + "x",
    # Turkish voice suffixes overlap ("tır" is t+ır or dır): ten long made-up verbs
    "voice-suffixes": " ".join("bekle" + "tir" * 24 + "x" for _ in range(10)) + " geldi.",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.parametrize("lang", [None, "tr", "en"])
def test_inputs_that_were_slow_are_fast(name, lang):
    _, took = timed(PATHOLOGICAL[name], lang)
    assert took < LIMIT, f"{name} ({lang}): {took:.2f} s"


def test_a_text_too_long_to_score_is_never_praise_but_complaints_still_show():
    praise = "Harika hizmet, çok teşekkürler! " * (SCORED_LENGTH // 20)
    result, _ = timed(praise, "tr", 5)
    assert result["label"] == "neutral" and "too long" in result["reasons"]
    complaint = "Rezalet, 40 dakika bekledim ve kimse ilgilenmedi. " * (SCORED_LENGTH // 30)
    assert timed(complaint, "tr")[0]["label"] == "complaint"
    short, _ = timed("Harika hizmet, çok teşekkürler!", "tr", 5)
    assert short["label"] == "praise" and "too long" not in short["reasons"]


def test_redaction_still_masks_what_it_did_after_the_fixes():
    text = ("Mail ali.veli+x@example.com.tr, site www.example.com ve shop.example.co.uk/x, "
            "adres Caferağa Mah. Moda Cad. No: 12 D: 3 Kadıköy.")
    display = timed(text, "tr")[0]["display_text"]
    assert "ali.veli" not in display and "example.com" not in display
    assert "[e-posta]" in display and "[bağlantı]" in display and "[adres]" in display


# --- the bench generator, bounded -------------------------------------------------------------

def test_a_bounded_fuzz_run_finds_no_crash_and_no_slow_input():
    result = fuzz.fuzz(inputs=600, seed=2026, limit=LIMIT)
    assert result.tried == 600
    assert not result.crashes, result.crashes[0]
    assert not result.slow, result.slow[0]


# --- `kiosk analyze` on hostile stdin ----------------------------------------------------------

def test_kiosk_analyze_answers_every_line_of_hostile_stdin():
    lines = [
        b'{"external_id": "ok", "text": "Ay\xc5\x9fe Han\xc4\xb1m\'a te\xc5\x9fekk\xc3\xbcrler!"}',
        b"\xff\xfe\xfd not utf-8 at all \xc3\x28",
        b'{"external_id": "bad-utf8", "text": "Harika \xed\xa0\x80 hizmet"}',
        b'{"external_id": "esc", "text": "Harika \\ud83d hizmet \\u202e\\u200f"}',
        b"\x00\x00\x00",
        b"\xef\xbb\xbf" + b'{"external_id": "bom", "text": "x"}',
        b"[" * 5000,
        b'{"external_id": "huge", "text": "' + b"a" * 100_000 + b'"}',
        b'{"external_id": "num", "text": "x", "rating": ' + b"9" * 5000 + b"}",
        b'{"external_id": "date", "text": "x", "created_at": "9999-12-31T23:59:59-23:59"}',
        b'{"external_id": "\\ud800", "text": ""}',
        b"",
        '{"external_id": "zwj", "text": "👨\u200d👩\u200d👧 a\u0301\u0301 \u202eabc"}'.encode(),
        b'{"external_id": 7, "text": ["not", "a", "string"]}',
    ]
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    start = time.perf_counter()
    done = subprocess.run([kiosk, "analyze"], input=b"\n".join(lines) + b"\n",
                          capture_output=True, timeout=120)
    took = time.perf_counter() - start
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(out) == len(lines)  # one answer per line, in order
    for number, answer in enumerate(out, start=1):
        if "error" in answer:
            assert answer["error"]["line"] == number and answer["error"]["message"].strip()
    ok, not_utf8, bad_utf8, esc, nuls, bom, nested, huge, num, date, lone, empty, zwj, wrong = out
    assert ok["label"] == "praise"
    assert "Expecting value" in not_utf8["error"]["message"]
    assert "error" not in bad_utf8 and "\ufffd" in bad_utf8["display_text"]
    assert "error" not in esc and "\u202e" not in esc["display_text"]
    assert "error" in nuls and "error" in bom  # a BOM mid-stream is not JSON
    assert nested["error"]["message"] == "not valid JSON: nested too deeply"
    assert "longer than" in huge["error"]["message"]  # refused, in words
    assert "integer" in num["error"]["message"]
    assert "created_at" in date["error"]["message"]
    assert lone["external_id"] == "?" and "'text' is required" in lone["error"]["message"]
    assert empty["error"]["message"] == "empty line"
    assert "error" not in zwj and "\u202e" not in zwj["display_text"]
    assert wrong == {"external_id": 7, "error": {"line": 14,
                                                 "message": "'text' must be a string"}}
    assert took < 60
