// The moderation queue: keyboard first. Every action is a call to /api/v1 with the
// page's CSRF token; the server pushes the result to the screens.

const csrf = document.body.dataset.csrf;
const queue = document.getElementById("queue");
const cards = () => [...queue.querySelectorAll("li.item")];
let current = 0;

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || data.message || response.statusText);
  return data;
}

function focusCard(index) {
  const list = cards();
  if (!list.length) return;
  current = Math.max(0, Math.min(index, list.length - 1));
  list.forEach((c, i) => c.classList.toggle("is-current", i === current));
  list[current].focus({ preventScroll: true });
  list[current].scrollIntoView({ block: "nearest" });
  loadWhy(list[current]);
}

/** Why the queue shows the card where it does: the learned model's score, the rules' hits and
 * the nearest labelled examples (looked up on the server when the card is first focused). */
async function loadWhy(card) {
  const box = card.querySelector("[data-why]");
  if (!box || box.dataset.loaded) return;
  box.dataset.loaded = "1";
  try {
    const why = await call("GET", `/api/v1/items/${card.dataset.id}/why`);
    const brief = why.model ? [`${box.dataset.model} ${why.model.score.toFixed(2)}`] : [];
    brief.push(...why.rules);
    const list = box.querySelector("[data-nearest]");
    for (const near of why.nearest) {
      const li = document.createElement("li");
      const label = near.praise ? box.dataset.praise : box.dataset.not;
      li.textContent = `${label}${near.reason ? ` (${near.reason})` : ""} · ${near.similarity.toFixed(2)} · ${near.text}`;
      list.append(li);
      brief.push(near.praise ? "✓" : "✗");
    }
    if (!why.nearest.length) {
      const li = document.createElement("li");
      li.textContent = box.dataset.none;
      list.append(li);
    }
    box.querySelector("[data-why-brief]").textContent = brief.join(" · ");
  } catch {
    delete box.dataset.loaded;
  }
}

// After a reject, 1–5 says why (what the learned model learns from); anything else: "other".
const REASONS = ["complaint", "sarcasm", "off-topic", "personal-data", "other"];
let reasonCard = null;

function closeReason() {
  if (reasonCard) reasonCard.querySelector("[data-reasons]").hidden = true;
  reasonCard = null;
}

function askReason(card) {
  closeReason();
  const picker = card.querySelector("[data-reasons]");
  if (!picker) return;
  picker.hidden = false;
  reasonCard = card;
}

async function giveReason(card, reason) {
  closeReason();
  try {
    show(card, await call("POST", `/api/v1/items/${card.dataset.id}/reject`, { reason }));
  } catch (err) {
    card.classList.add("is-failed");
    card.querySelector("[data-status]").textContent = String(err.message);
  }
}

function show(card, item) {
  card.className = card.className.replace(/item--\w+/, `item--${item.status}`);
  card.querySelector("[data-status]").textContent = item.status;
  card.querySelector("[data-shown]").textContent = item.edited_text || item.display_text;
  card.classList.remove("is-failed");
  const recalled = !!item.recalled_at;
  for (const [sel, hide] of [["[data-recalled]", !recalled], ['[data-action="recall"]', recalled || item.status === "pending"], ['[data-action="unrecall"]', !recalled]]) {
    const node = card.querySelector(sel);
    if (node) node.hidden = hide;
  }
  for (const flag of card.querySelectorAll("[data-long]")) flag.hidden = !(item.too_long_for || []).includes(flag.dataset.long);
  if (item.posters) showPosters(card, item.posters);
}

/** After a recall: the posters already printed, for someone to take down. */
function showPosters(card, posters) {
  const box = card.querySelector("[data-posters]");
  box.textContent = posters.length ? box.dataset.some : box.dataset.none;
  for (const p of posters) {
    const li = document.createElement("span");
    li.className = "poster-row";
    li.textContent = ` #${p.id} ${p.size} · ${p.created_by} · ${p.created_at.slice(0, 16).replace("T", " ")} UTC`;
    box.append(li);
  }
  box.hidden = false;
}

async function act(card, action) {
  try {
    // "other" until 1–5 says more; an item already rejected keeps the reason it has.
    const fresh = action === "reject" && !card.classList.contains("item--rejected");
    const body = fresh ? { reason: "other" } : undefined;
    show(card, await call("POST", `/api/v1/items/${card.dataset.id}/${action}`, body));
    if (action === "reject") askReason(card);
    if (!["undo", "recall", "unrecall"].includes(action)) focusCard(cards().indexOf(card) + 1);
  } catch (err) {
    card.classList.add("is-failed");
    card.querySelector("[data-status]").textContent = String(err.message);
  }
}

function selected() {
  return cards().filter((c) => c.querySelector(".item__select").checked);
}

function updateBulk() {
  const n = selected().length;
  document.getElementById("bulk").hidden = n === 0;
  document.getElementById("bulk-count").textContent = `${n}`;
}

async function bulk(action) {
  const chosen = selected();
  if (!chosen.length) return;
  const ids = chosen.map((c) => Number(c.dataset.id));
  const { items } = await call("POST", "/api/v1/items/bulk", { ids, action });
  items.forEach((item, i) => {
    show(chosen[i], item);
    chosen[i].querySelector(".item__select").checked = false;
  });
  updateBulk();
}

function openEdit(card) {
  const form = card.querySelector(".item__edit");
  form.hidden = false;
  form.querySelector("textarea").focus();
}

queue.addEventListener("click", (event) => {
  const card = event.target.closest("li.item");
  if (!card) return;
  focusCard(cards().indexOf(card));
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.reason) giveReason(card, button.dataset.reason);
  else if (button.dataset.action) act(card, button.dataset.action);
  else if ("edit" in button.dataset) openEdit(card);
  else if ("cancel" in button.dataset) card.querySelector(".item__edit").hidden = true;
});

queue.addEventListener("change", (event) => {
  if (event.target.matches(".item__select")) updateBulk();
});

queue.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const card = form.closest("li.item");
  const local = form.expires_at.value;
  const body = {
    display_text: form.display_text.value,
    // datetime-local has no zone: send it as the browser's local time with its offset
    expires_at: local ? new Date(local).toISOString() : null,
  };
  try {
    show(card, await call("PATCH", `/api/v1/items/${card.dataset.id}`, body));
    form.hidden = true;
    card.focus();
  } catch (err) {
    card.classList.add("is-failed");
    card.querySelector("[data-status]").textContent = String(err.message);
  }
});

document.getElementById("bulk").addEventListener("click", (event) => {
  const action = event.target.dataset && event.target.dataset.bulk;
  if (action) bulk(action);
});

const KEYS = { a: "approve", r: "reject", p: "pin", u: "undo", w: "recall" };
document.addEventListener("keydown", (event) => {
  if (event.target.closest("input, textarea, select") || event.metaKey || event.ctrlKey) {
    if (event.key === "Escape") event.target.closest("form")?.setAttribute("hidden", "");
    return;
  }
  if (reasonCard && /^[1-5]$/.test(event.key)) {
    giveReason(reasonCard, REASONS[Number(event.key) - 1]);
    event.preventDefault();
    return;
  }
  closeReason();
  const card = cards()[current];
  if (event.key === "j" || event.key === "ArrowDown") focusCard(current + 1);
  else if (event.key === "k" || event.key === "ArrowUp") focusCard(current - 1);
  else if (event.key === "A") bulk("approve");
  else if (event.key === "R") bulk("reject");
  else if (!card) return;
  else if (event.key === "w" && !card.querySelector('[data-action="recall"]:not([hidden])')) return; // admins; not pending
  else if (KEYS[event.key]) act(card, KEYS[event.key]);
  else if (event.key === "e") openEdit(card);
  else if (event.key === "x") {
    const box = card.querySelector(".item__select");
    box.checked = !box.checked;
    updateBulk();
  } else return;
  event.preventDefault();
});

focusCard(0);
