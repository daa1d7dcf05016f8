// The weekly-stats slide, built once into its own element and refilled:
// this week's praise in one big number, the change from last week, a
// 14-week sparkline (SVG through createElementNS), and the top themes,
// staff and branches. Text only through textContent.

import { el, setText } from "./render.js";
import { changeText, sparkline, STATS_LABELS } from "./stats.js";
import { weekRange } from "./time.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, cls, parent) {
  const e = document.createElementNS(SVG, tag);
  if (cls) e.setAttribute("class", cls);
  parent.appendChild(e);
  return e;
}

function rankList(parent, kind) {
  const box = el("section", `rank rank--${kind}`, parent);
  const title = el("h2", "rank__title", box);
  const list = el("ol", "rank__list", box);
  const rows = [0, 1, 2].map(() => {
    const li = el("li", "rank__row", list);
    const name = el("span", "rank__name", li);
    const count = el("span", "rank__count", li);
    const bar = el("span", "rank__bar", li);
    bar.setAttribute("aria-hidden", "true");
    return { li, name, count, bar };
  });
  return { box, title, rows };
}

/** Build the stats slide's skeleton once into `root`. */
export function createStatsSlide(root) {
  root.replaceChildren();
  const kicker = el("p", "slide__kicker", root);
  const title = el("span", "badge", kicker);
  const week = el("span", "slide__about", kicker);
  const grid = el("div", "stats", root);
  const hero = el("div", "stats__hero", grid);
  const figure = el("p", "stats__figure", hero);
  const count = el("span", "stats__count", figure);
  const unit = el("span", "stats__unit", figure);
  const change = el("p", "stats__change", hero);
  const delta = el("span", "stats__delta", change);
  const words = el("span", "stats__words", change);
  const resolved = el("p", "stats__resolved", hero);
  const trend = el("div", "stats__trend", grid);
  const chartBox = el("div", "stats__chart", trend);
  const chart = svg("svg", "spark", chartBox);
  chart.setAttribute("aria-hidden", "true");
  chart.setAttribute("preserveAspectRatio", "none");
  const base = svg("line", "spark__base", chart);
  const area = svg("path", "spark__area", chart);
  const line = svg("polyline", "spark__line", chart);
  const dot = svg("circle", "spark__dot", chart);
  const caption = el("p", "stats__caption", trend);
  const lists = el("div", "stats__lists", grid);
  const ranks = { themes: rankList(lists, "themes"), staff: rankList(lists, "staff"), branches: rankList(lists, "branches") };
  return { root, kicker, title, week, grid, hero, count, unit, change, delta, words, resolved, trend, chartBox, chart, base, area, line, dot, caption, ranks, stats: null, item: null };
}

function fillRank(rank, title, entries) {
  rank.box.hidden = entries.length === 0;
  setText(rank.title, title);
  const most = Math.max(1, ...entries.map((e) => e.count));
  rank.rows.forEach((row, i) => {
    const e = entries[i];
    row.li.hidden = !e;
    if (!e) return;
    setText(row.name, e.name);
    setText(row.count, String(e.count));
    row.bar.style.transform = `scaleX(${Math.max(0.04, e.count / most).toFixed(3)})`;
  });
}

/** Draw the sparkline in the chart's own pixels, so strokes and dot stay round. */
function drawSpark(slide) {
  const { chart, stats } = slide;
  // Layout size of the box (a turned frame does not swap it, unlike a bounding rect).
  const w = slide.chartBox.clientWidth;
  const h = slide.chartBox.clientHeight;
  const short = Math.min(innerWidth, innerHeight);
  const stroke = Math.max(2, Math.round(short * 0.006));
  const r = Math.round(stroke * 2.2);
  const { points, line, area } = sparkline(stats ? stats.series : [], w, h, r + stroke);
  chart.setAttribute("viewBox", `0 0 ${Math.max(1, w)} ${Math.max(1, h)}`);
  slide.line.setAttribute("points", line);
  slide.line.setAttribute("stroke-width", String(stroke));
  slide.area.setAttribute("d", area);
  const y = h - r - stroke;
  for (const [k, v] of [["x1", 0], ["x2", w], ["y1", y], ["y2", y]]) slide.base.setAttribute(k, String(v));
  slide.dot.setAttribute("visibility", points.length ? "visible" : "hidden");
  const last = points[points.length - 1] || [0, 0];
  slide.dot.setAttribute("cx", String(last[0]));
  slide.dot.setAttribute("cy", String(last[1]));
  slide.dot.setAttribute("r", String(r));
  slide.dot.setAttribute("stroke-width", String(stroke));
}

/** The big number shrinks (never below 12vmin) when the stage is short, say above an announcement. */
function fitHero(slide) {
  const { grid, hero, count } = slide;
  const slack = Math.min(innerWidth, innerHeight) / 200; // the big digits' ink may poke out a little
  const fits = () => hero.scrollHeight <= hero.clientHeight + slack && grid.scrollHeight <= grid.clientHeight + slack;
  count.style.fontSize = "";
  for (let vmin = 22; vmin >= 12 && !fits(); vmin -= 2) count.style.fontSize = `${vmin}vmin`;
}

/** Fill the stats slide; `stats` from stats.js cleanStats, ctx = {lang}. The slide may be hidden. */
export function renderStats(slide, stats, ctx) {
  const l = STATS_LABELS[ctx.lang] || STATS_LABELS.en;
  slide.stats = stats;
  setText(slide.title, l.title);
  setText(slide.week, weekRange(stats.week_start, ctx.lang));
  setText(slide.count, String(stats.praise));
  setText(slide.unit, l.unit);
  const c = changeText(stats, ctx.lang);
  slide.change.dataset.trend = c.trend;
  setText(slide.delta, c.delta);
  setText(slide.words, c.words);
  setText(slide.resolved, stats.resolved == null ? "" : `${l.resolved}: ${stats.resolved}`);
  setText(slide.caption, stats.series.length ? l.weeks(stats.series.length) : "");
  slide.trend.hidden = stats.series.length < 2;
  fillRank(slide.ranks.themes, l.themes, stats.themes);
  fillRank(slide.ranks.staff, l.staff, stats.staff);
  fillRank(slide.ranks.branches, l.branches, stats.branches);
  fitHero(slide);
  drawSpark(slide);
}
