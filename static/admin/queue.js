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
}

function show(card, item) {
  card.className = card.className.replace(/item--\w+/, `item--${item.status}`);
  card.querySelector("[data-status]").textContent = item.status;
  card.querySelector("[data-shown]").textContent = item.edited_text || item.display_text;
  card.classList.remove("is-failed");
}

async function act(card, action) {
  try {
    show(card, await call("POST", `/api/v1/items/${card.dataset.id}/${action}`));
    if (action !== "undo") focusCard(cards().indexOf(card) + 1);
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
  if (button.dataset.action) act(card, button.dataset.action);
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

const KEYS = { a: "approve", r: "reject", p: "pin", u: "undo" };
document.addEventListener("keydown", (event) => {
  if (event.target.closest("input, textarea, select") || event.metaKey || event.ctrlKey) {
    if (event.key === "Escape") event.target.closest("form")?.setAttribute("hidden", "");
    return;
  }
  const card = cards()[current];
  if (event.key === "j" || event.key === "ArrowDown") focusCard(current + 1);
  else if (event.key === "k" || event.key === "ArrowUp") focusCard(current - 1);
  else if (event.key === "A") bulk("approve");
  else if (event.key === "R") bulk("reject");
  else if (!card) return;
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
