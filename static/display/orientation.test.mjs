import assert from "node:assert/strict";
import { test } from "node:test";

import { frameBox, frameTurn } from "./orientation.js";

test("orientation: turn only when the channel and the window disagree", () => {
  assert.equal(frameTurn("auto", 1920, 1080), 0);
  assert.equal(frameTurn("auto", 1080, 1920), 0);
  assert.equal(frameTurn("portrait", 1080, 1920), 0);
  assert.equal(frameTurn("landscape", 1920, 1080), 0);
  assert.equal(frameTurn("portrait", 1920, 1080), -90);
  assert.equal(frameTurn("landscape", 1080, 1920), -90);
  assert.equal(frameTurn(undefined, 1920, 1080), 0);
});

test("a turned frame is laid out portrait and lands back on the screen", () => {
  assert.deepEqual(frameBox("auto", 1920, 1080), { turn: 0, portrait: false, width: 1920, height: 1080, transform: "" });
  assert.equal(frameBox("auto", 1080, 1920).portrait, true);
  const b = frameBox("portrait", 1920, 1080);
  assert.deepEqual([b.width, b.height, b.portrait], [1080, 1920, true]);
  assert.equal(b.transform, "translateY(1080px) rotate(-90deg)");
  // the frame's corners (x, y) → rotate −90° → (y, −x) → + (0, 1080): inside 1920 × 1080
  for (const [x, y] of [[0, 0], [1080, 0], [0, 1920], [1080, 1920]]) {
    const [sx, sy] = [y, -x + 1080];
    assert.ok(sx >= 0 && sx <= 1920 && sy >= 0 && sy <= 1080, `${x},${y} → ${sx},${sy}`);
  }
  const l = frameBox("landscape", 1080, 1920);
  assert.deepEqual([l.width, l.height, l.portrait], [1920, 1080, false]);
});
