// What the screen shows next. A pure function: playlist + now + history in,
// next item + new history out. The history holds only ids of current items,
// so it never grows past the playlist.
//
// A cycle shows every regular item once. Pinned items have their own, shorter
// cycle and take every PIN_EVERY-th slide, so they come round more often.
// Inside a cycle the newest unshown item goes first, unless an older one is
// from another branch or source than the slide on screen (interleaving).

export const PIN_EVERY = 3; // one slide in three is a pinned one, when there are any
export const STALE_MS = 30 * 60e3; // after a long pause, start over with the newest

export function initialState() {
  return { shown: [], pinShown: [], sincePin: 0, last: null, at: 0 };
}

function key(v) {
  return v == null ? "" : String(v);
}

function time(item) {
  return Date.parse(item.created_at) || 0;
}

/** Newest candidate, preferring another branch, then another source, than `last`. */
function pick(candidates, last) {
  let best = null;
  let bestScore = -1;
  for (const item of candidates) {
    const score = last
      ? (key(item.branch) !== last.branch ? 2 : 0) + (key(item.source) !== last.source ? 1 : 0)
      : 0;
    const newerThanBest =
      best !== null &&
      (time(item) > time(best) ||
        (time(item) === time(best) && String(item.id).localeCompare(String(best.id), "en", { numeric: true }) > 0));
    if (score > bestScore || (score === bestScore && newerThanBest)) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** Pick from `pool` an item not in `shown`; a new cycle starts when all were shown. */
function fromCycle(pool, shown, last) {
  const ids = new Set(pool.map((i) => key(i.id)));
  let done = shown.filter((id) => ids.has(id));
  const doneSet = new Set(done);
  let candidates = pool.filter((i) => !doneSet.has(key(i.id)));
  if (candidates.length === 0) {
    done = [];
    candidates = pool.length > 1 && last ? pool.filter((i) => key(i.id) !== last.id) : pool;
  }
  const item = pick(candidates, last);
  return { item, shown: done.concat(key(item.id)) };
}

/**
 * Next slide: `{item, state}`. `items` is the playlist (display items with
 * `id`, `pinned`, `created_at`, `branch`, `source`), `now` ms, `state` the
 * previous result's state (or undefined). `item` is null for an empty playlist.
 */
export function nextSlide(items, now, state) {
  let s = state && typeof state === "object" ? state : initialState();
  if (!Array.isArray(s.shown) || !Array.isArray(s.pinShown) || now - (s.at || 0) > STALE_MS) {
    s = initialState();
  }
  const list = Array.isArray(items) ? items.filter((i) => i && i.id != null) : [];
  if (list.length === 0) return { item: null, state: { ...initialState(), at: now } };

  const pinned = list.filter((i) => i.pinned);
  const regular = list.filter((i) => !i.pinned);
  const pinTurn = pinned.length > 0 && (regular.length === 0 || s.sincePin >= PIN_EVERY - 1);

  let shown = s.shown;
  let pinShown = s.pinShown;
  let item;
  if (pinTurn) {
    ({ item, shown: pinShown } = fromCycle(pinned, s.pinShown, s.last));
    shown = s.shown.filter((id) => regular.some((i) => key(i.id) === id));
  } else {
    ({ item, shown } = fromCycle(regular, s.shown, s.last));
    pinShown = s.pinShown.filter((id) => pinned.some((i) => key(i.id) === id));
  }
  return {
    item,
    state: {
      shown,
      pinShown,
      sincePin: pinTurn ? 0 : Math.min(PIN_EVERY, (s.sincePin | 0) + 1),
      last: { id: key(item.id), branch: key(item.branch), source: key(item.source) },
      at: now,
    },
  };
}
