// Wires the screen: stored feed → rotation → reused slides (two for praise,
// one each for weekly stats, "you said, we fixed", an announcement), the live connection,
// the watchdog, a clock, display hours, the frame's orientation and a slow
// anti burn-in shift. Every timer here is a single handle that is replaced,
// never added to.

import { dwellBounds, dwellMs } from "./dwell.js";
import { fromFeed, removeItem, upsertItem } from "./feed.js";
import { cleanFixed, createFixedSlide, renderFixed } from "./fixed.js";
import { screenMode, shiftStart } from "./hours.js";
import { connectLive } from "./live.js";
import { createNoticeSlide, renderNotice } from "./notice.js";
import { frameBox } from "./orientation.js";
import { createSlide, labels, renderSlide } from "./render.js";
import { nextSlide, slideMix } from "./rotation.js";
import { cleanStats, hasStats } from "./stats.js";
import { createStatsSlide, renderStats } from "./statslide.js";
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
  stats: null, // the last `stats` payload as sent (stats.js cleans it on use)
  screen: null, // {name, branch} of this screen
  feedSeen: false,
};

const saved = store.load();
if (saved) {
  view.items = fromFeed(saved.items);
  view.channel = saved.channel || null;
  view.offset = Number(saved.offset) || 0;
  view.zone = typeof saved.zone === "number" ? saved.zone : null;
  view.announcement = saved.announcement || null;
  view.stats = saved.stats || null;
  view.screen = saved.screen || null;
}

function persist() {
  const { items, channel, offset, zone, announcement, stats, screen } = view;
  store.save({ items, channel, offset, zone, announcement, stats, screen });
}

const serverNow = () => Date.now() + view.offset;
const lang = () => {
  const l = view.channel && view.channel.language;
  return l === "tr" || l === "en" ? l : cfg.lang === "en" ? "en" : "tr";
};
const stats = () => cleanStats(view.stats);
const fixedList = () => cleanFixed(view.stats && view.stats.fixed);
const ctx = () => ({ lang: lang(), now: serverNow(), base: cfg.base || "" });
const rotationMs = () => {
  const s = Number(view.channel && view.channel.rotation_seconds);
  return (Number.isFinite(s) && s > 0 ? Math.min(300, Math.max(5, s)) : 12) * 1000;
};
/** How long the slide just shown stays (dwell.js for text). */
function slideMs(kind) {
  const bounds = view.channel && view.channel.dwell;
  if (kind === "praise") return dwellMs(shown.text.textContent, shown.item.lang || lang(), bounds);
  if (kind === "announcement") return dwellMs(noticeSlide.text.textContent, lang(), bounds);
  return rotationMs();
}

// --- slides ---------------------------------------------------------------
const praise = [createSlide($("slide-a")), createSlide($("slide-b"))];
const statsSlide = createStatsSlide($("slide-stats"));
const noticeSlide = createNoticeSlide($("slide-notice"));
const fixedSlide = createFixedSlide($("slide-fixed"));
const empty = $("empty");
const progress = $("progress");
let shown = null; // the visible slide, null when none
let shownKind = null; // "praise" | "stats" | "fixed" | "announcement" | null
let fixedAt = 0; // the "fixed" theme shown last
let mode = "on"; // display hours (hours.js): "on" | "dim" | "blank"
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

/** The announcement if one is live now, else null. */
function liveNote() {
  const a = view.announcement;
  const until = a && a.until ? Date.parse(a.until) : NaN;
  return a && typeof a.text === "string" && a.text.trim() !== "" && !(until <= serverNow()) ? a : null;
}

/** Build the next slide (hidden), then cross-fade to it. */
function show(kind, item) {
  let next;
  if (kind === "stats") renderStats((next = statsSlide), stats(), ctx());
  else if (kind === "fixed") renderFixed((next = fixedSlide), fixedList()[fixedAt], ctx());
  else if (kind === "announcement") renderNotice((next = noticeSlide), liveNote(), ctx());
  else renderSlide((next = shown === praise[0] ? praise[1] : praise[0]), item, ctx());
  next.root.classList.add("is-active");
  if (shown && shown !== next) shown.root.classList.remove("is-active");
  shown = next;
  shownKind = kind;
  // The banner would repeat the announcement slide; it keeps its room.
  document.body.classList.toggle("is-notice", kind === "announcement");
  empty.hidden = true;
  beat();
}

/** Report what is on the wall, for the console's screen health. */
function beat() {
  const item = mode === "on" && shownKind === "praise" ? current() : null;
  const slide = mode !== "on" ? mode : shownKind || "empty";
  if (live) live.heartbeat({ item: item && typeof item.id === "number" ? item.id : null, slide });
}

function showEmpty() {
  if (shown) shown.root.classList.remove("is-active");
  shown = null;
  shownKind = null;
  document.body.classList.remove("is-notice");
  empty.hidden = false;
  restartProgress(0);
  beat();
}

function current() {
  return shown ? shown.item : null;
}

/** More than one slide takes turns: the progress bar runs. */
function rotating() {
  const mix = slideMix(view.channel && view.channel.slide_mix);
  const extra = (mix.stats > 0 && hasStats(stats()) ? 1 : 0) + (mix.announcements > 0 && liveNote() ? 1 : 0) +
    (mix.fixed > 0 ? fixedList().length : 0);
  return view.items.length + extra > 1;
}

function advance() {
  clearTimeout(advanceTimer);
  watchdog.beat();
  let wait = rotationMs();
  try {
    if (mode !== "on") {
      // Outside display hours the rotation pauses: nobody watches, and the
      // morning then starts afresh with the newest praise (rotation.js STALE_MS).
      wait = 5000;
    } else {
      const { kind, item, index, state } = nextSlide(view.items, serverNow(), rotation, {
        mix: view.channel && view.channel.slide_mix,
        stats: hasStats(stats()),
        announcement: !!liveNote(),
        fixed: fixedList().length,
        branch: view.screen && view.screen.branch,
        since: shiftStart(view.channel && view.channel.shifts, serverNow(), view.zone),
      });
      rotation = state;
      const sameFixed = kind === "fixed" && index === fixedAt;
      if (kind === "fixed") fixedAt = index;
      if (!kind) {
        // Before any feed, give the server a moment rather than flash "soon".
        if (view.feedSeen || Date.now() - bootAt > 4000) showEmpty();
        else wait = 1000;
      } else if (kind === shownKind && (kind === "praise" ? current() === item : kind !== "fixed" || sameFixed)) {
        restartProgress(0); // the only slide: leave it be
      } else {
        show(kind, item);
        wait = slideMs(kind);
        restartProgress(rotating() ? wait : 0);
      }
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
  if (!item || mode !== "on") return refresh();
  clearTimeout(advanceTimer);
  show("praise", item);
  const wait = slideMs("praise");
  restartProgress(rotating() ? wait : 0);
  advanceTimer = setTimeout(advance, wait);
}

// --- live events ----------------------------------------------------------
/** Something changed: save it; take a slide that is gone off the wall at once. */
function refresh() {
  persist();
  if (mode !== "on") return;
  if (shownKind === "stats") {
    if (!hasStats(stats())) advance();
    else renderStats(statsSlide, stats(), ctx());
    return;
  }
  if (shownKind === "announcement") {
    if (!liveNote()) advance();
    return;
  }
  if (shownKind === "fixed") {
    const list = fixedList();
    if (!list.length) advance();
    else renderFixed(fixedSlide, list[(fixedAt = Math.min(fixedAt, list.length - 1))], ctx());
    return;
  }
  const item = current();
  const fresh = item && view.items.find((i) => String(i.id) === String(item.id));
  if (!fresh) advance();
  else if (JSON.stringify(fresh) !== JSON.stringify(item)) show("praise", fresh);
}

function onFeed(payload) {
  const known = view.items.length ? new Set(view.items.map((i) => String(i.id))) : null;
  view.feedSeen = true;
  view.items = fromFeed(payload.items);
  // Praise approved while we were away goes up at once (like item_added).
  const fresh = known && view.items.find((i) => !known.has(String(i.id)));
  if (payload.channel && typeof payload.channel === "object") view.channel = payload.channel;
  if (payload.server_time) {
    view.offset = clockOffset(payload.server_time, Date.now());
    view.zone = zoneOffset(payload.server_time) ?? view.zone;
  }
  if ("stats" in payload) view.stats = payload.stats || null;
  // A feed resent after a channel change may leave the screen out: keep ours.
  if (payload.screen && typeof payload.screen === "object") view.screen = payload.screen;
  applyLabels();
  applyFrame();
  tickClock(); // the company's clock and display hours, from the new offset
  if (fresh) showNow(fresh.id);
  else refresh();
  if ("announcement" in payload) onAnnouncement(payload.announcement || { text: "" });
}

function onStats(payload) {
  view.stats = payload;
  if (shownKind === "stats" || shownKind === "fixed") refresh();
  else persist();
}

function renderAnnouncement() {
  const a = view.announcement;
  const live = !!liveNote();
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
  if (shownKind === "announcement" && mode === "on") {
    if (!live) advance();
    else if (noticeSlide.note !== a) renderNotice(noticeSlide, a, ctx());
  }
}

function onAnnouncement(payload) {
  view.announcement = { id: payload.id, text: String(payload.text ?? ""), until: payload.until || null };
  persist();
  renderAnnouncement();
}

// --- display hours, clock, orientation, burn-in shift ----------------------
/** Outside the channel's display hours: a dark screen with the clock ("dim"), or black. */
function applyMode() {
  const next = screenMode(view.channel && view.channel.display_hours, wallClock(serverNow(), view.zone));
  if (next === mode) return;
  mode = next;
  document.body.classList.toggle("is-dim", mode === "dim");
  document.body.classList.toggle("is-blank", mode === "blank");
  $("night").hidden = mode === "on";
  if (mode === "on") advance(); // back on: a fresh slide at once
  else {
    restartProgress(0);
    beat();
  }
}

function setText(id, value) {
  const node = $(id);
  if (node.textContent !== value) node.textContent = value;
}

function tickClock() {
  const { time, date } = clockText(serverNow(), view.zone, lang());
  setText("clock-time", time);
  setText("clock-date", date);
  setText("night-time", time);
  setText("night-date", date);
  applyMode();
  renderAnnouncement();
}

// The frame stands as the channel says (orientation.js); nine positions
// 0.3vmin (~3 px at 1080p) apart shift it one step every few minutes, and the
// night clock, alone on a dark screen, wanders further.
const frame = $("frame");
let box = frameBox("auto", innerWidth, innerHeight);
let shiftAt = 0;
function placeFrame() {
  const x = ((shiftAt % 3) - 1) * 0.3;
  const y = (Math.floor(shiftAt / 3) - 1) * 0.3;
  frame.style.transform = `translate(${x}vmin, ${y}vmin) ${box.transform}`.trim();
  $("night-clock").style.transform = `translate(${x * 40}vmin, ${y * 40}vmin)`;
}

function shiftFrame() {
  shiftAt = (shiftAt + 1) % 9;
  placeFrame();
}

function applyFrame() {
  const next = frameBox(view.channel && view.channel.orientation, innerWidth, innerHeight);
  if (next.transform === box.transform && next.portrait === box.portrait && next.width === box.width) return;
  box = next;
  document.documentElement.classList.toggle("is-portrait", box.portrait);
  frame.classList.toggle("is-turned", !!box.turn);
  frame.style.width = box.turn ? `${box.width}px` : "";
  frame.style.height = box.turn ? `${box.height}px` : "";
  // Turn at once: the slow transition is for the burn-in shift only.
  frame.style.transition = "none";
  placeFrame();
  void frame.offsetWidth;
  frame.style.transition = "";
}

// The stage changes size with the window and when an announcement comes or
// goes: fit the slide on screen again.
let resizeTimer = null;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown && shown.item) renderSlide(shown, shown.item, ctx());
    else if (shown === noticeSlide && noticeSlide.note) renderNotice(noticeSlide, noticeSlide.note, ctx());
    else if (shown === statsSlide && statsSlide.stats) renderStats(statsSlide, statsSlide.stats, ctx());
    else if (shown === fixedSlide && fixedSlide.entry) renderFixed(fixedSlide, fixedSlide.entry, ctx());
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
  stallMs: () =>
    document.hidden ? Infinity : Math.max(60e3, 3 * Math.max(rotationMs(), dwellBounds(view.channel?.dwell).max * 1e3) + 10e3),
  hour: () => wallClock(serverNow(), view.zone).hour,
});

applyLabels();
document.documentElement.classList.toggle("is-portrait", box.portrait);
applyFrame();
tickClock();
advance();
setInterval(tickClock, 2000);
setInterval(beat, 10e3);
setInterval(shiftFrame, 4 * 60e3);
addEventListener("resize", applyFrame);
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
      stats: onStats,
    },
  });
} else {
  document.body.classList.add("is-offline");
  console.error("kiosk: socket.io client missing; showing the stored feed");
}
