import assert from "node:assert/strict";
import { test } from "node:test";

import { initialState, nextSlide, PIN_EVERY, STALE_MS } from "./rotation.js";

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

function run(items, count, state, now = T0) {
  const out = [];
  let s = state;
  for (let i = 0; i < count; i++) {
    const r = nextSlide(items, now + i * 12e3, s);
    out.push(r.item);
    s = r.state;
  }
  return { ids: out.map((i) => i && i.id), state: s };
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
