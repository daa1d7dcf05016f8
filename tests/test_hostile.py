"""Hostile input for every parser (hypothesis): CSV and JSON lines, the webhook body, feeds,
the JSON connectors, the roster CSV and the settings.

Each property says what must hold whatever arrives: no exception escapes but the one the
parser documents (InvalidFeedback, FetchError/ShapeError, RosterError, SettingError), every
refused record is named with a message in words, good records beside bad ones are stored,
and running the same input twice stores nothing twice. Examples are bounded so the module
stays well under a minute (KIOSK_FUZZ_SCALE=20 hunts longer); a failure prints the input
that caused it, shrunk, to replay.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from requests.structures import CaseInsensitiveDict
from sqlalchemy import func, select

from kiosk import db, ingest
from kiosk.feedback import InvalidFeedback, parse_feedback
from kiosk.models import Item
from tests.conftest import sign

TZ = ZoneInfo("Europe/Istanbul")
NOW = datetime.now(UTC)


# KIOSK_FUZZ_SCALE=20 runs twenty times the examples, for a longer hunt than the suite's.
SCALE = max(1, int(os.environ.get("KIOSK_FUZZ_SCALE", "1")))


def bounded(n: int):
    """Few examples, no per-example deadline (a cold analysis takes a second), and function
    fixtures are fine: each example uses its own source name, so examples never collide."""
    return settings(max_examples=n * SCALE, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


_sources = count(1)


def fresh_source() -> str:
    return f"h{next(_sources)}"


# --- strategies -------------------------------------------------------------------------

# Everything Python strings can hold, lone surrogates included (JSON "\ud800" makes one).
any_char = st.characters(exclude_categories=())
nasty_text = st.one_of(
    st.text(any_char, max_size=60),
    st.sampled_from(["", " ", "\x00", "\ufeff", "\u202e\u200f", "\u200d", "a\u0301\u0302\u0303",
                     "👨\u200d👩\u200d👧", "\ud83d", "\r\n", "\u2028", "null", "NaN", "1e999",
                     "-1", "0", "6", "4.5", "true", "[]", "{}", "<script>alert(1)</script>",
                     "javascript:alert(1)", "x" * 6000, "İ" * 300]),
)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(),
                        st.integers(min_value=-10**40, max_value=10**40),
                        st.floats(allow_nan=True, allow_infinity=True), nasty_text)
json_value = st.recursive(json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
absurd_dates = st.sampled_from([
    "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+14:00", "0001-01-01", "9999-12-31",
    "2024-02-30", "2024-13-01", "24:61", "", " ", "yesterday", "1700000000", "2024-01-01T25:00",
    "2999-01-01T00:00:00Z", "2024-06-01T10:00:00+99:00", "\x00", "２０２４-０１-０１"])
absurd_ratings = st.sampled_from([0, 6, -1, 5.5, 0.99, "0", "six", "NaN", "nan", "inf",
                                  "-inf", "1e999", float("nan"), float("inf"), True, False,
                                  [], {}, [3], "", " 3 ", "٣", "²", 10**30])
FIELDS = ("source", "external_id", "text", "author", "url", "created_at", "rating",
          "branch", "lang")
anything_record = st.fixed_dictionaries({}, optional={
    "source": json_value, "external_id": json_value, "text": json_value, "author": json_value,
    "url": json_value, "created_at": st.one_of(json_value, absurd_dates),
    "rating": st.one_of(json_value, absurd_ratings), "branch": json_value, "lang": json_value,
    "extra": json_value})
good_text = st.builds(lambda head, tail: head + tail,
                      st.sampled_from(["Harika", "Great", "Çok iyi", "👍", "İyi", "ok"]),
                      st.text(any_char, max_size=200))


@st.composite
def good_record(draw) -> dict:
    """A record ingest must store, whatever odd but legal values it carries."""
    record = {"external_id": draw(st.sampled_from(["a", "b", "c", " c ", "ç", "İ", "1", "x\x00",
                                                   "\u202eid", "👍", "\ud800", "long" * 60])),
              "text": draw(good_text)}
    if draw(st.booleans()):
        record["created_at"] = draw(st.sampled_from([
            "2024-05-01T10:00:00Z", "2024-05-01", "2024-05-01T10:00:00+03:00",
            (NOW - timedelta(days=1)).isoformat(), "1999-12-31T23:59:59.999999-12:00"]))
    if draw(st.booleans()):
        record["rating"] = draw(st.sampled_from([1, 5, "3", "4.0", 4.9, " 2 "]))
    for name in ("author", "branch"):
        if draw(st.booleans()):
            record[name] = draw(st.one_of(st.none(), st.text(any_char, max_size=40)))
    if draw(st.booleans()):
        record["url"] = draw(st.sampled_from(["https://e.com/r/1", "javascript:alert(1)",
                                              "data:text/html,x", "//e.com", "http://[", "",
                                              "https://e.com/" + "a" * 100]))
    if draw(st.booleans()):
        record["lang"] = draw(st.sampled_from(["tr", "EN", "xx", None, "", "de"]))
    return record


@st.composite
def bad_record(draw):
    """A record ingest must refuse, with one error in words."""
    base = draw(good_record())
    how = draw(st.sampled_from(["not_object", "no_id", "no_text", "blank_text", "text_type",
                                "rating", "date", "id_type", "too_long", "source_type"]))
    if how == "not_object":
        return draw(st.one_of(json_scalar, st.lists(json_scalar, max_size=3)))
    if how == "no_id":
        base.pop("external_id")
    elif how == "no_text":
        base.pop("text")
    elif how == "blank_text":
        base["text"] = draw(st.sampled_from(["", "   ", "\x00", "\x00 \x00", "\n\t"]))
    elif how == "text_type":
        base["text"] = draw(st.one_of(st.lists(json_scalar, max_size=2), st.booleans(),
                                      st.integers(), st.dictionaries(st.text(), json_scalar,
                                                                     max_size=2)))
    elif how == "rating":
        base["rating"] = draw(absurd_ratings)
    elif how == "date":
        base["created_at"] = draw(absurd_dates)
    elif how == "id_type":
        base["external_id"] = draw(st.one_of(st.lists(json_scalar, max_size=2),
                                             st.booleans(), st.dictionaries(st.text(),
                                                                            json_scalar,
                                                                            max_size=2)))
    elif how == "too_long":
        base["text"] = "x" * 5001
    elif how == "source_type":
        base["source"] = draw(st.one_of(st.integers(), st.lists(st.text(), min_size=1,
                                                                  max_size=2)))
    return base


def _expect_bad(record) -> bool:
    try:
        parse_feedback(record, TZ, 5000, NOW, "default")
    except InvalidFeedback:
        return True
    return False


def stored(source: str) -> int:
    return db.session().scalar(select(func.count()).select_from(Item)
                               .where(Item.source == source))


# --- CSV and JSON lines -------------------------------------------------------------------

raw_inputs = st.one_of(
    st.binary(max_size=2000),
    st.text(any_char, max_size=2000),
    st.builds(lambda prefix, body: prefix + body,
              st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"[", b"{", b"text,external_id\n",
                               b"source,external_id,text\r\n", b"\x00"]),
              st.binary(max_size=1000)),
    st.builds(lambda depth: "[" * depth + "]" * depth, st.integers(1, 5000)),
    st.builds(lambda depth: '{"a":' * depth + "1" + "}" * depth, st.integers(900, 3000)),
    st.builds(lambda n: "1" * n, st.integers(4000, 6000)),
    st.just('source,external_id,text\ns,1,"' + "x" * 140_000 + '"\ns,2,fine\n'),
)


@bounded(150)
@given(data=raw_inputs, filename=st.sampled_from(["", "x.csv", "x.jsonl", "x.json", "X.CSV",
                                                   "x.ndjson", "x.txt"]))
def test_read_records_never_raises_and_names_each_broken_line(data, filename):
    for number, record in ingest.read_records(data, filename):
        assert isinstance(number, int) and number >= 0
        if isinstance(record, Exception):
            assert isinstance(record, InvalidFeedback)
            assert len(str(record)) > 5  # a message in words, not just a class name


@bounded(120)
@given(records=st.lists(st.one_of(anything_record, json_value), max_size=8))
def test_parse_records_sorts_every_record_into_good_or_named_error(app, records):
    numbered = list(enumerate(records, start=1))
    good, bad = ingest.parse_records(numbered, default_source="fuzz")
    assert sorted([n for n, _ in good] + [n for n, _ in bad]) == [n for n, _ in numbered]
    for _, message in bad:
        assert isinstance(message, str) and message.strip()
    for _, fb in good:
        assert fb.text.strip() and fb.external_id and fb.source
        assert "\x00" not in fb.text and not any("\ud800" <= c <= "\udfff" for c in fb.text)
        assert fb.created_at.tzinfo is not None and fb.created_at <= NOW + timedelta(days=2)
        assert fb.rating is None or 1 <= fb.rating <= 5
        assert fb.url is None or fb.url.startswith(("http://", "https://"))


@bounded(40)
@given(good=st.lists(good_record(), min_size=1, max_size=5),
       bad=st.lists(bad_record().filter(lambda r: _expect_bad(r)), max_size=5),
       seed=st.randoms(use_true_random=False))
def test_ingest_stores_the_good_beside_the_bad_and_nothing_twice(app, good, bad, seed):
    source = fresh_source()
    records = [("good", r) for r in good] + [("bad", r) for r in bad]
    seed.shuffle(records)
    numbered = [(n, {**r, "source": r.get("source", source)} if isinstance(r, dict) and
                 kind == "good" else r) for n, (kind, r) in enumerate(records, start=1)]
    bad_lines = {n for n, (kind, _) in enumerate(records, start=1) if kind == "bad"}
    keys = {parse_feedback(r, TZ, 5000, NOW, source).external_id for kind, r in records
            if kind == "good"}

    report = ingest.ingest(numbered, default_source=source)
    assert {n for n, _ in report.errors} == bad_lines
    assert all(msg.strip() for _, msg in report.errors)
    assert len(report.added) == len(keys) == stored(source)
    assert report.duplicates == len(good) - len(keys)

    again = ingest.ingest(numbered, default_source=source)
    assert (len(again.added), again.duplicates) == (0, len(good))
    assert stored(source) == len(keys)


@st.composite
def csv_file(draw) -> tuple[bytes, int]:
    """A CSV with hostile cells, ragged rows and broken lines; (bytes, good rows written)."""
    source = fresh_source()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    header = ["source", "external_id", "text", "rating", "created_at", "author"]
    writer.writerow(header)
    ids = set()
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["good", "good", "ragged", "short", "junk", "badrating"]))
        text = draw(good_text).replace("\x00", "")
        if kind == "good":
            ids.add(str(i))
            writer.writerow([source, i, text, draw(st.sampled_from(["", "5", "1"])), "",
                             draw(st.text(any_char, max_size=20)).replace("\x00", "")])
        elif kind == "ragged":
            writer.writerow([source, f"r{i}", text, "", "", "", "extra", "more"])
        elif kind == "short":
            writer.writerow([source, f"s{i}"])  # no text: refused
        elif kind == "badrating":
            writer.writerow([source, f"b{i}", text, "9", "", ""])
        else:
            # A line of junk; no quote, which would rightly swallow the rows after it.
            junk = draw(st.text(any_char, max_size=80))
            out.write(junk.replace("\n", " ").replace("\r", " ").replace('"', "'") + "\n")
    body = out.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        body = b"\xef\xbb\xbf" + body  # a BOM, as Excel writes
    return source, body, ids


@bounded(40)
@given(file=csv_file())
def test_csv_import_keeps_good_rows_and_reports_the_rest(app, file):
    source, body, ids = file
    report = ingest.ingest(ingest.read_records(body, "feedback.csv"))
    rows = {i.external_id for i in db.session().scalars(select(Item).where(
        Item.source == source))}
    assert ids <= rows  # junk lines may happen to be valid rows of their own
    again = ingest.ingest(ingest.read_records(body, "feedback.csv"))
    assert not again.added and again.duplicates == len(report.added) + report.duplicates


def test_a_huge_csv_field_is_one_error_and_the_rows_after_it_are_read(app):
    body = ('source,external_id,text\ns,1,"' + "x" * 140_000 + '"\ns,2,Harika\ns,3,Süper\n')
    report = ingest.ingest(ingest.read_records(body.encode(), "big.csv"))
    assert [n for n, _ in report.errors] == [2]
    assert "field larger than field limit" in report.errors[0][1]
    assert len(report.added) == 2


def test_json_lines_keep_line_separators_inside_strings(app):
    records = [{"source": "s", "external_id": str(n), "text": f"Harika\u2028hizmet\x85{n}"}
               for n in range(3)]
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    report = ingest.ingest(ingest.read_records(body, "x.jsonl"))
    assert (len(report.added), report.errors) == (3, [])


@pytest.mark.parametrize("body, words", [
    ("[" * 100_000, "nested too deeply"),
    ('{"source": "s", "external_id": 1, "text": "x", "rating": ' + "9" * 5000 + "}",
     "integer"),
    ('{"source": "s", "external_id": "1", "text": "x", "rating": Infinity}', "rating"),
    ('{"source": "s", "external_id": "1", "text": "x", "created_at": "9999-12-31T23:59:59-23:59"}',
     "created_at"),
    ('{"source": "s", "external_id": "1", "text": "x", "created_at": "2999-01-01"}', "future"),
    ('{"source": "s", "external_id": "1", "text": "x", "rating": true}', "rating"),
])
def test_records_that_used_to_crash_are_named_errors(app, body, words):
    report = ingest.ingest(ingest.read_records(body, "x.jsonl"))
    assert not report.added
    assert len(report.errors) == 1 and words in report.errors[0][1], report.errors


def test_lone_surrogates_are_stored_as_replacement_characters(app):
    report = ingest.ingest([(1, {"source": "s", "external_id": "\ud800x",
                                 "text": "Harika \ud83d hizmet", "author": "\udfff"})])
    item = db.session().get(Item, report.added[0])
    assert item.text == "Harika \ufffd hizmet" and item.external_id == "\ufffdx"


# --- the webhook --------------------------------------------------------------------------

@pytest.fixture
def hook(app, webhook):
    app.config["WEBHOOK_RATE_LIMIT"] = "100000 per minute"  # the fuzz sends hundreds
    return webhook


def _post(client, secret: str, body: bytes, headers: dict | None = None):
    return client.post("/api/v1/feedback", data=body, headers={
        "Content-Type": "application/json", "X-Kiosk-Signature": sign(secret, body),
        **(headers or {})})


def _json_answer(response) -> dict:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.is_json, response.get_data(as_text=True)[:300]
    body = response.get_json()
    if response.status_code >= 400:
        assert body.get("error") or body.get("errors"), body
    return body


webhook_bodies = st.one_of(
    st.builds(lambda v: json.dumps(v).encode(), json_value),
    st.builds(lambda r: json.dumps(r).encode(), st.lists(anything_record, max_size=5)),
    st.builds(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass"),
              anything_record),
    st.binary(max_size=500),
    st.sampled_from([b"", b"[]", b"{}", b"null", b"\xef\xbb\xbf{}", b"[" * 50_000,
                     b'{"text": ' + b"9" * 5000 + b"}", b'{"rating": NaN}', b"\xff\xfe{",
                     b'{"external_id": "x", "text": "a", "source": ["list"]}']),
)


@bounded(150)
@given(body=webhook_bodies, stamp=st.sampled_from([None, "now", "abc", "-1", "1e9", "9" * 40]))
def test_webhook_answers_json_for_any_signed_body_never_500(client, hook, body, stamp):
    import time

    headers = {}
    message = body
    if stamp is not None:
        value = str(int(time.time())) if stamp == "now" else stamp
        headers["X-Kiosk-Timestamp"] = value
        message = value.encode() + b"." + body
    response = client.post("/api/v1/feedback", data=body, headers={
        "Content-Type": "application/json", "X-Kiosk-Signature": sign(hook.signing_secret,
                                                                      message), **headers})
    _json_answer(response)


@bounded(40)
@given(good=st.lists(good_record(), min_size=1, max_size=4),
       bad=st.lists(bad_record().filter(lambda r: _expect_bad(r)), max_size=3))
def test_webhook_stores_good_items_beside_bad_ones_once(client, hook, good, bad):
    suffix = fresh_source()
    good = [{**r, "external_id": f"{suffix}-{r['external_id']}"} for r in good]
    body = json.dumps(good + bad).encode()  # "\ud800" escapes: lone surrogates arrive
    first = _json_answer(_post(client, hook.signing_secret, body))
    assert [e["index"] for e in first["errors"]] == list(range(len(good), len(good) + len(bad)))
    second = _json_answer(_post(client, hook.signing_secret, body))
    assert second["accepted"] == 0
    assert second["duplicates"] == first["accepted"] + first["duplicates"] == len(good)


def test_webhook_body_over_max_content_length_is_413_json(app, client, hook):
    app.config["MAX_CONTENT_LENGTH"] = 2000
    body = json.dumps({"external_id": "big", "text": "x" * 5000}).encode()
    response = _post(client, hook.signing_secret, body)
    assert response.status_code == 413 and response.is_json
    assert stored("survey") == 0


# --- feeds ---------------------------------------------------------------------------------

class StubHttp:
    """Answers every request with the next prepared body: the parser is under test, not HTTP."""

    def __init__(self, bodies, headers: dict | None = None):
        self.bodies, self.headers, self.calls = list(bodies), headers or {}, 0

    def _response(self, url: str) -> requests.Response:
        body = self.bodies[min(self.calls, len(self.bodies) - 1)]
        self.calls += 1
        response = requests.Response()
        response.status_code, response.url = 200, url
        response._content = body if isinstance(body, bytes) else json.dumps(body).encode()
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json",
                                                **self.headers})
        response.encoding = "utf-8"
        return response

    def get(self, url, *, params=None, headers=None):
        return self._response(url)

    def post(self, url, *, data=None, headers=None):
        return self._response(url)

    def json(self, url, **kwargs):
        from kiosk.sources.http import parse_json

        return parse_json(self.get(url, **kwargs))


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


xml_text = st.one_of(st.text(any_char, max_size=80).map(_xml), nasty_text,
                     st.sampled_from(["<b>bold</b>", "<![CDATA[<p>Harika</p>]]>", "&amp;",
                                      "&unknown;", "&#0;", "&#xD800;", "<script>x</script>",
                                      "]]>", "<?xml?>", "&#x110000;"]))
feed_dates = st.sampled_from([
    "Mon, 01 Jan 2024 10:00:00 +0000", "Fri, 31 Dec 9999 23:59:59 -2359",
    "Mon, 01 Jan 0001 00:00:00 +1400", "2024-06-01T10:00:00Z", "9999-12-31T23:59:59Z",
    "0000-00-00T00:00:00Z", "garbage", "", "1700000000", "Thu, 01 Jan 1970 00:00:00 GMT",
    "Sat, 30 Feb 2024 25:61:61 +9999", "2038-01-19T03:14:08Z", "3000-01-01T00:00:00Z"])


@st.composite
def feed_document(draw) -> bytes:
    entries = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 4))):
        parts = {k: draw(xml_text) for k in ("title", "body", "author", "id")}
        link = draw(st.one_of(xml_text, st.sampled_from(["https://e.com/r/1", "/relative",
                                                         "javascript:alert(1)", ""])))
        date = draw(feed_dates)
        if atom:
            entries.append(f"<entry><title>{parts['title']}</title><id>{parts['id']}</id>"
                           f"<updated>{date}</updated><link href=\"{_xml(link)}\"/>"
                           f"<author><name>{parts['author']}</name></author>"
                           f"<content type=\"html\">{parts['body']}</content></entry>")
        else:
            entries.append(f"<item><title>{parts['title']}</title><guid>{parts['id']}</guid>"
                           f"<pubDate>{date}</pubDate><link>{link}</link>"
                           f"<author>{parts['author']}</author>"
                           f"<description>{parts['body']}</description></item>")
    lang = draw(st.sampled_from(["tr", "en-US", "", "x" * 300, "\u202e"]))
    nxt = draw(st.sampled_from(["", '<link rel="next" href="?page=2"/>',
                                '<link rel="next" href="javascript:x"/>']))
    if atom:
        doc = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"'
               f' xml:lang="{lang}"><title>t</title>{nxt}{"".join(entries)}</feed>')
    else:
        doc = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
               f"<language>{lang}</language>{''.join(entries)}</channel></rss>")
    if draw(st.booleans()):  # cut or corrupted somewhere
        cut = draw(st.integers(0, len(doc)))
        doc = doc[:cut] + draw(st.text(any_char, max_size=20)) + doc[cut:]
    return doc.encode("utf-8", "surrogatepass")


def _check_records(pages, schema_ok=True) -> int:
    n = 0
    for page in pages:
        for record in page.items:
            n += 1
            assert isinstance(record, dict)
            assert isinstance(record.get("external_id"), str)  # "" is ingest's to refuse
            assert isinstance(record.get("text"), str) and record["text"].strip()
            for name in ("author", "url", "branch", "lang", "created_at"):
                assert record.get(name) is None or isinstance(record[name], str), (name, record)
            assert record.get("rating") is None or type(record["rating"]) is int
            if record.get("created_at"):
                datetime.fromisoformat(record["created_at"])
            parsed = {**record, "source": "src"}
            try:
                parse_feedback(parsed, TZ, 10**9, NOW)
            except InvalidFeedback as exc:  # only values out of range may be refused
                assert any(w in str(exc) for w in ("future", "out of range", "rating",
                                                   "longer than", "'external_id' is required")
                           ), (exc, record)
    return n


@bounded(150)
@given(doc=st.one_of(feed_document(), st.binary(max_size=600), st.text(any_char, max_size=300)
                     .map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_feed_connector_gives_records_or_shape_error(doc):
    from kiosk.sources.feeds import FeedConnector
    from kiosk.sources.http import FetchError

    connector = FeedConnector("reviews", {"url": "https://feeds.example/r.xml", "max_pages": 2},
                              {}, StubHttp([doc], {"Content-Type": "application/xml"}))
    try:
        _check_records(connector.fetch(datetime(1970, 1, 2, tzinfo=UTC)))
    except FetchError as exc:
        assert str(exc)


# --- JSON connectors ----------------------------------------------------------------------

def shaped(fields: dict) -> st.SearchStrategy:
    """An object with the provider's keys, mostly of the right type, sometimes of any JSON
    type or missing: deep enough to reach every branch of a record builder."""
    values = {k: usually(v) for k, v in fields.items()}
    return usually(st.fixed_dictionaries(values), st.fixed_dictionaries({}, optional=values))


def usually(right: st.SearchStrategy, other: st.SearchStrategy | None = None):
    """`right` five times in six, else `other` (any JSON value)."""
    other = json_value if other is None else other
    return st.sampled_from((True,) * 5 + (False,)).flatmap(lambda ok: right if ok else other)


iso = st.one_of(st.sampled_from(["2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123456789Z",
                                 "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00",
                                 "2024-05-01", "nope", ""]),
                st.just((NOW - timedelta(hours=1)).isoformat()))
ident = st.one_of(st.text(max_size=12), st.integers(0, 10**20).map(str))
words = st.one_of(st.text(any_char, max_size=80), nasty_text)

account = shaped({"acct": words, "display_name": words, "id": ident})
status = st.deferred(lambda: shaped({
    "id": ident, "created_at": iso, "content": words, "visibility": st.sampled_from(
        ["public", "unlisted", "private", "direct"]), "account": account,
    "reblog": st.one_of(st.none(), status_leaf), "spoiler_text": words, "url": words,
    "uri": words, "language": st.sampled_from(["tr", "en", "und", None, "x" * 9])}))
status_leaf = shaped({"id": ident, "created_at": iso, "content": words, "visibility":
                      st.just("public"), "account": account, "url": words})
notification = shaped({"id": ident, "created_at": iso, "type": st.sampled_from(
    ["mention", "favourite", "follow"]), "status": status})
tweet = shaped({"id": ident, "text": words, "created_at": iso, "author_id": ident,
                "lang": st.sampled_from(["tr", "en", "und"]),
                "note_tweet": shaped({"text": words}),
                "referenced_tweets": st.lists(shaped({"type": st.sampled_from(
                    ["retweeted", "quoted", "replied_to"]), "id": ident}), max_size=2)})
x_body = shaped({"meta": shaped({"result_count": st.integers(0, 100), "newest_id": ident,
                                 "next_token": ident}),
                 "data": st.lists(tweet, max_size=4),
                 "includes": shaped({"users": st.lists(shaped({"id": ident, "username": words,
                                                               "name": words}), max_size=3)})})
tip = shaped({"id": ident, "created_at": iso, "text": words, "url": words,
              "lang": st.sampled_from(["tr", "en", "x"])})
review = shaped({"name": ident, "reviewId": ident, "createTime": iso, "updateTime": iso,
                 "comment": words, "starRating": st.sampled_from(
                     ["ONE", "FIVE", "STAR_RATING_UNSPECIFIED", "6"]),
                 "reviewer": shaped({"displayName": words, "isAnonymous": st.booleans()})})
google_body = shaped({"reviews": st.lists(review, max_size=4), "nextPageToken": ident})


def label(value):
    return shaped({"label": value})


apple_entry = shaped({"im:rating": label(st.sampled_from(["5", "1", "9", "²", "٣", "x", ""])),
                      "updated": label(iso), "title": label(words), "content": label(words),
                      "id": label(ident), "author": shaped({"name": label(words)}),
                      "link": st.one_of(shaped({"attributes": shaped({"href": words})}),
                                        st.lists(shaped({"attributes": shaped(
                                            {"href": words})}), max_size=2))})
apple_body = shaped({"feed": shaped({"entry": st.one_of(apple_entry,
                                                        st.lists(apple_entry, max_size=4))})})

CONNECTORS = {
    "mastodon": ({"base_url": "https://m.example", "hashtags": ["acme"], "mentions": "yes",
                  "token": "t", "own_account": "acme", "max_pages": 2},
                 st.lists(st.one_of(status, notification), max_size=4)),
    "x": ({"query": "acme", "token": "t", "base_url": "https://api.x.example",
           "max_results": 10, "max_pages": 2}, x_body),
    "foursquare": ({"venues": {"v1": "Kadıköy"}, "token": "t", "api_version": "2025-06-17",
                    "max_pages": 2}, st.lists(tip, max_size=4)),
    "google": ({"locations": {"accounts/1/locations/2": "Moda"}, "token": "t",
                "base_url": "https://g.example", "max_pages": 2}, google_body),
    "appstore": ({"app_id": "123", "country": "tr", "pages": 2,
                  "base_url": "https://apple.example"}, apple_body),
}
links = st.sampled_from([{}, {"Link": '<https://m.example/x?max_id=5>; rel="next"'},
                         {"Link": '<https://m.example/x?min_id=9>; rel="prev"'},
                         {"Link": "garbage"}])


@pytest.mark.parametrize("kind", sorted(CONNECTORS))
def test_json_connector_gives_records_or_shape_error(kind):
    from kiosk.sources import registry
    from kiosk.sources.http import FetchError

    settings_, shape = CONNECTORS[kind]
    cls = registry.connector_class(kind)

    @bounded(120)
    @given(bodies=st.lists(usually(shape), min_size=1, max_size=3),
           headers=links, state=st.sampled_from([{}, {"since_id": "1"}, {"tag:acme": "5"},
                                                 {"mentions": "x"}, {"newest": "nope"},
                                                 {"venue:v1": "2024-01-01T00:00:00"}]))
    def run(bodies, headers, state):
        connector = cls(kind, dict(settings_), state, StubHttp(bodies, headers))
        try:
            _check_records(connector.fetch(datetime(1970, 1, 2, tzinfo=UTC)))
        except FetchError as exc:
            assert str(exc)

    run()


# --- roster --------------------------------------------------------------------------------

roster_rows = st.lists(st.lists(st.text(any_char, max_size=30).map(
    lambda t: t.encode("utf-8", "replace").decode()), max_size=7), max_size=6)


@bounded(100)
@given(header=st.sampled_from(["name,aliases,team,branch,email", "name,aliases,team,branch",
                               "Name,Aliases", "\ufeffname,aliases", "aliases,team", "", "name",
                               "name,name,branch", " name , branch "]),
       rows=roster_rows, raw=st.text(max_size=200))  # text as decoded: no surrogates
def test_roster_import_is_a_count_or_a_roster_error(app, header, rows, raw):
    from kiosk import roster
    from kiosk.analysis.mentions import Roster, RosterError, find_mentions, parse_branches
    from kiosk.models import StaffMember

    out = io.StringIO()
    out.write(header + "\n")
    csv.writer(out).writerows(rows)
    for text in (out.getvalue(), raw, header + "\n" + raw):
        try:
            n = roster.import_roster(text)
        except RosterError as exc:
            db.session().rollback()
            assert str(exc)
        else:
            assert n == db.session().scalar(select(func.count()).select_from(StaffMember))
            people = roster.current_roster()
            find_mentions("Teşekkürler " + " ".join(p.name for p in people.people), people)
        try:
            branches = parse_branches(text)
            roster.import_branches(text)
        except RosterError as exc:
            db.session().rollback()
            assert str(exc).startswith("line ")
        else:
            Roster([], branches)
            assert all(b.name.strip() for b in branches)


# --- settings -------------------------------------------------------------------------------

env_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                   max_size=30)
toml_value = st.one_of(st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                       st.booleans(), env_text.map(json.dumps),
                       st.sampled_from(['"8000"', "[1, 2]", "{ a = 1 }", '"Europe/Nowhere"',
                                        "inf", "nan", '"true"', '"0.5"', '""', "1979-05-27",
                                        '["https://a.example", "https://b.example"]']))


@bounded(150)
@given(file_values=st.dictionaries(st.sampled_from(
    ["PORT", "WORKERS", "SECURE_COOKIES", "PRAISE_THRESHOLD", "AUTO_APPROVE_SCORE",
     "SECRET_KEY", "TIMEZONE", "INSTANCE_DIR", "WIDGET_ORIGINS", "UNKNOWN_THING",
     "MAX_CONTENT_LENGTH", "SOURCE_TIMEOUT", "ACCESS_LOG"]), toml_value, max_size=4),
    raw_file=st.one_of(st.none(), st.binary(max_size=80)),
    env=st.dictionaries(st.sampled_from(
        ["PORT", "WORKERS", "SECURE_COOKIES", "PRAISE_THRESHOLD", "AUTO_APPROVE_SCORE",
         "SOURCE_RETRIES", "ACCESS_LOG", "TIMEZONE", "LANGUAGE", "WEBHOOK_WINDOW"]),
        st.one_of(env_text, st.sampled_from(["1", "0", "yes", "off", "12.5", " 8 ", "", "nan",
                                             "1e999", "Europe/London", "UTC"])), max_size=3))
def test_settings_are_a_typed_value_or_one_clear_error(tmp_path_factory, file_values,
                                                       raw_file, env):
    from kiosk.config import _DEFAULTS, SettingError, load_settings

    path = tmp_path_factory.mktemp("cfg") / "kiosk.toml"
    if raw_file is not None:
        path.write_bytes(raw_file)
    else:
        path.write_text("".join(f"{k} = {v}\n" for k, v in file_values.items()))
    saved = {k: v for k, v in os.environ.items() if k.startswith("KIOSK_")}
    try:
        for k in saved:
            del os.environ[k]
        os.environ["KIOSK_CONFIG"] = str(path)
        for k, v in env.items():
            os.environ["KIOSK_" + k] = v
        try:
            values = load_settings(materialise=False)
        except SettingError as exc:
            message = str(exc)
            named = set(file_values) | set(env) | {"KIOSK_CONFIG", "TIMEZONE"}
            assert any(name in message for name in named), message
            assert "\n" not in message.strip() or "TOML" in message
            return
        for name, default in _DEFAULTS.items():
            value = values[name]
            if isinstance(default, bool):
                assert isinstance(value, bool), name
            elif isinstance(default, int):
                assert type(value) is int, (name, value)
            elif isinstance(default, float):
                assert value is None or type(value) is float, (name, value)
            elif name == "WIDGET_ORIGINS" and isinstance(value, list):
                assert all(isinstance(v, str) for v in value)
            elif name != "INSTANCE_DIR":
                assert value is None or isinstance(value, str), (name, value)
    finally:
        for k in [k for k in os.environ if k.startswith("KIOSK_")]:
            del os.environ[k]
        os.environ.update(saved)


def test_a_wrong_setting_is_one_line_from_the_cli_not_a_traceback(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    kiosk = str(Path(sys.executable).with_name("kiosk"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    (tmp_path / "k.toml").write_text('PORT = "eighty"\n')
    for extra in ({"KIOSK_WORKERS": "two"}, {"KIOSK_CONFIG": str(tmp_path / "k.toml")},
                  {"KIOSK_CONFIG": str(tmp_path / "missing.toml")}):
        done = subprocess.run([kiosk, "analyze"], env={**env, **extra}, input="",
                              capture_output=True, text=True, timeout=60)
        assert done.returncode != 0
        assert "Traceback" not in done.stderr, done.stderr
        assert any(word in done.stderr for word in ("KIOSK_WORKERS", "PORT", "KIOSK_CONFIG"))


# --- rate limit ------------------------------------------------------------------------------

def test_webhook_is_rate_limited_per_address_with_retry_after(app, client, webhook):
    app.config["WEBHOOK_RATE_LIMIT"] = "3 per minute"
    body = json.dumps({"external_id": "r", "text": "Harika"}).encode()
    codes = [_post(client, webhook.signing_secret, body).status_code for _ in range(3)]
    assert codes == [201, 200, 200]
    refused = _post(client, webhook.signing_secret, body)
    assert refused.status_code == 429 and refused.is_json and refused.get_json()["error"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    unsigned = client.post("/api/v1/feedback", data=body)  # counted before the signature
    assert unsigned.status_code == 429
    other = client.post("/api/v1/feedback", data=body, environ_base={"REMOTE_ADDR": "10.9.8.7"},
                        headers={"X-Kiosk-Signature": sign(webhook.signing_secret, body),
                                 "Content-Type": "application/json"})
    assert other.status_code == 200  # another sender has its own allowance


def test_webhook_limit_has_a_default(app):
    from kiosk.web.api import _webhook_limit

    app.config.pop("WEBHOOK_RATE_LIMIT", None)
    assert _webhook_limit() == "600 per minute"
