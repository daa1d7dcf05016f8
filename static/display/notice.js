// The announcement slide: an admin's message on its own slide, as large as
// it fits (the same floor as a quote). Text only through textContent.

import { el, fitText, labels, setText } from "./render.js";

/** Build the announcement slide's skeleton once into `root`. */
export function createNoticeSlide(root) {
  root.replaceChildren();
  const body = el("div", "slide__body", root);
  const content = el("div", "slide__content", body);
  const kicker = el("p", "slide__kicker", content);
  const badge = el("span", "badge", kicker);
  const text = el("p", "notice__text", content);
  return { root, body, content, badge, text, note: null, item: null };
}

/** Fill the slide with announcement `note` ({text}); ctx = {lang, view}. */
export function renderNotice(slide, note, ctx) {
  slide.note = note;
  setText(slide.badge, labels(ctx.lang).announcement);
  slide.text.lang = ctx.lang;
  fitText(slide, note.text, (s) => (slide.text.textContent = s), ctx.view, 100 / 1080);
}
