// Reference Node socket.io 4.8.x fan-out server, the twin of bench/fanout_server.py.
//   cd bench && npm install --no-save socket.io@4.8.4   (lands in bench/node_modules, git-ignored)
//   node bench/fanout_node.js PORT [HOST]
// Namespace "/live": auth {"widget": "bench"} joins room "bench"; POST /emit?seq=N emits
// `item_added` {"id": N, "sent": <server wall-clock time in ns>} to the room.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || process.env.PORT || 5000);
const host = process.argv[3] || "127.0.0.1";
const ROOM = "bench";

// wall-clock nanoseconds (same clock as Python's time.time_ns(), sub-µs precision lost)
const nowNs = () => Math.round((performance.timeOrigin + performance.now()) * 1e6);

const httpServer = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (req.method === "POST" && url.pathname === "/emit") {
    const seq = Number(url.searchParams.get("seq") || 0);
    live.to(ROOM).emit("item_added", { id: seq, sent: nowNs() });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, id: seq }));
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
  if (auth.widget !== ROOM) return next(new Error("unknown channel"));
  next();
});
live.on("connection", (socket) => socket.join(ROOM));

httpServer.listen(port, host, () => console.log(`listening on http://${host}:${port}`));
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => { io.close(); process.exit(0); });
}
