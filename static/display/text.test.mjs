import assert from "node:assert/strict";
import { test } from "node:test";

import { fold, highlightSegments, shortenToFit, truncateWords } from "./text.js";

test("truncateWords cuts at a word and drops trailing punctuation", () => {
  assert.equal(truncateWords("Çok teşekkürler, harika bir ekip!", 2), "Çok teşekkürler…");
  assert.equal(truncateWords("one two three", 3), "one two three");
  assert.equal(truncateWords("one two three", 0), "one…");
});

test("shortenToFit keeps text that fits", () => {
  assert.equal(shortenToFit("  short text ", () => true), "short text");
});

test("shortenToFit returns the longest word-boundary prefix that fits", () => {
  const text = "Kadıköy şubesindeki Ayşe Hanım'a sabrı ve güler yüzü için çok teşekkür ederim";
  const fits = (s) => s.length <= 40;
  const out = shortenToFit(text, fits);
  assert.ok(out.endsWith("…"));
  assert.ok(out.length <= 40);
  const head = out.slice(0, -1);
  assert.ok(text.startsWith(head), "a prefix of the original");
  assert.match(text[head.length] ?? " ", /[\s]/u, "cut falls on a word boundary");
  // one more word would not fit
  const words = text.split(/\s+/u);
  const n = head.split(/\s+/u).length;
  assert.ok(!fits(`${words.slice(0, n + 1).join(" ")}…`));
});

test("shortenToFit never cuts inside a word, even when nothing fits", () => {
  assert.equal(shortenToFit("Süpercalifragilistik hizmet", () => false), "Süpercalifragilistik…");
});

test("fold is Turkish-aware and keeps length", () => {
  assert.equal(fold("İSTANBUL Işık Çağrı Şule Ödül Üğur"), "istanbul isik cagri sule odul ugur");
  const s = "AYŞE Kadıköy'deki";
  assert.equal(fold(s).length, s.length);
});

function marked(segs) {
  return segs.map((s) => (s.kind ? `[${s.kind}:${s.text}]` : s.text)).join("");
}

test("highlights a first name with a Turkish suffix and title", () => {
  const segs = highlightSegments("Kadıköy şubesindeki Ayşe Hanım'a çok teşekkürler!", ["Ayşe Yılmaz"], "Kadıköy");
  assert.equal(marked(segs), "[branch:Kadıköy] şubesindeki [name:Ayşe Hanım'a] çok teşekkürler!");
});

test("highlights a full name, case- and diacritic-insensitively", () => {
  const segs = highlightSegments("thanks to AYSE YILMAZ and Mehmet", ["Ayşe Yılmaz", "Mehmet Demir"]);
  assert.equal(marked(segs), "thanks to [name:AYSE YILMAZ] and [name:Mehmet]");
});

test("does not highlight inside other words", () => {
  const segs = highlightSegments("Alice and Alimşah were kind", ["Ali Can"]);
  assert.equal(marked(segs), "Alice and Alimşah were kind");
});

test("branch with a suffix after an apostrophe", () => {
  const segs = highlightSegments("Çankaya'daki ekibe selamlar", [], "Çankaya");
  assert.equal(marked(segs), "[branch:Çankaya'daki] ekibe selamlar");
});

test("segments rebuild the text exactly", () => {
  const text = "Ayşe, Ayşe'ye ve Can'a: Kadıköy'de Kadıköy!";
  const segs = highlightSegments(text, ["Ayşe Y.", "Can Öz"], "Kadıköy");
  assert.equal(segs.map((s) => s.text).join(""), text);
  assert.equal(segs.filter((s) => s.kind).length, 5);
});

test("hostile text stays plain text", () => {
  const text = "<img src=x onerror=alert(1)> Ayşe";
  const segs = highlightSegments(text, ["Ayşe"]);
  assert.equal(segs[0].text, "<img src=x onerror=alert(1)> ");
  assert.equal(segs[1].kind, "name");
});
