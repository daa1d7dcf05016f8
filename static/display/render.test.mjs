import assert from "node:assert/strict";
import { test } from "node:test";

import { labels, sourceIcon, sourceLabel } from "./render.js";

test("every known source has its icon; anything else gets the speech bubble", () => {
  const cases = {
    google: "google",
    Foursquare: "foursquare",
    appstore: "appstore",
    app_store: "appstore",
    x: "x",
    twitter: "x",
    mastodon: "mastodon",
    survey: "survey",
    email: "email",
    webhook: "other",
    "our-blog": "other",
    "": "other",
    null: "other",
  };
  for (const [source, icon] of Object.entries(cases)) {
    assert.equal(sourceIcon(source === "null" ? null : source), icon, source);
  }
});

test("source names in Turkish and English; webhooks and imports have none", () => {
  assert.equal(sourceLabel("survey", "tr"), "Anket");
  assert.equal(sourceLabel("survey", "en"), "Survey");
  assert.equal(sourceLabel("appstore", "tr"), "App Store");
  assert.equal(sourceLabel("webhook", "en"), null);
  assert.equal(sourceLabel("our-blog", "en"), "our-blog");
});

test("the QR caption and stars read in both languages", () => {
  assert.equal(labels("tr").scan, "Orijinali için okutun");
  assert.equal(labels("en").scan, "Scan for the original");
  assert.equal(labels("en").stars(4), "4 out of 5 stars");
});
