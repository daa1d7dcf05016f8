// Builds one slide into a reused element. Customer text goes in through
// textContent only. The quote gets the largest font that fits, never less
// than 54/1080 of the screen's shorter side; longer text is cut at a word.

import { highlightSegments, shortenToFit } from "./text.js";
import { relativeTime } from "./time.js";

export const FLOOR_RATIO = 54 / 1080; // quote letter size read from 3 m
export const MAX_RATIO = 120 / 1080;

export const LABELS = {
  tr: {
    brand: "Müşterilerimizden",
    featured: "Öne çıkan",
    forNames: (n) => `${n} için`,
    forTeam: (b) => `${b} ekibi için`,
    customerSays: "Bir müşterimiz diyor ki",
    anonymous: "Bir müşterimiz",
    branch: (b) => `${b} şubesi`,
    and: " ve ",
    empty: "Yakında burada müşterilerimizin sözleri olacak",
    announcement: "Duyuru",
  },
  en: {
    brand: "From our customers",
    featured: "Featured",
    forNames: (n) => `For ${n}`,
    forTeam: (b) => `For the ${b} team`,
    customerSays: "A customer says",
    anonymous: "A customer",
    branch: (b) => `${b} branch`,
    and: " and ",
    empty: "Customer praise will appear here soon",
    announcement: "Announcement",
  },
};

const SOURCES = {
  google: "Google",
  foursquare: "Foursquare",
  appstore: "App Store",
  app_store: "App Store",
  "app-store": "App Store",
  playstore: "Google Play",
  mastodon: "Mastodon",
  x: "X",
  twitter: "X",
  rss: "RSS",
  email: { tr: "E-posta", en: "E-mail" },
  survey: { tr: "Anket", en: "Survey" },
  csv: null,
  json: null,
  webhook: null,
};

export function labels(lang) {
  return LABELS[lang] || LABELS.en;
}

/** A readable source name, or null for sources that mean nothing on a wall. */
export function sourceLabel(source, lang) {
  if (!source) return null;
  const k = source.toLowerCase();
  if (!(k in SOURCES)) return source;
  const v = SOURCES[k];
  return v && typeof v === "object" ? v[lang] || v.en : v;
}

function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  parent.appendChild(e);
  return e;
}

/** Build the slide's fixed skeleton once; later renders only change text. */
export function createSlide(root) {
  root.replaceChildren();
  const body = el("div", "slide__body", root);
  const content = el("div", "slide__content", body);
  const kicker = el("p", "slide__kicker", content);
  const badge = el("span", "badge", kicker);
  const about = el("span", "slide__about", kicker);
  const quote = el("blockquote", "quote", content);
  const text = el("p", "quote__text", quote);
  const foot = el("footer", "slide__foot", root);
  const author = el("p", "author", foot);
  const meta = el("p", "meta", foot);
  const stars = el("span", "stars", meta);
  const source = el("span", "source", meta);
  const branch = el("span", "branch", meta);
  const when = el("span", "when", meta);
  return { root, badge, about, body, content, quote, text, author, stars, source, branch, when, item: null };
}

function setText(node, value) {
  const v = value || "";
  if (node.textContent !== v) node.textContent = v;
  node.hidden = !v;
}

function fillQuote(slide, text) {
  const { mentions, branch } = slide.item;
  const nodes = highlightSegments(text, mentions, branch).map((seg) => {
    if (!seg.kind) return document.createTextNode(seg.text);
    const span = document.createElement("span");
    span.className = seg.kind === "branch" ? "hl hl--branch" : "hl";
    span.textContent = seg.text;
    return span;
  });
  slide.text.replaceChildren(...nodes);
}

/** Fit the quote: largest size in [floor, max] that fits, else cut at a word. */
export function fitQuote(slide, view = globalThis) {
  const short = Math.min(view.innerWidth, view.innerHeight);
  const floor = Math.ceil(short * FLOOR_RATIO);
  const max = Math.max(floor, Math.floor(short * MAX_RATIO));
  const { body, content, text } = slide;
  const cs = view.getComputedStyle(body);
  const room = body.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
  const fits = (px) => {
    text.style.fontSize = `${px}px`;
    return content.offsetHeight <= room + 1 && text.scrollWidth <= text.clientWidth + 1;
  };
  const full = slide.item.text;
  fillQuote(slide, full);
  if (!fits(floor)) {
    fillQuote(slide, shortenToFit(full, (s) => (fillQuote(slide, s), fits(floor))));
    fits(floor);
    return floor;
  }
  let lo = floor;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  fits(lo);
  return lo;
}

function joinNames(names, l) {
  if (names.length <= 1) return names[0] || "";
  return `${names.slice(0, -1).join(", ")}${l.and}${names[names.length - 1]}`;
}

/** Fill `slide` with `item`; ctx = {lang, now (server ms)}. The slide may be hidden. */
export function renderSlide(slide, item, ctx) {
  const l = labels(ctx.lang);
  slide.item = item;
  slide.root.classList.toggle("is-pinned", !!item.pinned);
  setText(slide.badge, item.pinned ? l.featured : "");
  const names = item.mentions.slice(0, 3);
  setText(
    slide.about,
    names.length ? l.forNames(joinNames(names, l)) : item.branch ? l.forTeam(item.branch) : l.customerSays,
  );
  slide.text.lang = item.lang || ctx.lang;
  setText(slide.author, `— ${item.author || l.anonymous}`);
  const rating = item.rating;
  setText(slide.stars, rating ? "★".repeat(rating) + "☆".repeat(5 - rating) : "");
  setText(slide.source, sourceLabel(item.source, ctx.lang));
  setText(slide.branch, item.branch ? l.branch(item.branch) : "");
  setText(slide.when, item.created_at ? relativeTime(item.created_at, ctx.now, ctx.lang) : "");
  fitQuote(slide, ctx.view);
}
