import assert from "node:assert/strict";
import { test } from "node:test";

import { changeText, cleanStats, hasStats, sparkline } from "./stats.js";
import { weekRange } from "./time.js";

const RAW = {
  week_start: "2026-11-23",
  praise: 20,
  praise_last_week_same_time: 14,
  change: 6,
  series: [0, 0, 0, 0, 4, 12, 10, 6, 13, 24, 19, 18, 24, 20],
  top_themes: [{ theme: "staff", label: "Personelin ilgisi", count: 10 }, { theme: "speed", count: 3 }],
  top_staff: [{ name: "Ayşe Yılmaz", count: 4 }, { name: "", count: 9 }, null],
  top_branches: [{ branch: "Kadıköy", count: 6 }],
  complaints_resolved: null,
  secret: "x",
};

test("cleanStats keeps what the slide shows and drops junk", () => {
  const s = cleanStats(RAW);
  assert.equal(s.praise, 20);
  assert.equal(s.change, 6);
  assert.equal(s.series.length, 14);
  assert.deepEqual(s.themes, [{ name: "Personelin ilgisi", count: 10 }, { name: "speed", count: 3 }]);
  assert.deepEqual(s.staff, [{ name: "Ayşe Yılmaz", count: 4 }]);
  assert.deepEqual(s.branches, [{ name: "Kadıköy", count: 6 }]);
  assert.equal(s.resolved, null, "null: not tracked, no tile");
  assert.ok(!("secret" in s));
  assert.equal(cleanStats(null), null);
  assert.equal(cleanStats({}), null);
  assert.equal(cleanStats({ ...RAW, complaints_resolved: 4 }).resolved, 4);
  const odd = cleanStats({ praise: "7", praise_last_week_same_time: 9, series: ["3", -1, "x"], week_start: "<b>" });
  assert.equal(odd.change, -2, "change computed when the server left it out");
  assert.deepEqual(odd.series, [3, 0, 0]);
  assert.equal(odd.week_start, null);
  assert.equal(cleanStats({ ...RAW, series: Array(40).fill(1) }).series.length, 26);
});

test("a blank stats payload is not worth a slide", () => {
  assert.equal(hasStats(cleanStats(RAW)), true);
  assert.equal(hasStats(cleanStats({ praise: 0, series: [0, 0, 0] })), false);
  assert.equal(hasStats(cleanStats({ praise: 0, series: [0, 2, 0] })), true);
  assert.equal(hasStats(null), false);
});

test("the change from last week, with an arrow and in words", () => {
  const s = cleanStats(RAW);
  assert.deepEqual(changeText(s, "tr"), { trend: "up", delta: "↑ 6", words: "Geçen haftanın bu saatinden 6 fazla" });
  assert.deepEqual(changeText(s, "en"), { trend: "up", delta: "↑ 6", words: "6 more than this time last week" });
  const down = cleanStats({ ...RAW, praise: 11, change: -3 });
  assert.deepEqual(changeText(down, "tr"), { trend: "down", delta: "↓ 3", words: "Geçen haftanın bu saatinden 3 az" });
  assert.equal(changeText(down, "en").words, "3 fewer than this time last week");
  const same = cleanStats({ ...RAW, change: 0 });
  assert.equal(changeText(same, "tr").words, "Geçen haftanın bu saatiyle aynı");
  assert.equal(changeText(same, "en").delta, "=");
});

test("sparkline: first week at the left, last at the right, most praise on top", () => {
  const { points, line, area } = sparkline([0, 5, 10], 200, 100, 10);
  assert.deepEqual(points, [[10, 90], [100, 50], [190, 10]]);
  assert.equal(line, "10,90 100,50 190,10");
  assert.equal(area, "M10,90 L10,90 L100,50 L190,10 L190,90 Z");
  assert.deepEqual(sparkline([0, 0], 100, 50).points, [[0, 50], [100, 50]], "all zero: a flat line at the bottom");
  assert.deepEqual(sparkline([3], 100, 50).points, [[50, 0]]);
  assert.deepEqual(sparkline([], 100, 50).points, []);
  assert.deepEqual(sparkline([1, 2], 0, 0).points, [], "a box not laid out yet draws nothing");
});

test("the week's dates in Turkish and English", () => {
  assert.equal(weekRange("2026-11-23", "tr"), "23–29 Kasım");
  assert.equal(weekRange("2026-11-23", "en"), "23–29 November");
  assert.equal(weekRange("2026-11-30", "tr"), "30 Kasım – 6 Aralık");
  assert.equal(weekRange("2026-12-28", "en"), "28 December – 3 January");
  assert.equal(weekRange("nonsense", "en"), "");
});
