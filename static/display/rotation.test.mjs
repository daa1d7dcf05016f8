import assert from "node:assert/strict";
import { test } from "node:test";

import { cycleOf, DEFAULT_MIX, initialState, nextSlide, PIN_EVERY, slideMix, STALE_MS } from "./rotation.js";

const T0 = Date.parse("2026-11-24T12:00:00Z");

function item(id, { hoursAgo = id, pinned = false, branch = "Kadıköy", source = "google" } = {}) {
  return {
    id,
    pinned,
    branch,
    source,
    created_at: new Date(T0 - hoursAgo * 3600e3).toISOString(),
  };
}

function run(items, count, state, now = T0, opts = undefined) {
  const out = [];
  let s = state;
  for (let i = 0; i < count; i++) {
    const r = nextSlide(items, now + i * 12e3, s, opts);
    out.push(r.kind === "praise" || !r.kind ? r.item : r.kind);
    s = r.state;
  }
  return { ids: out.map((i) => (i && typeof i === "object" ? i.id : i)), state: s };
}

test("empty playlist gives no item", () => {
  const r = nextSlide([], T0, undefined);
  assert.equal(r.item, null);
  assert.deepEqual(r.state.shown, []);
});

test("newest first when branch and source are the same", () => {
  const items = [item(3), item(1), item(5), item(2), item(4)];
  assert.deepEqual(run(items, 5).ids, [1, 2, 3, 4, 5]);
});

test("no item twice within a cycle, every item once per cycle", () => {
  const items = Array.from({ length: 9 }, (_, i) => item(i + 1, { branch: `b${i % 3}`, source: `s${i % 2}` }));
  let s;
  for (let cycle = 0; cycle < 4; cycle++) {
    const r = run(items, items.length, s, T0 + cycle * 200e3);
    s = r.state;
    assert.equal(new Set(r.ids).size, items.length, `cycle ${cycle}: ${r.ids}`);
  }
});

test("the same item never shows twice in a row across cycles", () => {
  const items = [item(1, { branch: "a" }), item(2, { branch: "b" }), item(3, { branch: "a" })];
  const { ids } = run(items, 60);
  for (let i = 1; i < ids.length; i++) assert.notEqual(ids[i], ids[i - 1], `at ${i}: ${ids}`);
});

test("pinned items come more often and cycle among themselves", () => {
  const items = [
    item(100, { pinned: true, hoursAgo: 50 }),
    item(101, { pinned: true, hoursAgo: 60 }),
    ...Array.from({ length: 10 }, (_, i) => item(i + 1)),
  ];
  const { ids } = run(items, 60);
  const count = (id) => ids.filter((x) => x === id).length;
  const regularMax = Math.max(...ids.filter((x) => x < 100).map(count));
  assert.ok(count(100) > regularMax, `pinned 100: ${count(100)}, regular max: ${regularMax}`);
  assert.ok(count(101) > regularMax);
  // exactly one slide in PIN_EVERY is pinned
  assert.equal(ids.filter((x) => x >= 100).length, 60 / PIN_EVERY);
  // pinned: newest first, then alternate (no pinned twice within its cycle)
  const pinnedOrder = ids.filter((x) => x >= 100);
  assert.deepEqual(pinnedOrder.slice(0, 4), [100, 101, 100, 101]);
  // regular items still each appear once per regular cycle
  const regular = ids.filter((x) => x < 100);
  assert.equal(new Set(regular.slice(0, 10)).size, 10);
  assert.equal(new Set(regular.slice(10, 20)).size, 10);
});

test("only pinned items: they rotate without repeats in a row", () => {
  const items = [item(1, { pinned: true }), item(2, { pinned: true }), item(3, { pinned: true })];
  const { ids } = run(items, 9);
  assert.deepEqual(ids.slice(0, 3), [1, 2, 3]);
  for (let i = 1; i < ids.length; i++) assert.notEqual(ids[i], ids[i - 1]);
});

test("branches are interleaved where possible, newest first inside that", () => {
  const items = [
    item(1, { branch: "Kadıköy" }),
    item(2, { branch: "Kadıköy" }),
    item(3, { branch: "Kadıköy" }),
    item(4, { branch: "Çankaya" }),
    item(5, { branch: "Çankaya" }),
    item(6, { branch: "Konak" }),
  ];
  const { ids } = run(items, 6);
  const branchOf = (id) => items.find((i) => i.id === id).branch;
  for (let i = 1; i < ids.length; i++) {
    assert.notEqual(branchOf(ids[i]), branchOf(ids[i - 1]), `${ids}`);
  }
  assert.equal(ids[0], 1);
});

test("sources are interleaved when branches tie", () => {
  const items = [
    item(1, { source: "google" }),
    item(2, { source: "google" }),
    item(3, { source: "appstore" }),
    item(4, { source: "appstore" }),
  ];
  assert.deepEqual(run(items, 4).ids, [1, 3, 2, 4]);
});

test("a new item mid-cycle comes next; a removed one is forgotten", () => {
  const items = [item(2), item(3), item(4)];
  let r = run(items, 1);
  assert.deepEqual(r.ids, [2]);
  const withNew = [item(1), ...items.slice(1)]; // 1 added, 2 removed
  const r2 = nextSlide(withNew, T0 + 12e3, r.state);
  assert.equal(r2.item.id, 1);
  assert.ok(!r2.state.shown.includes("2"), "history holds only current ids");
});

test("history stays bounded over a long run", () => {
  const items = Array.from({ length: 20 }, (_, i) => item(i + 1, { pinned: i < 3 }));
  const { state } = run(items, 5000);
  assert.ok(state.shown.length <= 17);
  assert.ok(state.pinShown.length <= 3);
  assert.ok(state.sincePin <= PIN_EVERY);
});

test("after a long pause the rotation starts over with the newest", () => {
  const items = [item(1), item(2), item(3)];
  const { state } = run(items, 2);
  const r = nextSlide(items, T0 + STALE_MS + 60e3, state);
  assert.equal(r.item.id, 1);
});

test("a broken state is replaced, not trusted", () => {
  const r = nextSlide([item(1)], T0, { shown: "x" });
  assert.equal(r.item.id, 1);
  assert.deepEqual(Object.keys(r.state).sort(), Object.keys(initialState()).sort());
});

// --- slide mix --------------------------------------------------------------

test("slide mix: empty means the defaults, junk is ignored, counts are bounded", () => {
  assert.deepEqual(slideMix({}), DEFAULT_MIX);
  assert.deepEqual(slideMix(null), { praise: 6, stats: 1, announcements: 1, fixed: 1 });
  assert.deepEqual(slideMix({ praise: 3, stats: "x" }), { praise: 3, stats: 1, announcements: 1, fixed: 1 });
  assert.deepEqual(slideMix({ praise: 2.7, stats: 0, announcements: -4, fixed: 2 }), { praise: 2, stats: 0, announcements: 0, fixed: 2 });
  assert.equal(slideMix({ praise: 1e9 }).praise, 50);
  assert.equal(slideMix({ fixed: 1e9 }).fixed, 10);
  assert.deepEqual(slideMix({ praise: 0, stats: 0, announcements: 0, fixed: 0 }), { praise: 1, stats: 0, announcements: 0, fixed: 0 });
  // only "fixed" slides asked for: no praise is forced in
  assert.deepEqual(slideMix({ praise: 0, stats: 0, announcements: 0 }), { praise: 0, stats: 0, announcements: 0, fixed: 1 });
});

test("a cycle is N praise, then stats, then fixed, then the announcement", () => {
  assert.deepEqual(cycleOf({}), ["praise", "praise", "praise", "praise", "praise", "praise", "stats", "fixed", "announcement"]);
  assert.deepEqual(cycleOf({ praise: 2, stats: 0, fixed: 0 }), ["praise", "praise", "announcement"]);
  // two stats slides: the praise is split in two runs, fixed and the announcement end the cycle
  assert.deepEqual(cycleOf({ praise: 6, stats: 2, announcements: 1 }).join(" "),
    "praise praise praise stats praise praise praise stats fixed announcement");
});

const mixed = () => Array.from({ length: 12 }, (_, i) => item(i + 1, { branch: `b${i % 4}`, source: `s${i % 3}` }));

test("stats and announcement slides come once per cycle, after the praise", () => {
  const { ids } = run(mixed(), 24, undefined, T0, { mix: {}, stats: true, announcement: true });
  assert.deepEqual(ids.map((x) => (typeof x === "number" ? "p" : x[0])).join(""), "ppppppsappppppsappppppsa");
  const praise = ids.filter((x) => typeof x === "number");
  assert.equal(new Set(praise.slice(0, 12)).size, 12, "every item once per praise cycle");
});

test("no stats slide without stats or with mix.stats 0; no announcement slide without one", () => {
  const without = run(mixed(), 16, undefined, T0, { mix: {}, stats: false, announcement: false }).ids;
  assert.ok(without.every((x) => typeof x === "number"), `${without}`);
  const zero = run(mixed(), 16, undefined, T0, { mix: { stats: 0, announcements: 0 }, stats: true, announcement: true }).ids;
  assert.ok(zero.every((x) => typeof x === "number"), `${zero}`);
  const onlyNote = run(mixed(), 14, undefined, T0, { mix: { praise: 3 }, stats: false, announcement: true }).ids;
  assert.deepEqual(onlyNote.map((x) => (typeof x === "number" ? "p" : x[0])).join(""), "pppapppapppapp");
});

test("specials keep turning when the playlist is empty; nothing at all gives null", () => {
  const r = run([], 4, undefined, T0, { stats: true, announcement: true });
  assert.deepEqual(r.ids, ["stats", "announcement", "stats", "announcement"]);
  const none = nextSlide([], T0, undefined, { stats: false });
  assert.equal(none.kind, null);
  assert.equal(none.item, null);
});

test("a mix without praise still shows praise when there is nothing else", () => {
  const r = nextSlide([item(1)], T0, undefined, { mix: { praise: 0, stats: 1 }, stats: false });
  assert.equal(r.kind, "praise");
  assert.equal(r.item.id, 1);
});

test("pinned still come more often, and no item twice in a praise cycle, with specials between", () => {
  const items = [item(100, { pinned: true, hoursAgo: 50 }), ...Array.from({ length: 9 }, (_, i) => item(i + 1, { branch: `b${i % 3}` }))];
  const { ids } = run(items, 80, undefined, T0, { stats: true, announcement: true, branch: "b1" });
  const praise = ids.filter((x) => typeof x === "number");
  assert.equal(praise.filter((x) => x === 100).length, Math.floor(praise.length / PIN_EVERY));
  const regular = praise.filter((x) => x < 100);
  for (let c = 0; c + 9 <= regular.length; c += 9) assert.equal(new Set(regular.slice(c, c + 9)).size, 9);
  assert.equal(ids.filter((x) => x === "stats").length, 10);
});

// --- the screen's own branch ------------------------------------------------

test("the screen's own branch comes first, and counts double in ordering", () => {
  const items = [
    item(1, { branch: "Kadıköy", hoursAgo: 1 }),
    item(2, { branch: "Konak", hoursAgo: 1.5 }),
    item(3, { branch: "Çankaya", hoursAgo: 10 }),
    item(4, { branch: "Konak", hoursAgo: 30 }),
    item(5, { branch: "Çankaya", hoursAgo: 40 }),
    item(6, { branch: "Konak", hoursAgo: 5 }),
  ];
  // Without a branch: newest first, branches interleaved.
  assert.equal(run(items, 1).ids[0], 1);
  // On a Konak screen, Konak's 1.5-hour-old item ranks as 45 minutes: it goes first.
  const own = run(items, 6, undefined, T0, { branch: "konak" }).ids;
  assert.deepEqual(own.slice(0, 2), [2, 1]);
  assert.equal(new Set(own).size, 6, "every item still once per cycle");
  // Konak's items come at every other slide (interleaved), ahead of older Çankaya ones.
  const konak = own.map((id, at) => [id, at]).filter(([id]) => [2, 4, 6].includes(id)).map(([, at]) => at);
  assert.deepEqual(konak, [0, 2, 4]);
});

test("own branch: an older own item overtakes a newer one from elsewhere, but not a much newer one", () => {
  const items = [item(1, { branch: "A", hoursAgo: 10 }), item(2, { branch: "B", hoursAgo: 12 })];
  assert.equal(run(items, 1, undefined, T0, { branch: "B" }).ids[0], 2); // 12 h counts as 6
  const far = [item(1, { branch: "A", hoursAgo: 2 }), item(2, { branch: "B", hoursAgo: 12 })];
  assert.equal(run(far, 1, undefined, T0, { branch: "B" }).ids[0], 1); // 6 h is older than 2 h
});

test("own branch favouring keeps pinned items more frequent and never repeats in a row", () => {
  const items = [
    item(100, { pinned: true, branch: "X" }),
    ...Array.from({ length: 8 }, (_, i) => item(i + 1, { branch: i < 4 ? "Own" : "X", hoursAgo: i + 1 })),
  ];
  const { ids } = run(items, 60, undefined, T0, { branch: "Own" });
  for (let i = 1; i < ids.length; i++) assert.notEqual(ids[i], ids[i - 1]);
  assert.equal(ids.filter((x) => x === 100).length, 60 / PIN_EVERY);
});

test("after a long pause the mix starts over with praise", () => {
  const { state } = run(mixed(), 6, undefined, T0, { stats: true });
  assert.equal(nextSlide(mixed(), T0 + 6 * 12e3, state, { stats: true }).kind, "stats");
  assert.equal(nextSlide(mixed(), T0 + STALE_MS + 60 * 12e3, state, { stats: true }).kind, "praise");
});

// --- shifts: praise that arrived since the shift began goes first ------------------

const since = T0 - 3 * 3600e3; // the shift began three hours ago
function arrivedItem(id, hoursAgo, arrivedHoursAgo, extra = {}) {
  return { ...item(id, { hoursAgo, ...extra }), arrived_at: new Date(T0 - arrivedHoursAgo * 3600e3).toISOString() };
}

test("shift: what arrived since the shift began comes first, then the rest, each once", () => {
  const items = [
    arrivedItem(1, 1, 1), // new this shift
    arrivedItem(2, 5, 5), // last shift
    arrivedItem(3, 72, 2), // written three days ago, approved this shift: news to this shift
    arrivedItem(4, 6, 6),
    arrivedItem(5, 2.5, 2.5), // this shift
  ];
  const { ids } = run(items, 5, undefined, T0, { since });
  assert.deepEqual(new Set(ids.slice(0, 3)), new Set([1, 3, 5]), `${ids}`);
  assert.deepEqual(ids.slice(0, 3), [1, 5, 3], "newest first among the fresh ones");
  assert.deepEqual(ids.slice(3), [2, 4]);
  // Without shifts the old order stands: newest written first.
  assert.deepEqual(run(items, 5).ids, [1, 5, 2, 4, 3]);
});

test("shift: fresh ones lead every cycle; no repeat within a cycle", () => {
  const items = Array.from({ length: 8 }, (_, i) => arrivedItem(i + 1, i + 1, i < 3 ? 0.5 + i : 10 + i, { branch: `b${i % 3}` }));
  let s;
  for (let cycle = 0; cycle < 3; cycle++) {
    const r = run(items, 8, s, T0 + cycle * 100e3, { since });
    s = r.state;
    assert.equal(new Set(r.ids).size, 8, `cycle ${cycle}: ${r.ids}`);
    assert.deepEqual(new Set(r.ids.slice(0, 3)), new Set([1, 2, 3]), `cycle ${cycle}: ${r.ids}`);
  }
});

test("shift: interleaving holds among the fresh ones", () => {
  const items = [
    arrivedItem(1, 0.5, 0.5, { branch: "A" }),
    arrivedItem(2, 1, 1, { branch: "A" }),
    arrivedItem(3, 1.5, 1.5, { branch: "B" }),
    arrivedItem(4, 20, 20, { branch: "B" }),
  ];
  assert.deepEqual(run(items, 4, undefined, T0, { since }).ids, [1, 3, 2, 4]);
});

test("shift: pinned keep their share and fresh pinned lead the pinned cycle", () => {
  const items = [
    arrivedItem(100, 50, 50, { pinned: true }),
    arrivedItem(101, 60, 1, { pinned: true }), // pinned this shift
    ...Array.from({ length: 6 }, (_, i) => arrivedItem(i + 1, i + 1, i + 1)),
  ];
  const { ids } = run(items, 30, undefined, T0, { since });
  assert.equal(ids.filter((x) => x >= 100).length, 30 / PIN_EVERY);
  assert.deepEqual(ids.filter((x) => x >= 100).slice(0, 2), [101, 100]);
  for (let i = 1; i < ids.length; i++) assert.notEqual(ids[i], ids[i - 1]);
});

test("shift: outside every shift (since null) nothing changes", () => {
  const items = [arrivedItem(1, 5, 0.1), arrivedItem(2, 1, 1)];
  assert.deepEqual(run(items, 2, undefined, T0, { since: null }).ids, [2, 1]);
  // A shift that began 30 minutes ago: only item 1 (approved 6 minutes ago) is new to it.
  assert.deepEqual(run(items, 2, undefined, T0, { since: T0 - 0.5 * 3600e3 }).ids, [1, 2]);
});

// --- "you said, we fixed" ------------------------------------------------------------

test("fixed slides take their turn after stats and go through the themes in turn", () => {
  const out = [];
  let s;
  for (let i = 0; i < 27; i++) {
    const r = nextSlide(mixed(), T0 + i * 12e3, s, { stats: true, fixed: 2, announcement: true });
    out.push(r.kind === "fixed" ? `f${r.index}` : r.kind[0]);
    s = r.state;
  }
  assert.equal(out.join(" "), "p p p p p p s f0 a p p p p p p s f1 a p p p p p p s f0 a");
});

test("no fixed slide without themes or with mix.fixed 0", () => {
  const none = run(mixed(), 18, undefined, T0, { fixed: 0 }).ids;
  assert.ok(none.every((x) => typeof x === "number"), `${none}`);
  const off = run(mixed(), 18, undefined, T0, { mix: { fixed: 0 }, fixed: 3 }).ids;
  assert.ok(off.every((x) => typeof x === "number"), `${off}`);
  const only = run([], 3, undefined, T0, { fixed: 1 }).ids;
  assert.deepEqual(only, ["fixed", "fixed", "fixed"]);
});
