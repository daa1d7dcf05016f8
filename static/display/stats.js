// Pure helpers for the weekly-stats slide: a clean copy of the server's
// numbers, the change from last week in words, the sparkline's geometry.
// No DOM here, so Node tests it.

export const STATS_LABELS = {
  tr: {
    title: "Bu hafta",
    unit: "övgü",
    more: (n) => `Geçen haftanın bu saatinden ${n} fazla`,
    fewer: (n) => `Geçen haftanın bu saatinden ${n} az`,
    same: "Geçen haftanın bu saatiyle aynı",
    weeks: (n) => `Son ${n} hafta`,
    themes: "En çok sevilen",
    staff: "En çok teşekkür alan",
    branches: "Şubeler",
    resolved: "Çözülen şikâyet",
  },
  en: {
    title: "This week",
    unit: "praise",
    more: (n) => `${n} more than this time last week`,
    fewer: (n) => `${n} fewer than this time last week`,
    same: "Same as this time last week",
    weeks: (n) => `Last ${n} weeks`,
    themes: "Loved most",
    staff: "Thanked most",
    branches: "Branches",
    resolved: "Complaints resolved",
  },
};

const MAX_WEEKS = 26;

function count(v) {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

function str(v) {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** Up to three {name, count} from a list of objects, the name read from `keys` in turn. */
function top(list, keys) {
  const out = [];
  for (const e of Array.isArray(list) ? list : []) {
    if (!e || typeof e !== "object") continue;
    const name = keys.map((k) => str(e[k])).find(Boolean);
    if (name && out.length < 3) out.push({ name, count: count(e.count) });
  }
  return out;
}

/** A clean copy of a `stats` payload with only what the slide uses, or null. */
export function cleanStats(raw) {
  if (!raw || typeof raw !== "object" || raw.praise == null) return null;
  const praise = count(raw.praise);
  const last = count(raw.praise_last_week_same_time);
  const change = Number.isFinite(Number(raw.change)) && raw.change !== null ? Math.round(Number(raw.change)) : praise - last;
  const series = (Array.isArray(raw.series) ? raw.series : []).slice(-MAX_WEEKS).map(count);
  const resolved = raw.complaints_resolved == null ? null : count(raw.complaints_resolved);
  return {
    week_start: /^\d{4}-\d\d-\d\d$/.test(String(raw.week_start)) ? String(raw.week_start) : null,
    praise,
    last,
    change,
    series,
    themes: top(raw.top_themes, ["label", "theme"]),
    staff: top(raw.top_staff, ["name"]),
    branches: top(raw.top_branches, ["branch", "name"]),
    resolved,
  };
}

/** True when a stats slide has something to say (not a blank first week). */
export function hasStats(stats) {
  return !!stats && (stats.praise > 0 || stats.series.some((n) => n > 0));
}

/** {trend: "up"|"down"|"same", delta: "↑ 6", words: "6 more than this time last week"}. */
export function changeText(stats, lang) {
  const l = STATS_LABELS[lang] || STATS_LABELS.en;
  const n = stats.change;
  if (n > 0) return { trend: "up", delta: `↑ ${n}`, words: l.more(n) };
  if (n < 0) return { trend: "down", delta: `↓ ${-n}`, words: l.fewer(-n) };
  return { trend: "same", delta: "=", words: l.same };
}

/**
 * Sparkline geometry inside a `width` × `height` box, `pad` kept free at every
 * edge: {points: [[x, y], …], line: "x,y x,y …", area: "M… Z"} (area closes
 * along the bottom). Zero sits on the bottom, the week with most praise on top.
 */
export function sparkline(series, width, height, pad = 0) {
  const values = Array.isArray(series) ? series.map(count) : [];
  if (values.length === 0 || !(width > 2 * pad) || !(height > 2 * pad)) return { points: [], line: "", area: "" };
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (v) => Math.round(v * 10) / 10;
  const points = values.map((v, i) => [
    round(values.length > 1 ? pad + i * step : width / 2),
    round(height - pad - (v / top) * (height - 2 * pad)),
  ]);
  const line = points.map(([x, y]) => `${x},${y}`).join(" ");
  const base = round(height - pad);
  const area = `M${points[0][0]},${base} L${line.replace(/ /g, " L")} L${points[points.length - 1][0]},${base} Z`;
  return { points, line, area };
}
