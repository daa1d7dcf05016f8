// The live connection (docs/live-protocol.md): namespace /live, auth by
// screen token. The server sends the whole `feed` on every connect, so after
// an outage there is nothing to replay; we only keep retrying quickly.

const VERSION_RELOAD_KEY = "kiosk.display.versionReloadAt";
const VERSION_RELOAD_GAP = 10 * 60e3; // never loop if versions keep differing

function idOf(payload) {
  return payload && (typeof payload.id === "number" || typeof payload.id === "string") ? payload.id : null;
}

/**
 * Connect and call `on.status(up)`, `on.feed(payload)`, `on.upsert(item)`,
 * `on.remove(id)`, `on.announcement(payload)`, `on.stats(payload)`. Returns {isConnected, isRefused,
 * heartbeat, close}.
 */
export function connectLive({ io, base = "", token, widget, version, reloader, on }) {
  const options = {
    // A screen shows its token; an admin's preview follows a channel like a widget.
    auth: token ? { screen: token, client: version } : { widget, client: version },
    transports: ["websocket"],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 3000,
    timeout: 5000, // a half-open network must not hold one attempt for 20 s
  };
  if (base) options.path = `${base}/socket.io`;
  const socket = io("/live", options);
  let retry = null;
  let refused = false; // the server said this token is unknown

  // Socket.IO gives up after a refusal (connect_error with the socket no
  // longer active) or a server-side disconnect; try again ourselves.
  function retryLater(ms) {
    if (retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      if (!socket.connected) socket.connect();
    }, ms);
  }

  function versionReload() {
    let last = 0;
    try {
      last = Number(sessionStorage.getItem(VERSION_RELOAD_KEY)) || 0;
    } catch {
      /* no sessionStorage: the gap is not enforced across reloads */
    }
    if (Date.now() - last < VERSION_RELOAD_GAP) return;
    try {
      sessionStorage.setItem(VERSION_RELOAD_KEY, String(Date.now()));
    } catch {
      /* ignore */
    }
    reloader.reload("new server version", 40);
  }

  socket.on("connect", () => {
    clearTimeout(retry);
    retry = null;
    refused = false;
    on.status(true);
  });
  socket.on("disconnect", (reason) => {
    on.status(false);
    if (reason === "io server disconnect") retryLater(3000);
  });
  socket.on("connect_error", (err) => {
    on.status(false);
    if (!socket.active) {
      const unknown = /unknown/i.test(String(err && err.message));
      refused = unknown;
      if (unknown) console.warn("kiosk: this screen's token was refused; keeping the last feed");
      retryLater(unknown ? 60e3 : 3000);
    }
  });

  socket.on("feed", (payload) => {
    if (!payload || typeof payload !== "object" || !Array.isArray(payload.items)) return;
    on.feed(payload);
    if (payload.version && version && String(payload.version) !== String(version)) versionReload();
  });
  const upsert = (payload) => {
    const item = payload && payload.item;
    if (item && typeof item === "object") on.upsert(item.id == null ? { ...item, id: idOf(payload) } : item);
  };
  socket.on("item_added", upsert);
  socket.on("item_updated", upsert);
  socket.on("item_removed", (payload) => {
    const id = idOf(payload);
    if (id !== null) on.remove(id);
  });
  socket.on("announcement", (payload) => {
    if (payload && typeof payload === "object") on.announcement(payload);
  });
  socket.on("stats", (payload) => {
    if (payload && typeof payload === "object" && on.stats) on.stats(payload);
  });
  socket.on("reload", () => {
    // Spread the screens' reloads over a few seconds.
    setTimeout(() => reloader.reload("server asked", 40), Math.random() * 4000);
  });

  return {
    isConnected: () => socket.connected,
    /** Tell the server we are alive and what we show (the console's screen health). */
    heartbeat(data) {
      if (socket.connected) socket.emit("heartbeat", data);
    },
    /** Refused by the server: a reload would not help. */
    isRefused: () => refused,
    close() {
      clearTimeout(retry);
      socket.close();
    },
  };
}
