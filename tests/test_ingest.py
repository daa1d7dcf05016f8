import json

from sqlalchemy import func, select

from kiosk import db, ingest
from kiosk.models import Item


def count_items() -> int:
    return db.session().scalar(select(func.count()).select_from(Item))


def test_csv_with_broken_rows_keeps_good_rows_and_names_bad_lines(app):
    data = (
        "source,external_id,text,author,rating,created_at\n"
        'google,g1,"Çok güler yüzlü bir ekip, teşekkürler",Ayşe Kaya,5,2026-11-20T10:00:00\n'
        "google,g2,,Nobody,4,2026-11-20T10:00:00\n"
        'google,g3,"Bread was stale",Jo Doe,nine,2026-11-20T10:00:00\n'
        'google,g4,"Lovely staff,\nvery kind",Can Er,5,2026-11-21T09:00:00\n'
        "google,g5,extra,fields,5,2026-11-21T09:00:00,oops\n"
    )
    report = ingest.ingest(ingest.read_records(data, "upload.csv"))
    assert len(report.added) == 2
    assert [line for line, _ in report.errors] == [3, 4, 7]
    assert "'text' is required" in report.errors[0][1]
    assert "rating" in report.errors[1][1]
    texts = {i.external_id: i.text for i in db.session().scalars(select(Item))}
    assert texts["g4"] == "Lovely staff,\nvery kind"


def test_import_is_idempotent_on_source_and_external_id(app):
    line = json.dumps({"source": "x", "external_id": "1", "text": "Great!"})
    first = ingest.ingest(ingest.read_records(line + "\n" + line, "a.jsonl"))
    again = ingest.ingest(ingest.read_records(line, "a.jsonl"))
    assert len(first.added) == 1 and first.duplicates == 1
    assert again.added == [] and again.duplicates == 1
    assert count_items() == 1


def test_json_lines_with_a_broken_line(app):
    data = '{"source":"x","external_id":"1","text":"ok"}\n{"source": oops}\n\n' \
           '{"source":"x","external_id":"2","text":"fine"}\n'
    report = ingest.ingest(ingest.read_records(data, "feed.jsonl"))
    assert len(report.added) == 2
    assert report.errors[0][0] == 2 and "not valid JSON" in report.errors[0][1]


def test_original_text_kept_apart_from_what_a_screen_may_show(app, make_item):
    item = make_item("Thanks! Call me on 0532 123 45 67 or mail ayse@example.com",
                     author="Ayşe Kaya")
    assert item.text.endswith("ayse@example.com")
    assert "0532" not in item.analysis.display_text
    assert "ayse@example.com" not in item.analysis.display_text
    assert item.analysis.display_author == "Ayşe K."


def test_clear_praise_is_auto_approved_and_the_rest_waits(app, make_item):
    assert make_item("Absolutely wonderful staff, thank you, love this store!").status == \
        "approved"
    assert make_item("The queue was long and the bread was stale.").status == "pending"
    assert make_item("Do you open on Sunday?").status == "pending"


def test_a_json_array_file_imports_too(app):
    data = json.dumps([{"source": "x", "external_id": "1", "text": "Harika!"},
                       {"source": "x", "text": "no id"}])
    report = ingest.ingest(ingest.read_records(data, "export.json"))
    assert len(report.added) == 1 and report.errors[0][0] == 2


def test_two_processes_storing_the_same_items_at_once_store_each_once(app, tmp_path):
    """A scheduler's catch-up beside a poll, or two workers: the loser of the race counts
    the winner's items as duplicates instead of failing its whole batch."""
    import threading

    from sqlalchemy import func, select

    from kiosk import create_app, db, ingest
    from kiosk.models import Item

    url = app.config["DATABASE_URL"]
    records = [(n, {"source": "race", "external_id": f"r{n}",
                    "text": f"Teşekkürler, sipariş {n} tam zamanında geldi."})
               for n in range(150)]
    reports, errors = [], []
    start = threading.Barrier(2)

    def run():
        other = create_app({"DATABASE_URL": url, "SECRET_KEY": "x",
                            "INSTANCE_DIR": str(tmp_path)})
        with other.app_context():
            start.wait()
            try:
                reports.append(ingest.ingest(records))
            except Exception as exc:  # the bug this test is about
                errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(len(r.added) for r in reports)[1] > 0
    assert sum(len(r.added) for r in reports) == 150
    assert sum(r.duplicates for r in reports) == 150
    assert db.session().scalar(select(func.count()).select_from(Item)
                               .where(Item.source == "race")) == 150
