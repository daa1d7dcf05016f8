// Reading-time dwell: a quote stays as long as it takes to read from 3 m,
// within the channel's bounds. The rates and why: docs/wall-timing.md.

export const WORDS_PER_SECOND = { tr: 1.8, en: 2.5 };
export const OTHER_WPS = 2.2;
export const LEAD_IN_MS = 2000; // to notice the new slide and find its first word
export const DEFAULT_DWELL = Object.freeze({ min: 8, max: 30 });

/** The channel's {min, max} seconds: defaults filled in, 3–120, min ≤ max. */
export function dwellBounds(raw) {
  const out = { ...DEFAULT_DWELL };
  for (const k of ["min", "max"]) {
    const v = raw && raw[k];
    if (v != null && v !== "" && Number.isFinite(Number(v))) out[k] = Math.min(120, Math.max(3, Math.round(v)));
  }
  out.max = Math.max(out.min, out.max);
  return out;
}

/** Words: runs of letters and digits ("Ayşe'ye" is one; "—", "★" none). */
export const countWords = (text) => (String(text ?? "").match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) || []).length;

/** Milliseconds a slide showing `text` in `lang` stays, within `bounds`. */
export function dwellMs(text, lang, bounds) {
  const b = dwellBounds(bounds);
  const rate = WORDS_PER_SECOND[String(lang || "").toLowerCase().slice(0, 2)] || OTHER_WPS;
  const ms = LEAD_IN_MS + (countWords(text) / rate) * 1000;
  return Math.round(Math.min(b.max * 1e3, Math.max(b.min * 1e3, ms)));
}
