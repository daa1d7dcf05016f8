// Wires the screen: stored feed → rotation → two reused slides, the live
// connection, the watchdog, a clock, and a slow anti burn-in shift. Every
// timer here is a single handle that is replaced, never added to.

import { fromFeed, removeItem, upsertItem } from "./feed.js";
import { connectLive } from "./live.js";
import { createSlide, labels, renderSlide } from "./render.js";
import { nextSlide } from "./rotation.js";
import { createStore } from "./store.js";
import { clockOffset, clockText, wallClock, zoneOffset } from "./time.js";
import { createReloader, createWatchdog } from "./watchdog.js";

const $ = (id) => document.getElementById(id);
const cfg = document.body.dataset;
const bootAt = Date.now();
const store = createStore(cfg.token || "default");

const view = {
  items: [],
  channel: null,
  offset: 0, // server clock − our clock, ms
  zone: null, // the server's UTC offset, minutes
  announcement: null,
  feedSeen: false,
};

const saved = store.load();
if (saved) {
  view.items = fromFeed(saved.items);
  view.channel = saved.channel || null;
  view.offset = Number(saved.offset) || 0;
  view.zone = typeof saved.zone === "number" ? saved.zone : null;
  view.announcement = saved.announcement || null;
}

function persist() {
  const { items, channel, offset, zone, announcement } = view;
  store.save({ items, channel, offset, zone, announcement });
}

const serverNow = () => Date.now() + view.offset;
const lang = () => {
  const l = view.channel && view.channel.language;
  return l === "tr" || l === "en" ? l : cfg.lang === "en" ? "en" : "tr";
};
const rotationMs = () => {
  const s = Number(view.channel && view.channel.rotation_seconds);
  return (Number.isFinite(s) && s > 0 ? Math.min(300, Math.max(5, s)) : 12) * 1000;
};

// --- slides ---------------------------------------------------------------
const slides = [createSlide($("slide-a")), createSlide($("slide-b"))];
const empty = $("empty");
const progress = $("progress");
let active = -1; // index of the visible slide, -1 when none
let rotation; // rotation history (rotation.js)
let advanceTimer = null;
let progressAnim = null;

function restartProgress(ms) {
  if (progressAnim) progressAnim.cancel();
  progressAnim = null;
  if (ms > 0 && progress.animate) {
    progressAnim = progress.animate([{ transform: "scaleX(0)" }, { transform: "scaleX(1)" }], {
      duration: ms,
      easing: "linear",
      fill: "forwards",
    });
  }
}

function applyLabels() {
  const l = labels(lang());
  document.documentElement.lang = lang();
  $("brand").textContent = l.brand;
  $("empty-text").textContent = l.empty;
  $("announcement-label").textContent = l.announcement;
}

/** Build `item` on the hidden slide, then cross-fade to it. */
function show(item) {
  const next = active === 0 ? 1 : 0;
  renderSlide(slides[next], item, { lang: lang(), now: serverNow() });
  slides[next].root.classList.add("is-active");
  if (active >= 0) slides[active].root.classList.remove("is-active");
  active = next;
  empty.hidden = true;
  beat();
}

/** Report what is on the wall, for the console's screen health. */
function beat() {
  const shown = current();
  if (live) live.heartbeat({ item: shown && typeof shown.id === "number" ? shown.id : null });
}

function showEmpty() {
  if (active >= 0) slides[active].root.classList.remove("is-active");
  active = -1;
  empty.hidden = false;
  restartProgress(0);
}

function current() {
  return active >= 0 ? slides[active].item : null;
}

function advance() {
  clearTimeout(advanceTimer);
  watchdog.beat();
  let wait = rotationMs();
  try {
    const { item, state } = nextSlide(view.items, serverNow(), rotation);
    rotation = state;
    if (!item) {
      // Before any feed, give the server a moment rather than flash "soon".
      if (view.feedSeen || Date.now() - bootAt > 4000) showEmpty();
      else wait = 1000;
    } else if (view.items.length === 1 && current() && current() === item) {
      restartProgress(0); // one item: leave it be
    } else {
      show(item);
      restartProgress(view.items.length > 1 ? wait : 0);
    }
  } catch (err) {
    console.error("kiosk: slide failed", err);
  }
  advanceTimer = setTimeout(advance, wait);
}

/** Put one playlist item on the wall now and restart the slide timer from it. */
function showNow(id) {
  persist();
  const item = view.items.find((i) => String(i.id) === String(id));
  if (!item) return refresh();
  clearTimeout(advanceTimer);
  show(item);
  const wait = rotationMs();
  restartProgress(view.items.length > 1 ? wait : 0);
  advanceTimer = setTimeout(advance, wait);
}

// --- live events ----------------------------------------------------------
/** The playlist changed: save it; take a removed slide off the wall at once. */
function refresh() {
  persist();
  const shown = current();
  const fresh = shown && view.items.find((i) => String(i.id) === String(shown.id));
  if (!fresh) advance();
  else if (JSON.stringify(fresh) !== JSON.stringify(shown)) show(fresh);
}

function onFeed(payload) {
  view.feedSeen = true;
  view.items = fromFeed(payload.items);
  if (payload.channel && typeof payload.channel === "object") view.channel = payload.channel;
  if (payload.server_time) {
    view.offset = clockOffset(payload.server_time, Date.now());
    view.zone = zoneOffset(payload.server_time) ?? view.zone;
  }
  applyLabels();
  refresh();
  if ("announcement" in payload) onAnnouncement(payload.announcement || { text: "" });
}

function renderAnnouncement() {
  const a = view.announcement;
  const until = a && a.until ? Date.parse(a.until) : NaN;
  const live = !!a && typeof a.text === "string" && a.text.trim() !== "" && !(until <= serverNow());
  const box = $("announcement");
  if (live) {
    const t = $("announcement-text");
    if (t.textContent !== a.text) t.textContent = a.text;
  }
  if (box.hidden === live) box.hidden = !live;
  if (!live && a) {
    view.announcement = null;
    persist();
  }
}

function onAnnouncement(payload) {
  view.announcement = { id: payload.id, text: String(payload.text ?? ""), until: payload.until || null };
  persist();
  renderAnnouncement();
}

// --- clock and burn-in shift ---------------------------------------------
function tickClock() {
  const { time, date } = clockText(serverNow(), view.zone, lang());
  const t = $("clock-time");
  const d = $("clock-date");
  if (t.textContent !== time) t.textContent = time;
  if (d.textContent !== date) d.textContent = date;
  renderAnnouncement();
}

// Nine positions 0.3vmin (~3 px at 1080p) apart, one step every few minutes.
let shiftAt = 0;
function shiftFrame() {
  shiftAt = (shiftAt + 1) % 9;
  const x = ((shiftAt % 3) - 1) * 0.3;
  const y = (Math.floor(shiftAt / 3) - 1) * 0.3;
  $("frame").style.transform = `translate(${x}vmin, ${y}vmin)`;
}

// The stage changes size with the window and when an announcement comes or
// goes: fit the slide on screen again.
let resizeTimer = null;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const s = active >= 0 ? slides[active] : null;
    if (s && s.item) renderSlide(s, s.item, { lang: lang(), now: serverNow() });
  }, 300);
}

// --- start ------------------------------------------------------------------
const reloader = createReloader({ base: cfg.base || "" });
let live = null;
const watchdog = createWatchdog({
  reloader,
  // A refused token is not a stuck socket: reloading would not help.
  isConnected: () => !!live && (live.isConnected() || live.isRefused()),
  // A hidden tab (a preview in an admin's browser) has its timers throttled.
  stallMs: () => (document.hidden ? Infinity : Math.max(60e3, 3 * rotationMs() + 10e3)),
  hour: () => wallClock(serverNow(), view.zone).hour,
});

applyLabels();
tickClock();
advance();
setInterval(tickClock, 2000);
setInterval(beat, 10e3);
setInterval(shiftFrame, 4 * 60e3);
if (typeof ResizeObserver === "function") new ResizeObserver(onResize).observe($("stage"));
else addEventListener("resize", onResize);
watchdog.start();
document.addEventListener("visibilitychange", () => watchdog.beat());

if (typeof globalThis.io === "function") {
  live = connectLive({
    io: globalThis.io,
    base: cfg.base || "",
    token: cfg.token,
    widget: cfg.widget,
    version: cfg.version,
    reloader,
    on: {
      status(up) {
        document.body.classList.toggle("is-offline", !up);
        document.body.dataset.state = up ? "live" : "offline";
        if (up) setTimeout(beat, 0);
        watchdog.connection(up);
      },
      feed: onFeed,
      upsert(item) {
        const known = view.items.some((i) => String(i.id) === String(item.id));
        view.items = upsertItem(view.items, item);
        if (known) refresh();
        else showNow(item.id); // fresh praise goes up at once, then rotation resumes
      },
      remove(id) {
        view.items = removeItem(view.items, id);
        refresh();
      },
      announcement: onAnnouncement,
    },
  });
} else {
  document.body.classList.add("is-offline");
  console.error("kiosk: socket.io client missing; showing the stored feed");
}
