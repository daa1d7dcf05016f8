// What the screen shows next. A pure function: playlist + now + history in,
// next slide + new history out. The history holds only ids of current items
// and a position in the slide mix, so it never grows past the playlist.
//
// The channel's slide mix makes a cycle of kinds: N praise slides, then a
// weekly-stats slide, then an announcement slide (each only when there is
// something to show). With more than one stats or announcement slide per
// cycle, the praise is split into equal runs and the extra slides spread out.
//
// Among praise, a cycle shows every regular item once. Pinned items have their
// own, shorter cycle and take every PIN_EVERY-th praise slide, so they come
// round more often. Inside a cycle the newest unshown item goes first, unless
// an older one is from another branch or source than the last praise slide
// (interleaving). Items from the screen's own branch count double: their age
// is halved when ordering, so they come early in every cycle.
// Praise that reached the walls (`arrived_at`) since the shift began leads
// every cycle; the rules above hold within. "fixed" slides turn like stats.

export const PIN_EVERY = 3; // one praise slide in three is a pinned one, when there are any
export const STALE_MS = 30 * 60e3; // after a long pause, start over with the newest
export const DEFAULT_MIX = Object.freeze({ praise: 6, stats: 1, announcements: 1, fixed: 1 });
export const OWN_BRANCH_WEIGHT = 2; // an own-branch item's age counts 1/2
const MAX_COUNT = { praise: 50, stats: 10, announcements: 10, fixed: 10 };

export function initialState() {
  return { shown: [], pinShown: [], sincePin: 0, last: null, at: 0, pos: 0, fixedPos: 0 };
}

function key(v) {
  return v == null ? "" : String(v);
}

function time(item) {
  return Date.parse(item.created_at) || 0;
}

function sameBranch(a, b) {
  return typeof a === "string" && typeof b === "string" && a.trim() !== "" &&
    a.trim().toLocaleLowerCase("tr") === b.trim().toLocaleLowerCase("tr");
}

/** The channel's slide mix with defaults filled in: {praise, stats, announcements, fixed}. */
export function slideMix(raw) {
  const mix = { ...DEFAULT_MIX };
  if (raw && typeof raw === "object") {
    for (const k of Object.keys(mix)) {
      const n = Number(raw[k]);
      if (raw[k] != null && raw[k] !== "" && Number.isFinite(n)) mix[k] = Math.min(MAX_COUNT[k], Math.max(0, Math.floor(n)));
    }
  }
  if (mix.praise + mix.stats + mix.announcements + mix.fixed === 0) mix.praise = 1;
  return mix;
}

/** The kinds of one cycle, in order: e.g. 6 × "praise", "stats", "fixed", "announcement". */
export function cycleOf(mix) {
  const { praise, stats, announcements, fixed } = slideMix(mix);
  const blocks = Math.max(1, stats, announcements, fixed);
  const share = (n, i) => Math.floor(((i + 1) * n) / blocks) - Math.floor((i * n) / blocks);
  const out = [];
  for (let i = 0; i < blocks; i++) {
    for (let p = share(praise, i); p > 0; p--) out.push("praise");
    if (share(stats, i)) out.push("stats");
    if (share(fixed, i)) out.push("fixed");
    if (share(announcements, i)) out.push("announcement");
  }
  return out;
}

/** Ordering time: an own-branch item ranks as if its age were 1/OWN_BRANCH_WEIGHT. */
function rank(item, ctx) {
  const t = time(item);
  if (!sameBranch(item.branch, ctx.branch)) return t;
  return Math.max(t, ctx.now - Math.max(0, ctx.now - t) / OWN_BRANCH_WEIGHT);
}

/** Best candidate: another branch, then another source, than `last`; then newest (ranked). */
function pick(candidates, last, ctx) {
  let best = null;
  let bestScore = -1;
  let bestRank = 0;
  for (const item of candidates) {
    const score = last
      ? (key(item.branch) !== last.branch ? 2 : 0) + (key(item.source) !== last.source ? 1 : 0)
      : 0;
    const r = rank(item, ctx);
    const better =
      best !== null &&
      (r > bestRank ||
        (r === bestRank && String(item.id).localeCompare(String(best.id), "en", { numeric: true }) > 0));
    if (score > bestScore || (score === bestScore && better)) {
      best = item;
      bestScore = score;
      bestRank = r;
    }
  }
  return best;
}

/** Pick from `pool` an item not in `shown`; a new cycle starts when all were shown. */
function fromCycle(pool, shown, last, ctx) {
  const ids = new Set(pool.map((i) => key(i.id)));
  let done = shown.filter((id) => ids.has(id));
  const doneSet = new Set(done);
  let candidates = pool.filter((i) => !doneSet.has(key(i.id)));
  if (candidates.length === 0) {
    done = [];
    candidates = pool.length > 1 && last ? pool.filter((i) => key(i.id) !== last.id) : pool;
  }
  if (ctx.since != null) {
    const fresh = candidates.filter((i) => (Date.parse(i.arrived_at) || time(i)) >= ctx.since);
    if (fresh.length) candidates = fresh;
  }
  const item = pick(candidates, last, ctx);
  return { item, shown: done.concat(key(item.id)) };
}

function nextPraise(list, s, ctx) {
  const pinned = list.filter((i) => i.pinned);
  const regular = list.filter((i) => !i.pinned);
  const pinTurn = pinned.length > 0 && (regular.length === 0 || s.sincePin >= PIN_EVERY - 1);

  let shown = s.shown;
  let pinShown = s.pinShown;
  let item;
  if (pinTurn) {
    ({ item, shown: pinShown } = fromCycle(pinned, s.pinShown, s.last, ctx));
    shown = s.shown.filter((id) => regular.some((i) => key(i.id) === id));
  } else {
    ({ item, shown } = fromCycle(regular, s.shown, s.last, ctx));
    pinShown = s.pinShown.filter((id) => pinned.some((i) => key(i.id) === id));
  }
  return {
    item,
    state: {
      ...s,
      shown,
      pinShown,
      sincePin: pinTurn ? 0 : Math.min(PIN_EVERY, (s.sincePin | 0) + 1),
      last: { id: key(item.id), branch: key(item.branch), source: key(item.source) },
    },
  };
}

/**
 * Next slide: `{kind, item, state}`. `items` is the playlist (display items
 * with `id`, `pinned`, `created_at`, `branch`, `source`), `now` ms, `state`
 * the previous result's state (or undefined). `opts`: `mix` (the channel's
 * slide_mix), `stats` / `announcement` (true when there is one to show),
 * `fixed` (themes to thank), `branch` (the screen's), `since` (shift start
 * ms or null). `kind`: "praise" (`item`), "stats", "fixed" (`index`),
 * "announcement", or null for nothing.
 */
export function nextSlide(items, now, state, opts = {}) {
  let s = state && typeof state === "object" ? state : initialState();
  if (!Array.isArray(s.shown) || !Array.isArray(s.pinShown) || now - (s.at || 0) > STALE_MS) {
    s = initialState();
  }
  const list = Array.isArray(items) ? items.filter((i) => i && i.id != null) : [];
  const fixed = Math.max(0, Math.floor(Number(opts.fixed) || 0));
  const has = { praise: list.length > 0, stats: !!opts.stats, announcement: !!opts.announcement, fixed: fixed > 0 };
  const cycle = cycleOf(opts.mix);
  const pos = Number.isInteger(s.pos) && s.pos >= 0 ? s.pos % cycle.length : 0;

  let kind = null;
  let nextPos = 0;
  for (let i = 0; i < cycle.length && !kind; i++) {
    if (has[cycle[(pos + i) % cycle.length]]) {
      kind = cycle[(pos + i) % cycle.length];
      nextPos = (pos + i + 1) % cycle.length;
    }
  }
  if (!kind && has.praise) kind = "praise"; // a mix without praise, and nothing else to show
  if (!kind) return { kind: null, item: null, state: { ...initialState(), at: now } };
  if (kind === "fixed") {
    const index = (s.fixedPos | 0) % fixed;
    return { kind, item: null, index, state: { ...s, pos: nextPos, at: now, fixedPos: (index + 1) % fixed } };
  }
  if (kind !== "praise") return { kind, item: null, state: { ...s, pos: nextPos, at: now } };

  const since = Number.isFinite(opts.since) ? opts.since : null;
  const r = nextPraise(list, s, { now, branch: opts.branch, since });
  return { kind, item: r.item, state: { ...r.state, pos: nextPos, at: now } };
}
