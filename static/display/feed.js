// Pure playlist helpers: keep the local copy of a channel's items in step
// with the live events. Customer data is copied field by field, nothing else.

export const MAX_ITEMS = 500; // a channel never needs more on a wall screen

function str(v) {
  return typeof v === "string" && v.trim() ? v : null;
}

// A QR code is an image from our own server ("/qr/12.svg"): a plain path,
// never another origin ("//host"), a scheme, or anything with odd characters.
const SAME_ORIGIN_PATH = /^\/(?!\/)[A-Za-z0-9_\-./]{1,200}$/;

/** The item's QR code path if it is a safe same-origin path, else null. */
export function qrPath(v) {
  return typeof v === "string" && SAME_ORIGIN_PATH.test(v) && !v.includes("..") ? v : null;
}

/** A display item with only the fields the page uses, or null if unusable. */
export function cleanItem(raw) {
  if (!raw || typeof raw !== "object") return null;
  const id = raw.id;
  if ((typeof id !== "number" && typeof id !== "string") || id === "") return null;
  const text = str(raw.text);
  if (!text) return null;
  const rating = Number(raw.rating);
  return {
    id,
    text,
    author: str(raw.author),
    source: str(raw.source),
    branch: str(raw.branch),
    created_at: str(raw.created_at),
    arrived_at: str(raw.arrived_at), // on the walls since (approval), for shifts
    rating: Number.isFinite(rating) && rating >= 1 ? Math.min(5, Math.round(rating)) : null,
    lang: str(raw.lang),
    pinned: raw.pinned === true,
    mentions: Array.isArray(raw.mentions) ? raw.mentions.filter((m) => str(m)).slice(0, 8) : [],
    qr: qrPath(raw.qr),
  };
}

/** Newest first by created_at, then by id (larger first). */
export function newer(a, b) {
  const ta = Date.parse(a.created_at) || 0;
  const tb = Date.parse(b.created_at) || 0;
  if (ta !== tb) return tb - ta;
  return String(b.id).localeCompare(String(a.id), "en", { numeric: true });
}

/** Pinned first, then newest first: the order the server sends. */
export function sortItems(items) {
  return items.sort((a, b) => (a.pinned === b.pinned ? newer(a, b) : a.pinned ? -1 : 1));
}

/** A clean, ordered, bounded list from a `feed` payload's items. */
export function fromFeed(rawItems) {
  const seen = new Set();
  const out = [];
  for (const raw of Array.isArray(rawItems) ? rawItems : []) {
    const item = cleanItem(raw);
    if (!item || seen.has(String(item.id))) continue;
    seen.add(String(item.id));
    out.push(item);
  }
  return sortItems(out).slice(0, MAX_ITEMS);
}

/** A new list with `raw` added, or replacing the item of the same id. */
export function upsertItem(items, raw) {
  const item = cleanItem(raw);
  if (!item) return items;
  const rest = items.filter((i) => String(i.id) !== String(item.id));
  rest.push(item);
  return sortItems(rest).slice(0, MAX_ITEMS);
}

/** A new list without the item of that id. */
export function removeItem(items, id) {
  return items.filter((i) => String(i.id) !== String(id));
}
