"""Kiosk learns from its curators: a praise model per language, trained on their decisions.

Its examples are the curators' decisions, read live from the items (kiosk/learning_examples.py):
erasing an item erases its example, and the next model never sees it.

A model is a logistic regression over hashed word and character n-grams plus the signals
the rules already read (kiosk/analysis/sentiment.py), fitted in pure Python. It is trained on
the older examples and judged on the most recent MODEL_HOLDOUT of them, which it never saw.
Its threshold is set on out-of-fold scores of the training part, never on the held-out part.
The gate switches a model on only when, on the held-out part, auto-approval with it (the
rules AND the model) reaches MODEL_PRECISION_TARGET with at least MODEL_MIN_EXAMPLES
examples. An active model can only hold back what the rules would approve; it never approves
anything itself. Each training also re-checks the active model on the newest decisions and
switches it off if it has fallen below target there.

What a model stores: hashed feature indexes and their weights, its threshold, its numbers,
and the ids of the items it was trained on; never text. The "why" beside a queue item looks
its nearest examples up in the database at that moment.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from kiosk import audit, db
from kiosk.analysis import linear
from kiosk.analysis.linear import text_vector
from kiosk.learning_examples import SETTLE, Example, examples, vector
from kiosk.models import Analysis, Item, PraiseModel, Setting, Status

log = logging.getLogger(__name__)

LANGS = ("tr", "en")
TRAIN_EVERY = timedelta(days=7)
MIN_TRAIN = 30  # fewer examples, or no praise or no other, and nothing is fitted
MIN_APPROVED = 10  # held-out auto-approvals needed before their precision means anything
WHY_POOL = 2000  # most recent examples the "why" compares an item with
PIN_KEY = "learning.pinned"
FORMAT = 1


def _cfg(name: str, default):
    return current_app.config.get(name, default)


def target() -> float:
    return float(_cfg("MODEL_PRECISION_TARGET", 0.97))


def min_examples() -> int:
    return int(_cfg("MODEL_MIN_EXAMPLES", 150))


def holdout_size(n: int) -> int:
    """MODEL_HOLDOUT below 1 is a share of the examples, from 1 a count; at most half."""
    share = float(_cfg("MODEL_HOLDOUT", 0.2) or 0.2)
    count = round(n * share) if share < 1 else int(share)
    return max(1, min(count, n // 2))


# --- training and the gate ------------------------------------------------------------------

@dataclass
class _Loaded:
    id: int
    lang: str
    active: bool
    threshold: float | None
    bias: float
    weights: dict[int, float]

    def score(self, x) -> float:
        return linear.predict(self.bias, self.weights, x)


_MODELS: OrderedDict[tuple, _Loaded] = OrderedDict()  # parsed weights of recent models


def _load(row: PraiseModel) -> _Loaded:
    key = (row.id, row.lang, row.created_at.isoformat())
    cached = _MODELS.get(key)
    if cached is None:
        p = row.params or {}
        cached = _Loaded(row.id, row.lang, row.active, row.threshold, float(p.get("bias", 0.0)),
                         {int(k): float(v) for k, v in (p.get("weights") or {}).items()})
        _MODELS[key] = cached
        if len(_MODELS) > 8:
            _MODELS.popitem(last=False)
    cached.active, cached.threshold = row.active, row.threshold
    return cached


def rules_allow(item: Item) -> bool:
    """Whether today's rules, without any learned model, would approve the item unreviewed."""
    from kiosk.rules import current_rules, decide

    status, _by = decide(item, item.analysis, current_rules(), now=item.ingested_at,
                         scorer=RULES_ONLY)
    return status == Status.APPROVED.value


def train(lang: str, actor: str = "scheduler", now: datetime | None = None,
          ) -> PraiseModel | None:
    """Fit, judge on the newest decisions, and switch on only what passes the gate.

    Items younger than SETTLE are left out, so that the held-out slice (the items that
    arrived last) holds auto-approvals as well as the queue's decisions, as the stream does."""
    now = now or datetime.now(UTC)
    exs = [e for e in examples(lang, now) if e.item.ingested_at <= now - SETTLE]
    praise = sum(e.praise for e in exs)
    if len(exs) < MIN_TRAIN or praise < 5 or len(exs) - praise < 5:
        log.info("learning %s: %d examples, too few to train", lang, len(exs))
        return None
    n_hold = holdout_size(len(exs))
    older, newest = exs[:-n_hold], exs[-n_hold:]
    xs = [vector(e.item.text, lang, e.item.rating) for e in older]
    ys = [int(e.praise) for e in older]
    allowed = [rules_allow(e.item) for e in older]
    goal = target()
    threshold = linear.pick_threshold(linear.fold_scores(xs, ys), allowed,
                                      [bool(y) for y in ys], goal)
    bias, weights = linear.fit(xs, ys)
    model = _Loaded(0, lang, False, threshold, bias, weights)
    hold_x = [vector(e.item.text, lang, e.item.rating) for e in newest]
    truth = [e.praise for e in newest]
    hold_allowed = [rules_allow(e.item) for e in newest]
    scores = [model.score(x) for x in hold_x]
    with_model = linear.rates(scores, hold_allowed, truth, threshold)
    rules_alone = linear.rates(scores, hold_allowed, truth, 0.0)
    ap = linear.average_precision(scores, truth)
    reasons = []
    if len(exs) < min_examples():
        reasons.append(f"{len(exs)} examples, fewer than {min_examples()}")
    if threshold is None:
        reasons.append(f"no threshold reaches {goal:.2f} on the training decisions")
    elif with_model["approved"] < MIN_APPROVED:
        reasons.append(f"{with_model['approved']} held-out auto-approvals, fewer than "
                       f"{MIN_APPROVED}")
    elif with_model["precision"] < goal:
        reasons.append(f"held-out precision {with_model['precision']:.3f} below {goal:.2f}")
    passed = not reasons
    row = PraiseModel(
        lang=lang, created_at=datetime.now(UTC), examples=len(exs), holdout=n_hold,
        precision=with_model["precision"], recall=with_model["recall"],
        average_precision=None if ap is None else round(ap, 4), threshold=threshold,
        active=False,
        params={"format": FORMAT, "bits": linear.BITS, "bias": round(bias, 6),
                "weights": {str(k): round(v, 4) for k, v in sorted(weights.items())
                            if abs(v) >= 1e-3},
                "examples": sorted(e.item.id for e in older)},
        metrics={"passed": passed, "target": goal, "min_examples": min_examples(),
                 "train": len(older), "praise": praise, "model": with_model,
                 "rules": rules_alone, "held_out_from": newest[0].at.isoformat(),
                 "auto_share": round(with_model["approved"] / len(newest), 4),
                 "embarrassments": sum(e.embarrassment for e in exs)})
    session = db.session()
    session.add(row)
    session.flush()
    _recheck_active(lang, newest, actor)
    pinned = pins().get(lang)
    if passed and pinned is None:
        _switch(lang, row, actor)
        row.note = "passed the gate; switched on"
    elif passed:
        row.note = "passed the gate; not switched on: an admin chose the model in use"
    else:
        row.note = "; ".join(reasons)
    audit.record(actor, "model.train", f"model:{row.id}", None,
                 {"lang": lang, "examples": len(exs), "precision": row.precision,
                  "recall": row.recall, "passed": passed, "active": row.active})
    session.commit()
    rescore_pending(lang)
    return row


def _recheck_active(lang: str, newest: list[Example], actor: str) -> None:
    """The model in use, judged on the newest decisions it was not trained on: below target
    there, it is switched off and the rules decide again."""
    row = active_model(lang)
    if row is None:
        return
    seen = set((row.params or {}).get("examples") or [])
    fresh = [e for e in newest if e.item.id not in seen]
    loaded = _load(row)
    scores = [loaded.score(vector(e.item.text, lang, e.item.rating)) for e in fresh]
    rates = linear.rates(scores, [rules_allow(e.item) for e in fresh],
                         [e.praise for e in fresh], row.threshold)
    failed = rates["approved"] >= MIN_APPROVED and rates["precision"] < target()
    row.metrics = {**(row.metrics or {}), "recheck": rates, "retired": failed}
    if failed:  # and the gate will not let an admin roll back to it either
        _switch(lang, None, actor)
        row.note = (f"switched off: precision {rates['precision']:.3f} on "
                    f"{rates['approved']} newer auto-approvals")


def _switch(lang: str, row: PraiseModel | None, actor: str) -> None:
    session = db.session()
    before = active_model(lang)
    session.execute(update(PraiseModel).where(PraiseModel.lang == lang)
                    .values(active=False))
    if row is not None:
        row.active = True
    session.flush()
    audit.record(actor, "model.switch", f"learning:{lang}",
                 {"model": before.id if before else None}, {"model": row.id if row else None})


def pins() -> dict[str, dict]:
    """Languages whose model in use an admin chose (rolled back to, or switched off)."""
    row = db.session().get(Setting, PIN_KEY)
    return dict(row.value) if row else {}


def _pin(lang: str, model_id: int | None, actor: str | None) -> None:
    session = db.session()
    row = session.get(Setting, PIN_KEY) or Setting(key=PIN_KEY, value={})
    value = dict(row.value or {})
    if actor is None:
        value.pop(lang, None)
    else:
        value[lang] = {"model": model_id, "by": actor, "at": datetime.now(UTC).isoformat()}
    row.value, row.updated_by, row.updated_at = value, actor or "admin", datetime.now(UTC)
    session.add(row)


class GateError(ValueError):
    pass


def use_model(model_id: int, actor: str) -> PraiseModel:
    """Roll back (or forward) to a model that passed the gate; training then leaves the
    choice alone until `resume`."""
    row = db.session().get(PraiseModel, model_id)
    if row is None:
        raise LookupError(f"no model {model_id}")
    if not (row.metrics or {}).get("passed"):
        raise GateError(f"model {model_id} did not reach its precision target; the gate "
                        "keeps it off")
    if (row.metrics or {}).get("retired"):
        raise GateError(f"model {model_id} fell below its precision target on newer "
                        "decisions; the gate keeps it off")
    if row.precision is None or row.precision < target():
        raise GateError(f"model {model_id}'s held-out precision is below today's target "
                        f"{target():.2f}; the gate keeps it off")
    _switch(row.lang, row, actor)
    _pin(row.lang, row.id, actor)
    db.session().commit()
    rescore_pending(row.lang)
    return row


def switch_off(lang: str, actor: str) -> None:
    """No learned model for `lang`: the rules alone decide, until `resume`."""
    _switch(lang, None, actor)
    _pin(lang, None, actor)
    db.session().commit()
    rescore_pending(lang)  # the queue is now ordered by the newest model


def resume(lang: str, actor: str) -> None:
    """Let the next training switch on what passes the gate again."""
    _pin(lang, None, None)
    audit.record(actor, "model.resume", f"learning:{lang}")
    db.session().commit()


def active_model(lang: str) -> PraiseModel | None:
    return db.session().scalar(select(PraiseModel).where(
        PraiseModel.lang == lang, PraiseModel.active.is_(True)).limit(1))


def serving_model(lang: str) -> PraiseModel | None:
    """The model that scores (orders the queue): the one in use, else the newest."""
    return active_model(lang) or db.session().scalar(
        select(PraiseModel).where(PraiseModel.lang == lang)
        .order_by(PraiseModel.id.desc()).limit(1))


def has_model() -> bool:
    return db.session().scalar(select(PraiseModel.id).limit(1)) is not None


def forget_items(ids: list[int]) -> int:
    """Take erased items out of every stored model's list of training items (their weights,
    hashed and summed over many examples, stay until those models are replaced); the models
    touched are counted."""
    gone, touched = set(ids), 0
    for row in db.session().scalars(select(PraiseModel)):
        held = (row.params or {}).get("examples") or []
        kept = [i for i in held if i not in gone]
        if len(kept) != len(held):
            row.params = {**row.params, "examples": kept}
            row.metrics = {**(row.metrics or {}),
                           "erased": (row.metrics or {}).get("erased", 0) + len(held) - len(kept)}
            touched += 1
    return touched


# --- scoring --------------------------------------------------------------------------------

class Scorer:
    """Scores with the model serving each language, looked up once per batch."""

    def __init__(self) -> None:
        self._rows: dict[str, _Loaded | None] = {}

    def model(self, lang: str) -> _Loaded | None:
        if lang not in self._rows:
            row = serving_model(lang) if lang in LANGS else None
            self._rows[lang] = _load(row) if row is not None else None
        return self._rows[lang]

    def score(self, text: str, lang: str, rating: int | None) -> float | None:
        model = self.model(lang)
        return None if model is None else round(model.score(vector(text, lang, rating)), 4)

    def allows(self, item: Item, analysis: Analysis) -> bool:
        """False when an active model holds back what the rules would approve."""
        model = self.model(analysis.lang)
        if model is None or not model.active or model.threshold is None:
            return True
        score = self.score(item.text, analysis.lang, item.rating)
        return score is not None and score >= model.threshold


class _RulesOnly(Scorer):
    def allows(self, item, analysis) -> bool:
        return True


RULES_ONLY = _RulesOnly()


def rescore_pending(lang: str, limit: int = 5000) -> int:
    """Give the newest pending items of `lang` the serving model's score (the queue's order)."""
    session = db.session()
    scorer = Scorer()
    rows = session.execute(
        select(Analysis, Item.text, Item.rating).join(Item, Item.id == Analysis.item_id)
        .where(Item.status == Status.PENDING.value, Analysis.lang == lang)
        .order_by(Item.id.desc()).limit(limit)).all()
    for analysis, text, rating in rows:
        analysis.model_score = scorer.score(text, lang, rating)
    session.commit()
    return len(rows)


def explain(item: Item, k: int = 3) -> dict:
    """Why the queue shows an item where it does: the model's score, the rules' hits, and the
    labelled examples nearest to it (cosine over the hashed text features, weighted by how
    much the model cares about each), looked up in the database now."""
    analysis = item.analysis
    lang = analysis.lang if analysis else item.lang
    model = Scorer().model(lang) if lang in LANGS else None
    emphasis = (lambda f: abs(model.weights.get(f, 0.0))) if model else (lambda f: 1.0)

    def weighted(text: str) -> dict[int, float]:
        return {f: v * emphasis(f) for f, v in text_vector(text).items()}

    mine = weighted(item.text)
    norm = math.sqrt(sum(v * v for v in mine.values())) or 1.0
    near = []
    for e in (examples(lang, limit=WHY_POOL) if lang in LANGS else []):
        if e.item.id == item.id:
            continue
        other = weighted(e.item.text)
        dot = sum(v * other.get(f, 0.0) for f, v in mine.items())
        if dot > 0:
            sim = dot / norm / (math.sqrt(sum(v * v for v in other.values())) or 1.0)
            near.append((sim, e))
    near.sort(key=lambda p: -p[0])
    return {
        "id": item.id, "lang": lang,
        "model": None if model is None else {
            "id": model.id, "active": model.active, "threshold": model.threshold,
            "score": round(model.score(vector(item.text, lang, item.rating)), 4)},
        "rules": list(analysis.reasons or []) + list(analysis.flags or []) if analysis else [],
        "nearest": [{"id": e.item.id, "praise": e.praise, "kind": e.kind, "reason": e.reason,
                     "similarity": round(sim, 3),
                     "text": e.item.edited_text or e.item.analysis.display_text}
                    for sim, e in near[:k]],
    }


# --- the weekly job -------------------------------------------------------------------------

def train_due(day: date | None = None) -> list[PraiseModel]:
    """The scheduled training (a daily hook that trains each language once a week). Never
    raises: a failed training leaves the model in use as it was."""
    trained = []
    now = datetime.now(UTC)
    for lang in LANGS:
        try:
            newest = db.session().scalar(select(PraiseModel.created_at).where(
                PraiseModel.lang == lang).order_by(PraiseModel.id.desc()).limit(1))
            if newest is not None and newest > now - TRAIN_EVERY:
                continue
            row = train(lang, actor="scheduler")
            if row is not None:
                trained.append(row)
        except Exception:
            db.session().rollback()
            log.exception("training the %s praise model failed", lang)
    return trained

