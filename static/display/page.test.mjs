// Checks on the page as a whole: no HTML parsing of text, and the byte budget.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = readdirSync(here).filter((f) => f.endsWith(".js"));

test("no module turns strings into HTML", () => {
  for (const f of modules) {
    const src = readFileSync(join(here, f), "utf8");
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, f);
  }
});

test("every module the page loads is imported from main.js's graph", () => {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const src = readFileSync(join(here, f), "utf8");
    for (const m of src.matchAll(/from "\.\/([\w-]+\.js)"/g)) visit(m[1]);
  };
  visit("main.js");
  assert.deepEqual([...seen].sort(), modules.sort());
});

test("the page stays within its 150 KB budget", () => {
  const size = (p) => statSync(join(here, p)).size;
  const ours = modules.reduce((n, f) => n + size(f), 0) + size("display.css");
  const vendor = size("../vendor/socket.io.min.js");
  const html = 4 * 1024; // the rendered template is about 2 KB
  assert.ok(ours < 48 * 1024, `our JS + CSS is ${ours} bytes`);
  assert.ok(ours + vendor + html <= 150 * 1024, `page is ${ours + vendor + html} bytes`);
});
