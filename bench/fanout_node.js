// Reference Node socket.io 4.8.x fan-out server, the twin of bench/fanout_server.py.
//   cd bench && npm install --no-save socket.io@4.8.4   (lands in bench/node_modules, git-ignored)
//   node bench/fanout_node.js PORT [HOST]
// Namespace "/live": auth {"widget": "bench"} joins room "bench"; POST /emit?seq=N emits
// `item_added` {"id": N, "sent": <server wall-clock time in ns>} to the room.
// For bench/fanout_kiosk.py: BENCH_ROOM=default names the widget channel to accept, any
// {"screen": "<token>"} is accepted too (a display's `heartbeat` is ignored), and a JSON
// body {"event": payload, ...} to /emit is sent as those events instead, each with
// "sent" added, so the reference carries the same bytes per client as Kiosk does.
// BENCH_REDIS=redis://host:port: several such processes share rooms through
// @socket.io/redis-adapter (npm install --no-save @socket.io/redis-adapter@8 redis@4).
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || process.env.PORT || 5000);
const host = process.argv[3] || "127.0.0.1";
const ROOM = process.env.BENCH_ROOM || "bench";

// wall-clock nanoseconds (same clock as Python's time.time_ns(), sub-µs precision lost)
const nowNs = () => Math.round((performance.timeOrigin + performance.now()) * 1e6);

const httpServer = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (req.method === "POST" && url.pathname === "/emit") {
    const seq = Number(url.searchParams.get("seq") || 0);
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : null;
      if (body) {
        for (const [event, payload] of Object.entries(body)) {
          live.to(ROOM).emit(event, { ...payload, id: seq, sent: nowNs() });
        }
      } else {
        live.to(ROOM).emit("item_added", { id: seq, sent: nowNs() });
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, id: seq }));
    });
  } else if (url.pathname === "/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, async_mode: "node", pid: process.pid }));
  } else if (!url.pathname.startsWith("/socket.io/")) {
    res.writeHead(404);
    res.end();
  }
});

const io = new Server(httpServer, { serveClient: false });
const live = io.of("/live");
live.use((socket, next) => {
  const auth = socket.handshake.auth || {};
  if (auth.widget !== ROOM && typeof auth.screen !== "string") {
    return next(new Error("unknown channel"));
  }
  next();
});
live.on("connection", (socket) => {
  socket.join(ROOM);
  socket.on("heartbeat", () => {});
});

async function main() {
  if (process.env.BENCH_REDIS) {
    const { createClient } = require("redis");
    const { createAdapter } = require("@socket.io/redis-adapter");
    const pub = createClient({ url: process.env.BENCH_REDIS });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  httpServer.listen(port, host, () => console.log(`listening on http://${host}:${port}`));
}
main();
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => { io.close(); process.exit(0); });
}
