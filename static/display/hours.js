// Display hours: is the screen on, dimmed to a clock, or blank now? A pure
// function of the channel's `display_hours` and the company's wall clock
// (time.js wallClock), so Node tests it.

import { wallClock } from "./time.js";

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

/** Start (ms) of the shift we are in, or null: "HH:MM-HH:MM" in the company's
 * zone (`zone`, minutes), maybe past midnight; of two, the later start. */
export function shiftStart(shifts, now, zone) {
  const w = wallClock(now, zone);
  let since = null; // minutes since the latest start
  for (const raw of Array.isArray(shifts) ? shifts : []) {
    const [start, end] = String(raw).split(/[-–]/);
    const h = parseHours({ start, end });
    const ago = h && (w.hour * 60 + w.minute - h.start + 1440) % 1440;
    if (h && screenMode({ start, end }, w) === "on" && (since === null || ago < since)) since = ago;
  }
  return since === null ? null : now - (now % 60e3) - since * 60e3;
}
