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

const icons = readdirSync(join(here, "icons")).map((f) => `icons/${f}`);

test("every source icon is a small SVG with nothing active in it, and the CSS uses each", () => {
  const css = readFileSync(join(here, "display.css"), "utf8");
  for (const f of icons) {
    assert.match(f, /\.svg$/);
    const src = readFileSync(join(here, f), "utf8");
    assert.ok(src.length < 1024, `${f} is ${src.length} bytes`);
    assert.doesNotMatch(src, /<script|\bon\w+=|href|<style|url\(/i, f);
    assert.ok(css.includes(`url(${f})`), `${f} unused`);
  }
  for (const m of css.matchAll(/url\((icons\/[\w-]+\.svg)\)/g)) assert.ok(icons.includes(m[1]), `${m[1]} missing`);
});

test("the page stays within its 150 KB budget", () => {
  const size = (p) => statSync(join(here, p)).size;
  // Everything the page can load but the QR codes: modules, CSS, every icon.
  const css = size("display.css") + size("../shared/wall.css");
  const ours = modules.reduce((n, f) => n + size(f), 0) + css + icons.reduce((n, f) => n + size(f), 0);
  const vendor = size("../vendor/socket.io.min.js");
  const html = 4 * 1024; // the rendered template is about 2.5 KB
  assert.ok(ours < 90 * 1024, `our JS + CSS + icons is ${ours} bytes`);
  assert.ok(ours + vendor + html <= 150 * 1024, `page is ${ours + vendor + html} bytes`);
});
