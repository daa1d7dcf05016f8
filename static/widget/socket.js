// A small Socket.IO 4 client for the widget: Engine.IO 4 over a WebSocket
// only (the wall's live.js asks for transports: ["websocket"] anyway), one
// namespace, JSON events, no acks, no binary. It offers what live.js uses of
// socket.io-client — io(namespace, options) → {on, emit, connect, close,
// connected, active} — at a tenth of the vendored bundle's weight: the widget
// must stay under 40 KB compressed (DESIGN.md), the bundle alone is 15 KB.
//
// Wire format (socket.io.dev/docs/v4/engine-io-protocol, socket-io-protocol):
// the server opens with "0{sid, pingInterval, pingTimeout}", pings with "2",
// we answer "3". Socket.IO packets ride in Engine.IO messages ("4"):
// "40/live,{auth}" connect → "40/live,{sid}" or refusal "44/live,{message}";
// events "42/live,[name, data]"; "41/live," the server disconnected us.

const RESERVED = new Set(["connect", "connect_error", "disconnect"]);

/**
 * Connect to `nsp` on this page's origin. Options as socket.io-client's:
 * auth, path (default "/socket.io"), reconnectionDelay, reconnectionDelayMax,
 * timeout (one attempt, open to namespace connected). `WS` and `loc` are for tests.
 */
export function io(nsp, opts = {}, WS = globalThis.WebSocket, loc = globalThis.location) {
  const handlers = new Map();
  const prefix = nsp && nsp !== "/" ? `${nsp},` : "";
  const minDelay = opts.reconnectionDelay ?? 1000;
  const maxDelay = opts.reconnectionDelayMax ?? 5000;
  const timeoutMs = opts.timeout ?? 20000;
  let ws = null;
  let attempts = 0;
  let retryTimer = null;
  let openTimer = null;
  let pingTimer = null;
  let pingWindow = 60e3;

  const fire = (event, ...args) => {
    for (const fn of handlers.get(event) || []) fn(...args);
  };
  const send = (text) => {
    if (ws && ws.readyState === 1) ws.send(text);
  };

  function url() {
    const u = new URL(`${(opts.path || "/socket.io").replace(/\/$/, "")}/`, loc.href);
    u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
    u.search = "EIO=4&transport=websocket";
    return u.href;
  }

  /** Close the transport; a connected socket reports `reason` as a disconnect. */
  function drop(reason) {
    clearTimeout(openTimer);
    clearTimeout(pingTimer);
    if (ws) {
      const old = ws;
      ws = null;
      old.onmessage = old.onclose = old.onerror = null;
      try {
        old.close();
      } catch {
        /* already closed */
      }
    }
    if (socket.connected) {
      socket.connected = false;
      if (reason) fire("disconnect", reason);
    }
  }

  /** Next attempt after a growing, jittered delay (socket.io's own backoff). */
  function retry() {
    if (!socket.active || retryTimer !== null) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** attempts++) * (0.5 + Math.random());
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (socket.active && !ws) open();
    }, Math.min(maxDelay, delay));
  }

  function fail(err) {
    drop(null);
    fire("connect_error", err);
    retry();
  }

  function lost(reason) {
    if (!socket.connected) return fail(new Error(reason));
    drop(reason);
    retry();
  }

  /** The server pings every pingInterval; silence for longer means a dead link. */
  function heartbeat() {
    clearTimeout(pingTimer);
    pingTimer = setTimeout(() => lost("ping timeout"), pingWindow);
  }

  function onPacket(p) {
    let rest = p.slice(1);
    if (prefix) {
      if (!rest.startsWith(prefix)) return; // another namespace's
      rest = rest.slice(prefix.length);
    }
    const data = rest ? JSON.parse(rest.replace(/^\d+/, "")) : undefined; // drop an ack id
    switch (p[0]) {
      case "0":
        clearTimeout(openTimer);
        attempts = 0;
        socket.connected = true;
        fire("connect");
        break;
      case "2":
        if (Array.isArray(data) && typeof data[0] === "string" && !RESERVED.has(data[0])) fire(...data);
        break;
      case "4": {
        socket.active = false; // refused: retrying will not help; the caller decides
        const err = new Error((data && data.message) || "refused");
        err.data = data;
        drop(null);
        fire("connect_error", err);
        break;
      }
      case "1":
        socket.active = false;
        drop("io server disconnect");
        break;
    }
  }

  function onMessage(text) {
    switch (text[0]) {
      case "0": {
        const info = JSON.parse(text.slice(1));
        pingWindow = (Number(info.pingInterval) || 25e3) + (Number(info.pingTimeout) || 20e3);
        heartbeat();
        send(`40${prefix}${opts.auth ? JSON.stringify(opts.auth) : ""}`);
        break;
      }
      case "2":
        heartbeat();
        send("3");
        break;
      case "1":
        lost("transport close");
        break;
      case "4":
        onPacket(text.slice(1));
        break;
    }
  }

  function open() {
    if (ws) return;
    let sock;
    try {
      sock = new WS(url());
    } catch (err) {
      return fail(err);
    }
    ws = sock;
    openTimer = setTimeout(() => fail(new Error("timeout")), timeoutMs);
    sock.onmessage = (e) => {
      if (ws !== sock) return;
      try {
        onMessage(String(e.data));
      } catch (err) {
        console.warn("kiosk widget: bad packet", err);
      }
    };
    sock.onclose = () => ws === sock && lost("transport close");
    sock.onerror = () => {}; // a close event follows
  }

  const socket = {
    connected: false,
    active: true, // reconnects by itself until refused, disconnected by the server, or closed
    on(event, fn) {
      if (!handlers.has(event)) handlers.set(event, []);
      handlers.get(event).push(fn);
      return socket;
    },
    emit(event, data) {
      if (socket.connected) send(`42${prefix}${JSON.stringify([event, data])}`);
      return socket;
    },
    connect() {
      socket.active = true;
      clearTimeout(retryTimer);
      retryTimer = null;
      if (!socket.connected) open();
      return socket;
    },
    close() {
      socket.active = false;
      clearTimeout(retryTimer);
      retryTimer = null;
      if (socket.connected) send(`41${prefix}`);
      drop("io client disconnect");
      return socket;
    },
  };
  socket.disconnect = socket.close;
  queueMicrotask(() => socket.active && open()); // after the caller's handlers are on
  return socket;
}
