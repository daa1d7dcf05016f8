// The widget's Socket.IO client against a scripted server (node --test).
import assert from "node:assert/strict";
import { afterEach, beforeEach, mock, test } from "node:test";

import { io } from "./socket.js";

class FakeWS {
  static made = [];
  constructor(url) {
    this.url = url;
    this.readyState = 1;
    this.sent = [];
    FakeWS.made.push(this);
  }
  send(text) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
    this.closed = true;
  }
  // the server's side
  say(text) {
    this.onmessage?.({ data: text });
  }
  hangUp() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const loc = { href: "https://kiosk.example/widget?channel=lobby" };
const OPEN = '0{"sid":"e1","upgrades":[],"pingInterval":10000,"pingTimeout":10000}';
const tick = () => new Promise((r) => setImmediate(r));

function connect(opts = {}) {
  const events = [];
  const socket = io("/live", { auth: { widget: "lobby" }, reconnectionDelay: 1000, reconnectionDelayMax: 3000, timeout: 5000, ...opts }, FakeWS, loc);
  for (const name of ["connect", "disconnect", "connect_error", "feed", "item_added"]) {
    socket.on(name, (arg) => events.push([name, arg]));
  }
  return { socket, events };
}

async function connected(opts) {
  const c = connect(opts);
  await tick();
  const ws = FakeWS.made.at(-1);
  ws.say(OPEN);
  ws.say('40/live,{"sid":"s1"}');
  return { ...c, ws };
}

beforeEach(() => {
  FakeWS.made = [];
  mock.timers.enable({ apis: ["setTimeout"] });
});
afterEach(() => mock.timers.reset());

test("handshake, namespace connect with auth, events and pings", async () => {
  const { socket, events, ws } = await connected();
  assert.equal(ws.url, "wss://kiosk.example/socket.io/?EIO=4&transport=websocket");
  assert.deepEqual(ws.sent, ['40/live,{"widget":"lobby"}']);
  assert.equal(socket.connected, true);
  ws.say('42/live,["feed",{"items":[{"id":1}]}]');
  ws.say('42/other,["feed",{"items":[]}]'); // another namespace
  ws.say('42/live,["connect",{}]'); // reserved names never come from the server
  ws.say("42/live,[broken"); // a bad packet is dropped, not thrown
  ws.say("2");
  assert.deepEqual(events, [["connect", undefined], ["feed", { items: [{ id: 1 }] }]]);
  assert.equal(ws.sent.at(-1), "3");
  socket.emit("heartbeat", { item: 1 });
  assert.equal(ws.sent.at(-1), '42/live,["heartbeat",{"item":1}]');
});

test("the path option serves a Kiosk below a prefix, http pages use ws:", async () => {
  io("/live", { path: "/kiosk/socket.io" }, FakeWS, { href: "http://intra:8000/kiosk/widget" });
  await tick();
  assert.equal(FakeWS.made[0].url, "ws://intra:8000/kiosk/socket.io/?EIO=4&transport=websocket");
});

test("a refusal stops retrying and says why", async () => {
  const { socket, events } = connect();
  await tick();
  FakeWS.made[0].say(OPEN);
  FakeWS.made[0].say('44/live,{"message":"unknown channel"}');
  assert.equal(socket.active, false);
  assert.equal(events[0][0], "connect_error");
  assert.equal(events[0][1].message, "unknown channel");
  mock.timers.tick(60e3);
  assert.equal(FakeWS.made.length, 1);
  socket.connect(); // the caller may try again later
  assert.equal(FakeWS.made.length, 2);
});

test("a lost connection reconnects within the maximum delay", async () => {
  const { socket, events, ws } = await connected();
  ws.hangUp();
  assert.equal(socket.connected, false);
  assert.deepEqual(events.at(-1), ["disconnect", "transport close"]);
  mock.timers.tick(3000);
  assert.equal(FakeWS.made.length, 2);
  const again = FakeWS.made[1];
  again.say(OPEN);
  again.say('40/live,{"sid":"s2"}');
  assert.equal(socket.connected, true);
  assert.deepEqual(events.at(-1), ["connect", undefined]);
});

test("a server that stops pinging is a dead link", async () => {
  const { events } = await connected();
  mock.timers.tick(19e3);
  FakeWS.made[0].say("2"); // still alive
  mock.timers.tick(19e3);
  assert.equal(events.at(-1)[0], "connect");
  mock.timers.tick(2e3);
  assert.deepEqual(events.at(-1), ["disconnect", "ping timeout"]);
  assert.equal(FakeWS.made[0].closed, true);
  mock.timers.tick(3000);
  assert.equal(FakeWS.made.length, 2);
});

test("an attempt that hangs times out and is retried; failures keep retrying", async () => {
  const { events } = connect();
  await tick();
  mock.timers.tick(5000);
  assert.equal(events[0][0], "connect_error");
  assert.equal(events[0][1].message, "timeout");
  mock.timers.tick(3000);
  assert.equal(FakeWS.made.length, 2);
  FakeWS.made[1].hangUp(); // refused at the network: not connected yet
  assert.equal(events.at(-1)[0], "connect_error");
  mock.timers.tick(3000);
  assert.equal(FakeWS.made.length, 3);
});

test("a server-side disconnect is final until connect() is called", async () => {
  const { socket, events, ws } = await connected();
  ws.say("41/live,");
  assert.deepEqual(events.at(-1), ["disconnect", "io server disconnect"]);
  assert.equal(socket.active, false);
  mock.timers.tick(60e3);
  assert.equal(FakeWS.made.length, 1);
  socket.connect();
  assert.equal(FakeWS.made.length, 2);
});

test("close() says goodbye and never reconnects", async () => {
  const { socket, events, ws } = await connected();
  socket.close();
  assert.equal(ws.sent.at(-1), "41/live,");
  assert.deepEqual(events.at(-1), ["disconnect", "io client disconnect"]);
  mock.timers.tick(60e3);
  assert.equal(FakeWS.made.length, 1);
});
