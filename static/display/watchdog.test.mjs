import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore } from "./store.js";
import { createReloader, createWatchdog } from "./watchdog.js";

function fakeServer({ health = 200, page = 200 } = {}) {
  const calls = [];
  const state = { health, page, reloads: 0 };
  const fetchFn = async (url, init) => {
    calls.push([url, init.redirect || "follow"]);
    if (state[url.endsWith("/healthz") ? "health" : "page"] === "down") throw new TypeError("Failed to fetch");
    return { status: url.endsWith("/healthz") ? state.health : state.page };
  };
  const location = { href: "http://kiosk/display/tok", reload: () => (state.reloads += 1) };
  return { state, calls, reloader: createReloader({ base: "", fetchFn, location, spacingMs: 1 }) };
}

test("reload happens only when /healthz and the page answer 200", async () => {
  const s = fakeServer({ health: 503 });
  assert.equal(await s.reloader.reload("test", 3), false);
  assert.equal(s.state.reloads, 0);
  s.state.health = "down";
  assert.equal(await s.reloader.reload("test"), false);
  s.state.health = 200;
  s.state.page = 404; // a revoked screen token: stay on the last feed
  assert.equal(await s.reloader.reload("test"), false);
  s.state.page = 200;
  assert.equal(await s.reloader.reload("test"), true);
  assert.equal(s.state.reloads, 1);
  assert.ok(s.calls.some(([url, redirect]) => url === "http://kiosk/display/tok" && redirect === "manual"));
  assert.ok(s.calls.some(([url]) => url === "/healthz"));
});

function harness({ connected = false, hour = 12 } = {}) {
  const s = fakeServer();
  const clock = { t: 1_000_000, connected, hour };
  const dog = createWatchdog({
    reloader: s.reloader,
    isConnected: () => clock.connected,
    stallMs: () => 60e3,
    hour: () => clock.hour,
    now: () => clock.t,
  });
  const at = async (seconds) => {
    clock.t += seconds * 1000;
    await dog.tick();
  };
  return { s, clock, dog, at };
}

test("socket down, server healthy again, socket stuck: reload", async () => {
  const { s, dog, at } = harness();
  dog.connection(false);
  s.state.health = "down";
  for (let i = 0; i < 10; i++) {
    dog.beat();
    await at(5);
  }
  assert.equal(s.state.reloads, 0, "no reload while the server is away");
  s.state.health = 200;
  for (let i = 0; i < 8; i++) {
    dog.beat();
    await at(5);
  }
  assert.equal(s.state.reloads, 1);
});

test("socket reconnects on its own: no reload", async () => {
  const { s, clock, dog, at } = harness();
  dog.connection(false);
  for (let i = 0; i < 3; i++) {
    dog.beat();
    await at(5);
  }
  clock.connected = true;
  dog.connection(true);
  for (let i = 0; i < 20; i++) {
    dog.beat();
    await at(5);
  }
  assert.equal(s.state.reloads, 0);
});

test("a stalled rotation reloads, but only when the server answers", async () => {
  const { s, clock, at } = harness({ connected: true });
  s.state.health = 500;
  await at(61);
  assert.equal(s.state.reloads, 0);
  s.state.health = 200;
  await at(61);
  assert.equal(s.state.reloads, 1);
  assert.ok(clock.connected);
});

test("one soft reload at night after hours of uptime", async () => {
  const { s, clock, dog, at } = harness({ connected: true, hour: 3 });
  dog.beat();
  await at(5);
  assert.equal(s.state.reloads, 0, "not right after a (re)load");
  clock.t += 4 * 3600e3;
  dog.beat();
  await at(5);
  assert.equal(s.state.reloads, 1);
});

test("the store keeps one versioned copy per screen", () => {
  const data = new Map([["kiosk.display.v0.old", "x"], ["other", "y"]]);
  const storage = {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
  const store = createStore("tok", storage);
  assert.equal(store.load(), null);
  store.save({ items: [{ id: 1, text: "hi" }], offset: 5 });
  assert.deepEqual([...data.keys()].sort(), ["kiosk.display.v1.tok", "other"]);
  assert.equal(store.load().items[0].text, "hi");
  data.set("kiosk.display.v1.tok", "{not json");
  assert.equal(store.load(), null);
});
