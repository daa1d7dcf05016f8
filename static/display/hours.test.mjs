import assert from "node:assert/strict";
import { test } from "node:test";

import { parseHours, screenMode } from "./hours.js";
import { wallClock } from "./time.js";

const at = (hour, minute = 0) => ({ hour, minute });

test("no display hours (or junk) means always on", () => {
  for (const h of [undefined, null, {}, { start: "7", end: "23:00" }, { start: "07:00", end: "07:00" }, "x"]) {
    assert.equal(parseHours(h), null, JSON.stringify(h));
    assert.equal(screenMode(h, at(3)), "on");
  }
});

test("inside the hours the screen is on, outside it dims or goes blank", () => {
  const day = { start: "07:00", end: "23:00", outside: "dim" };
  assert.equal(screenMode(day, at(6, 59)), "dim");
  assert.equal(screenMode(day, at(7, 0)), "on");
  assert.equal(screenMode(day, at(22, 59)), "on");
  assert.equal(screenMode(day, at(23, 0)), "dim");
  assert.equal(screenMode({ ...day, outside: "blank" }, at(2)), "blank");
  assert.equal(screenMode({ ...day, outside: "nonsense" }, at(2)), "dim", "unknown: the gentler dim");
});

test("hours may run past midnight", () => {
  const night = { start: "18:00", end: "02:30", outside: "blank" };
  assert.equal(screenMode(night, at(17, 59)), "blank");
  assert.equal(screenMode(night, at(23, 0)), "on");
  assert.equal(screenMode(night, at(2, 29)), "on");
  assert.equal(screenMode(night, at(2, 30)), "blank");
  assert.equal(screenMode(night, at(12)), "blank");
});

test("the company's clock decides, not the device's", () => {
  const hours = { start: "07:00", end: "23:00", outside: "blank" };
  const now = Date.parse("2026-11-24T03:30:00Z"); // 06:30 in Istanbul
  assert.equal(screenMode(hours, wallClock(now, 180)), "blank");
  assert.equal(screenMode(hours, wallClock(now + 3600e3, 180)), "on");
});
