/*
 * Kiosk intranet widget, served as /widget.js. One tag on any intranet page:
 *
 *   <script async src="https://kiosk.example.com/widget.js?channel=lobby"></script>
 *
 * draws a small card of the channel's recent customer praise right after the
 * tag (or into the element matched by data-target="#some-id"), rotating. The
 * card lives in a shadow root, so neither the page's styles nor the card's can
 * reach the other. data-lang="tr" or "en" overrides the channel's language.
 *
 * Content-Security-Policy of the host page: the Kiosk origin in
 *   script-src   for this file, and
 *   connect-src  for GET /widget/feed.json (every few minutes; no cookies, no websocket).
 * Nothing else. The card's CSS is a constructed stylesheet adopted by the
 * shadow root (CSSOM, which style-src does not govern): no <style> element, no
 * style attributes, no eval, no images, no fonts, and no HTML is ever parsed
 * (customer text goes in through textContent only), so a policy with
 * `require-trusted-types-for 'script'` is fine too. Only browsers without
 * constructable stylesheets (before Safari 16.4 / Firefox 101) fall back to a
 * <style> element inside the shadow root, which their policy would have to
 * allow with style-src 'unsafe-inline'; without it they show the card plain.
 *
 * Load on the intranet's busiest minute: this file and the feed are cached by
 * the browser (5 min, 1 min) and the feed by Kiosk per channel (30 s); a tab in
 * the background does not poll. It is a classic script, not a module, because
 * it finds its own origin and channel in document.currentScript.src.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || !script.src || typeof fetch !== "function" || !Element.prototype.attachShadow) return;

  const src = new URL(script.src);
  const channel = src.searchParams.get("channel") || "default";
  const feedUrl = new URL(`widget/feed.json?channel=${encodeURIComponent(channel)}`, src);
  const archiveUrl = new URL("archive", src);
  const REFRESH_MS = 4 * 60e3;
  const JITTER_MS = 30e3; // thousands of tabs opened at 9:00 do not all ask at 9:04

  const TEXT = {
    tr: {
      brand: "Müşterilerimizden",
      forNames: (n) => `${n} için`,
      forTeam: (b) => `${b} ekibi için`,
      says: "Bir müşterimiz diyor ki",
      anonymous: "Bir müşterimiz",
      and: " ve ",
      now: "az önce",
      more: "Tüm övgüler",
      empty: "Yakında burada müşterilerimizin sözleri olacak",
      rating: (n) => `${n}/5 puan`,
    },
    en: {
      brand: "From our customers",
      forNames: (n) => `For ${n}`,
      forTeam: (b) => `For the ${b} team`,
      says: "A customer says",
      anonymous: "A customer",
      and: " and ",
      now: "just now",
      more: "All praise",
      empty: "Customer praise will appear here soon",
      rating: (n) => `${n} out of 5`,
    },
  };

  const CSS = `
:host { all: initial; display: block; contain: content; }
:host([hidden]), [hidden] { display: none !important; }
* { box-sizing: border-box; }
.card {
  position: relative; overflow: hidden; padding: 18px 20px 14px; border-radius: 16px;
  background:
    radial-gradient(ellipse 90% 55% at 0 0, rgba(243, 185, 95, .13), transparent 70%),
    radial-gradient(ellipse 80% 50% at 100% 100%, rgba(246, 169, 138, .08), transparent 70%),
    #17181d;
  color: #f5f1e8; text-align: left;
  font: 400 15px/1.4 "Noto Sans", "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 1px 2px rgba(20, 22, 28, .18), 0 10px 28px rgba(20, 22, 28, .16);
  -webkit-font-smoothing: antialiased;
}
.top {
  display: flex; align-items: center; gap: 8px; margin: 0; color: #cfc7b8;
  font-size: 11.5px; font-weight: 700; letter-spacing: .16em; text-transform: uppercase;
}
.mark { flex: none; width: 8px; height: 8px; border-radius: 50%; background: #f3b95f;
  box-shadow: 0 0 10px rgba(243, 185, 95, .6); }
.count { margin-left: auto; font-weight: 400; letter-spacing: .04em;
  font-variant-numeric: tabular-nums; }
.stage { margin-top: 14px; }
.stage.in { animation: in .6s ease both; }
@keyframes in { from { opacity: 0; transform: translateY(5px); } }
.about { margin: 0; min-height: 1.4em; color: #f3b95f; font-size: 14px; font-weight: 700;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.quote { margin: 0; }
.quote::before { content: "\\201C"; display: block; height: 30px; margin: 4px 0 0 -2px;
  color: #f3b95f; font: 700 62px/1 "DejaVu Serif", "Noto Serif", Georgia, serif; }
.text { height: 142px; margin: 0; overflow: hidden; font-size: 17px; line-height: 1.38;
  overflow-wrap: break-word; text-wrap: pretty; }
.text.big { font-size: 21px; line-height: 1.3; }
.foot { margin-top: 12px; padding-top: 10px; border-top: 1px solid rgba(243, 185, 95, .28); }
.author { margin: 0; font-weight: 700; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.meta { margin: 2px 0 0; color: #cfc7b8; font-size: 13px; }
.meta > span:not([hidden]) ~ span::before { content: "\\00B7"; margin: 0 6px; }
.stars { color: #f3b95f; letter-spacing: .1em; }
.more { display: inline-block; margin-top: 12px; color: #f3b95f; font-size: 13px;
  font-weight: 700; text-decoration: none; }
.more:hover, .more:focus-visible { text-decoration: underline; text-underline-offset: .25em; }
.more:focus-visible { outline: 2px solid #f3b95f; outline-offset: 3px; border-radius: 2px; }
.empty { margin: 14px 0 0; font-size: 17px; line-height: 1.38; }
@media (prefers-reduced-motion: reduce) { .stage.in { animation: none; } }
`;

  function el(tag, cls, parent) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  }

  function setText(node, value) {
    const v = value || "";
    if (node.textContent !== v) node.textContent = v;
    node.hidden = !v;
  }

  // --- the card -------------------------------------------------------------
  const host = document.createElement("kiosk-praise");
  host.hidden = true; // until there is something to show: an outage never shows a box
  const root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in ShadowRoot.prototype && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    el("style", null, root).textContent = CSS;
  }
  const card = el("section", "card", root);
  const top = el("p", "top", card);
  el("span", "mark", top);
  const brand = el("span", "brand", top);
  const count = el("span", "count", top);
  const stage = el("div", "stage", card);
  const about = el("p", "about", stage);
  const quote = el("blockquote", "quote", stage);
  const text = el("p", "text", quote);
  const foot = el("footer", "foot", stage);
  const author = el("p", "author", foot);
  const meta = el("p", "meta", foot);
  const stars = el("span", "stars", meta);
  const branch = el("span", "branch", meta);
  const when = el("span", "when", meta);
  const empty = el("p", "empty", card);
  const more = el("a", "more", card);
  more.href = archiveUrl.href;
  more.target = "_blank";
  more.rel = "noopener";

  function place() {
    const sel = script.dataset.target;
    const spot = sel && document.querySelector(sel);
    if (spot) return spot.appendChild(host);
    if (!sel && script.isConnected && !script.closest("head")) return script.after(host);
    if (document.readyState === "loading") {
      return document.addEventListener("DOMContentLoaded", place, { once: true });
    }
    return document.body.appendChild(host);
  }
  place();

  // --- state ----------------------------------------------------------------
  let items = [];
  let at = -1;
  let lang = "tr";
  let rotateMs = 12e3;
  let rotateTimer = null;
  let paused = false;
  let lastFetch = 0;
  let stale = false;

  const str = (v) => (typeof v === "string" && v.trim() ? v : "");

  /** Only the fields the card shows, from a display item. */
  function clean(raw) {
    if (!raw || typeof raw !== "object" || !str(raw.text)) return null;
    const rating = Math.round(Number(raw.rating));
    return {
      id: String(raw.id),
      text: raw.text.trim(),
      author: str(raw.author),
      branch: str(raw.branch),
      created_at: str(raw.created_at),
      lang: str(raw.lang),
      rating: rating >= 1 && rating <= 5 ? rating : 0,
      mentions: Array.isArray(raw.mentions) ? raw.mentions.filter(str).slice(0, 3) : [],
    };
  }

  function ago(iso) {
    const t = Date.parse(iso);
    if (!Number.isFinite(t) || typeof Intl.RelativeTimeFormat !== "function") return "";
    const s = Math.min(0, (t - Date.now()) / 1000);
    const units = [["year", 31536e3], ["month", 2592e3], ["week", 604800], ["day", 86400],
      ["hour", 3600], ["minute", 60]];
    for (const [unit, size] of units) {
      if (-s >= size) {
        const n = Math.trunc(s / size);
        // "auto" words only for yesterday: Turkish has "evvelsi gün" for 2 days ago.
        const numeric = n === -1 && unit === "day" ? "auto" : "always";
        return new Intl.RelativeTimeFormat(lang, { numeric }).format(n, unit);
      }
    }
    return TEXT[lang].now;
  }

  function fits() {
    return text.scrollHeight <= text.clientHeight + 1;
  }

  /** The whole quote if it fits, larger when short; else cut at a word with "…". */
  function fitQuote(full) {
    for (const size of full.length <= 110 ? ["text big", "text"] : ["text"]) {
      text.className = size;
      text.textContent = full;
      if (fits()) return;
    }
    const words = full.split(/\s+/u);
    const cut = (n) => `${words.slice(0, n).join(" ").replace(/[\s,;:.!?\-–—(«"“'’]+$/u, "")}…`;
    let best = cut(1);
    let lo = 1;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      text.textContent = cut(mid);
      if (fits()) {
        best = text.textContent;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    text.textContent = best;
  }

  function render(animate) {
    const t = TEXT[lang];
    card.lang = lang;
    card.setAttribute("aria-label", t.brand);
    setText(brand, t.brand);
    setText(more, `${t.more} →`);
    const item = items[at];
    stage.hidden = !item;
    setText(empty, item ? "" : t.empty);
    setText(count, items.length > 1 ? `${at + 1} / ${items.length}` : "");
    if (!item) return;
    const names = item.mentions;
    const joined = names.length > 1 ? `${names.slice(0, -1).join(", ")}${t.and}${names[names.length - 1]}` : names[0];
    setText(about, joined ? t.forNames(joined) : item.branch ? t.forTeam(item.branch) : t.says);
    text.lang = item.lang || lang;
    fitQuote(item.text);
    setText(author, `— ${item.author || t.anonymous}`);
    setText(stars, item.rating ? "★".repeat(item.rating) + "☆".repeat(5 - item.rating) : "");
    stars.title = item.rating ? t.rating(item.rating) : "";
    setText(branch, item.branch);
    setText(when, ago(item.created_at));
    if (animate) {
      stage.classList.remove("in");
      void stage.offsetWidth; // restart the fade-in
      stage.classList.add("in");
    }
  }

  function rotate() {
    clearTimeout(rotateTimer);
    rotateTimer = setTimeout(rotate, rotateMs);
    if (paused || document.hidden || items.length < 2) return;
    at = (at + 1) % items.length;
    render(true);
  }

  function apply(data) {
    const shownId = items[at] && items[at].id;
    const fresh = (Array.isArray(data.items) ? data.items : []).map(clean).filter(Boolean).slice(0, 50);
    const info = data.channel && typeof data.channel === "object" ? data.channel : {};
    const wanted = script.dataset.lang || info.language;
    lang = wanted === "en" || wanted === "tr" ? wanted : "tr";
    const seconds = Number(info.rotation_seconds);
    rotateMs = (Number.isFinite(seconds) && seconds > 0 ? Math.min(120, Math.max(8, seconds)) : 12) * 1000;
    items = fresh;
    const keep = items.findIndex((i) => i.id === shownId);
    at = keep >= 0 ? keep : items.length ? 0 : -1;
    host.hidden = false;
    render(keep < 0);
    if (rotateTimer === null) rotateTimer = setTimeout(rotate, rotateMs);
  }

  async function load() {
    lastFetch = Date.now();
    stale = false;
    try {
      const res = await fetch(feedUrl, { mode: "cors", credentials: "omit" });
      if (res.ok) apply(await res.json());
    } catch {
      /* Kiosk unreachable: keep what the card shows; try again at the next refresh */
    }
    setTimeout(() => (document.hidden ? (stale = true) : load()), REFRESH_MS + Math.random() * JITTER_MS);
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && stale && Date.now() - lastFetch >= REFRESH_MS) load();
  });
  card.addEventListener("mouseenter", () => (paused = true));
  card.addEventListener("mouseleave", () => (paused = false));
  card.addEventListener("focusin", () => (paused = true));
  card.addEventListener("focusout", () => (paused = false));
  if (typeof ResizeObserver === "function") {
    let width = 0;
    new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w !== width && items[at]) fitQuote(items[at].text);
      width = w;
    }).observe(card);
  }
  load();
})();
