import assert from "node:assert/strict";
import { test } from "node:test";

import { parseHours, screenMode, shiftStart } from "./hours.js";
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

// --- shifts ---------------------------------------------------------------------------

const IST = 180; // Europe/Istanbul, UTC+3
const istanbul = (h, m = 0, day = 24) => Date.UTC(2026, 10, day, h - 3, m, 17); // 17 s past the minute

test("the current shift's start, in the company's zone", () => {
  const shifts = ["07:00-15:00", "15:00-23:00"];
  assert.equal(shiftStart(shifts, istanbul(9, 30), IST), istanbul(7, 0) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(15, 0), IST), istanbul(15, 0) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(22, 59), IST), istanbul(15, 0) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(23, 30), IST), null, "between shifts");
  assert.equal(shiftStart([], istanbul(9), IST), null);
  assert.equal(shiftStart(undefined, istanbul(9), IST), null);
});

test("a night shift runs past midnight: after midnight it began yesterday", () => {
  const shifts = ["07:00-15:00", "15:00-23:00", "23:00-07:00"];
  assert.equal(shiftStart(shifts, istanbul(2, 10, 25), IST), istanbul(23, 0, 24) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(23, 10), IST), istanbul(23, 0) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(6, 59, 25), IST), istanbul(23, 0, 24) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(7, 0, 25), IST), istanbul(7, 0, 25) - 17e3);
});

test("overlapping shifts: the one that began last counts; junk is skipped", () => {
  const shifts = ["07:00-16:00", "14:00-22:00", "bad", "10:00-10:00", "25:00-26:00"];
  assert.equal(shiftStart(shifts, istanbul(15), IST), istanbul(14) - 17e3);
  assert.equal(shiftStart(shifts, istanbul(13), IST), istanbul(7) - 17e3);
  assert.equal(shiftStart(["7:00 – 15:00"], istanbul(8), IST), istanbul(7) - 17e3);
});

test("another zone: the same wall clock, other instants", () => {
  const utc = Date.UTC(2026, 10, 24, 9, 30);
  assert.equal(shiftStart(["07:00-15:00"], utc, 0), Date.UTC(2026, 10, 24, 7, 0));
  assert.equal(shiftStart(["07:00-15:00"], utc, 180), Date.UTC(2026, 10, 24, 4, 0)); // 12:30 there
  assert.equal(shiftStart(["07:00-09:00"], utc, 180), null);
});
