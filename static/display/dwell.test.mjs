import assert from "node:assert/strict";
import { test } from "node:test";

import { countWords, DEFAULT_DWELL, dwellBounds, dwellMs, LEAD_IN_MS, WORDS_PER_SECOND } from "./dwell.js";

const words = (n, w = "harika") => Array.from({ length: n }, () => w).join(" ");
const wide = { min: 3, max: 120 };

test("words are runs of letters and digits, Turkish suffixes included", () => {
  assert.equal(countWords("Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler!"), 6);
  assert.equal(countWords("Great service — 10/10 ★★★★★"), 4);
  assert.equal(countWords("  "), 0);
  assert.equal(countWords(null), 0);
  assert.equal(countWords("İyi ki varsınız; ılık çay, sıcak ilgi."), 7);
});

test("Turkish: lead-in plus words at 1.8 a second", () => {
  const text = "Kasadaki Mehmet Bey'in güler yüzü ve sabrı için çok teşekkür ederiz, her şey için sağ olun.";
  assert.equal(countWords(text), 16);
  assert.equal(dwellMs(text, "tr", wide), Math.round(LEAD_IN_MS + (16 / 1.8) * 1000)); // 10.9 s
  assert.equal(WORDS_PER_SECOND.tr, 1.8);
  assert.equal(dwellMs(words(36), "tr", wide), 22000); // 2 s + 36 / 1.8 s
});

test("English: lead-in plus words at 2.5 a second", () => {
  assert.equal(dwellMs(words(40, "great"), "en", wide), 18000); // 2 s + 16 s
  assert.equal(dwellMs(words(40, "great"), "en-GB", wide), 18000);
  // the same number of words takes longer in Turkish
  assert.ok(dwellMs(words(40), "tr", wide) > dwellMs(words(40), "en", wide));
});

test("other or missing languages read at a middle pace", () => {
  assert.equal(dwellMs(words(22), "de", wide), 12000); // 2 s + 22 / 2.2 s
  assert.equal(dwellMs(words(22), null, wide), 12000);
});

test("the channel's bounds hold: short text stays the minimum, long text the maximum", () => {
  const bounds = { min: 8, max: 30 };
  assert.equal(dwellMs("Teşekkürler!", "tr", bounds), 8000);
  assert.equal(dwellMs(words(8, "thanks"), "en", bounds), 8000); // 5.2 s read, 8 s shown
  assert.equal(dwellMs(words(400), "tr", bounds), 30000);
  // a 40-word slide stays visibly longer than an 8-word one, inside the bounds
  const short = dwellMs(words(8, "nice"), "en", bounds);
  const long = dwellMs(words(40, "nice"), "en", bounds);
  assert.ok(long - short >= 5000, `${short} vs ${long}`);
  for (const ms of [short, long]) assert.ok(ms >= 8000 && ms <= 30000);
});

test("bounds: defaults, junk ignored, clamped to 3–120 s, max never under min", () => {
  assert.deepEqual(dwellBounds(undefined), DEFAULT_DWELL);
  assert.deepEqual(dwellBounds({}), { min: 8, max: 30 });
  assert.deepEqual(dwellBounds({ min: "x", max: "" }), { min: 8, max: 30 });
  assert.deepEqual(dwellBounds({ min: 1, max: 1e6 }), { min: 3, max: 120 });
  assert.deepEqual(dwellBounds({ min: 40 }), { min: 40, max: 40 });
  assert.deepEqual(dwellBounds({ min: 10.4, max: 20.6 }), { min: 10, max: 21 });
  assert.equal(dwellMs(words(1000), "en", { min: 5, max: 5 }), 5000);
});
