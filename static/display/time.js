// Pure time helpers: the server's clock and zone, "3 hours ago", the clock line.

const MIN = 60e3;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const UNITS = {
  tr: { now: "az önce", yesterday: "dün", minute: "dakika", hour: "saat", day: "gün", week: "hafta", month: "ay", year: "yıl" },
  en: { now: "just now", yesterday: "yesterday", minute: "minute", hour: "hour", day: "day", week: "week", month: "month", year: "year" },
};
const DAYS = {
  tr: ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const MONTHS = {
  tr: ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** UTC offset in minutes written at the end of an ISO time ("+03:00" → 180), or null. */
export function zoneOffset(iso) {
  const m = /([+-])(\d\d):?(\d\d)$|Z$/.exec(String(iso ?? "").trim());
  if (!m) return null;
  if (!m[1]) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** How far the server's clock is ahead of ours (ms), from a feed's server_time. */
export function clockOffset(serverTime, receivedAt) {
  const t = Date.parse(serverTime);
  return Number.isFinite(t) ? t - receivedAt : 0;
}

/** "3 saat önce" / "3 hours ago" for an ISO time, `now` being server time (ms). */
export function relativeTime(iso, now, lang) {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  const u = UNITS[lang] || UNITS.en;
  const d = Math.max(0, now - t);
  let n;
  let unit;
  if (d < MIN) return u.now;
  if (d < HOUR) [n, unit] = [Math.floor(d / MIN), "minute"];
  else if (d < DAY) [n, unit] = [Math.floor(d / HOUR), "hour"];
  else if (d < 2 * DAY) return u.yesterday;
  else if (d < 7 * DAY) [n, unit] = [Math.floor(d / DAY), "day"];
  else if (d < 30 * DAY) [n, unit] = [Math.floor(d / (7 * DAY)), "week"];
  else if (d < 365 * DAY) [n, unit] = [Math.floor(d / (30 * DAY)), "month"];
  else [n, unit] = [Math.floor(d / (365 * DAY)), "year"];
  if (lang === "tr") return `${n} ${u[unit]} önce`;
  return `${n} ${u[unit]}${n === 1 ? "" : "s"} ago`;
}

/**
 * Wall-clock fields in the company's zone: `now` is server time in ms, `zone`
 * the server's UTC offset in minutes (null: the device's own zone).
 */
export function wallClock(now, zone) {
  const d = zone == null ? new Date(now) : new Date(now + zone * MIN);
  const utc = zone != null;
  return {
    hour: utc ? d.getUTCHours() : d.getHours(),
    minute: utc ? d.getUTCMinutes() : d.getMinutes(),
    day: utc ? d.getUTCDay() : d.getDay(),
    date: utc ? d.getUTCDate() : d.getDate(),
    month: utc ? d.getUTCMonth() : d.getMonth(),
  };
}

/** {time: "14:05", date: "24 Kasım Pazartesi" / "Monday 24 November"}. */
export function clockText(now, zone, lang) {
  const w = wallClock(now, zone);
  const l = lang === "tr" ? "tr" : "en";
  const time = `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
  const date =
    l === "tr"
      ? `${w.date} ${MONTHS.tr[w.month]} ${DAYS.tr[w.day]}`
      : `${DAYS.en[w.day]} ${w.date} ${MONTHS.en[w.month]}`;
  return { time, date };
}

/** The days of the week starting on `weekStart` ("2026-11-23"): "23–29 Kasım" / "23–29 November". */
export function weekRange(weekStart, lang) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(String(weekStart ?? ""));
  if (!m) return "";
  const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(from.getTime())) return "";
  const to = new Date(from.getTime() + 6 * DAY);
  const months = MONTHS[lang] || MONTHS.en;
  const [d1, m1, d2, m2] = [from.getUTCDate(), from.getUTCMonth(), to.getUTCDate(), to.getUTCMonth()];
  return m1 === m2 ? `${d1}–${d2} ${months[m2]}` : `${d1} ${months[m1]} – ${d2} ${months[m2]}`;
}
