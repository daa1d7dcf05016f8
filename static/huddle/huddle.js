// The huddle deck: the server renders every slide; this module only moves
// between them (keyboard, click), fits each quote like the wall does, and
// toggles full screen. Customer text is handled through textContent only.

import { fitText, highlightedNodes } from "../display/render.js";

const MAX_RATIO = 112 / 1080; // the wall's floor (54/1080) applies; the deck's ceiling is lower

const slides = [...document.querySelectorAll(".slide")];
const pos = document.getElementById("pos");
const total = document.getElementById("total");
const progress = document.getElementById("progress");
let current = 0;

// --- quotes -------------------------------------------------------------------
// Remember each quote's full text and shout-outs before anything shortens it.
const quotes = [...document.querySelectorAll(".quote__text")].map((text) => {
  let mentions = [];
  try {
    const parsed = JSON.parse(text.dataset.mentions || "[]");
    if (Array.isArray(parsed)) mentions = parsed.filter((m) => typeof m === "string");
  } catch {
    mentions = [];
  }
  return {
    text,
    body: text.closest(".slide__body"),
    content: text.closest(".slide__content"),
    full: text.textContent.trim(),
    mentions,
    branch: text.dataset.branch || null,
  };
});

function fill(q, value) {
  q.text.replaceChildren(...highlightedNodes(value, q.mentions, q.branch));
}

/** The wall's fitting: largest size that fits; else cut at a word at the 54 px floor. */
function fit(q) {
  fitText(q, q.full, (value) => fill(q, value), window, MAX_RATIO);
  // A shortened quote: the lead can still read the whole of it by pointing at it.
  if (q.text.textContent !== q.full) q.text.title = q.full;
  else q.text.removeAttribute("title");
}

function fitAll() {
  for (const q of quotes) fit(q);
}

// --- moving -------------------------------------------------------------------
function show(index) {
  const next = Math.max(0, Math.min(slides.length - 1, index));
  if (next !== current) {
    slides[current].classList.remove("is-active");
    slides[current].setAttribute("aria-hidden", "true");
  }
  current = next;
  slides[current].classList.add("is-active");
  slides[current].removeAttribute("aria-hidden");
  pos.textContent = String(current + 1);
  total.textContent = String(slides.length);
  progress.style.transform = `scaleX(${slides.length > 1 ? current / (slides.length - 1) : 1})`;
  document.body.dataset.slide = slides[current].dataset.kind || "";
  history.replaceState(null, "", current ? `#${current + 1}` : location.pathname + location.search);
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else document.documentElement.requestFullscreen?.().catch(() => {});
}

const KEYS = {
  ArrowRight: () => show(current + 1),
  ArrowDown: () => show(current + 1),
  " ": () => show(current + 1),
  PageDown: () => show(current + 1),
  ArrowLeft: () => show(current - 1),
  ArrowUp: () => show(current - 1),
  PageUp: () => show(current - 1),
  Home: () => show(0),
  End: () => show(slides.length - 1),
  f: toggleFullscreen,
  F: toggleFullscreen,
};

// Typing in the date/branch/team form or pressing its button is not navigation.
const interactive = (target) => target instanceof Element && !!target.closest("input, select, button, a, textarea");

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey || interactive(event.target)) return;
  const action = KEYS[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

document.getElementById("stage").addEventListener("click", (event) => {
  if (interactive(event.target) || event.target.closest?.("form")) return;
  show(current + (event.clientX < window.innerWidth / 3 ? -1 : 1));
});

let resizeFrame = 0;
window.addEventListener("resize", () => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(fitAll);
});

// --- start --------------------------------------------------------------------
const fromHash = Number.parseInt(location.hash.slice(1), 10);
for (const s of slides) s.setAttribute("aria-hidden", "true");
show(Number.isFinite(fromHash) ? fromHash - 1 : 0);
// Fit once the fonts are in, or the sizes would be measured with a fallback face.
(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => {
  fitAll();
  document.body.dataset.state = "ready";
});
