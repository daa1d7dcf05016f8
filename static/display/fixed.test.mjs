import assert from "node:assert/strict";
import { test } from "node:test";

import { cleanFixed, durationParts, FIXED_LABELS } from "./fixed.js";

const durationText = (seconds, lang) => durationParts(seconds, lang).flat().join(" ");

const entry = (over = {}) => ({
  theme: "wait", label: "Kasada bekleme", team: "Mağaza operasyonları", resolved: 12, raised: 14,
  median_first_contact: 9600, days: 30, ...over,
});

test("a clean copy keeps counts, names and the wait, nothing else", () => {
  const [e] = cleanFixed([{ ...entry(), text: "the customer's complaint", author: "Ayşe" }]);
  assert.deepEqual(e, { label: "Kasada bekleme", team: "Mağaza operasyonları", resolved: 12, raised: 14, wait: 9600, days: 30 });
});

test("junk is dropped; missing team and wait stay empty; raised is never under resolved", () => {
  const out = cleanFixed([null, 3, { label: "" , resolved: 4 }, { label: "x", resolved: 0 },
    entry({ team: null, median_first_contact: null, raised: 2 }), entry({ days: "x", median_first_contact: -5 })]);
  assert.equal(out.length, 2);
  assert.equal(out[0].team, null);
  assert.equal(out[0].wait, null);
  assert.equal(out[0].raised, 12);
  assert.equal(out[1].days, 30);
  assert.equal(out[1].wait, null);
  assert.deepEqual(cleanFixed("x"), []);
  assert.deepEqual(cleanFixed(undefined), []);
  assert.equal(cleanFixed(Array.from({ length: 9 }, () => entry())).length, 5);
});

test("durations read at a glance, in Turkish and English", () => {
  assert.equal(durationText(20, "tr"), "1 dk");
  assert.equal(durationText(45 * 60, "tr"), "45 dk");
  assert.equal(durationText(9600, "tr"), "2 sa 40 dk");
  assert.equal(durationText(9600, "en"), "2 h 40 min");
  assert.equal(durationText(3 * 3600, "en"), "3 h");
  assert.equal(durationText(26.4 * 3600, "en"), "26 h");
  assert.equal(durationText(4 * 86400, "en"), "4 days");
  assert.equal(durationText(4 * 86400, "tr"), "4 gün");
  assert.equal(durationText(60 * 3600, "en"), "3 days");
  assert.deepEqual(durationParts(9600, "en"), [[2, "h"], [40, "min"]]);
});

test("labels exist in both languages", () => {
  for (const l of Object.values(FIXED_LABELS)) {
    assert.ok(l.title && l.resolved && l.wait && l.team && l.days(30).includes("30"));
  }
});
