"""Poster PDFs for real: the CLI and the console render with WeasyPrint, and poppler reads
the result back (pdftotext for the words and their boxes, pdfinfo for pages and paper,
pdftoppm for the pixels)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from kiosk import db, poster_layout, posters
from kiosk import roster as roster_store
from kiosk.models import AuditEntry, Item, Poster
from tests.test_console import sign_in

ROOT = Path(__file__).resolve().parent.parent
KIOSK = str(Path(sys.executable).with_name("kiosk"))
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)>"
TURKISH = ("Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler! İyi ki varsınız, "
           "ğüzel bir gün oldu, çöp poşetimi bile taşıdı")
EMOJI = "🙏😊"


@pytest.fixture
def staff(app):
    roster_store.import_branches((ROOT / "kiosk/demo/branches.csv").read_text("utf-8"))
    roster_store.import_roster((ROOT / "kiosk/demo/roster.csv").read_text("utf-8"))


def approved(make_item, text, **fields):
    item = make_item(text, status="approved", **{"source": "google", **fields})
    item.decided_by = "cem"
    db.session().commit()
    return item


def cli(app, tmp_path, *args, ok=True):
    """`kiosk …` in its own process against the test database, as a person would run it."""
    config = tmp_path / "kiosk.toml"
    config.write_text('company_name = "Bereket Market"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_DATABASE_URL=app.config["DATABASE_URL"], KIOSK_CONFIG=str(config),
               KIOSK_INSTANCE_DIR=str(tmp_path / "instance"), KIOSK_LANGUAGE="tr")
    done = subprocess.run([KIOSK, *args], env=env, capture_output=True, text=True,
                          timeout=120)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in
                                                 out.splitlines())}


def words(path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word with its box (xMin, yMin, xMax, yMax) in PDF points."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<'
    return [(w, float(a), float(b), float(c), float(d))
            for a, b, c, d, w in re.findall(pattern, html)]


def png(path: Path, dpi: int = 72) -> Image.Image:
    stem = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(stem)],
                   check=True)
    return Image.open(stem.with_suffix(".png")).convert("RGB")


def colourful_share(image: Image.Image, box: tuple[float, ...], dpi: int = 72) -> float:
    """Share of pixels in a PDF-point box that are vivid (saturated and bright)."""
    scale = dpi / 72
    hsv = image.crop(tuple(round(v * scale) for v in box)).convert("HSV").tobytes()
    saturation, value = hsv[1::3], hsv[2::3]
    vivid = sum(1 for s, v in zip(saturation, value, strict=True) if s > 115 and v > 140)
    return vivid / max(1, len(value))


def test_cli_prints_turkish_emoji_and_hostile_text_verbatim(app, staff, make_item, tmp_path):
    item = approved(make_item, f"{TURKISH} {EMOJI} {HOSTILE}", rating=5, branch="Kadıköy")
    assert item.analysis.mentions == ["Ayşe Yılmaz"]
    out = tmp_path / "poster.pdf"
    done = cli(app, tmp_path, "poster", str(item.id), "--pdf", str(out))
    assert "A4" in done.stdout and out.read_bytes().startswith(b"%PDF")

    text = pdf_text(out)
    assert TURKISH in text  # ş ı İ ğ ü ç ö, verbatim and in order
    assert HOSTILE in text  # markup printed as text: neither run nor dropped
    assert "Bereket Market" in text and "TEŞEKKÜRLER" in text and "Ayşe Yılmaz" in text
    assert "Kadıköy şubesi" in text and "Google" in text
    assert "(A4)" in pdf_info(out)["Page size"]
    boxes = _assert_one_clean_page(out)
    emoji = next(w for w in boxes if EMOJI in w[0])
    plain = next(w for w in boxes if w[0] == "teşekkürler!")
    image = png(out)
    assert colourful_share(image, emoji[1:]) > 0.15, "emoji are not drawn in colour"
    assert colourful_share(image, plain[1:]) < 0.01  # the same test on black text: none
    assert db.session().query(Poster).filter_by(item_id=item.id, created_by="cli",
                                                size="A4", kind="item").count() == 1


def test_a3_is_a3_and_english_when_asked(app, staff, make_item, tmp_path):
    item = approved(make_item, "Ayşe was so kind at the till, thank you!", branch="Kadıköy")
    out = tmp_path / "a3.pdf"
    out.write_bytes(posters.item_poster(item.id, "a3", "cli", lang="en"))
    assert pdf_info(out)["Page size"].endswith("(A3)")
    _assert_one_clean_page(out)
    text = pdf_text(out)
    assert "THANK YOU" in text and "Kadıköy branch" in text and "TEŞEKKÜRLER" not in text
    assert db.session().query(Poster).one().size == "A3"


def _assert_one_clean_page(path: Path) -> list:
    """One page; every word inside it; no two words drawn over each other."""
    info = pdf_info(path)
    assert info["Pages"] == "1"
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    boxes = [b for b in words(path) if b[0] != "“"]  # the ornament's box is all line-height
    assert boxes and all(0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height
                         for _, x0, y0, x1, y1 in boxes)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            across = min(a[3], b[3]) - max(a[1], b[1])
            apart = abs((a[2] + a[4]) - (b[2] + b[4])) / 2
            assert across <= 0.5 or apart >= 0.5 * min(a[4] - a[2], b[4] - b[2]), (a, b)
    return boxes


def test_a_long_quote_gets_smaller_type_and_keeps_its_end(app, make_item, tmp_path):
    sentence = "Kasadaki arkadaşımız sabırla yardım etti ve güler yüzünü hiç eksik etmedi. "
    item = approved(make_item, sentence * 11 + "Sonuna kadar okundu.")  # ~850 characters
    out = tmp_path / "long.pdf"
    out.write_bytes(posters.item_poster(item.id))
    boxes = _assert_one_clean_page(out)
    text = pdf_text(out)
    assert text.count("güler yüzünü") == 11 and "Sonuna kadar okundu." in text
    assert "…" not in text
    end = next(b for b in boxes if b[0] == "okundu.")
    byline = next(b for b in boxes if b[0] == "Google")
    assert end[4] <= byline[2]  # the quote's last line sits above the byline, not over it


def test_an_extremely_long_quote_is_shortened_at_a_word(app, make_item, tmp_path):
    words_ = [f"kelime{n}" for n in range(450)]  # 4,700 characters
    item = approved(make_item, "Teşekkürler " + " ".join(words_) + " SONKELİME")
    out = tmp_path / "huge.pdf"
    out.write_bytes(posters.item_poster(item.id))
    _assert_one_clean_page(out)
    text = pdf_text(out)
    shown = re.search(r"kelime(\d+)…", text)
    assert shown, "the cut is marked with … right after a whole word"
    assert 100 < int(shown.group(1)) < 449 and "SONKELİME" not in text
    assert "Google" in text and "Bir müşterimizi mutlu ettiğiniz" in text  # below the quote


@pytest.mark.parametrize("state, message", [
    ({"status": "pending"}, "pending"),
    ({"status": "rejected"}, "rejected"),
    ({"status": "approved", "complaint_status": "new"}, "complaint"),
    ({"status": "approved", "decided_by": "rule:auto-approve", "label": "complaint"},
     "complaint"),
])
def test_what_is_not_on_a_wall_is_not_printed(app, make_item, tmp_path, state, message):
    item = make_item("Fena değildi, teşekkürler.")
    label = state.pop("label", None)
    for key, value in state.items():
        setattr(item, key, value)
    if label:
        item.analysis.label = label
    db.session().commit()
    result = CliRunner().invoke(_main(), ["poster", str(item.id), "--pdf",
                                          str(tmp_path / "x.pdf")], env=_env(app))
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "x.pdf").exists()
    assert db.session().query(Poster).count() == 0


def test_a_complaint_label_a_curator_overruled_is_printable(app, make_item, tmp_path):
    item = approved(make_item, "Kasiyer kartım okumayınca sabırla bekledi, teşekkürler.")
    item.analysis.label = "complaint"  # the analysis was wrong; a person approved it
    db.session().commit()
    assert posters.item_poster(item.id).startswith(b"%PDF")


def _main():
    from kiosk.cli import main

    return main


def _env(app) -> dict[str, str]:
    return {"KIOSK_DATABASE_URL": app.config["DATABASE_URL"],
            "KIOSK_INSTANCE_DIR": app.config["INSTANCE_DIR"]}


def test_best_of_the_week_ranks_pinned_then_shout_outs(app, staff, make_item, tmp_path):
    now = datetime.now(UTC)
    monday = posters.parse_week(None, now)
    week = posters.week_label(monday)
    at = datetime.combine(monday, datetime.min.time(), posters._tz()) + timedelta(hours=9)
    when = min(at, now - timedelta(minutes=5)).isoformat()
    plain = approved(make_item, "Temiz ve düzenli bir mağaza, çok beğendim.", created_at=when)
    shout = approved(make_item, "Ayşe Hanım'a kasadaki yardımı için teşekkürler!",
                     created_at=when)
    pinned = approved(make_item, "Harika bir alışverişti, herkese teşekkürler 😊",
                      created_at=when)
    pinned.status = "pinned"
    waiting = make_item("Bekleyen övgü: çok güzel bir gün!", status="pending",
                        created_at=when)
    last_week = approved(make_item, "Geçen haftadan bir övgü, teşekkürler.",
                         created_at=(at - timedelta(days=7)).isoformat())
    db.session().commit()

    out = tmp_path / "week.pdf"
    result = CliRunner().invoke(_main(), ["poster", "--week", week, "--pdf", str(out),
                                          "--size", "A3"], env=_env(app))
    assert result.exit_code == 0, result.output
    text = pdf_text(out)
    order = [text.find(i.analysis.display_text[:25]) for i in (pinned, shout, plain)]
    assert -1 not in order and order == sorted(order), text
    assert waiting.analysis.display_text[:20] not in text
    assert last_week.analysis.display_text[:20] not in text
    assert "HAFTANINENİYİLERİ" in text.replace(" ", "")  # letter-spaced: Turkish capitals
    assert "Müşterilerimizin teşekkürleri" in text and "Ayşe Yılmaz" in text
    _assert_one_clean_page(out)
    rows = db.session().query(Poster).filter_by(kind="week").all()
    assert sorted(r.item_id for r in rows) == sorted([pinned.id, shout.id, plain.id])
    assert {r.created_by for r in rows} == {"cli"} and {r.size for r in rows} == {"A3"}

    result = CliRunner().invoke(_main(), ["poster", "--week", "2026-W60", "--pdf",
                                          str(out)], env=_env(app))
    assert result.exit_code == 1 and "2026-W47" in result.output


def test_the_week_poster_fits_five_long_quotes_on_a_page(app, make_item, tmp_path):
    text = ("Personel çok ilgiliydi, aradığım ürünü depodan getirdiler, kasada da sabırla "
            "bekleyip poşetlerimi arabaya kadar taşıdılar. ") * 3
    for n in range(6):
        approved(make_item, f"{n}. müşteri: {text}")
    out = tmp_path / "week.pdf"
    result = CliRunner().invoke(_main(), ["poster", "--week", "--pdf", str(out)],
                                env=_env(app))  # --week alone: this week
    assert result.exit_code == 0, result.output
    _assert_one_clean_page(out)
    assert 3 <= db.session().query(Poster).filter_by(kind="week").count() <= 5
    made = posters.recent_posters()
    assert len(made) == 1 and 3 <= len(made[0]["item_ids"]) <= 5  # one poster, several rows


def test_highlighting_finds_names_with_turkish_suffixes_and_titles():
    segments = poster_layout.highlight("AYŞE hanım'a ve Kadıköy'deki Can Bey'e teşekkürler",
                                       ["Ayşe Yılmaz", "Can Demir"], "Kadıköy")
    marked = [(text, kind) for text, kind in segments if kind]
    assert marked == [("AYŞE hanım'a", "name"), ("Kadıköy'deki", "branch"),
                      ("Can Bey'e", "name")]
    assert "".join(t for t, _ in segments) == "AYŞE hanım'a ve Kadıköy'deki Can Bey'e " \
                                              "teşekkürler"
    assert poster_layout.shorten("Bir iki, üç dört", 2) == "Bir iki…"


def test_the_logo_and_company_name_come_from_config(app, make_item, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (20, 120, 60)).save(logo)
    app.config.update(COMPANY_NAME="Bereket Market", LOGO_PATH=str(logo))
    item = approved(make_item, "Çok teşekkürler, harika hizmet!")
    out = tmp_path / "logo.pdf"
    out.write_bytes(posters.item_poster(item.id))
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout
    assert " 120    40 " in images
    assert "Bereket Market" in pdf_text(out)


def test_the_console_prints_for_curators_and_audits(app, client, make_item):
    from kiosk import accounts

    item = approved(make_item, "Şubedeki herkese teşekkürler!")
    pending = make_item("Henüz onaylanmadı ama güzel.", status="pending")
    assert client.get(f"/admin/items/{item.id}/poster.pdf").status_code == 302  # sign in
    accounts.create_user("cem", "correct-horse", "curator")
    sign_in(client, "cem", "correct-horse")

    response = client.get(f"/admin/items/{item.id}/poster.pdf?size=A3")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    poster = db.session().query(Poster).one()
    assert (poster.item_id, poster.size, poster.created_by) == (item.id, "A3", "cem")
    entry = db.session().query(AuditEntry).filter_by(action="poster.create").one()
    assert entry.actor == "cem" and entry.target == f"item:{item.id}"

    refused = client.get(f"/admin/items/{pending.id}/poster.pdf")
    assert refused.status_code == 302
    page = client.get("/admin/posters").get_data(as_text=True)
    assert "pending" in page or "bekliyor" in page
    assert f"#{item.id}" in page
    assert client.get("/admin/posters/week.pdf").data.startswith(b"%PDF")
    queue = client.get("/admin/?status=approved").get_data(as_text=True)
    assert f"/admin/items/{item.id}/poster.pdf" in queue
    assert db.session().get(Item, pending.id).status == "pending"
