"""The `kiosk` command as a new user runs it: separate processes, a throw-away database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = str(Path(sys.executable).with_name("kiosk"))
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    return {**clean, "KIOSK_DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
            "KIOSK_INSTANCE_DIR": str(tmp_path / "instance")}


def kiosk(env, *args, input=None, ok=True):
    done = subprocess.run([KIOSK, *args], env=env, input=input, capture_output=True,
                          text=True, timeout=120)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def test_analyze_needs_no_database_and_keeps_one_line_per_input(tmp_path, env):
    env = {k: v for k, v in env.items() if k != "KIOSK_DATABASE_URL"}
    lines = [
        {"external_id": "1", "text": "Kadıköy'deki Ayşe Hanım'a çok teşekkürler! 0532 123 45 67",
         "author": "Mehmet Kaya"},
        "this is not json",
        {"external_id": "3", "text": "Staff were nice but the delivery was late."},
        {"text": "no id"},
        {"external_id": "5", "text": "Great, another hour waiting. Just perfect."},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                      for x in lines) + "\n"
    out = kiosk(env, "analyze", "--roster", str(ROOT / "kiosk/demo/roster.csv"), input=stdin)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(results) == 5
    first = results[0]
    assert first["external_id"] == "1" and first["lang"] == "tr"
    assert first["label"] == "praise" and first["mentions"] == ["Ayşe Yılmaz"]
    assert "Kadıköy" in first["branches"] and "0532" not in first["display_text"]
    assert first["display_author"] == "Mehmet K."
    assert results[1]["error"]["line"] == 2
    assert results[2]["label"] == "complaint"
    assert "external_id" in results[3]["error"]["message"]
    assert results[4]["label"] == "complaint"
    assert not (tmp_path / "instance").exists()  # nothing written


def test_whole_product_against_a_throwaway_database(env, tmp_path):
    kiosk(env, "init")
    assert "roster: 24 people" in kiosk(env, "roster", "import",
                                        str(ROOT / "kiosk/demo/roster.csv")).stdout
    csv = tmp_path / "in.csv"
    csv.write_text("source,external_id,text,author\n"
                   "survey,1,Kasadaki Can'a çok teşekkürler,Zeynep Ak\n"
                   "survey,2,,nobody\n", "utf-8")
    done = kiosk(env, "import", str(csv))
    assert "imported 1 new" in done.stdout and "in.csv:3" in done.stderr
    secret = kiosk(env, "sources", "add", "shop", "--kind", "webhook").stdout.strip()
    assert len(secret) == 64
    assert "shop\twebhook\tok" in kiosk(env, "sources", "list").stdout
    kiosk(env, "users", "create", "--username", "ada", "--password", "long-enough",
          "--role", "admin")
    assert kiosk(env, "tokens", "create", "ada").stdout.startswith("kiosk_")
    url = kiosk(env, "screens", "create", "tv", "--channel", "lobby").stdout.strip()
    assert url.startswith("http://127.0.0.1:8000/display/")
    bad = kiosk(env, "sources", "add", "x", "--kind", "telepathy", ok=False)
    assert bad.returncode != 0 and "known kinds" in bad.stderr
