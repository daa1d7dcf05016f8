// The "you said, we fixed" slide: a complaint theme resolved, how many, the
// median time to first contact, the owning team. Counts only, no complaint text.

import { el, setText } from "./render.js";

export const FIXED_LABELS = {
  tr: { title: "Siz söylediniz, biz düzelttik", days: (n) => `Son ${n} gün`, resolved: "şikâyet çözüldü",
    wait: "müşteriye ilk dönüş (medyan)", team: "sorumlu ekip", units: ["dk", "sa", "gün", "gün"] },
  en: { title: "You said, we fixed", days: (n) => `Last ${n} days`, resolved: "complaints resolved",
    wait: "to first contact (median)", team: "owning team", units: ["min", "h", "day", "days"] },
};

const count = (v) => (Number.isFinite(Number(v)) && v >= 0 ? Math.floor(v) : 0);
const str = (v) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 120) : null);

/** Up to five clean {label, team, resolved, raised, wait (s or null), days}. */
export function cleanFixed(raw) {
  const out = [];
  for (const e of Array.isArray(raw) ? raw : []) {
    if (!e || typeof e !== "object" || !str(e.label) || count(e.resolved) < 1) continue;
    const wait = e.median_first_contact;
    out.push({
      label: str(e.label),
      team: str(e.team),
      resolved: count(e.resolved),
      raised: Math.max(count(e.raised), count(e.resolved)),
      wait: wait != null && count(wait) === Math.floor(wait) ? Number(wait) : null,
      days: count(e.days) || 30,
    });
    if (out.length === 5) break;
  }
  return out;
}

/** [[number, unit], …] read at a glance: 45 min, 3 h 20 min, 26 h, 4 days. */
export function durationParts(seconds, lang) {
  const [min, h, day, days] = (FIXED_LABELS[lang] || FIXED_LABELS.en).units;
  const m = Math.max(1, Math.round(count(seconds) / 60));
  const hours = Math.floor(m / 60);
  if (m < 60) return [[m, min]];
  if (hours < 10 && m % 60) return [[hours, h], [m % 60, min]];
  if (hours < 48) return [[Math.round(m / 60), h]];
  const d = Math.round(m / 1440);
  return [[d, d === 1 ? day : days]];
}

function fact(parent, kind) {
  const box = el("section", `fixed__fact fixed__fact--${kind}`, parent);
  return { box, value: el("p", "fixed__value", box), label: el("p", "fixed__label", box) };
}

/** parts: [[figure, unit], …]; none: the fact is hidden. */
function fill(f, parts, label) {
  f.box.hidden = !parts.length;
  f.value.replaceChildren();
  for (const [figure, unit] of parts) {
    el("span", "fixed__num", f.value).textContent = String(figure);
    if (unit) el("span", "fixed__unit", f.value).textContent = unit;
  }
  setText(f.label, label);
}

/** Build the slide's skeleton once into `root`. */
export function createFixedSlide(root) {
  root.replaceChildren();
  const kicker = el("p", "slide__kicker", root);
  const title = el("span", "badge badge--fixed", kicker);
  const days = el("span", "slide__about", kicker);
  const head = el("div", "fixed__head", root);
  const mark = el("span", "fixed__mark", head);
  mark.textContent = "✓";
  const theme = el("h2", "fixed__theme", head);
  const bar = el("span", "fixed__fill", el("div", "fixed__meter", root));
  const facts = el("div", "fixed__facts", root);
  const [count, wait, team] = ["count", "wait", "team"].map((k) => fact(facts, k));
  return { root, title, days, mark, theme, bar, count, wait, team, entry: null, item: null };
}

/** Fill the slide with one cleanFixed entry; ctx = {lang}. */
export function renderFixed(slide, entry, ctx) {
  const l = FIXED_LABELS[ctx.lang] || FIXED_LABELS.en;
  slide.entry = entry;
  slide.mark.setAttribute("aria-hidden", "true");
  setText(slide.title, l.title);
  setText(slide.days, l.days(entry.days));
  setText(slide.theme, entry.label);
  slide.bar.style.transform = `scaleX(${(entry.resolved / entry.raised).toFixed(3)})`;
  fill(slide.count, [[entry.resolved, entry.raised > entry.resolved ? `/ ${entry.raised}` : ""]], l.resolved);
  fill(slide.wait, entry.wait == null ? [] : durationParts(entry.wait, ctx.lang), l.wait);
  fill(slide.team, entry.team ? [[entry.team]] : [], l.team);
}
