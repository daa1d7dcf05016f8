"""Set up a throw-away Kiosk database for bench/fanout_kiosk.py; prints what it made as JSON.

    KIOSK_DATABASE_URL=sqlite:////tmp/x/kiosk.db KIOSK_INSTANCE_DIR=/tmp/x \
        python bench/kiosk_fixture.py --screens 50 --items 200

Runs with Kiosk's interpreter, after `kiosk init --demo`: adds a curator with an API
token, SCREENS screens on the demo channel ("default", which shows every approved item),
and ITEMS pending praise items (copies of the demo's praise, created now) for the bench to
approve one by one. Prints {"token", "channel", "screens": [tokens], "items": [ids],
"payload": {"item_added": …, "stats": …}}; the payload is what one approval sends, so the
Node reference can send messages of the same size.
"""

from __future__ import annotations

import argparse
import json
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kiosk import accounts, create_app, db, feed, live
from kiosk.models import Analysis, Channel, Item, Screen, Status


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screens", type=int, default=50)
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--channel", default="default")
    args = ap.parse_args()
    app = create_app()
    with app.app_context():
        session = db.session()
        if session.scalar(select(Channel).where(Channel.name == args.channel)) is None:
            raise SystemExit(f"no channel {args.channel!r}: run `kiosk init --demo` first")
        accounts.create_user("bench", secrets.token_urlsafe(12), "curator")
        token = accounts.create_token("bench")
        channel = session.scalar(select(Channel).where(Channel.name == args.channel))
        screens = []
        for n in range(args.screens):
            screen = Screen(name=f"bench-{n}", token=secrets.token_urlsafe(24), channel=channel)
            session.add(screen)
            screens.append(screen)
        praise = [i for i in session.scalars(select(Item).join(Analysis)
                                             .where(Analysis.label == "praise")).unique()
                  if not i.analysis.flags][:50]
        if not praise:
            raise SystemExit("no demo praise to copy")
        now = datetime.now(UTC)
        items = []
        for n in range(args.items):
            src = praise[n % len(praise)]
            a = src.analysis
            item = Item(source=src.source, external_id=f"bench-{n}", text=src.text,
                        author=src.author, url=src.url,
                        created_at=now - timedelta(minutes=n), rating=src.rating,
                        branch=src.branch, lang=src.lang, status=Status.PENDING.value,
                        analysis=Analysis(lang=a.lang, sentiment=a.sentiment, label=a.label,
                                          themes=a.themes, mentions=a.mentions,
                                          branches=a.branches, flags=[], reasons=a.reasons,
                                          confidence=a.confidence,
                                          display_text=a.display_text,
                                          display_author=a.display_author))
            session.add(item)
            items.append(item)
        session.commit()
        sample = items[0]
        payload = {"item_added": {"id": sample.id, "item": feed.display_item(sample)},
                   "stats": live.channel_stats(channel, fresh=True)}
        print(json.dumps({"token": token, "channel": channel.name,
                          "screens": [s.token for s in screens],
                          "items": [i.id for i in items], "payload": payload}))


if __name__ == "__main__":
    main()
