"""The staff roster and branches as the database keeps them, for the analysis to match."""

from __future__ import annotations

import csv
import io

from sqlalchemy import delete, select

from kiosk import audit, db
from kiosk.analysis import mentions
from kiosk.models import Branch, StaffMember


def import_roster(text: str, actor: str = "cli") -> int:
    """Replace the roster with a CSV (name,aliases,team,branch[,email]); returns the count.

    Branches named in the roster are added to the branch list if new.
    """
    people = mentions.parse_roster(text)
    names = [p.name for p in people]
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise mentions.RosterError(f"names appear twice: {', '.join(dupes)}")
    session = db.session()
    session.execute(delete(StaffMember))
    session.add_all(StaffMember(name=p.name, aliases=list(p.aliases), team=p.team or None,
                                branch=p.branch or None, email=p.email or None)
                    for p in people)
    known = set(session.scalars(select(Branch.name)))
    for branch in sorted({p.branch for p in people if p.branch} - known):
        session.add(Branch(name=branch, aliases=[]))
    audit.record(actor, "roster.import", "roster", None, {"people": len(people)})
    session.commit()
    return len(people)


def import_branches(text: str, actor: str = "cli") -> int:
    """Add or update branches from a CSV (name,city,aliases)."""
    session = db.session()
    rows = mentions.parse_branches(text)
    for row in rows:
        branch = session.scalar(select(Branch).where(Branch.name == row.name))
        if branch is None:
            session.add(Branch(name=row.name, city=row.city or None, aliases=list(row.aliases)))
        else:
            branch.city, branch.aliases = row.city or branch.city, list(row.aliases)
    audit.record(actor, "branches.import", "branches", None, {"branches": len(rows)})
    session.commit()
    return len(rows)


def export_roster() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "aliases", "team", "branch", "email"])
    for s in db.session().scalars(select(StaffMember).order_by(StaffMember.name)):
        writer.writerow([s.name, ";".join(s.aliases or []), s.team or "", s.branch or "",
                         s.email or ""])
    return out.getvalue()


def export_branches() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "city", "aliases"])
    for b in db.session().scalars(select(Branch).order_by(Branch.name)):
        writer.writerow([b.name, b.city or "", ";".join(b.aliases or [])])
    return out.getvalue()


def current_roster() -> mentions.Roster:
    session = db.session()
    people = [mentions.Person(s.name, s.team or "", s.branch or "", s.email or "",
                              tuple(s.aliases or ())) for s in session.scalars(select(StaffMember))]
    branches = [mentions.Branch(b.name, b.city or "", tuple(b.aliases or ()))
                for b in session.scalars(select(Branch))]
    return mentions.Roster(people, branches)
