// The intranet card inside an <iframe> (/widget?channel=NAME): one praise at a
// time, live over /live as a widget (auth {"widget": channel}, read-only).
// Everything but the wiring is the wall's own code: playlist helpers, rotation,
// slide rendering (text only through textContent, fitted to the frame, cut at
// a word), the live connection and the safe reloader, with a small Socket.IO
// client of our own (socket.js) in place of the 15 KB bundle. A card on a
// homepage needs no clock, heartbeat, announcements or burn-in shift.

import { fromFeed, removeItem, upsertItem } from "../display/feed.js";
import { connectLive } from "../display/live.js";
import { createSlide, labels, renderSlide } from "../display/render.js";
import { nextSlide } from "../display/rotation.js";
import { createStore } from "../display/store.js";
import { clockOffset } from "../display/time.js";
import { createReloader } from "../display/watchdog.js";
import { io } from "./socket.js";

const $ = (id) => document.getElementById(id);
// A card on a desk has a pointer, not a phone camera: no QR codes (nor their images).
const withoutQr = (raw) => (raw && typeof raw === "object" ? { ...raw, qr: null } : raw);
const cfg = document.body.dataset;
const bootAt = Date.now();
const store = createStore(`widget.${cfg.channel || "default"}`);
const view = { items: [], channel: null, offset: 0, feedSeen: false };

const saved = store.load();
if (saved) {
  view.items = fromFeed((saved.items || []).map(withoutQr));
  view.channel = saved.channel || null;
  view.offset = Number(saved.offset) || 0;
}

const persist = () => store.save({ items: view.items, channel: view.channel, offset: view.offset });
const serverNow = () => Date.now() + view.offset;
const lang = () => {
  const l = view.channel && view.channel.language;
  return l === "tr" || l === "en" ? l : cfg.lang === "en" ? "en" : "tr";
};
const rotationMs = () => {
  const s = Number(view.channel && view.channel.rotation_seconds);
  return (Number.isFinite(s) && s > 0 ? Math.min(300, Math.max(5, s)) : 12) * 1000;
};

const slides = [createSlide($("slide-a")), createSlide($("slide-b"))];
let active = -1;
let rotation;
let timer = null;

const current = () => (active >= 0 ? slides[active].item : null);

function applyLabels() {
  const l = labels(lang());
  document.documentElement.lang = lang();
  $("brand").textContent = l.brand;
  $("empty").textContent = l.empty;
}

function showCount() {
  const shown = current();
  const at = shown ? view.items.findIndex((i) => String(i.id) === String(shown.id)) : -1;
  $("count").textContent = at >= 0 && view.items.length > 1 ? `${at + 1} / ${view.items.length}` : "";
}

/** Build `item` on the hidden slide, then cross-fade to it. */
function show(item) {
  const next = active === 0 ? 1 : 0;
  renderSlide(slides[next], item, { lang: lang(), now: serverNow() });
  slides[next].root.classList.add("is-active");
  if (active >= 0) slides[active].root.classList.remove("is-active");
  active = next;
  $("empty").hidden = true;
  showCount();
}

function showEmpty() {
  if (active >= 0) slides[active].root.classList.remove("is-active");
  active = -1;
  $("empty").hidden = false;
  showCount();
}

function advance() {
  clearTimeout(timer);
  let wait = rotationMs();
  try {
    const { item, state } = nextSlide(view.items, serverNow(), rotation);
    rotation = state;
    if (!item) {
      // Before any feed, give the server a moment rather than flash "soon".
      if (view.feedSeen || Date.now() - bootAt > 4000) showEmpty();
      else wait = 1000;
    } else if (!(view.items.length === 1 && current() === item)) {
      show(item);
    }
  } catch (err) {
    console.error("kiosk widget: slide failed", err);
  }
  timer = setTimeout(advance, wait);
}

/** The playlist changed: keep the slide on show unless it left or changed. */
function refresh() {
  persist();
  const shown = current();
  const fresh = shown && view.items.find((i) => String(i.id) === String(shown.id));
  if (!fresh) advance();
  else if (JSON.stringify(fresh) !== JSON.stringify(shown)) show(fresh);
  else showCount();
}

/** Fresh praise goes up at once; the rotation carries on from it. */
function showNow(id) {
  persist();
  const item = view.items.find((i) => String(i.id) === String(id));
  if (!item) return refresh();
  clearTimeout(timer);
  show(item);
  timer = setTimeout(advance, rotationMs());
}

let resizeTimer = null;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const shown = current();
    if (shown) renderSlide(slides[active], shown, { lang: lang(), now: serverNow() });
  }, 200);
}

applyLabels();
advance();
if (typeof ResizeObserver === "function") new ResizeObserver(onResize).observe($("stage"));
else addEventListener("resize", onResize);

connectLive({
  io,
  base: cfg.base || "",
  widget: cfg.channel || "default",
  version: cfg.version,
  reloader: createReloader({ base: cfg.base || "" }),
  on: {
    status(up) {
      document.body.dataset.state = up ? "live" : "offline";
    },
    feed(payload) {
      view.feedSeen = true;
      view.items = fromFeed(payload.items.map(withoutQr));
      if (payload.channel && typeof payload.channel === "object") view.channel = payload.channel;
      if (payload.server_time) view.offset = clockOffset(payload.server_time, Date.now());
      applyLabels();
      refresh();
    },
    upsert(item) {
      const known = view.items.some((i) => String(i.id) === String(item.id));
      view.items = upsertItem(view.items, withoutQr(item));
      if (known) refresh();
      else showNow(item.id);
    },
    remove(id) {
      view.items = removeItem(view.items, id);
      refresh();
    },
    announcement() {}, // walls only
  },
});
