// Builds one praise slide into a reused element. Customer text goes in
// through textContent only. The quote gets the largest font that fits, never
// less than 54/1080 of the screen's shorter side; longer text is cut at a word.
// The source shows as a small monochrome icon (icons/*.svg, drawn by CSS
// masks), the original post as a QR code image from our own server.

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
    scan: "Orijinali için okutun",
    stars: (n) => `5 üzerinden ${n} yıldız`,
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
    scan: "Scan for the original",
    stars: (n) => `${n} out of 5 stars`,
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

// Sources with an icon of their own; any other source gets the speech bubble.
const ICONS = {
  google: "google",
  foursquare: "foursquare",
  appstore: "appstore",
  app_store: "appstore",
  "app-store": "appstore",
  x: "x",
  twitter: "x",
  mastodon: "mastodon",
  survey: "survey",
  email: "email",
  "e-mail": "email",
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

/** The icon name (icons/<name>.svg) for a source; "other" for any we do not know. */
export function sourceIcon(source) {
  return (source && ICONS[source.toLowerCase()]) || "other";
}

export function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

export function setText(node, value) {
  const v = value || "";
  if (node.textContent !== v) node.textContent = v;
  node.hidden = !v;
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
  const credit = el("div", "credit", foot);
  const author = el("p", "author", credit);
  const meta = el("p", "meta", credit);
  const stars = el("span", "stars", meta);
  const source = el("span", "source", meta);
  const icon = el("span", "source__icon", source);
  const sourceName = el("span", "source__name", source);
  const branch = el("span", "branch", meta);
  const when = el("span", "when", meta);
  const qr = el("figure", "qr", foot);
  const scan = el("figcaption", "qr__caption", qr);
  // The image is attached only while an item has a QR code, so a slide
  // without one holds no <img> at all; it shows once it has loaded.
  const qrImg = el("img", "qr__img");
  qrImg.alt = "QR";
  qrImg.decoding = "async";
  qrImg.addEventListener("load", () => qr.classList.remove("is-waiting"));
  qrImg.addEventListener("error", () => qr.classList.add("is-waiting"));
  icon.setAttribute("aria-hidden", "true");
  return { root, badge, about, body, content, quote, text, author, stars, source, icon, sourceName, branch, when, qr, scan, qrImg, item: null };
}

/** Show the item's QR code (a path on our server, below `base`), or none. */
function setQr(slide, path, ctx, l) {
  const { qr, qrImg } = slide;
  qr.hidden = !path;
  if (!path) {
    if (qrImg.parentNode) qrImg.remove();
    qrImg.removeAttribute("src");
    return;
  }
  setText(slide.scan, l.scan);
  const src = `${ctx.base || ""}${path}`;
  if (qrImg.getAttribute("src") !== src) {
    qr.classList.add("is-waiting");
    qrImg.src = src;
  } else if (qrImg.complete) {
    qr.classList.toggle("is-waiting", !qrImg.naturalWidth);
  }
  if (!qrImg.parentNode) qr.appendChild(qrImg);
}

/** Text nodes with the shout-out names and the branch wrapped in highlight spans. */
export function highlightedNodes(text, mentions, branch) {
  return highlightSegments(text, mentions, branch).map((seg) => {
    if (!seg.kind) return document.createTextNode(seg.text);
    const span = document.createElement("span");
    span.className = seg.kind === "branch" ? "hl hl--branch" : "hl";
    span.textContent = seg.text;
    return span;
  });
}

function fillQuote(slide, text) {
  const { mentions, branch } = slide.item;
  slide.text.replaceChildren(...highlightedNodes(text, mentions, branch));
}

/**
 * Fit `full` into `box` ({body, content, text}): the largest size in [floor,
 * max] that fits, else cut at a word at the floor. `fill(s)` puts text s in.
 */
export function fitText(box, full, fill, view = globalThis, maxRatio = MAX_RATIO) {
  const short = Math.min(view.innerWidth, view.innerHeight);
  const floor = Math.ceil(short * FLOOR_RATIO);
  const max = Math.max(floor, Math.floor(short * maxRatio));
  const { body, content, text } = box;
  const cs = view.getComputedStyle(body);
  const room = body.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
  const fits = (px) => {
    text.style.fontSize = `${px}px`;
    return content.offsetHeight <= room + 1 && text.scrollWidth <= text.clientWidth + 1;
  };
  fill(full);
  if (!fits(floor)) {
    fill(shortenToFit(full, (s) => (fill(s), fits(floor))));
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

/** Fit the quote: largest size in [floor, max] that fits, else cut at a word. */
export function fitQuote(slide, view = globalThis) {
  return fitText(slide, slide.item.text, (s) => fillQuote(slide, s), view);
}

function joinNames(names, l) {
  if (names.length <= 1) return names[0] || "";
  return `${names.slice(0, -1).join(", ")}${l.and}${names[names.length - 1]}`;
}

/** Fill `slide` with `item`; ctx = {lang, now (server ms), base}. The slide may be hidden. */
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
  if (rating) slide.stars.setAttribute("aria-label", l.stars(rating));
  slide.source.hidden = !item.source;
  slide.icon.className = `source__icon icon--${sourceIcon(item.source)}`;
  // X's icon is its name; every other icon comes with a name to read.
  setText(slide.sourceName, sourceIcon(item.source) === "x" ? "" : sourceLabel(item.source, ctx.lang));
  setText(slide.branch, item.branch ? l.branch(item.branch) : "");
  setText(slide.when, item.created_at ? relativeTime(item.created_at, ctx.now, ctx.lang) : "");
  setQr(slide, item.qr, ctx, l);
  fitQuote(slide, ctx.view);
}
