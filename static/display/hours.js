// Display hours: is the screen on, dimmed to a clock, or blank now? A pure
// function of the channel's `display_hours` and the company's wall clock
// (time.js wallClock), so Node tests it.

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function minutes(v) {
  const m = HHMM.exec(String(v ?? "").trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** {start, end (minutes of the day), outside: "dim"|"blank"}, or null for "always on". */
export function parseHours(raw) {
  if (!raw || typeof raw !== "object") return null;
  const start = minutes(raw.start);
  const end = minutes(raw.end);
  if (start === null || end === null || start === end) return null;
  return { start, end, outside: raw.outside === "blank" ? "blank" : "dim" };
}

/**
 * "on" inside the hours, else the channel's "dim" or "blank". `wall` is
 * {hour, minute} in the company's zone. Hours may run past midnight
 * ("18:00"–"02:00"); the end minute is already outside.
 */
export function screenMode(rawHours, wall) {
  const h = parseHours(rawHours);
  if (!h || !wall) return "on";
  const t = (wall.hour | 0) * 60 + (wall.minute | 0);
  const inside = h.start < h.end ? t >= h.start && t < h.end : t >= h.start || t < h.end;
  return inside ? "on" : h.outside;
}
