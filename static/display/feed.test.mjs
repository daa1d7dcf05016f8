import assert from "node:assert/strict";
import { test } from "node:test";

import { cleanItem, fromFeed, MAX_ITEMS, qrPath, removeItem, upsertItem } from "./feed.js";
import { clockOffset, clockText, relativeTime, wallClock, zoneOffset } from "./time.js";

const raw = (id, extra = {}) => ({ id, text: `text ${id}`, created_at: `2026-11-2${id % 10}T09:00:00+03:00`, ...extra });

test("cleanItem keeps only known fields and rejects junk", () => {
  assert.equal(cleanItem(null), null);
  assert.equal(cleanItem({ id: 1 }), null);
  const item = cleanItem({ ...raw(1), rating: 9, secret: "x", mentions: ["A", 3, ""], pinned: "yes" });
  assert.equal(item.rating, 5);
  assert.equal(item.pinned, false);
  assert.deepEqual(item.mentions, ["A"]);
  assert.ok(!("secret" in item));
});

test("a QR code is only ever a path on our own server", () => {
  assert.equal(cleanItem(raw(1, { qr: "/qr/12.svg" })).qr, "/qr/12.svg");
  assert.equal(cleanItem(raw(1)).qr, null);
  for (const bad of ["//evil.example/qr.svg", "https://evil.example/x.svg", "javascript:alert(1)", "qr/1.svg",
    "/qr/1.svg?x=<b>", "/qr/../admin", "/qr/1 .svg", 12, null]) {
    assert.equal(qrPath(bad), null, String(bad));
  }
});

test("fromFeed orders pinned first, then newest, and drops duplicates", () => {
  const items = fromFeed([raw(1), raw(3), raw(2, { pinned: true }), raw(3)]);
  assert.deepEqual(items.map((i) => i.id), [2, 3, 1]);
});

test("upsert replaces by id, remove drops by id, the list stays bounded", () => {
  let items = fromFeed([raw(1), raw(2)]);
  items = upsertItem(items, raw(1, { text: "edited", pinned: true }));
  assert.deepEqual(items.map((i) => [i.id, i.text]), [[1, "edited"], [2, "text 2"]]);
  items = removeItem(items, "2");
  assert.deepEqual(items.map((i) => i.id), [1]);
  for (let i = 0; i < MAX_ITEMS + 50; i++) items = upsertItem(items, raw(1000 + i));
  assert.equal(items.length, MAX_ITEMS);
});

test("relative time in Turkish and English", () => {
  const now = Date.parse("2026-11-24T12:00:00+03:00");
  const ago = (ms) => new Date(now - ms).toISOString();
  assert.equal(relativeTime(ago(3 * 3600e3 + 60e3), now, "tr"), "3 saat önce");
  assert.equal(relativeTime(ago(3 * 3600e3), now, "en"), "3 hours ago");
  assert.equal(relativeTime(ago(3600e3), now, "en"), "1 hour ago");
  assert.equal(relativeTime(ago(10e3), now, "tr"), "az önce");
  assert.equal(relativeTime(ago(30 * 3600e3), now, "tr"), "dün");
  assert.equal(relativeTime(ago(5 * 86400e3), now, "en"), "5 days ago");
  assert.equal(relativeTime(ago(-60e3), now, "en"), "just now"); // a clock ahead is not "in the future"
});

test("server clock offset and zone come from server_time", () => {
  assert.equal(zoneOffset("2026-11-24T09:12:00+03:00"), 180);
  assert.equal(zoneOffset("2026-11-24T09:12:00Z"), 0);
  assert.equal(zoneOffset("2026-11-24T09:12:00-0530"), -330);
  assert.equal(zoneOffset("garbage"), null);
  const received = Date.parse("2026-11-24T06:00:00Z");
  assert.equal(clockOffset("2026-11-24T09:00:05+03:00", received), 5000);
  assert.equal(clockOffset("nonsense", received), 0);
});

test("the clock shows the company's zone", () => {
  const now = Date.parse("2026-11-24T06:05:00Z");
  assert.equal(wallClock(now, 180).hour, 9);
  assert.deepEqual(clockText(now, 180, "tr"), { time: "09:05", date: "24 Kasım Salı" });
  assert.deepEqual(clockText(now, 180, "en"), { time: "09:05", date: "Tuesday 24 November" });
});
