// Pure text helpers for the display: shortening at a word, finding the
// shout-outs (staff names, branch) in a quote. No DOM here, so Node tests it.

const ELLIPSIS = "…";
const TRAILING_PUNCT = /[\s,;:.!?\-–—(«"“'’]+$/u;
const LETTER = /[\p{L}\p{N}]/u;
const APOSTROPHES = "'’";
// Polite titles that follow a first name in Turkish ("Ayşe Hanım'a").
const TITLES = ["hanim", "hanimefendi", "bey", "beyefendi", "hn", "hoca", "hocam"];
const FOLD = { ş: "s", ç: "c", ğ: "g", ı: "i", ö: "o", ü: "u", â: "a", î: "i", û: "u", é: "e" };

/** Split text into words (runs of non-space) keeping their start offsets. */
function words(text) {
  const out = [];
  const re = /\S+/gu;
  let m;
  while ((m = re.exec(text)) !== null) out.push(m.index + m[0].length);
  return out; // end offset of each word
}

/** The first `count` words of `text` with "…", trailing punctuation dropped. */
export function truncateWords(text, count) {
  const ends = words(text);
  if (count >= ends.length) return text.trim();
  const head = text.slice(0, ends[Math.max(1, count) - 1]).replace(TRAILING_PUNCT, "");
  return (head || text.slice(0, ends[0])).trim() + ELLIPSIS;
}

/**
 * The longest word-boundary prefix of `text` (with "…") for which fits(s) is
 * true; the whole text when it fits. Never cuts inside a word; when not even
 * one word fits, the first word is returned with "…" (CSS wraps it).
 */
export function shortenToFit(text, fits) {
  const clean = String(text ?? "").trim();
  if (fits(clean)) return clean;
  const total = words(clean).length;
  let lo = 1;
  let hi = total - 1;
  let best = truncateWords(clean, 1);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = truncateWords(clean, mid);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/** Lower-case and strip Turkish diacritics, one UTF-16 unit per unit. */
export function fold(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let l = c.toLocaleLowerCase("tr");
    if (l.length !== 1) l = c.toLowerCase();
    if (l.length !== 1) l = c;
    out += FOLD[l] || l;
  }
  return out;
}

function isLetter(ch) {
  return ch !== undefined && ch !== "" && LETTER.test(ch);
}

/** End of a match at `end`: extend over an apostrophe suffix ("'ye", "'deki"). */
function extendSuffix(text, end) {
  if (APOSTROPHES.includes(text[end]) && isLetter(text[end + 1])) {
    end += 1;
    while (isLetter(text[end])) end += 1;
  }
  return end;
}

/** Extend over a polite title right after the name ("Ayşe Hanım'a"). */
function extendTitle(text, folded, end) {
  const m = /^[ \u00a0]+/.exec(text.slice(end, end + 3));
  if (!m) return end;
  const start = end + m[0].length;
  for (const t of TITLES) {
    const stop = start + t.length;
    if (folded.startsWith(t, start) && (!isLetter(text[stop]) || APOSTROPHES.includes(text[stop]))) {
      return extendSuffix(text, folded[stop] === "." ? stop + 1 : stop);
    }
  }
  return end;
}

function findAll(text, folded, needle, kind, out) {
  const n = fold(needle.trim());
  if (n.length < 2) return;
  let from = 0;
  while (from <= folded.length - n.length) {
    const at = folded.indexOf(n, from);
    if (at < 0) return;
    const end = at + n.length;
    from = at + 1;
    if (isLetter(text[at - 1]) || (isLetter(text[end]) && !APOSTROPHES.includes(text[end]))) continue;
    let stop = extendSuffix(text, end);
    if (kind === "name") stop = extendTitle(text, folded, stop);
    out.push([at, stop, kind]);
  }
}

/**
 * Cut `text` into segments [{text, kind}] where kind is "name" for a mention
 * of a staff member, "branch" for the branch, or null. A full name is tried
 * first, then each part of it of three letters or more.
 */
export function highlightSegments(text, mentions = [], branch = null) {
  const src = String(text ?? "");
  const folded = fold(src);
  const hits = [];
  for (const name of Array.isArray(mentions) ? mentions : []) {
    if (typeof name !== "string" || !name.trim()) continue;
    const before = hits.length;
    findAll(src, folded, name, "name", hits);
    if (hits.length > before) continue;
    for (const part of name.split(/\s+/u)) if (part.length >= 3) findAll(src, folded, part, "name", hits);
  }
  if (typeof branch === "string" && branch.trim()) findAll(src, folded, branch, "branch", hits);
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segs = [];
  let pos = 0;
  for (const [start, end, kind] of hits) {
    if (start < pos) continue; // overlaps an earlier, longer hit
    if (start > pos) segs.push({ text: src.slice(pos, start), kind: null });
    segs.push({ text: src.slice(start, end), kind });
    pos = end;
  }
  if (pos < src.length || segs.length === 0) segs.push({ text: src.slice(pos), kind: null });
  return segs;
}
