"""The complaints inbox: complaints grouped by theme, each group owned by a team, each
complaint followed from new to contacted to resolved.

Groups are the taxonomy's themes; complaints no theme catches are clustered by the words
they share (TF-IDF weights over word sets, average-linkage cosine), and a cluster is named
by its top two or three words. Handling a complaint never puts it on a screen: it changes
only the complaint fields, and takes an item that somehow is on a wall off it.
"""

from __future__ import annotations

import heapq
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import select

from kiosk import audit, db, live
from kiosk.analysis.text import key, lower_tr, tokens
from kiosk.models import ON_SCREEN, Analysis, Branch, ComplaintOwner, Item, StaffMember

STATUSES = ("new", "contacted", "resolved")
OPEN = ("new", "contacted")
MAX_COMPLAINTS = 2000  # newest first; the inbox is about what is still to answer
MAX_CLUSTERED = 400  # untagged complaints clustered at once (quadratic in this)
CLUSTER_THRESHOLD = 0.25  # average cosine two groups of texts need to be merged
OTHER = "other"
CLUSTER_PREFIX = "cluster:"
MAX_TEAM = 120

# Words complaints of every kind share, which say nothing about what went wrong (folded).
_GENERIC = {"bereket", "market", "bereketmarket", "sube", "subesi", "subeniz", "magaza",
            "store", "shop", "branch", "lutfen", "please", "bey", "hanim", "usta", "abla",
            "abi", "yine", "again", "time", "times", "day", "gun", "hic", "artik", "mi", "mu",
            "got", "get", "one", "two", "iki", "tek", "bile", "even", "rezalet", "berbat",
            "kotu", "felaket", "maalesef", "yazik", "bravo", "harika", "super", "terrible",
            "awful", "horrible", "worst", "bad", "disappointed", "disappointing",
            "unacceptable", "ridiculous", "great", "amazing", "perfect"}


class ComplaintError(LookupError):
    pass


# --- words and clusters (pure) -------------------------------------------------------

@cache
def _stopwords() -> frozenset[str]:
    import stopwordsiso

    words = stopwordsiso.stopwords("tr") | stopwordsiso.stopwords("en")
    return frozenset(key(w) for w in words) | _GENERIC


def stem(word: str, lang: str | None = None) -> str:
    """A word's matching stem: folded, the suffix after an apostrophe dropped, an English
    plural s dropped, then its first five letters (a crude stemmer that works well for
    Turkish, whose suffixes all come after the root)."""
    folded = key(word).split("'")[0]
    if lang == "en" and len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded[:5]


def terms(text: str, lang: str | None = None, names: frozenset[str] = frozenset(),
          ) -> dict[str, str]:
    """The words of a text that may say what it is about: stem → the word as written
    (lowercased), without stop-words, short words and the names of people and places."""
    stop = _stopwords()
    out: dict[str, str] = {}
    for match in tokens(text):
        word = match.group()
        folded = key(word).split("'")[0]
        if len(folded) < 3 or folded in stop or folded in names:
            continue
        out.setdefault(stem(word, lang), lower_tr(word).split("'")[0])
    return out


@dataclass
class Cluster:
    key: str
    terms: list[str]  # stems, most telling first
    words: list[str]  # the same, as customers wrote them: the cluster's name
    members: list[int]  # indexes into the documents given

    @property
    def label(self) -> str:
        return " · ".join(self.words)


def _idf(docs: list[dict[str, str]]) -> dict[str, float]:
    df = Counter(s for d in docs for s in d)
    n = len(docs)
    return {s: math.log((1 + n) / (1 + c)) + 1 for s, c in df.items()}


def _vector(doc: dict[str, str], idf: dict[str, float]) -> dict[str, float]:
    weights = {s: idf.get(s, 1.0) for s in doc}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {s: w / norm for s, w in weights.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[s] for s, w in a.items() if s in b)


def cluster(docs: list[dict[str, str]], idf: dict[str, float] | None = None,
            threshold: float = CLUSTER_THRESHOLD) -> list[Cluster]:
    """Average-linkage agglomerative clustering of term sets by cosine similarity.

    `idf` may come from a larger corpus (all complaints) so that words every complaint
    uses weigh little. Only groups of two or more are returned, largest first; the merge
    order is deterministic, so the same texts always give the same clusters."""
    idf = idf or _idf(docs)
    vectors = [_vector(d, idf) for d in docs]
    size = {i: 1 for i in range(len(docs))}
    members = {i: [i] for i in range(len(docs))}
    sim: dict[tuple[int, int], float] = {}
    heap: list[tuple[float, int, int]] = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            s = _cos(vectors[i], vectors[j])
            if s > 0:
                sim[i, j] = s
                heapq.heappush(heap, (-s, i, j))
    next_id = len(docs)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in size or b not in size or sim.get((a, b)) != -negative:
            continue  # stale: one side was merged since
        if -negative < threshold:
            break
        # Lance–Williams for average linkage: the merged group's mean similarity to any
        # other is the size-weighted mean of its two parts'.
        merged = next_id
        next_id += 1
        na, nb = size.pop(a), size.pop(b)
        members[merged] = members.pop(a) + members.pop(b)
        for c in list(size):
            sa = sim.pop((min(a, c), max(a, c)), 0.0)
            sb = sim.pop((min(b, c), max(b, c)), 0.0)
            s = (na * sa + nb * sb) / (na + nb)
            if s > 0:
                sim[c, merged] = s
                heapq.heappush(heap, (-s, c, merged))
        size[merged] = na + nb
        sim.pop((a, b), None)
    out = []
    for group in members.values():
        if len(group) < 2:
            continue
        counts = Counter(s for i in group for s in docs[i])
        shared = [s for s, n in counts.items() if n >= 2] or list(counts)
        best = sorted(shared, key=lambda s: (-counts[s] * idf.get(s, 1.0), s))[:3]
        words = [Counter(docs[i][s] for i in group if s in docs[i])
                 .most_common(1)[0][0] for s in best]
        out.append(Cluster(CLUSTER_PREFIX + "+".join(sorted(best)), best, words,
                           sorted(group)))
    return sorted(out, key=lambda c: (-len(c.members), c.key))


def _adopt_keys(clusters: list[Cluster], owned: list[str]) -> None:
    """Keep a team's cluster when its words drift a little: a cluster sharing at least
    half its words (Jaccard ≥ 0.5) with a cluster someone assigned takes that one's key."""
    taken: set[str] = set()
    for c in clusters:
        mine = set(c.terms)
        best, best_score = None, 0.5
        for owned_key in owned:
            if owned_key in taken:
                continue
            theirs = set(owned_key[len(CLUSTER_PREFIX):].split("+"))
            score = len(mine & theirs) / len(mine | theirs)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = owned_key, score
        if best is not None:
            c.key = best
            taken.add(best)


# --- the inbox -----------------------------------------------------------------------

def status_of(item: Item) -> str:
    return item.complaint_status or "new"


def first_contact_seconds(item: Item) -> float | None:
    """Time from the customer's post to the first contact (never negative)."""
    if item.contacted_at is None:
        return None
    return max(0.0, (item.contacted_at - item.created_at).total_seconds())


def branches_of(item: Item) -> set[str]:
    found = set(item.analysis.branches or []) if item.analysis else set()
    return found | ({item.branch} if item.branch else set())


@dataclass
class Group:
    key: str
    kind: str  # theme | cluster | other
    label: str
    team: str | None = None
    item_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    median_first_contact: float | None = None  # seconds

    @property
    def total(self) -> int:
        return len(self.item_ids)

    @property
    def open(self) -> int:
        return sum(self.counts.get(s, 0) for s in OPEN)


@dataclass
class Inbox:
    groups: list[Group]
    complaints: list[Item]  # filtered, newest first
    group_keys: dict[int, list[str]]  # item id → its groups
    counts: dict[str, int]  # per status, under every filter but the status one
    total: int  # complaints matching the filters (before the page limit)
    sources: list[str]
    branches: list[str]

    def groups_by_key(self) -> dict[str, Group]:
        return {g.key: g for g in self.groups}


def complaint_items(limit: int = MAX_COMPLAINTS) -> list[Item]:
    """Complaints as the analysis labelled them, newest first, pending or rejected alike.

    An item a curator put on the screens was judged praise by a person, so it stays out,
    unless someone already handled it as a complaint."""
    query = (select(Item).join(Analysis).where(Analysis.label == "complaint")
             .order_by(Item.created_at.desc(), Item.id.desc()).limit(limit))
    return [i for i in db.session().scalars(query).unique()
            if i.status not in ON_SCREEN or i.complaint_status is not None]


def _names() -> frozenset[str]:
    """Folded words of staff and branch names: who and where, never what went wrong."""
    session = db.session()
    texts = [n for n in session.scalars(select(StaffMember.name))]
    for aliases in session.scalars(select(StaffMember.aliases)):
        texts.extend(aliases or [])
    texts.extend(session.scalars(select(Branch.name)))
    for aliases in session.scalars(select(Branch.aliases)):
        texts.extend(aliases or [])
    return frozenset(key(m.group()).split("'")[0] for t in texts for m in tokens(t))


def _owners() -> dict[str, str]:
    return {o.group_key: o.team for o in db.session().scalars(select(ComplaintOwner))}


def group_complaints(items: list[Item], themes, lang: str,
                     owners: dict[str, str] | None = None,
                     ) -> tuple[list[Group], dict[int, list[str]]]:
    """Theme groups, clusters of what no theme caught, and the rest as "other"."""
    owners = _owners() if owners is None else owners
    labels = {t.slug: t.label(lang) for t in themes}
    groups: dict[str, Group] = {}
    keys: dict[int, list[str]] = {}
    untagged: list[Item] = []
    for item in items:
        slugs = [s for s in (item.analysis.themes or []) if s in labels]
        if not slugs:
            untagged.append(item)
        for slug in slugs:
            groups.setdefault(slug, Group(slug, "theme", labels[slug])).item_ids.append(item.id)
            keys.setdefault(item.id, []).append(slug)
    names = _names()
    docs = [terms(i.text, i.analysis.lang, names) for i in items]
    idf = _idf(docs)  # over every complaint, so words all complaints use weigh little
    by_id = {i.id: d for i, d in zip(items, docs, strict=True)}
    batch = untagged[:MAX_CLUSTERED]
    clusters = cluster([by_id[i.id] for i in batch], idf)
    _adopt_keys(clusters, [k for k in owners if k.startswith(CLUSTER_PREFIX)])
    for c in clusters:
        group = groups.setdefault(c.key, Group(c.key, "cluster", c.label))
        for index in c.members:
            group.item_ids.append(batch[index].id)
            keys[batch[index].id] = [c.key]
    for item in untagged:
        if item.id not in keys:
            groups.setdefault(OTHER, Group(OTHER, "other", "")).item_ids.append(item.id)
            keys[item.id] = [OTHER]
    by_item = {i.id: i for i in items}
    for group in groups.values():
        group.team = owners.get(group.key)
        members = [by_item[i] for i in group.item_ids]
        group.counts = dict(Counter(status_of(i) for i in members))
        waits = [w for w in map(first_contact_seconds, members) if w is not None]
        group.median_first_contact = statistics.median(waits) if waits else None
    order = {"theme": 0, "cluster": 1, "other": 2}
    ranked = sorted(groups.values(), key=lambda g: (order[g.kind], -g.open, -g.total, g.key))
    return ranked, keys


def inbox(themes, lang: str, status: str = "open", group: str = "", team: str = "",
          branch: str = "", source: str = "", limit: int = 200) -> Inbox:
    """The inbox under the given filters. Groups are counted under the branch and source
    filters; the status counts under every filter but the status one."""
    items = complaint_items()
    sources = sorted({i.source for i in items})
    branches = sorted({b for i in items for b in branches_of(i)})
    if branch:
        items = [i for i in items if branch in branches_of(i)]
    if source:
        items = [i for i in items if i.source == source]
    owners = _owners()
    groups, keys = group_complaints(items, themes, lang, owners)
    if group:
        items = [i for i in items if group in keys.get(i.id, [])]
    if team:
        def owned(i: Item) -> bool:
            teams = {owners.get(k) for k in keys.get(i.id, [])}
            return teams == {None} if team == "-" else team in teams
        items = [i for i in items if owned(i)]
    counts = dict.fromkeys(STATUSES, 0) | dict(Counter(status_of(i) for i in items))
    if status == "open":
        items = [i for i in items if status_of(i) in OPEN]
    elif status in STATUSES:
        items = [i for i in items if status_of(i) == status]
    return Inbox(groups, items[:limit], keys, counts, len(items), sources, branches)


def teams() -> list[str]:
    """Teams to choose from: the roster's, and any already given a group."""
    session = db.session()
    found = set(session.scalars(select(StaffMember.team).where(StaffMember.team.is_not(None))))
    found |= set(session.scalars(select(ComplaintOwner.team)))
    return sorted(t for t in found if t and t.strip())


# --- changes (audited) ---------------------------------------------------------------

def _state(item: Item) -> dict:
    return {"status": status_of(item),
            "contacted_at": item.contacted_at.isoformat() if item.contacted_at else None,
            "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None,
            "handled_by": item.handled_by}


def set_status(item_id: int, status: str, actor: str, now: datetime | None = None) -> Item:
    """Move a complaint to new, contacted or resolved (also back, to correct a slip).

    The first contact is kept once made: it is what "time to first contact" measures.
    Resolving counts as contact when none was recorded. The same status twice changes
    nothing. A resolved complaint (or one no longer resolved) changes the weekly numbers,
    so the screens get them fresh."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    now = now or datetime.now(UTC)
    session = db.session()
    item = session.get(Item, item_id)
    if item is None or item.analysis is None or (
            item.analysis.label != "complaint" and item.complaint_status is None):
        raise ComplaintError(f"no complaint {item_id}")
    before = _state(item)
    if before["status"] == status:
        return item
    was_resolved = item.resolved_at is not None
    if item.status in ON_SCREEN and status != "new":
        from kiosk import curation  # curation publishes to screens; imported when needed

        # Off the walls first, while the feed still sees it there (screens get item_removed).
        curation.reject_item(item.id, actor, reason="complaint")  # being answered: no praise
        item = session.get(Item, item_id)
    if status == "new":
        item.complaint_status, item.contacted_at, item.resolved_at = None, None, None
    else:
        item.complaint_status = status
        item.contacted_at = item.contacted_at or now
        item.resolved_at = (item.resolved_at or now) if status == "resolved" else None
    item.handled_by = actor
    audit.record(actor, "complaint.status", f"item:{item.id}", before, _state(item))
    session.commit()
    if was_resolved != (item.resolved_at is not None):
        live.publish_stats()
    return item


def valid_group_key(group_key: str, themes) -> bool:
    slugs = {t.slug for t in themes}
    return (group_key in slugs or group_key == OTHER
            or (group_key.startswith(CLUSTER_PREFIX) and len(group_key) <= 120
                and len(group_key) > len(CLUSTER_PREFIX)))


def assign_team(group_key: str, team: str | None, actor: str, themes) -> str | None:
    """Give a group to a team (free text or a roster team); an empty team unassigns it."""
    group_key = (group_key or "").strip()
    if not valid_group_key(group_key, themes):
        raise ValueError(f"unknown complaint group {group_key!r}")
    team = " ".join((team or "").split()) or None
    if team and len(team) > MAX_TEAM:
        raise ValueError(f"a team's name is at most {MAX_TEAM} characters")
    session = db.session()
    row = session.get(ComplaintOwner, group_key)
    before = {"team": row.team} if row else None
    if (row.team if row else None) == team:
        return team
    if team is None:
        session.delete(row)
    elif row is None:
        session.add(ComplaintOwner(group_key=group_key, team=team, updated_by=actor))
    else:
        row.team, row.updated_by, row.updated_at = team, actor, datetime.now(UTC)
    audit.record(actor, "complaint.owner", f"complaint_group:{group_key}", before,
                 {"team": team} if team else None)
    session.commit()
    live.publish_stats()  # a "you said, we fixed" slide names the owning team
    return team
