// Keeps a months-long page alive without ever landing on a browser error:
// a reload happens only after the server's /healthz answers 200 and the page
// itself answers 200 (FullPageOS's safe_refresh).

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** fetch with a time limit; resolves to a Response or null. */
async function probe(fetchFn, url, init, limitMs) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), limitMs);
  try {
    return await fetchFn(url, { cache: "no-store", credentials: "same-origin", ...init, signal: ctl.signal });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `healthy()` → /healthz answered 200. `reload(reason, attempts)` reloads the
 * page once the server and the page both answer 200, trying `attempts` times
 * a few seconds apart; resolves true if it reloaded.
 */
export function createReloader({ base = "", fetchFn = globalThis.fetch, location = globalThis.location, spacingMs = 3 * SECOND } = {}) {
  let busy = false;
  const healthUrl = `${base}/healthz`;

  async function healthy() {
    const res = await probe(fetchFn, healthUrl, {}, 4 * SECOND);
    return !!res && res.status === 200;
  }

  async function pageAnswers() {
    // A redirect (say, to a sign-in page) or a 404 for a revoked token is not
    // a page worth reloading into.
    const res = await probe(fetchFn, location.href, { redirect: "manual" }, 8 * SECOND);
    return !!res && res.status === 200;
  }

  async function reload(reason, attempts = 1) {
    if (busy) return false;
    busy = true;
    try {
      for (let i = 0; i < attempts; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, spacingMs));
        if ((await healthy()) && (await pageAnswers())) {
          console.info(`kiosk: reloading (${reason})`);
          location.reload();
          return true;
        }
      }
      return false;
    } finally {
      busy = false;
    }
  }

  return { healthy, reload };
}

/**
 * Watches the rotation heartbeat and the socket. Reloads (safely) when the
 * rotation stalls, when /healthz is back but the socket stays down, and once
 * a night while all is well.
 * - `isConnected()` → socket state; `stallMs()` → how long without a beat is a stall
 * - `hour()` → the hour of day in the company's zone
 */
export function createWatchdog({ reloader, isConnected, stallMs, hour, now = () => Date.now() }) {
  const startedAt = now();
  let lastBeat = startedAt;
  let downSince = isConnected() ? null : startedAt;
  let healthySince = null;
  let nextProbe = 0;
  let nextTry = 0;
  let running = false;
  let timer = null;

  async function check() {
    const t = now();
    if (t < nextTry) return;
    if (t - lastBeat > stallMs()) {
      nextTry = t + MINUTE;
      await reloader.reload("stall");
      return;
    }
    if (isConnected()) {
      downSince = null;
      healthySince = null;
      const h = hour();
      if (h >= 3 && h < 5 && t - startedAt > 3 * 60 * MINUTE) {
        nextTry = t + 10 * MINUTE;
        await reloader.reload("night");
      }
      return;
    }
    if (downSince === null) downSince = t;
    if (t - downSince < 15 * SECOND || t < nextProbe) return;
    nextProbe = t + 10 * SECOND;
    if (!(await reloader.healthy())) {
      healthySince = null;
      return;
    }
    if (healthySince === null) healthySince = t;
    // The socket.io client retries every ≤ 3 s: 15 s of a healthy server and
    // no socket means it is stuck.
    if (t - healthySince >= 15 * SECOND && !isConnected()) {
      // A refused page (revoked token) is not retried for a while.
      nextTry = t + ((await reloader.reload("socket stuck")) ? MINUTE : 5 * MINUTE);
    }
  }

  async function tick() {
    if (running) return;
    running = true;
    try {
      await check();
    } finally {
      running = false;
    }
  }

  return {
    tick,
    /** The rotation is alive. */
    beat() {
      lastBeat = now();
    },
    /** The socket went up or down. */
    connection(up) {
      if (up) {
        downSince = null;
        healthySince = null;
      } else if (downSince === null) {
        downSince = now();
      }
    },
    start(everyMs = 5 * SECOND) {
      if (timer === null) timer = setInterval(tick, everyMs);
    },
    stop() {
      clearInterval(timer);
      timer = null;
    },
  };
}
